import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CliError } from "../cli/errors.js";
import { parseAddress } from "../cli/parse.js";
import { type Federation, loadFederation, openFederation } from "./federation.js";

/**
 * Connects to the network chosen with `--network`, reads the federation recorded there, and
 * binds it to the signer `from`: an index into the network's accounts ("0", the default) or one
 * of their addresses.
 */
export async function openFederationSession(
  hre: HardhatRuntimeEnvironment,
  from: string,
): Promise<Federation> {
  const connection = await hre.network.getOrCreate();
  const { ethers } = connection;
  const { chainId } = await ethers.provider.getNetwork();
  const addresses = await loadFederation(connection.networkName, chainId);
  const signers = await ethers.getSigners();
  if (signers.length === 0)
    throw new CliError(`network "${connection.networkName}" has no accounts configured`);
  let signer = signers[0];
  if (/^\d+$/.test(from)) {
    signer = signers[Number(from)];
    if (signer === undefined)
      throw new CliError(
        `--from ${from}: the network has ${signers.length} accounts (0 to ${signers.length - 1})`,
      );
  } else if (from !== "") {
    const wanted = parseAddress(from, "--from");
    const match = signers.find((s) => s.address === wanted);
    if (match === undefined)
      throw new CliError(`--from ${from} is not one of the network's accounts`);
    signer = match;
  }
  return openFederation(ethers, addresses, signer);
}
