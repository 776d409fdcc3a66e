/**
 * The app's one door into `lib/`, the domain code it shares with the CLI:
 * units, durations, proposal encoding and error explanations. Components
 * import from here, never from ethers or the CLI directly, so that what a
 * member reads in the browser is worded exactly as the CLI words it.
 */
import { Interface, parseUnits } from "ethers";

import { CLAIM_CATEGORIES, parseHours } from "../../lib/claims.js";
import { decodeRevertData, explainRevertData } from "../../lib/errors/explain.js";
import { federationErrorWords } from "../../lib/federation/view.js";
import { durationText, whenText } from "../../lib/format/durations.js";
import {
  formatBps,
  formatHours,
  formatPrice,
  formatReserve,
  hoursText,
  RBTC,
  type ReserveUnit,
} from "../../lib/format/units.js";
import { decodeActions, descriptionTitle } from "../../lib/governance/actions.js";
import { proposalRef } from "../../lib/governance/refs.js";
import { proposalStateName } from "../../lib/proposals.js";
import * as abis from "./generated/abis.js";

export {
  approveClaimsProposal,
  descriptionHash,
  executionArgs,
  proposeArgs,
  ProposalState,
  type ClaimSummary,
  type Proposal,
} from "../../lib/proposals.js";
export { getAmountOut } from "../../lib/dex.js";
export {
  balancesSum,
  coopHoursText,
  coopLabel,
  federationActionTexts,
  memberRows,
  MemberStatus,
  minimumOut,
  parseRecipient,
  paymentRefusal,
  periodText,
  quoteText,
  type FederationRecord,
  type MemberState,
  type RecordedCoop,
} from "../../lib/federation/view.js";
export {
  CLAIM_CATEGORIES,
  formatHours,
  hoursText,
  proposalRef,
  proposalStateName,
  RBTC,
  descriptionTitle as proposalTitle,
  durationText as duration,
  whenText as when,
};

/** The reserve asset as the app shows it: RBTC, or an ERC20's symbol and decimals. */
export type Money = ReserveUnit;

/** "0.0125 RBTC": an amount of the reserve in its own unit. */
export function moneyText(money: Money, amount: bigint): string {
  return formatReserve(money, amount);
}

/** "0.00012 RBTC per hour". */
export function priceText(money: Money, perHour: bigint): string {
  return formatPrice(money, perHour);
}

/** "0.5%" for basis points. */
export function bpsText(bps: bigint): string {
  return formatBps(bps);
}

/** The result of reading a form field: a value, or the one sentence that says what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Hours typed by a member ("1.5", "1:30"); positive unless `allowZero`. */
export function parseHoursInput(text: string, what = "hours"): Parsed<bigint> {
  if (text.trim() === "") return { ok: false, error: `enter the ${what}` };
  let value: bigint;
  try {
    value = parseHours(text);
  } catch {
    return { ok: false, error: `"${text}" is not a number of hours (e.g. 1.5 or 1:30)` };
  }
  if (value === 0n) return { ok: false, error: `the ${what} must be more than 0` };
  return { ok: true, value };
}

/** An amount of the reserve typed by a member ("0.01"), positive, at most its decimals. */
export function parseMoneyInput(text: string, money: Money, what = "amount"): Parsed<bigint> {
  const input = text.trim();
  if (input === "") return { ok: false, error: `enter the ${what}` };
  if (!new RegExp(`^\\d+(\\.\\d{1,${money.decimals}})?$`).test(input)) {
    return { ok: false, error: `"${text}" is not an amount of ${money.symbol}` };
  }
  const value = parseUnits(input, money.decimals);
  if (value === 0n) return { ok: false, error: `the ${what} must be more than 0` };
  return { ok: true, value };
}

/** A percentage typed by a member ("0.5") as basis points, within `0..max` percent. */
export function parsePercentInput(text: string, maxPercent: number): Parsed<bigint> {
  const input = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(input))
    return { ok: false, error: `"${text}" is not a percentage` };
  const bps = parseUnits(input, 2);
  if (bps > BigInt(maxPercent) * 100n) {
    return { ok: false, error: `the slippage must be at most ${maxPercent}%` };
  }
  return { ok: true, value: bps };
}

/** Every contract interface whose custom errors a call may raise, for {@link revertSentence}. */
const interfaces = Object.values(abis).map((abi) => new Interface(abi as unknown as string));

/** The hex revert data somewhere in a viem error's chain of causes (`raw` or `data`). */
function revertDataOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth++) {
    const { raw, data } = current as { raw?: unknown; data?: unknown };
    for (const candidate of [raw, data]) {
      if (typeof candidate === "string" && /^0x[0-9a-f]{8}/i.test(candidate)) return candidate;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A name for an address the page knows ("Bakery (BAKE)"), or undefined. */
export type NameOf = (address: string) => string | undefined;

/**
 * One human sentence for a failed call, as the CLI says it: a custom error in
 * words and human units (a federation's errors naming its cooperatives by
 * `nameOf`), a wallet refusal as a refusal, anything else by its first line.
 */
export function revertSentence(error: unknown, reserve: Money = RBTC, nameOf?: NameOf): string {
  const data = revertDataOf(error);
  const decoded = data === undefined ? undefined : decodeRevertData(data, interfaces);
  const federation = decoded === undefined ? undefined : federationErrorWords(decoded, nameOf);
  if (federation !== undefined) return federation;
  const words = data === undefined ? undefined : explainRevertData(data, interfaces, { reserve });
  if (words !== undefined) return words;
  const text = error instanceof Error ? error.message : String(error);
  if (/user (rejected|denied)/i.test(text)) return "the wallet refused to sign";
  const short = (error as { shortMessage?: unknown }).shortMessage;
  return (typeof short === "string" ? short : text).split("\n")[0];
}

/** Names of the cooperative's contracts by address ("treasury"), for decoded actions. */
export type ContractNames = Readonly<Record<string, string>>;

/** A proposal's actions in words, one line each, as the CLI decodes them. */
export function actionTexts(
  proposal: {
    readonly targets: readonly string[];
    readonly values: readonly bigint[];
    readonly calldatas: readonly string[];
  },
  names: ContractNames,
  reserve: Money = RBTC,
): string[] {
  return decodeActions(proposal, { names, reserve }).map((action) => action.text);
}

/** A claim category's name in lower case ("care"). */
export function categoryName(value: number | bigint): string {
  return (CLAIM_CATEGORIES[Number(value)] ?? String(value)).toLowerCase();
}
