import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";

import {
  type BlockClock,
  nextBlockTime,
  waitForBlockAt,
  type BlockWaitOptions,
} from "../chain/next-block.js";
import { isRskChain, RSK_BLOCK_SECONDS } from "../constants.js";
import { durationText, whenText } from "../format/durations.js";
import { notice } from "../notice.js";

/** A connection to a chain: a cooperative's session, or the federation's. */
export interface OnChain {
  ethers: HardhatEthers;
}

/** The timestamp of the latest block. */
export async function latestTimestamp(chain: OnChain): Promise<bigint> {
  const block = await chain.ethers.provider.getBlock("latest");
  if (block === null) throw new Error("the node returned no latest block");
  return BigInt(block.timestamp);
}

/** The node's latest and next block times (see lib/chain/next-block.ts). */
export function blockClock(chain: OnChain): BlockClock {
  return {
    latestTimestamp: () => latestTimestamp(chain),
    pendingTimestamp: () => pendingTimestamp(chain),
  };
}

/**
 * Now, by which readiness is judged: the time the node gives its next block
 * when it tells (Hardhat), else the later of the latest block's timestamp and
 * the wall clock. An idle automining node (and RSK between blocks) has an old
 * latest block; the next block carries at least this time.
 */
export async function chainNow(chain: OnChain): Promise<bigint> {
  return nextBlockTime(blockClock(chain));
}

/**
 * The timestamp the node would give its next block, when it builds one: a pending block has no
 * number yet. A node that answers `pending` with its latest block (as rskj and the RSK-shaped
 * node do) tells nothing about the next block's time: undefined.
 */
async function pendingTimestamp(chain: OnChain): Promise<bigint | undefined> {
  try {
    // raw: ethers' block parser refuses a pending block (it has no number yet)
    const block = (await chain.ethers.provider.send("eth_getBlockByNumber", [
      "pending",
      false,
    ])) as {
      number?: string | null;
      timestamp?: string;
    } | null;
    if (block === null || block.number != null || block.timestamp === undefined) return undefined;
    return BigInt(block.timestamp);
  } catch {
    return undefined;
  }
}

/** How often the chain makes blocks, for the wait's one line and its bound. */
async function blockRhythm(
  chain: OnChain,
): Promise<Pick<BlockWaitOptions, "blockSeconds" | "chainName">> {
  const { chainId } = await chain.ethers.provider.getNetwork();
  // Ethereum's 12-second slot for any other node that makes blocks on its own schedule
  return isRskChain(chainId)
    ? { blockSeconds: RSK_BLOCK_SECONDS, chainName: "RSK" }
    : { blockSeconds: 12 };
}

/**
 * Once `timestamp` has passed by the clock: returns when the next transaction runs at or after
 * it. On RSK between blocks that is after the next block whose timestamp reaches it (said in
 * one line, at most three blocks' wait); on Hardhat at once.
 */
export async function untilBlockAt(chain: OnChain, timestamp: bigint): Promise<void> {
  await waitForBlockAt(blockClock(chain), timestamp, {
    ...(await blockRhythm(chain)),
    onWait: notice,
  });
}

/** Reads made as of the next block, which carries the clock's time (see {@link chainNow}). */
export const NEXT_BLOCK = { blockTag: "pending" } as const;

/** "2026-11-25 22:00:00 UTC (in 1 hour 5 minutes)" for a timestamp, relative to `now`. */
export function when(timestamp: bigint, now: bigint): string {
  return whenText(timestamp, now);
}

/** A duration in words: "2 days 3 hours", "5 minutes 10 seconds". */
export function duration(seconds: bigint): string {
  return durationText(seconds);
}

/**
 * Waits until the chain's clock ({@link chainNow}) reaches `timestamp`,
 * telling `log` once. No block is asked for: the next transaction's block
 * carries the time.
 */
export async function waitUntil(
  chain: OnChain,
  timestamp: bigint,
  now: bigint,
  log: (line: string) => void,
): Promise<void> {
  if (timestamp <= now) return;
  log(`waiting until ${when(timestamp, now)}`);
  for (let current = now; current < timestamp; current = await chainNow(chain)) {
    const seconds = Number(timestamp - current);
    await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, seconds * 1_000)));
  }
}
