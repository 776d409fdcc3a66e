import { access } from "node:fs/promises";
import path from "node:path";

import { readDeploymentParameters } from "@nomicfoundation/hardhat-ignition/helpers";
import type { DeploymentParameters } from "@nomicfoundation/ignition-core";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { confoederatioModule } from "../deploy/modules/Confoederatio.js";
import { RSK_CHAIN_IDS } from "../lib/constants.js";
import { deploymentIdOf, forgetStaleLocalDeployment } from "../lib/cli/deployment.js";
import { CliError, errorLine, runCommand } from "../lib/cli/errors.js";

/** Arguments of the `deploy` task. */
export interface DeployTaskArguments {
  /** A parameters file; `deploy/parameters/<network>.json` when not given. */
  parameters: string | undefined;
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
/** A value left for the user to fill in, e.g. `<FOUNDER_ADDRESS>`. */
const PLACEHOLDER = /^<[^>]*>$/;

/** Where a placeholder is left in `value` (`Cooperative.genesisWorkAccounts[0]`), if anywhere. */
export function findPlaceholder(value: unknown, where = ""): [string, string] | undefined {
  if (typeof value === "string") return PLACEHOLDER.test(value) ? [where, value] : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findPlaceholder(item, `${where}[${i}]`);
      if (found !== undefined) return found;
    }
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findPlaceholder(item, where === "" ? key : `${where}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

async function readParameters(file: string, shown: string): Promise<DeploymentParameters> {
  try {
    await access(file);
  } catch {
    throw new CliError(`no parameters file ${shown}; write one (see deploy/parameters/README.md)`);
  }
  let parameters: DeploymentParameters;
  try {
    parameters = await readDeploymentParameters(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new CliError(`cannot read ${shown}: ${reason}`);
  }
  const placeholder = findPlaceholder(parameters);
  if (placeholder !== undefined) {
    const [where, value] = placeholder;
    throw new CliError(`${shown}: replace the placeholder ${value} at ${where}`);
  }
  return parameters;
}

/** On RSK testnet and mainnet the router must be given the canonical WRBTC. */
export function checkWrbtc(parameters: DeploymentParameters, chainId: bigint, shown: string): void {
  const onPublicRsk =
    chainId === BigInt(RSK_CHAIN_IDS.mainnet) || chainId === BigInt(RSK_CHAIN_IDS.testnet);
  const wrbtc = parameters.Dex?.wrbtc ?? parameters.$global?.wrbtc;
  if (onPublicRsk && (typeof wrbtc !== "string" || wrbtc.toLowerCase() === ZERO_ADDRESS)) {
    throw new CliError(`${shown}: Dex.wrbtc must be the canonical WRBTC on chain ${chainId}`);
  }
}

/**
 * Checks the network's configured private keys before connecting: an empty
 * key (the `.env.example` default) or one that is not 32 bytes of hex is one
 * clear line, naming the variable when it is one.
 */
async function checkAccounts(hre: HardhatRuntimeEnvironment, networkName: string): Promise<void> {
  const config = hre.config.networks[networkName];
  if (config === undefined || config.type !== "http" || !Array.isArray(config.accounts)) return;
  for (const account of config.accounts) {
    const name = (account as { name?: string }).name;
    const where = name === undefined ? `network ${networkName}'s account` : name;
    let key: string;
    try {
      key = await account.get();
    } catch {
      throw new CliError(
        `network ${networkName} needs ${where}: set it in the environment, .env or the Hardhat keystore`,
      );
    }
    const hex = key.trim().replace(/^0x/, "");
    if (hex === "") {
      throw new CliError(`${where} is empty: set a private key (0x and 64 hex digits)`);
    }
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
      throw new CliError(
        `${where} is not a private key: expected 0x and 64 hex digits, got ${hex.length} characters`,
      );
    }
  }
}

/**
 * Connects to the chosen network and reads its chain id. Hardhat resolves a
 * network's configuration variables (URL, key) on first use, so both steps
 * may find one missing: that becomes one clear line.
 */
async function connect(hre: HardhatRuntimeEnvironment, networkName: string) {
  try {
    const connection = await hre.network.getOrCreate();
    const chainId = BigInt(
      (await connection.provider.request({ method: "eth_chainId", params: [] })) as string,
    );
    return { connection, chainId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const missing = /(?:Configuration Variable|Key) "([^"]+)" not found/i.exec(message);
    throw new CliError(
      missing === null
        ? `network ${networkName}: ${message.replace(/^HHE\d+: /, "")}`
        : `network ${networkName} needs ${missing[1]}: set it in the environment, .env or the Hardhat keystore`,
    );
  }
}

async function deploy(args: DeployTaskArguments, hre: HardhatRuntimeEnvironment): Promise<void> {
  const networkName = hre.globalOptions.network ?? "default";
  const root = hre.config.paths.root;
  const file =
    args.parameters === undefined
      ? path.join(root, "deploy", "parameters", `${networkName}.json`)
      : path.resolve(args.parameters);
  const relative = path.relative(process.cwd(), file);
  const shown = relative.startsWith("..") ? file : relative;
  const parameters = await readParameters(file, shown);
  // The local checks first (parameters, then keys), all before connecting.
  await checkAccounts(hre, networkName);

  const { connection, chainId } = await connect(hre, networkName);
  const expected = connection.networkConfig.chainId;
  if (expected !== undefined && BigInt(expected) !== chainId) {
    throw new CliError(
      `network ${networkName} is chain ${expected}, but its RPC URL answers as chain ${chainId}; check the URL`,
    );
  }
  checkWrbtc(parameters, chainId, shown);

  const deploymentId = deploymentIdOf(chainId);
  const simulated = connection.networkConfig.type === "edr-simulated";
  const deploymentDir = path.join(hre.config.paths.ignition, "deployments", deploymentId);
  await forgetStaleLocalDeployment(connection, chainId, hre.config.paths.cache);

  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
  console.log(`Deploying Confoederatio on ${networkName} (chain ${chainId}) with ${shown}`);
  let deployed;
  try {
    deployed = await connection.ignition.deploy(confoederatioModule(parameters), {
      parameters,
      deploymentId,
      // Ignition's live progress view redraws a terminal; in a log it would repeat every frame
      displayUi: process.stdout.isTTY === true,
    });
  } catch (error) {
    const reconciliation = /reconciliation/i.test(oneLine(error));
    throw new CliError(
      `deployment failed: ${reconciliation ? errorLine(error) : `${oneLine(error)}${simulated ? "" : RESUME_HINT}`}`,
    );
  }

  console.log("\nAddresses:");
  const width = Math.max(...Object.keys(deployed).map((name) => name.length));
  for (const [name, contract] of Object.entries(deployed)) {
    console.log(`  ${name.padEnd(width)}  ${await contract.getAddress()}`);
  }
  if (simulated) {
    console.log(
      `\n${networkName} is an in-process network: this deployment ends with the process.`,
    );
  } else {
    const addresses = path.join(deploymentDir, "deployed_addresses.json");
    console.log(`\nRecorded in ${path.relative(process.cwd(), addresses)}`);
  }
}

const RESUME_HINT = " (fix the cause and run the same command again to resume)";

/** Ignition's multi-line failure report (a header, then one line per failed future) as one line. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/^HHE\d+: /, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
}

/** The `deploy` task's action: one line and a non-zero exit code on any failure. */
export default async function deployAction(
  args: DeployTaskArguments,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(() => deploy(args, hre));
}
