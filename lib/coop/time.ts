import { clockNow, durationText, whenText } from "../format/durations.js";
import type { Coop } from "./context.js";

/** The timestamp of the latest block. */
export async function latestTimestamp(coop: Coop): Promise<bigint> {
  const block = await coop.ethers.provider.getBlock("latest");
  if (block === null) throw new Error("the node returned no latest block");
  return BigInt(block.timestamp);
}

/**
 * Now, by which readiness is judged: the time the node gives its next block
 * when it tells (Hardhat), else the later of the latest block's timestamp and
 * the wall clock. An idle automining node (and RSK between blocks) has an old
 * latest block; the next block carries at least this time.
 */
export async function chainNow(coop: Coop): Promise<bigint> {
  const [latest, pending] = await Promise.all([latestTimestamp(coop), pendingTimestamp(coop)]);
  // a node that builds its next block (Hardhat, in process or `hardhat node`) stamps it with its
  // own clock, which may run ahead of the wall clock (time moved forward) or behind it (a chain
  // started at an earlier date): its word is the time; otherwise the wall clock bounds it
  return pending !== undefined && pending >= latest ? pending : clockNow(latest);
}

/**
 * The timestamp the node would give its next block, when it builds one: a pending block has no
 * number yet. A node that answers `pending` with its latest block (as the RSK-shaped node does)
 * tells nothing about the next block's time: undefined.
 */
async function pendingTimestamp(coop: Coop): Promise<bigint | undefined> {
  try {
    // raw: ethers' block parser refuses a pending block (it has no number yet)
    const block = (await coop.ethers.provider.send("eth_getBlockByNumber", ["pending", false])) as {
      number?: string | null;
      timestamp?: string;
    } | null;
    if (block === null || block.number != null || block.timestamp === undefined) return undefined;
    return BigInt(block.timestamp);
  } catch {
    return undefined;
  }
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
  coop: Coop,
  timestamp: bigint,
  now: bigint,
  log: (line: string) => void,
): Promise<void> {
  if (timestamp <= now) return;
  log(`waiting until ${when(timestamp, now)}`);
  for (let current = now; current < timestamp; current = await chainNow(coop)) {
    const seconds = Number(timestamp - current);
    await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, seconds * 1_000)));
  }
}
