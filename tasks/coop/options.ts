import { ArgumentType } from "hardhat/types/arguments";

/**
 * The option builders of every `coop …` command. Each option is a string with no default, so
 * that help prints none and the action, which parses and checks it before connecting, receives
 * undefined when it is left out.
 */

/** An option with no default value: help prints none, and the action receives undefined. */
export interface StringOption<N extends string> {
  name: N;
  description: string;
  type: ArgumentType.STRING_WITHOUT_DEFAULT;
  defaultValue: undefined;
}

/** An option that may be left out; its description says what leaving it out means. */
export function option<const N extends string>(name: N, description: string): StringOption<N> {
  return { name, description, type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined };
}

/** An option the action refuses to run without; help says "Required." first. */
export function required<const N extends string>(name: N, description: string): StringOption<N> {
  return option(name, `Required. ${description}`);
}

/** The signer of every command that sends. */
export const FROM = option(
  "from",
  "Signer: an index into the network's accounts (0, 1, …) or one of their addresses; the first when omitted",
);
