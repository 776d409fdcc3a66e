/**
 * Amounts as people read them: hours, the reserve's symbol, percentages and
 * weights, with sensible precision and grouped thousands, never in base
 * units. Pure functions over bigints, shared by the CLI and the web app.
 */
import { formatUnits } from "ethers";

/** Decimals of WorkHours and CareReputation: 1e18 is one hour. */
export const HOUR_DECIMALS = 18;
/** One hour in token units. */
export const ONE_HOUR = 10n ** 18n;
/** Fixed-point unit of basis-point figures (fees, shares, quorum): 10,000 is 100%. */
export const BPS = 10_000n;

/** What an amount of the reserve is shown with. */
export interface ReserveUnit {
  readonly symbol: string;
  readonly decimals: number;
}

/** The native reserve, RBTC, as a unit. */
export const RBTC: ReserveUnit = { symbol: "RBTC", decimals: 18 };

/** How many digits to keep. */
export interface Precision {
  /** Most decimals shown for amounts of 1 or more (default 4). */
  readonly decimals?: number;
  /** Significant digits shown for amounts below 1 (default 4). */
  readonly significant?: number;
}

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A decimal of `decimals` base units with grouped thousands and at most
 * `precision` digits, rounded towards zero: 10016576269028905917 at 18 → "10.0165",
 * 99253000000000 at 18 → "0.00009925", 1e21 at 18 → "1,000".
 */
export function formatDecimal(amount: bigint, decimals: number, precision: Precision = {}): string {
  const negative = amount < 0n;
  const text = formatUnits(negative ? -amount : amount, decimals);
  const [integer, fraction = ""] = text.split(".");
  let kept: string;
  if (integer !== "0") {
    kept = fraction.slice(0, precision.decimals ?? 4);
  } else {
    const firstDigit = fraction.search(/[1-9]/);
    kept = firstDigit < 0 ? "" : fraction.slice(0, firstDigit + (precision.significant ?? 4));
  }
  kept = kept.replace(/0+$/, "");
  const body = kept === "" ? group(integer) : `${group(integer)}.${kept}`;
  return negative && body !== "0" ? `-${body}` : body;
}

/** Hours in token units as a number: "7.5", "1,000". */
export function formatHours(amount: bigint, precision?: Precision): string {
  return formatDecimal(amount, HOUR_DECIMALS, precision);
}

/** Hours in words: "1 hour", "7.5 hours", "0 hours". */
export function hoursText(amount: bigint, precision?: Precision): string {
  const text = formatHours(amount, precision);
  return `${text} ${text === "1" ? "hour" : "hours"}`;
}

/** Care reputation in words: "6 care hours", "1 care hour". */
export function careText(amount: bigint): string {
  const text = formatHours(amount);
  return `${text} care ${text === "1" ? "hour" : "hours"}`;
}

/** An amount of the reserve: "0.0125 RBTC", "12.5 DOC". */
export function formatReserve(unit: ReserveUnit, amount: bigint, precision?: Precision): string {
  return `${formatDecimal(amount, unit.decimals, precision)} ${unit.symbol}`;
}

/** A price in reserve base units per whole hour: "0.001 RBTC per hour". */
export function formatPrice(unit: ReserveUnit, perHour: bigint): string {
  return `${formatReserve(unit, perHour, { decimals: 6, significant: 4 })} per hour`;
}

/** Basis points as a percentage: 250 → "2.5%". */
export function formatBps(bps: bigint | number): string {
  return `${formatDecimal(BigInt(bps), 2, { decimals: 2 })}%`;
}

/** A weight in ten-thousandths (the governor's care weight): 15000 → "1.5". */
export function formatWeight(value: bigint): string {
  return formatDecimal(value, 4, { decimals: 4 });
}

/** "1 claim", "3 claims". */
export function plural(count: bigint | number, noun: string, nouns = `${noun}s`): string {
  return `${count.toString()} ${BigInt(count) === 1n ? noun : nouns}`;
}

/** Why a human decimal was refused, or the parsed base units. */
export type ParsedDecimal = { ok: true; value: bigint } | { ok: false; reason: string };

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * Parses a non-negative decimal ("7.5", ".5", "10.", "1,000") into base units
 * of `decimals` without rounding: more decimals than the unit has is refused.
 */
export function parseDecimal(text: string, decimals: number): ParsedDecimal {
  const trimmed = text.trim().replace(/_/g, "");
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  if (plain.startsWith("-")) return { ok: false, reason: "must be positive" };
  const match = DECIMAL.exec(plain);
  if (match === null || (match[1] === "" && (match[2] ?? "") === "")) {
    return { ok: false, reason: "must be a number such as 7.5" };
  }
  const [, integer, fraction = ""] = match;
  if (fraction.length > decimals) {
    return { ok: false, reason: `has more than ${decimals} decimals` };
  }
  const value =
    BigInt(integer === "" ? "0" : integer) * 10n ** BigInt(decimals) +
    (fraction === "" ? 0n : BigInt(fraction.padEnd(decimals, "0")));
  return { ok: true, value };
}
