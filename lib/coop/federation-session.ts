import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { pickSigner } from "../cli/session.js";
import { type Federation, loadFederation, openFederation } from "./federation.js";

/**
 * Connects to the network chosen with `--network`, reads the federation recorded there, and
 * binds it to the signer `from`: an index into the network's accounts ("0", the default) or one
 * of their addresses.
 */
export async function openFederationSession(
  hre: HardhatRuntimeEnvironment,
  from: string | undefined,
): Promise<Federation> {
  const connection = await hre.network.getOrCreate();
  const { ethers } = connection;
  const { chainId } = await ethers.provider.getNetwork();
  const addresses = await loadFederation(connection.networkName, chainId);
  const signer = await pickSigner(ethers, connection.networkName, from);
  return openFederation(ethers, addresses, signer);
}
