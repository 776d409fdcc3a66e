/**
 * `npm run bench [-- --check]`. `hardhat run` passes no arguments to its script, so this wrapper
 * turns `--check` into `BENCH_CHECK=1` and runs `hardhat run bench/run.ts` on the same Node.
 * Node 22 runs this file directly (type stripping): it must stay plain, erasable TypeScript.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const USAGE = "usage: npm run bench [-- --check]";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--check");
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown argument ${unknown.join(" ")}\n${USAGE}\n`);
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "..");
const hardhatPackage = createRequire(import.meta.url).resolve("hardhat/package.json");
const hardhatCli = path.join(path.dirname(hardhatPackage), "dist/src/cli.js");

const child = spawn(process.execPath, [hardhatCli, "run", "bench/run.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, BENCH_CHECK: args.includes("--check") ? "1" : "0" },
});
child.on("exit", (code, signal) => {
  if (signal !== null) process.stderr.write(`bench: hardhat ended by ${signal}\n`);
  process.exit(code ?? 1);
});
