import { getAddress, parseUnits } from "ethers";

import { parseDuration as parseDurationText } from "../format/durations.js";
import { parseDecimal } from "../format/units.js";
import { hasValidChecksum } from "../rsk/checksum.js";
import { CliError } from "./errors.js";

/**
 * An option's text as the task receives it: undefined when the option was left out (options
 * have no default), a string otherwise.
 */
export type OptionText = string | undefined;

/** The trimmed `text`, or a CliError naming the option when it is missing or empty. */
export function required(text: OptionText, name: string): string {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") throw new CliError(`${name} is required`);
  return trimmed;
}

/** The trimmed `text`, or undefined when the option was left out or given empty. */
export function given(text: OptionText): string | undefined {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? undefined : trimmed;
}

/** Parses a duration into seconds: "3600", "90s", "30m", "12h", "1.5h", "7d", "2 days". */
export function parseDuration(text: OptionText, name: string): bigint {
  const seconds = parseDurationText(required(text, name));
  if (seconds === undefined)
    throw new CliError(`${name} must be a duration such as 3600, 30m, 12h or 7d; got "${text}"`);
  return seconds;
}

/** Parses a whole number within `min..max`. */
export function parseCount(text: OptionText, name: string, min: number, max: number): number {
  const trimmed = required(text, name);
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < min || Number(trimmed) > max) {
    throw new CliError(`${name} must be a whole number from ${min} to ${max}; got "${text}"`);
  }
  return Number(trimmed);
}

/** Parses a percentage ("0.5", "10") into basis points, within `0..maxPercent`. */
export function parsePercent(text: OptionText, name: string, maxPercent = 100): bigint {
  const trimmed = required(text, name);
  if (!/^(\d+(\.\d{0,2})?|\.\d{1,2})$/.test(trimmed)) {
    throw new CliError(
      `${name} must be a percentage such as 0.5 or 10 (at most two decimals); got "${text}"`,
    );
  }
  const bps = parseUnits(`0${trimmed}`.replace(/\.$/, ""), 2);
  if (bps > BigInt(maxPercent) * 100n) throw new CliError(`${name} must be at most ${maxPercent}%`);
  return bps;
}

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * Parses a positive human amount ("7.5") into base units of `decimals`.
 * Rejects negative, zero, non-numeric and over-precise amounts.
 */
export function parseAmount(text: OptionText, name: string, decimals = 18): bigint {
  const trimmed = required(text, name);
  const parsed = parseDecimal(trimmed, decimals);
  if (!parsed.ok) {
    throw new CliError(
      parsed.reason === "must be positive"
        ? `${name} must be positive, got ${text}`
        : parsed.reason.startsWith("has more")
          ? `${name} ${parsed.reason}: ${text}`
          : `${name} must be a number such as 7.5, got "${text}"`,
    );
  }
  if (parsed.value === 0n) throw new CliError(`${name} must be greater than zero`);
  return parsed.value;
}

/**
 * Parses an address: all lower or all upper case, or mixed case only when
 * it is a valid EIP-55 checksum or a valid EIP-1191 checksum for RSK
 * mainnet or testnet (chains 30, 31). A mixed case valid under none of them
 * is a mistyped address and is refused.
 */
export function parseAddress(text: OptionText, name = "address"): string {
  const trimmed = required(text, name);
  if (!HEX_ADDRESS.test(trimmed)) {
    throw new CliError(`${name} is not an address (0x and 40 hex digits): "${text}"`);
  }
  if (!hasValidChecksum(trimmed)) {
    throw new CliError(
      `${name} ${trimmed} has a checksum error (valid under none of EIP-55 and EIP-1191 for chains 30, 31): check it, or write it all in lower case`,
    );
  }
  return getAddress(trimmed.toLowerCase());
}

/** Parses one of `choices` (case-insensitive) and returns its index. */
export function parseChoice<const T extends readonly string[]>(
  text: OptionText,
  name: string,
  choices: T,
): number {
  const wanted = required(text, name).toLowerCase();
  const index = choices.findIndex((choice) => choice.toLowerCase() === wanted);
  if (index === -1) {
    throw new CliError(
      `${name} must be one of ${choices.map((c) => c.toLowerCase()).join(", ")}; got "${text}"`,
    );
  }
  return index;
}

/** Parses a comma-separated list of non-negative integer ids ("1,2,7"). */
export function parseIds(text: OptionText, name = "ids"): bigint[] {
  const parts = required(text, name)
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) throw new CliError(`${name} must list at least one id`);
  return parts.map((part) => {
    if (!/^\d+$/.test(part)) throw new CliError(`${name} must be whole numbers, got "${part}"`);
    return BigInt(part);
  });
}
