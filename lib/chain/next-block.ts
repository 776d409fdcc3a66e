/**
 * The time by which a step (a vote, a queue, an execution) becomes possible, and the wait for
 * the block that carries it. Independent of the terminal and of the client library: the CLI
 * gives it an ethers provider, the app may give it viem's.
 *
 * A node that builds its next block on demand (Hardhat, in process or `hardhat node`) tells
 * that block's timestamp (its `pending` block has no number yet) and stamps it with its own
 * clock: once that time has passed, a read or a dry run "as of the next block" sees it. A node
 * that answers `pending` with its latest block (rskj) makes blocks on its own schedule, about
 * every 30 seconds on RSK: between two blocks the latest one is older than the clock, and a
 * dry run against it refuses a step whose time has passed by the clock. For such a node the
 * step waits for the next block whose timestamp reaches its time.
 */
import { durationText, timestampText } from "../format/durations.js";

/** What the waiting reads from a node. */
export interface BlockClock {
  /** The latest block's timestamp, in seconds. */
  latestTimestamp(): Promise<bigint>;
  /**
   * The timestamp the node gives the block it is building, when it builds one (Hardhat);
   * undefined when its `pending` block is its latest (rskj).
   */
  pendingTimestamp(): Promise<bigint | undefined>;
}

/**
 * Now, by which readiness is judged: the next block's timestamp when the node tells it, else
 * the later of the latest block's timestamp and the wall clock (the next block carries at
 * least that time).
 */
export async function nextBlockTime(
  clock: BlockClock,
  wallClockMs: number = Date.now(),
): Promise<bigint> {
  const [latest, pending] = await Promise.all([clock.latestTimestamp(), clock.pendingTimestamp()]);
  // a node that builds its next block stamps it with its own clock, which may run ahead of the
  // wall clock (time moved forward) or behind it (a chain started at an earlier date)
  if (pending !== undefined && pending >= latest) return pending;
  const wall = BigInt(Math.floor(wallClockMs / 1000));
  return wall > latest ? wall : latest;
}

export interface BlockWaitOptions {
  /** About how often the node makes a block, in seconds (RSK: 30). */
  blockSeconds: number;
  /** The chain's name for the one line said when waiting starts ("RSK"); none: no name. */
  chainName?: string;
  /** How many blocks' time to wait at most before giving up (default 3). */
  maxBlocks?: number;
  /** Told once, when a wait starts. */
  onWait?: (line: string) => void;
  /** How often to look at the latest block, in milliseconds (default 1,000). */
  pollMs?: number;
  /** For tests: the wall clock and the pause between looks. */
  wallClockMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** No block carried the awaited time within the bound: the node may have stopped making blocks. */
export class BlockWaitTimeout extends Error {
  override readonly name = "BlockWaitTimeout";
}

/** The one line said when a wait starts. */
export function waitingLine(options: Pick<BlockWaitOptions, "blockSeconds" | "chainName">): string {
  return options.chainName === undefined
    ? "waiting for the next block…"
    : `waiting for the next block (${options.chainName} makes one about every ${durationText(options.blockSeconds)})…`;
}

/**
 * Returns once the next transaction would run at or after `timestamp`: at once when the
 * latest block already carries it or the node builds its next block itself; otherwise after
 * the first block whose timestamp reaches it, saying so once through `onWait`. Throws a
 * BlockWaitTimeout when no such block comes within `maxBlocks` blocks' time.
 *
 * Call it once `timestamp` has passed by the clock ({@link nextBlockTime}); before that, the
 * wait is the caller's (a countdown, or a refusal that says when).
 */
export async function waitForBlockAt(
  clock: BlockClock,
  timestamp: bigint,
  options: BlockWaitOptions,
): Promise<void> {
  if ((await clock.latestTimestamp()) >= timestamp) return;
  if ((await clock.pendingTimestamp()) !== undefined) return;
  const wallClockMs = options.wallClockMs ?? Date.now;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limitMs = options.blockSeconds * (options.maxBlocks ?? 3) * 1000;
  const started = wallClockMs();
  options.onWait?.(waitingLine(options));
  for (;;) {
    await sleep(Math.max(1, Math.min(options.pollMs ?? 1_000, started + limitMs - wallClockMs())));
    if ((await clock.latestTimestamp()) >= timestamp) return;
    if (wallClockMs() - started >= limitMs) {
      throw new BlockWaitTimeout(
        `no block reached ${timestampText(timestamp)} in ${durationText(BigInt(Math.round(limitMs / 1000)))} of waiting: the node may have stopped making blocks; try again once it makes them`,
      );
    }
  }
}
