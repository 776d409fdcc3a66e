import type { Coop } from "./context.js";

/** The chain's clock: the timestamp of the latest block (the governor's clock). */
export async function chainNow(coop: Coop): Promise<bigint> {
  const block = await coop.ethers.provider.getBlock("latest");
  if (block === null) throw new Error("the node returned no latest block");
  return BigInt(block.timestamp);
}

/** "2026-11-25 22:00:00 UTC (in 1 h 5 min)" for a timestamp, relative to `now`. */
export function when(timestamp: bigint, now: bigint): string {
  const iso = new Date(Number(timestamp) * 1000).toISOString().replace("T", " ").slice(0, 19);
  const delta = timestamp - now;
  const span = duration(delta < 0n ? -delta : delta);
  return `${iso} UTC (${delta < 0n ? `${span} ago` : `in ${span}`})`;
}

/** A short human duration: "2 d 3 h", "5 min 10 s". */
export function duration(seconds: bigint): string {
  const units: Array<[bigint, string]> = [
    [86_400n, "d"],
    [3_600n, "h"],
    [60n, "min"],
    [1n, "s"],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, name] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${rest / size} ${name}`);
      rest %= size;
    }
  }
  return parts.length === 0 ? "0 s" : parts.join(" ");
}
