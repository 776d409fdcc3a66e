import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { openCoop, type Coop } from "../coop/context.js";
import { useReserveUnit } from "../coop/explain.js";
import { reserveOf, useNotice } from "../coop/reserve.js";
import { deploymentIdOf, loadAddresses, type CoopAddresses } from "./deployment.js";
import { CliError } from "./errors.js";
import { given, parseAddress, type OptionText } from "./parse.js";

/**
 * Connects to the network chosen with `--network`, reads the cooperative
 * that `npm run deploy` recorded there, and binds it to the signer `from`:
 * an index into the network's configured accounts ("0", the default) or one
 * of their addresses in any checksum form.
 */
export async function openSession(hre: HardhatRuntimeEnvironment, from: OptionText): Promise<Coop> {
  const connection = await hre.network.getOrCreate();
  const { ethers } = connection;
  const { chainId } = await ethers.provider.getNetwork();
  const addresses = await loadAddresses(connection.networkName, chainId);
  await ensureDeployed(ethers, connection.networkName, chainId, addresses);
  const signer = await pickSigner(ethers, connection.networkName, from);
  const coop = await openCoop(ethers, addresses, signer);
  const reserve = await reserveOf(coop);
  useReserveUnit({ symbol: reserve.symbol, decimals: reserve.decimals });
  useNotice((line) => console.log(line));
  return coop;
}

/**
 * The signer `from` names among the network's configured accounts: an index ("0", the default
 * when left out or empty) or one of their addresses in any checksum form.
 */
export async function pickSigner(
  ethers: HardhatEthers,
  networkName: string,
  fromText: OptionText,
): Promise<HardhatEthersSigner> {
  const signers = await ethers.getSigners();
  if (signers.length === 0) {
    throw new CliError(`network "${networkName}" has no accounts configured`);
  }
  const from = given(fromText);
  if (from === undefined) return signers[0];
  if (/^\d+$/.test(from)) {
    const signer = signers[Number(from)];
    if (signer === undefined) {
      throw new CliError(
        `--from ${from}: the network has ${signers.length} accounts (0 to ${signers.length - 1})`,
      );
    }
    return signer;
  }
  const wanted = parseAddress(from, "--from");
  const match = signers.find((s) => s.address === wanted);
  if (match === undefined)
    throw new CliError(`--from ${from} is not one of the network's accounts`);
  return match;
}

/**
 * Refuses a recorded deployment whose contracts are not on the chain: a
 * restarted or reset node keeps its chain id but forgets every contract.
 */
async function ensureDeployed(
  ethers: HardhatEthers,
  networkName: string,
  chainId: bigint,
  addresses: CoopAddresses,
): Promise<void> {
  const codes = await Promise.all(
    [addresses.treasury, addresses.governor, addresses.workHours].map((a) =>
      ethers.provider.getCode(a),
    ),
  );
  if (codes.some((code) => code === "0x")) {
    throw new CliError(
      `the cooperative recorded in deploy/deployments/${deploymentIdOf(chainId)} is not on network "${networkName}" (chain ${chainId}; was the node restarted?); run npm run deploy -- --network ${networkName}`,
    );
  }
}
