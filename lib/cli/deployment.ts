import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { readDeploymentParameters } from "@nomicfoundation/hardhat-ignition/helpers";
import type { DeploymentParameters } from "@nomicfoundation/ignition-core";
import type { NetworkConnection } from "hardhat/types/network";

import { CliError } from "./errors.js";

/** The contracts of one cooperative deployment, by role. */
export interface CoopAddresses {
  workHours: string;
  careReputation: string;
  registry: string;
  timelock: string;
  governor: string;
  treasury: string;
  factory: string;
  router: string;
  wrbtc: string;
  pair?: string;
  oracle?: string;
}

/** Ignition future ids (`Module#Contract`) of each role. */
const FUTURE_IDS: Record<keyof CoopAddresses, string> = {
  workHours: "Cooperative#WorkHours",
  careReputation: "Cooperative#CareReputation",
  registry: "Cooperative#ContributionRegistry",
  timelock: "Cooperative#CoopTimelock",
  governor: "Cooperative#HolisticGovernor",
  treasury: "Cooperative#RedemptionTreasury",
  factory: "Dex#CoopPairFactory",
  router: "Dex#CoopRouter",
  wrbtc: "Dex#WRBTC",
  pair: "Confoederatio#CoopPair",
  oracle: "Confoederatio#CoopTwapOracle",
};

const OPTIONAL = new Set<keyof CoopAddresses>(["pair", "oracle"]);

/** Where `npm run deploy` records deployments; COOP_DEPLOYMENTS_DIR overrides it (tests). */
export function deploymentsDir(): string {
  return (
    process.env.COOP_DEPLOYMENTS_DIR ??
    path.join(import.meta.dirname, "..", "..", "deploy", "deployments")
  );
}

/** The Ignition deployment id that `npm run deploy` uses for a chain. */
export function deploymentIdOf(chainId: bigint | number): string {
  return `chain-${chainId}`;
}

/** Where `npm run deploy` finds each network's parameters. */
export const PARAMETERS_DIR = path.join(import.meta.dirname, "..", "..", "deploy", "parameters");

/** The parameters `npm run deploy` uses on the network called `name`. */
export function networkParameters(name: string): Promise<DeploymentParameters> {
  return readDeploymentParameters(path.join(PARAMETERS_DIR, `${name}.json`));
}

/** Maps Ignition's deployed_addresses.json to roles; reports the first missing one. */
export function addressesFromIgnition(
  deployed: Record<string, string>,
  where: string,
): CoopAddresses {
  const entries = Object.entries(FUTURE_IDS).map(([role, futureId]) => {
    const address = deployed[futureId] ?? findBySuffix(deployed, futureId);
    if (address === undefined && !OPTIONAL.has(role as keyof CoopAddresses)) {
      throw new CliError(`${where} has no ${futureId.split("#")[1]}; the deployment is incomplete`);
    }
    return [role, address];
  });
  return Object.fromEntries(entries.filter(([, a]) => a !== undefined)) as CoopAddresses;
}

/** The inverse of {@link addressesFromIgnition}: the deployed_addresses.json that `npm run deploy`
 * would record for these addresses. */
export function ignitionRecordOf(addresses: CoopAddresses): Record<string, string> {
  return Object.fromEntries(
    Object.entries(FUTURE_IDS)
      .filter(([role]) => addresses[role as keyof CoopAddresses] !== undefined)
      .map(([role, futureId]) => [futureId, addresses[role as keyof CoopAddresses] as string]),
  );
}

function findBySuffix(deployed: Record<string, string>, futureId: string): string | undefined {
  const name = `#${futureId.split("#")[1]}`;
  const match = Object.keys(deployed).find((key) => key.endsWith(name));
  return match === undefined ? undefined : deployed[match];
}

/** Reads the addresses that `npm run deploy` recorded for `chainId`. */
export async function loadAddresses(
  networkName: string,
  chainId: bigint,
  dir = deploymentsDir(),
): Promise<CoopAddresses> {
  const file = path.join(dir, deploymentIdOf(chainId), "deployed_addresses.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CliError(
      `no cooperative is deployed on network "${networkName}" (chain ${chainId}); run npm run deploy -- --network ${networkName}`,
    );
  }
  return addressesFromIgnition(
    JSON.parse(text) as Record<string, string>,
    path.relative(process.cwd(), file),
  );
}

/** Hardhat's local chain id, shared by every `hardhat node`. */
const HARDHAT_CHAIN_ID = 31337n;

/**
 * A Hardhat node forgets everything when it restarts, but the journal in
 * `deploy/deployments/chain-31337` would still describe the old chain. As
 * `hardhat ignition deploy` does, remember the node's instance id (in the same
 * cache file) and start afresh when it changed. Other chains are left alone.
 */
export async function forgetStaleLocalDeployment(
  connection: NetworkConnection<string>,
  chainId: bigint,
  cacheDir: string,
): Promise<void> {
  if (connection.networkConfig.type === "edr-simulated" || chainId !== HARDHAT_CHAIN_ID) return;
  let instanceId: string;
  try {
    ({ instanceId } = (await connection.provider.request({
      method: "hardhat_metadata",
      params: [],
    })) as { instanceId: string });
  } catch {
    return; // another node on chain 31337 (e.g. anvil): nothing to compare with
  }
  const deploymentId = deploymentIdOf(chainId);
  const file = path.join(cacheDir, ".hardhat-network-instances.json");
  let instances: Record<string, string> = {};
  try {
    instances = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  } catch {
    // no record yet
  }
  if (instances[deploymentId] !== instanceId) {
    await rm(path.join(deploymentsDir(), deploymentId), { recursive: true, force: true });
    instances[deploymentId] = instanceId;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(instances, null, 2)}\n`);
  }
}
