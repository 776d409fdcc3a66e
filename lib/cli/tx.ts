import type {
  ContractTransactionReceipt,
  ContractTransactionResponse,
  ErrorDescription,
  Interface,
} from "ethers";

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

function revertData(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const data = (current as { data?: unknown }).data;
    if (typeof data === "string" && data.startsWith("0x") && data.length >= 10) return data;
    current =
      (current as { cause?: unknown; error?: unknown }).cause ??
      (current as { error?: unknown }).error;
  }
  return undefined;
}

function formatArg(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map(formatArg).join(", ")}]`;
  return String(value);
}

/** Decodes a revert into one readable line, using the interfaces that may have raised it. */
export function describeRevert(
  error: unknown,
  interfaces: readonly Interface[],
  explain?: ErrorExplainer,
): string {
  const data = revertData(error);
  if (data !== undefined) {
    for (const iface of interfaces) {
      const decoded = iface.parseError(data);
      if (decoded === null) continue;
      const words = explain?.(decoded);
      if (words !== undefined) return words;
      return `${decoded.name}(${decoded.args.map(formatArg).join(", ")})`;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
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
    await method.staticCall(...args);
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
