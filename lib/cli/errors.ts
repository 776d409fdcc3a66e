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
 * on stderr and a non-zero exit code instead of a stack trace.
 */
export async function runCommand(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const firstLine = message.split("\n").find((line) => line.trim() !== "") ?? "failed";
    console.error(`error: ${firstLine.trim()}`);
    process.exitCode = 1;
  }
}
