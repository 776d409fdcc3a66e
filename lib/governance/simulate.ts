/**
 * Dry runs of a proposal's actions before it is sent: each action is called
 * as the timelock will call it on execution (from the timelock, with its
 * value), so that a proposal that can never execute is refused before a
 * whole voting cycle is spent on it. Pure: the caller passes a function that
 * makes an `eth_call` (ethers' `provider.call`, viem's `call`).
 */
import type { Interface } from "ethers";

import {
  explainError,
  decodeRevertData,
  revertDataOf,
  type ExplainContext,
} from "../errors/explain.js";
import { decodeAction, type DecodeContext } from "./actions.js";

/** One eth_call; throws (with revert data somewhere in the error) when the call reverts. */
export type Caller = (request: {
  from: string;
  to: string;
  data: string;
  value: bigint;
}) => Promise<unknown>;

/** The first action that would fail, in words; undefined when all would succeed. */
export interface SimulationFailure {
  /** Index of the failing action (0-based). */
  readonly index: number;
  /** The action in words. */
  readonly action: string;
  /** Why it would fail, in words. */
  readonly reason: string;
}

/**
 * Calls every action of `proposal` from `timelock`, in order, against the
 * current state; returns the first that reverts, explained. Each call sees
 * the state before the proposal, not the effects of the actions before it.
 * Actions on `skipTargets` are not called: an OpenZeppelin governor accepts
 * calls to itself only from within its own `execute`, so the caller checks
 * those actions' bounds otherwise.
 */
export async function simulateActions(
  proposal: {
    readonly targets: readonly string[];
    readonly values: readonly bigint[];
    readonly calldatas: readonly string[];
  },
  timelock: string,
  call: Caller,
  interfaces: readonly Interface[],
  context: DecodeContext & ExplainContext,
  options: { readonly skipTargets?: readonly string[] } = {},
): Promise<SimulationFailure | undefined> {
  const skipped = new Set((options.skipTargets ?? []).map((a) => a.toLowerCase()));
  for (const [index, target] of proposal.targets.entries()) {
    if (skipped.has(target.toLowerCase())) continue;
    const request = {
      from: timelock,
      to: target,
      data: proposal.calldatas[index],
      value: proposal.values[index] ?? 0n,
    };
    try {
      await call(request);
    } catch (error) {
      const data = revertDataOf(error);
      const decoded = data === undefined ? undefined : decodeRevertData(data, interfaces);
      const reason =
        decoded !== undefined
          ? explainError(decoded, context)
          : data === undefined
            ? firstLine(error)
            : `it reverts (${data.slice(0, 10)})`;
      const action = decodeAction(
        { target, value: request.value, calldata: request.data },
        context,
      ).text;
      return { index, action, reason };
    }
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}
