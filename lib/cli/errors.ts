import { useNotice } from "../notice.js";

/**
 * An error in what the user asked for (bad input, a step that is not ready,
 * a missing deployment). The CLI prints its message as one line and exits
 * non-zero; nothing has been sent when it is thrown before a transaction.
 */
export class CliError extends Error {
  override readonly name = "CliError";
}

/** Throws a CliError with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CliError(message);
}

/**
 * Runs a command's action; a CliError (or any other failure) becomes one line
 * on stderr and a non-zero exit code instead of a stack trace. Notices of the
 * operations (lib/notice.ts) are printed as they come.
 */
export async function runCommand(action: () => Promise<void>): Promise<void> {
  // what operations do on their own (an approval first, a wait for a block) is said on stdout
  useNotice((line) => console.log(line));
  try {
    await action();
  } catch (error) {
    console.error(`error: ${errorLine(error)}`);
    process.exitCode = 1;
  }
}

/**
 * Any failure as one line. A message whose first line announces a list
 * ("…the following reconciliation errors:") keeps the list, joined with "; ",
 * so that the reasons are not cut off; Ignition's reconciliation failures
 * also say what to do.
 */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length === 0) return "failed";
  // Hardhat's own errors start with their code ("HHE7: "); the words are what helps.
  const first = lines[0].replace(/^HHE\d+:\s*/, "");
  if (!first.endsWith(":") || lines.length === 1) return first;
  const reasons = lines
    .slice(1)
    .map((line) => line.replace(/^[*-]\s*/, ""))
    .join("; ");
  const hint = /reconciliation/i.test(first) ? RECONCILIATION_HINT : "";
  return `${first} ${reasons}${hint}`;
}

const RECONCILIATION_HINT =
  " (the deployment recorded in deploy/deployments/chain-<id> was made with other parameters or contracts: use it as it is with npm run deploy and the coop commands, or remove that folder, or restart the local node, to deploy afresh)";
