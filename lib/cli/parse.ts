import { getAddress, parseUnits } from "ethers";

import { CliError } from "./errors.js";

const DECIMAL = /^(\d+)(\.\d+)?$/;
const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * Parses a positive human amount ("7.5") into base units of `decimals`.
 * Rejects negative, zero, non-numeric and over-precise amounts.
 */
export function parseAmount(text: string, name: string, decimals = 18): bigint {
  const trimmed = text.trim();
  if (trimmed.startsWith("-")) throw new CliError(`${name} must be positive, got ${text}`);
  const match = DECIMAL.exec(trimmed);
  if (match === null) throw new CliError(`${name} must be a number such as 7.5, got "${text}"`);
  const fraction = match[2]?.slice(1) ?? "";
  if (fraction.length > decimals) {
    throw new CliError(`${name} has more than ${decimals} decimals: ${text}`);
  }
  const value = parseUnits(trimmed, decimals);
  if (value === 0n) throw new CliError(`${name} must be greater than zero`);
  return value;
}

/**
 * Parses an address in any checksum form: EIP-55, RSK's EIP-1191, or all
 * lower/upper case. The checksum is not enforced because the two schemes
 * disagree; the hex itself must be exactly 20 bytes.
 */
export function parseAddress(text: string, name = "address"): string {
  const trimmed = text.trim();
  if (!HEX_ADDRESS.test(trimmed)) {
    throw new CliError(`${name} is not an address (0x and 40 hex digits): "${text}"`);
  }
  return getAddress(trimmed.toLowerCase());
}

/** Parses one of `choices` (case-insensitive) and returns its index. */
export function parseChoice<const T extends readonly string[]>(
  text: string,
  name: string,
  choices: T,
): number {
  const index = choices.findIndex((choice) => choice.toLowerCase() === text.trim().toLowerCase());
  if (index === -1) {
    throw new CliError(`${name} must be one of ${choices.join(", ")}; got "${text}"`);
  }
  return index;
}

/** Parses a comma-separated list of non-negative integer ids ("1,2,7"). */
export function parseIds(text: string, name = "ids"): bigint[] {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) throw new CliError(`${name} must list at least one id`);
  return parts.map((part) => {
    if (!/^\d+$/.test(part)) throw new CliError(`${name} must be whole numbers, got "${part}"`);
    return BigInt(part);
  });
}
