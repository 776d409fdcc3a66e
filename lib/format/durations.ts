/**
 * Durations and moments in words ("1 day 2 hours", "2026-11-25 22:00:00 UTC
 * (in 5 minutes)"), and the clock by which a step becomes possible. Pure,
 * shared by the CLI and the web app.
 */

const UNITS: ReadonlyArray<readonly [bigint, string]> = [
  [86_400n, "day"],
  [3_600n, "hour"],
  [60n, "minute"],
  [1n, "second"],
];

/**
 * A duration in words with its two largest units, rounded down:
 * 86400 → "1 day", 93784 → "1 day 2 hours", 61 → "1 minute 1 second", 0 → "0 seconds".
 */
export function durationText(seconds: bigint | number): string {
  let rest = BigInt(seconds);
  if (rest < 0n) rest = -rest;
  const parts: string[] = [];
  for (const [size, name] of UNITS) {
    if (parts.length === 2) break;
    if (rest >= size) {
      const count = rest / size;
      parts.push(`${count} ${name}${count === 1n ? "" : "s"}`);
      rest %= size;
    } else if (parts.length === 1) {
      break; // "1 day 5 seconds" reads worse than "1 day"
    }
  }
  return parts.length === 0 ? "0 seconds" : parts.join(" ");
}

/** A chain timestamp (seconds) as "2026-11-25 22:00:00 UTC". */
export function timestampText(timestamp: bigint | number): string {
  return `${new Date(Number(timestamp) * 1000).toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** How far `timestamp` is from `now`: "in 5 minutes", "2 hours ago", "now". */
export function relativeText(timestamp: bigint, now: bigint): string {
  if (timestamp === now) return "now";
  const span = durationText(timestamp - now);
  return timestamp > now ? `in ${span}` : `${span} ago`;
}

/** "2026-11-25 22:00:00 UTC (in 1 hour 5 minutes)". */
export function whenText(timestamp: bigint, now: bigint): string {
  return `${timestampText(timestamp)} (${relativeText(timestamp, now)})`;
}

/**
 * The time by which a step is judged: the later of the latest block's
 * timestamp and the wall clock. A node that mines only on demand (an idle
 * automining Hardhat node) and RSK alike stamp the next block with at least
 * the wall-clock time, so once that time has passed a transaction sent now
 * runs after it, even though the latest block is older.
 */
export function clockNow(latestBlockTimestamp: bigint, wallClockMs: number = Date.now()): bigint {
  const wall = BigInt(Math.floor(wallClockMs / 1000));
  return wall > latestBlockTimestamp ? wall : latestBlockTimestamp;
}

const DURATION_UNITS: Record<string, bigint> = {
  "": 1n,
  s: 1n,
  sec: 1n,
  second: 1n,
  seconds: 1n,
  m: 60n,
  min: 60n,
  minute: 60n,
  minutes: 60n,
  h: 3_600n,
  hour: 3_600n,
  hours: 3_600n,
  d: 86_400n,
  day: 86_400n,
  days: 86_400n,
  w: 604_800n,
  week: 604_800n,
  weeks: 604_800n,
};

/**
 * Parses a duration into seconds: "3600", "30m", "12h", "1.5h", "7d", "2 days",
 * "1d12h". Returns undefined when the text is not a duration.
 */
export function parseDuration(text: string): bigint | undefined {
  const input = text.trim().toLowerCase();
  if (input === "") return undefined;
  const part = /(\d*\.?\d+)\s*([a-z]*)\s*/gy;
  let total = 0n;
  let consumed = 0;
  for (let match = part.exec(input); match !== null; match = part.exec(input)) {
    const size = DURATION_UNITS[match[2]];
    if (size === undefined) return undefined;
    const [whole, fraction = ""] = match[1].split(".");
    const scale = 10n ** BigInt(fraction.length);
    const scaled =
      BigInt(whole === "" ? "0" : whole) * scale + BigInt(fraction === "" ? "0" : fraction);
    if ((scaled * size) % scale !== 0n) return undefined; // not a whole number of seconds
    total += (scaled * size) / scale;
    consumed = part.lastIndex;
  }
  return consumed === input.length ? total : undefined;
}
