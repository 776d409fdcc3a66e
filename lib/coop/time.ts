import { clockNow, durationText, whenText } from "../format/durations.js";
import type { Coop } from "./context.js";

/** The timestamp of the latest block. */
export async function latestTimestamp(coop: Coop): Promise<bigint> {
  const block = await coop.ethers.provider.getBlock("latest");
  if (block === null) throw new Error("the node returned no latest block");
  return BigInt(block.timestamp);
}

/**
 * Now, by which readiness is judged: the later of the latest block's
 * timestamp and the wall clock. An idle automining node (and RSK between
 * blocks) has an old latest block; the next block carries at least this time.
 */
export async function chainNow(coop: Coop): Promise<bigint> {
  return clockNow(await latestTimestamp(coop));
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

/** Waits until the wall clock reaches `timestamp` (chain seconds), telling `log` once. */
export async function waitUntil(
  timestamp: bigint,
  now: bigint,
  log: (line: string) => void,
): Promise<void> {
  if (timestamp <= now) return;
  log(`waiting until ${when(timestamp, now)}`);
  const target = Number(timestamp) * 1000;
  while (Date.now() < target) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, target - Date.now())));
  }
}
