/**
 * Running `coop` commands in the test process, as the CLI runs them: shared by the CLI, band,
 * RSK and federation tests.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import hre from "hardhat";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { CoopAddresses } from "../../lib/cli/deployment.js";
import { ignitionRecordOf, networkParameters } from "../../lib/cli/deployment.js";
import { deployConfoederatio, withFounders } from "../../lib/coop/demo.js";

/**
 * Fixture: the cooperative deployed on this process's network with three founders (accounts 1,
 * 2 and 3), recorded for the CLI in a fresh directory (for COOP_DEPLOYMENTS_DIR).
 */
export async function deployForCli(): Promise<{ addresses: CoopAddresses; dir: string }> {
  const connection = await hre.network.getOrCreate();
  const [, alice, bob, carol] = await connection.ethers.getSigners();
  const parameters = withFounders(await networkParameters("default"), [
    alice.address,
    bob.address,
    carol.address,
  ]);
  const addresses = await deployConfoederatio(connection, parameters);
  return { addresses, dir: await recordDeployment(connection.ethers, addresses) };
}

/** What a command printed, its exit code and how many blocks it mined. */
export interface Outcome {
  out: string[];
  err: string[];
  exitCode: number;
  blocksMined: number;
}

/** Records `addresses` as `npm run deploy` would, in a fresh directory (for COOP_DEPLOYMENTS_DIR). */
export async function recordDeployment(
  ethers: HardhatEthers,
  addresses: CoopAddresses,
  prefix = "coop-cli-",
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const { chainId } = await ethers.provider.getNetwork();
  await mkdir(path.join(dir, `chain-${chainId}`));
  await writeFile(
    path.join(dir, `chain-${chainId}`, "deployed_addresses.json"),
    JSON.stringify(ignitionRecordOf(addresses)),
  );
  return dir;
}

/**
 * Runs the task `command` (e.g. `["coop", "vote"]`) in this process, capturing what it prints;
 * `runtime` is the Hardhat runtime whose `--network` the command uses (this process's own by
 * default), `ethers` a connection to the same chain.
 */
export async function runTask(
  ethers: HardhatEthers,
  command: string[],
  args: Record<string, string | boolean>,
  runtime: HardhatRuntimeEnvironment = hre,
): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => out.push(parts.join(" "));
  console.error = (...parts: unknown[]) => err.push(parts.join(" "));
  const before = await ethers.provider.getBlockNumber();
  process.exitCode = 0;
  try {
    await runtime.tasks.getTask(command).run({ from: "", ...args });
  } finally {
    console.log = log;
    console.error = error;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, exitCode, blocksMined: (await ethers.provider.getBlockNumber()) - before };
}

/** Asserts a refusal as the CLI must make it: one `error:` line, exit code 1, no block mined. */
export function expectRefusal(outcome: Outcome, pattern: RegExp): void {
  expect(outcome.err).to.have.length(1);
  expect(outcome.err[0]).to.match(/^error: /);
  expect(outcome.err[0]).to.match(pattern);
  expect(outcome.exitCode).to.equal(1);
  expect(outcome.blocksMined).to.equal(0);
}
