import type {
  ContractTransactionReceipt,
  ContractTransactionResponse,
  ErrorDescription,
  Interface,
} from "ethers";

import { decodeRevertData, explainError, revertDataOf } from "../errors/explain.js";
import { RBTC } from "../format/units.js";
import { CliError } from "./errors.js";

/** A contract method as typechain types it: callable, with a static call. */
export interface SendableMethod<A extends unknown[]> {
  (...args: A): Promise<ContractTransactionResponse>;
  staticCall(...args: A): Promise<unknown>;
}

export interface Sent {
  hash: string;
  gasUsed: bigint;
  receipt: ContractTransactionReceipt;
}

/** Turns a decoded custom error into words; unknown errors keep their name. */
export type ErrorExplainer = (error: ErrorDescription) => string | undefined;

/** Decodes a revert into one readable line, using the interfaces that may have raised it. */
export function describeRevert(
  error: unknown,
  interfaces: readonly Interface[],
  explain?: ErrorExplainer,
): string {
  const data = revertDataOf(error);
  if (data !== undefined) {
    const decoded = decodeRevertData(data, interfaces);
    if (decoded !== undefined) {
      return explain?.(decoded) ?? explainError(decoded, { reserve: RBTC });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}

/** `args` with `blockTag: "pending"` added to (or appended as) the overrides. */
function withNextBlock(args: readonly unknown[]): unknown[] {
  const last = args.at(-1);
  const isOverrides =
    typeof last === "object" && last !== null && !Array.isArray(last) && !("length" in last);
  return isOverrides
    ? [...args.slice(0, -1), { ...last, blockTag: "pending" }]
    : [...args, { blockTag: "pending" }];
}

/**
 * Sends a transaction after a static call of the same request: a call that
 * would revert becomes a CliError that names the reason, and nothing is sent.
 * RSK pricing (legacy, explicit gasPrice) is applied by the provider hook.
 */
export async function send<A extends unknown[]>(
  label: string,
  method: SendableMethod<A>,
  args: A,
  interfaces: readonly Interface[],
  explain?: ErrorExplainer,
): Promise<Sent> {
  try {
    // as of the next block: it carries the clock's time, which a step may be waiting for
    await (method.staticCall as (...a: unknown[]) => Promise<unknown>)(...withNextBlock(args));
  } catch (error) {
    throw new CliError(`${label} would fail: ${describeRevert(error, interfaces, explain)}`);
  }
  const response = await method(...args);
  const receipt = await response.wait();
  if (receipt === null || receipt.status !== 1) {
    throw new CliError(`${label} failed in transaction ${response.hash}`);
  }
  return { hash: response.hash, gasUsed: receipt.gasUsed, receipt };
}
