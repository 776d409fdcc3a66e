import { parseUnits } from "ethers";

/** Decimals of WorkHours and CareReputation: 1e18 is one hour. */
export const HOUR_DECIMALS = 18;

/** `IContributionRegistry.Category`, in enum order. */
export const CLAIM_CATEGORIES = ["Commons", "Subsistence", "Care"] as const;
export type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];

/** `IContributionRegistry.ClaimStatus`, in enum order (`None` is an unissued id). */
export const CLAIM_STATUSES = ["None", "Pending", "Approved", "Rejected", "Withdrawn"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** `IWorkHours.Category`, in enum order: the credit categories of the treasury. */
export const WORK_CATEGORIES = ["Commons", "Subsistence"] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];

function indexOf<T extends string>(names: readonly T[], kind: string, name: string): number {
  const index = names.findIndex((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (index < 0) throw new Error(`unknown ${kind} "${name}" (expected ${names.join(", ")})`);
  return index;
}

function nameOf<T extends string>(names: readonly T[], kind: string, value: bigint | number): T {
  const name = names[Number(value)];
  if (name === undefined) throw new Error(`unknown ${kind} ${value}`);
  return name;
}

/** The enum value of a claim category name, case-insensitive ("care" -> 2). */
export function parseClaimCategory(name: string): number {
  return indexOf(CLAIM_CATEGORIES, "claim category", name);
}

/** The name of a claim category enum value (2 -> "Care"). */
export function claimCategoryName(value: bigint | number): ClaimCategory {
  return nameOf(CLAIM_CATEGORIES, "claim category", value);
}

/** The name of a claim status enum value (1 -> "Pending"). */
export function claimStatusName(value: bigint | number): ClaimStatus {
  return nameOf(CLAIM_STATUSES, "claim status", value);
}

/** The enum value of a WorkHours credit category name, case-insensitive. */
export function parseWorkCategory(name: string): number {
  return indexOf(WORK_CATEGORIES, "work category", name);
}

/**
 * Parses an amount of hours into token units: decimal hours ("1.5", "2h") or hours and
 * minutes ("1:30"). Rejects negative, empty and malformed input.
 */
export function parseHours(text: string): bigint {
  const input = text.trim().replace(/h$/i, "");
  const clock = /^(\d+):([0-5]\d)$/.exec(input);
  if (clock) {
    const [, hours, minutes] = clock;
    return parseUnits(hours, HOUR_DECIMALS) + (BigInt(minutes) * 10n ** 18n) / 60n;
  }
  if (!/^\d+(\.\d{1,18})?$/.test(input)) throw new Error(`invalid hours "${text}"`);
  return parseUnits(input, HOUR_DECIMALS);
}

/** Formats token units as decimal hours ("1.5", "1,000"), at most 4 decimals (lib/format/units). */
export { formatHours, hoursText } from "./format/units.js";
