/**
 * Fails when the line coverage of `contracts/` is below the minimum.
 *
 * Reads the lcov file that `hardhat test --coverage` writes (`coverage/lcov.info`: one `SF:`
 * record per Solidity source, with `DA:<line>,<count>` for each executable line). Counts every
 * source under `contracts/` except the bench-only contracts (`contracts/bench/`) and test mocks
 * (`contracts/mocks/`, and any other `mocks/` folder under `contracts/`, such as
 * `contracts/token/mocks/`). Prints the figure, the least covered files, and exits 1 when the
 * coverage is below the minimum or when no counted source is in the report.
 *
 * Usage (Node 22 runs it directly): `node scripts/coverage-check.ts [lcov-file] [--min <percent>]`
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const DEFAULT_LCOV = "coverage/lcov.info";
export const DEFAULT_MINIMUM = 95;
const EXCLUDED = ["contracts/bench/", "contracts/**/mocks/"];

export interface FileCoverage {
  file: string;
  found: number;
  hit: number;
}

export interface CoverageSummary {
  files: FileCoverage[];
  found: number;
  hit: number;
  /** Percentage of lines hit; null when no line was found. */
  percent: number | null;
}

/** Parses an lcov tracefile into per-file line counts, from its `DA:` records. A file listed
 * twice (several test names) has its lines merged: a line is hit if any record hit it. */
export function parseLcov(text: string): FileCoverage[] {
  const lines = new Map<string, Map<number, boolean>>();
  let current: Map<number, boolean> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("SF:")) {
      const file = line.slice(3).replaceAll("\\", "/");
      current = lines.get(file) ?? new Map<number, boolean>();
      lines.set(file, current);
    } else if (line.startsWith("DA:")) {
      if (current === undefined) throw new Error(`lcov: "${line}" outside a source record`);
      const [lineNumber, count] = line.slice(3).split(",");
      const number = Number(lineNumber);
      const hits = Number(count);
      if (!Number.isInteger(number) || !Number.isFinite(hits)) {
        throw new Error(`lcov: malformed line "${line}"`);
      }
      current.set(number, (current.get(number) ?? false) || hits > 0);
    } else if (line === "end_of_record") {
      current = undefined;
    }
  }
  return [...lines.entries()].map(([file, executable]) => ({
    file,
    found: executable.size,
    hit: [...executable.values()].filter(Boolean).length,
  }));
}

/** Whether `file` (relative to the project root) counts towards the contracts' coverage. */
export function isCounted(file: string): boolean {
  const normalized = file.replaceAll("\\", "/").replace(/^\.\//, "");
  return (
    normalized.startsWith("contracts/") &&
    !normalized.startsWith("contracts/bench/") &&
    !normalized.includes("/mocks/")
  );
}

export function summarize(files: readonly FileCoverage[]): CoverageSummary {
  const counted = files.filter((f) => isCounted(f.file));
  const found = counted.reduce((sum, f) => sum + f.found, 0);
  const hit = counted.reduce((sum, f) => sum + f.hit, 0);
  return { files: counted, found, hit, percent: found === 0 ? null : (100 * hit) / found };
}

/** The verdict and the lines to print. */
export function evaluate(
  summary: CoverageSummary,
  minimum: number,
): { ok: boolean; lines: string[] } {
  const scope = `contracts/ (excluding ${EXCLUDED.join(", ")})`;
  if (summary.percent === null) {
    return {
      ok: false,
      lines: [`coverage: no executable line of ${scope} in the report; nothing was measured`],
    };
  }
  const ok = summary.percent >= minimum;
  const lines = [
    `line coverage of ${scope}: ${summary.percent.toFixed(2)}% (${summary.hit}/${summary.found} lines, ${summary.files.length} files); minimum ${minimum}%`,
  ];
  const partial = summary.files
    .filter((f) => f.hit < f.found)
    .sort((a, b) => a.hit / a.found - b.hit / b.found);
  for (const f of partial.slice(0, 10)) {
    lines.push(`  ${((100 * f.hit) / f.found).toFixed(2).padStart(6)}%  ${f.file}`);
  }
  if (!ok) lines.push(`coverage: below the minimum of ${minimum}%`);
  return { ok, lines };
}

export function parseArgs(argv: readonly string[]): { lcov: string; minimum: number } {
  let lcov = DEFAULT_LCOV;
  let minimum = DEFAULT_MINIMUM;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--min") {
      minimum = Number(argv[++i]);
      if (!Number.isFinite(minimum) || minimum < 0 || minimum > 100) {
        throw new Error(`coverage: --min needs a percentage, got "${argv[i]}"`);
      }
    } else if (argv[i].startsWith("-")) {
      throw new Error(`coverage: unknown option ${argv[i]}`);
    } else {
      lcov = argv[i];
    }
  }
  return { lcov, minimum };
}

async function main() {
  const { lcov, minimum } = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = await readFile(path.resolve(lcov), "utf8");
  } catch {
    throw new Error(`coverage: cannot read ${lcov}; run \`npm run coverage\` first`);
  }
  const { ok, lines } = evaluate(summarize(parseLcov(text)), minimum);
  for (const line of lines) process.stdout.write(`${line}\n`);
  if (!ok) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
