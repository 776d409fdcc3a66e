/**
 * Where operations announce a step they take on their own, such as an approval sent first or a
 * wait for the next block: the CLI prints it; nothing happens until someone listens.
 */
let sink: (line: string) => void = () => undefined;

/** Sends every notice to `print` from now on. */
export function useNotice(print: (line: string) => void): void {
  sink = print;
}

/** Announces `line` to whoever listens (see {@link useNotice}). */
export function notice(line: string): void {
  sink(line);
}
