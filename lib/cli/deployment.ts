import { readFile } from "node:fs/promises";
import path from "node:path";

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
  timelock: "Cooperative#TimelockController",
  governor: "Cooperative#HolisticGovernor",
  treasury: "Cooperative#RedemptionTreasury",
  factory: "Dex#CoopPairFactory",
  router: "Dex#CoopRouter",
  wrbtc: "Dex#WRBTC",
  pair: "Confoederatio#CoopPair",
  oracle: "Confoederatio#CoopTwapOracle",
};

const OPTIONAL = new Set<keyof CoopAddresses>(["pair", "oracle"]);

export const DEPLOYMENTS_DIR = path.join(import.meta.dirname, "..", "..", "deploy", "deployments");

/** The Ignition deployment id that `npm run deploy` uses for a chain. */
export function deploymentId(chainId: bigint | number): string {
  return `chain-${chainId}`;
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

function findBySuffix(deployed: Record<string, string>, futureId: string): string | undefined {
  const name = `#${futureId.split("#")[1]}`;
  const match = Object.keys(deployed).find((key) => key.endsWith(name));
  return match === undefined ? undefined : deployed[match];
}

/** Reads the addresses that `npm run deploy` recorded for `chainId`. */
export async function loadAddresses(
  networkName: string,
  chainId: bigint,
  dir = DEPLOYMENTS_DIR,
): Promise<CoopAddresses> {
  const file = path.join(dir, deploymentId(chainId), "deployed_addresses.json");
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
