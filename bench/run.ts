/**
 * `npm run bench`: the gas and size of every user operation, ours beside OpenZeppelin's
 * governor and ERC20Votes and Uniswap V2's pair, on one in-process EDR chain.
 *
 * Run through `bench/cli.ts` (`npm run bench [-- --check]`) or directly with
 * `npx hardhat run bench/run.ts`; `BENCH_CHECK=1` enforces the targets. Writes
 * `bench/REPORT.md` and `bench/results.json` and prints the report.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { artifacts, config, network } from "hardhat";

import { anchorGovernance, anchorToken, anchorUniswap } from "./lib/anchors.js";
import { appSection } from "./lib/app.js";
import { Chain, Recorder, progress } from "./lib/chain.js";
import { measureOurs } from "./lib/ours.js";
import { renderReport } from "./lib/report.js";
import { checkTargets, failedTargets } from "./lib/targets.js";
import type { BenchResults, ContractRow } from "./lib/types.js";

const started = performance.now();
const check = process.env.BENCH_CHECK === "1";

const connection = await network.getOrCreate();
const networkConfig = connection.networkConfig;
if (networkConfig.type !== "edr-simulated") {
  throw new Error(`bench: run it on the in-process network, not "${connection.networkName}"`);
}

const recorder = new Recorder();
const chain = new Chain(connection, recorder, artifacts);

await anchorToken(chain);
await anchorGovernance(chain);
await anchorUniswap(chain);
await measureOurs(chain);
await recordSizes(recorder);

const results: BenchResults = {
  meta: {
    generatedAt: new Date().toISOString(),
    hardfork: networkConfig.hardfork,
    blockGasLimit: Number(networkConfig.blockGasLimit),
    solc: config.solidity.profiles.default.compilers[0]?.version ?? "unknown",
    seconds: (performance.now() - started) / 1000,
    notMeasured: recorder.notMeasured,
  },
  operations: recorder.operations,
  batches: recorder.batches,
  largestBatches: recorder.largestBatches,
  scale: recorder.scale,
  contracts: recorder.contracts,
  storage: recorder.storage,
  targets: [],
};
results.targets = checkTargets(results);

const report = renderReport(results) + (await appSection());
const here = import.meta.dirname;
// The tracked files change only when a figure does: a new date or run time alone leaves them.
const unchanged = await sameFigures(path.join(here, "results.json"), results);
if (!unchanged) {
  await writeFile(path.join(here, "REPORT.md"), report);
  await writeFile(path.join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
}
process.stdout.write(report);
progress(
  `done in ${results.meta.seconds.toFixed(0)} s; ${unchanged ? "every figure as recorded: bench/REPORT.md and bench/results.json left unchanged" : "wrote bench/REPORT.md, bench/results.json"}`,
);

if (check) {
  const failed = failedTargets(results.targets);
  if (failed.length === 0) {
    progress(`check: all ${results.targets.length} targets met`);
  } else {
    process.stderr.write(`\nbench --check: ${failed.length} target(s) missed\n`);
    for (const outcome of failed) {
      process.stderr.write(`  ${outcome.status.toUpperCase()}: ${outcome.target}\n`);
      process.stderr.write(`    ${outcome.figures}\n`);
    }
    process.exitCode = 1;
  }
}

/** Runtime size of every contract of ours in the build (not interfaces, bench-only contracts or
 * test mocks, wherever their `mocks/` folder is), whether or not the bench deployed it. */
async function recordSizes(rec: Recorder) {
  for (const name of [...(await artifacts.getAllFullyQualifiedNames())].sort()) {
    const source = name.slice(0, name.lastIndexOf(":"));
    const excluded = /^contracts\/(bench|interfaces)\/|\/mocks\//.test(source);
    if (!source.startsWith("contracts/") || excluded) continue;
    const artifact = await artifacts.readArtifact(name);
    const runtimeBytes = (artifact.deployedBytecode.length - 2) / 2;
    if (runtimeBytes === 0) continue; // abstract contract
    const row: ContractRow = {
      name: artifact.contractName,
      side: "ours",
      runtimeBytes,
      deployGas: null,
    };
    const deployed = rec.contracts.find((r) => r.side === "ours" && r.name === row.name);
    if (deployed === undefined) rec.contract(row);
    else deployed.runtimeBytes = runtimeBytes;
  }
}

/** Whether `file` records the same results as `results`, apart from when and how long. */
async function sameFigures(file: string, results: BenchResults): Promise<boolean> {
  let recorded: BenchResults;
  try {
    recorded = JSON.parse(await readFile(file, "utf8")) as BenchResults;
  } catch {
    return false;
  }
  const figures = (r: BenchResults) =>
    JSON.stringify({ ...r, meta: { ...r.meta, generatedAt: "", seconds: 0 } });
  return figures(recorded) === figures(JSON.parse(JSON.stringify(results)) as BenchResults);
}
