/**
 * The app's one door into `lib/`, the domain code it shares with the CLI:
 * units, durations, proposal encoding and error explanations. Components
 * import from here, never from ethers or the CLI directly, so that what a
 * member reads in the browser is worded exactly as the CLI words it.
 */
import { Interface, formatUnits, parseUnits } from "ethers";
import { decodeFunctionData, type Abi, type Address } from "viem";

import { CLAIM_CATEGORIES, formatHours, hoursText, parseHours } from "../../lib/claims.js";
import { describeRevert } from "../../lib/cli/tx.js";
import { explainError } from "../../lib/coop/explain.js";
import { duration, when } from "../../lib/coop/time.js";
import { formatHours as proposalHours, proposalStateName } from "../../lib/proposals.js";
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
export { CLAIM_CATEGORIES, duration, formatHours, hoursText, proposalStateName, when };
export { getAmountOut } from "../../lib/dex.js";

/** The reserve asset as the app shows it: RBTC, or an ERC20's symbol and decimals. */
export interface Money {
  readonly symbol: string;
  readonly decimals: number;
}

export const RBTC: Money = { symbol: "RBTC", decimals: 18 };

/** "0.0125 RBTC": an amount of the reserve in its own unit. */
export function moneyText(money: Money, amount: bigint): string {
  const text = formatUnits(amount, money.decimals);
  return `${text.endsWith(".0") ? text.slice(0, -2) : text} ${money.symbol}`;
}

/** "0.5%" for basis points. */
export function bpsText(bps: bigint): string {
  const text = formatUnits(bps * 100n, 4);
  return `${text.endsWith(".0") ? text.slice(0, -2) : text}%`;
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

/** The hex revert data somewhere in a viem error's chain of causes. */
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

/**
 * One human sentence for a failed call, as the CLI says it: a custom error in
 * words and human units, a wallet refusal as a refusal, anything else by its
 * first line.
 */
export function revertSentence(error: unknown): string {
  const data = revertDataOf(error);
  if (data !== undefined) return describeRevert({ data }, interfaces, explainError);
  const text = error instanceof Error ? error.message : String(error);
  if (/user (rejected|denied)/i.test(text)) return "the wallet refused to sign";
  const short = (error as { shortMessage?: unknown }).shortMessage;
  return (typeof short === "string" ? short : text).split("\n")[0];
}

/** The first line of a proposal's description, without its Markdown heading mark. */
export function proposalTitle(description: string): string {
  return description.split("\n")[0].replace(/^#\s*/, "");
}

/** A proposal's short reference: the first 8 hex digits of its id, as members quote it. */
export function proposalRef(id: bigint): string {
  return id.toString(16).padStart(64, "0").slice(0, 8);
}

/** Contract names by address, for the words of a decoded action. */
export type ContractNames = ReadonlyMap<string, { name: string; abi: Abi }>;

/**
 * One action of a proposal in words: "approve claims 1, 2 (ContributionRegistry)",
 * decoded with the ABI of the contract it calls; amounts of hours in hours.
 */
export function actionText(target: Address, calldata: `0x${string}`, names: ContractNames): string {
  const known = names.get(target.toLowerCase());
  if (known === undefined) return `call ${target} with ${calldata.slice(0, 10)}`;
  try {
    const { functionName, args } = decodeFunctionData({ abi: known.abi, data: calldata });
    const words = functionName.replace(/([A-Z])/g, " $1").toLowerCase();
    const shown = (args ?? []).map((arg) => argText(functionName, arg)).join(", ");
    return `${known.name}: ${words}${shown === "" ? "" : ` ${shown}`}`;
  } catch {
    return `${known.name}: unknown call ${calldata.slice(0, 10)}`;
  }
}

function argText(functionName: string, arg: unknown): string {
  if (Array.isArray(arg)) return arg.map((item) => argText(functionName, item)).join(", ");
  if (typeof arg === "bigint") {
    return arg >= 10n ** 15n ? `${proposalHours(arg)} hours` : arg.toString();
  }
  return String(arg);
}

/** A claim category's name in lower case ("care"). */
export function categoryName(value: number | bigint): string {
  return (CLAIM_CATEGORIES[Number(value)] ?? String(value)).toLowerCase();
}
