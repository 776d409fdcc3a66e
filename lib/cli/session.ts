import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { openCoop, type Coop } from "../coop/context.js";
import { loadAddresses } from "./deployment.js";
import { CliError } from "./errors.js";
import { parseAddress } from "./parse.js";

/**
 * Connects to the network chosen with `--network`, reads the cooperative
 * that `npm run deploy` recorded there, and binds it to the signer `from`:
 * an index into the network's configured accounts ("0", the default) or one
 * of their addresses in any checksum form.
 */
export async function openSession(hre: HardhatRuntimeEnvironment, from: string): Promise<Coop> {
  const connection = await hre.network.getOrCreate();
  const { ethers } = connection;
  const { chainId } = await ethers.provider.getNetwork();
  const addresses = await loadAddresses(connection.networkName, chainId);
  const signers = await ethers.getSigners();
  if (signers.length === 0) {
    throw new CliError(`network "${connection.networkName}" has no accounts configured`);
  }
  let signer = signers[0];
  if (/^\d+$/.test(from)) {
    signer = signers[Number(from)];
    if (signer === undefined) {
      throw new CliError(
        `--from ${from}: the network has ${signers.length} accounts (0 to ${signers.length - 1})`,
      );
    }
  } else if (from !== "") {
    const wanted = parseAddress(from, "--from");
    const match = signers.find((s) => s.address === wanted);
    if (match === undefined)
      throw new CliError(`--from ${from} is not one of the network's accounts`);
    signer = match;
  }
  return openCoop(ethers, addresses, signer);
}
