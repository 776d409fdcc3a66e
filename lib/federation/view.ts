/**
 * A federation of cooperatives as a member sees it: each cooperative's standing in words
 * (status, clearing balance against its debit limit and surplus cap, allowances left this
 * period, exchange index), a payment checked against every rule of the clearing union before
 * anything is sent, and the union's errors in one sentence. Pure functions over the figures the
 * chain returns (hours as 1e18, an index as 1e18 federation hours per hour), with no node or file
 * access, so that the web app and the CLI word them alike.
 */
import { getAddress, Interface, ZeroAddress } from "ethers";

import type { ErrorLike } from "../errors/explain.js";
import { durationText, timestampText } from "../format/durations.js";
import { BPS, formatBps, formatHours, hoursText } from "../format/units.js";
import { hasValidChecksum } from "../rsk/checksum.js";

/** One cooperative as a federation's record lists it (`federation.json`). */
export interface RecordedCoop {
  readonly name: string;
  readonly symbol: string;
  /** Its `WorkHours`, which the clearing union knows it by. */
  readonly hours: string;
  readonly timelock: string;
  readonly treasury: string;
  readonly governor: string;
}

/** What `npm run federation:local` records: the federation's contracts and its cooperatives. */
export interface FederationRecord {
  readonly union: string;
  readonly votes: string;
  readonly governor: string;
  readonly timelock: string;
  readonly factory: string;
  readonly router: string;
  readonly coops: readonly RecordedCoop[];
}

/** `IFederationRegistry.Status`. */
export const MemberStatus = { None: 0, Active: 1, Frozen: 2, Retired: 3 } as const;

/** A cooperative's limits in federation hours (1e18 = one hour at index one). */
export interface MemberLimits {
  readonly debitLimit: bigint;
  readonly outflowAllowance: bigint;
  readonly surplusCap: bigint;
  readonly inflowAllowance: bigint;
}

/** `IFederationRegistry.Member`, as `ClearingUnion.member` returns it. */
export interface MemberState {
  readonly status: number;
  readonly balance: bigint;
  readonly index: bigint;
  readonly limits: MemberLimits;
  readonly outflowLeft: bigint;
  readonly inflowLeft: bigint;
}

/** An index of one: one of the cooperative's hours is one federation hour. */
export const INDEX_ONE = 10n ** 18n;

/** "Bakery (BAKE)". */
export function coopLabel(coop: Pick<RecordedCoop, "name" | "symbol">): string {
  return `${coop.name} (${coop.symbol})`;
}

/** Hours of one cooperative: "1 BAKE hour", "7.5 CARE hours". */
export function coopHoursText(amount: bigint, symbol: string): string {
  const text = formatHours(amount);
  return `${text} ${symbol} ${text === "1" ? "hour" : "hours"}`;
}

/** A cooperative's status in words, with what it may still do. */
export function statusText(status: number): string {
  switch (status) {
    case MemberStatus.Active:
      return "active";
    case MemberStatus.Frozen:
      return "frozen: it can receive payments but not pay";
    case MemberStatus.Retired:
      return "retired: it can neither pay nor receive";
    default:
      return "not a member";
  }
}

/** A clearing balance in words: "-5 hours: owes the federation", "+5 hours: …", "0 hours: even". */
export function balanceText(balance: bigint): string {
  if (balance === 0n) return "0 hours: even";
  if (balance < 0n) return `-${hoursText(-balance)}: owes the federation`;
  return `+${hoursText(balance)}: the federation owes it`;
}

/** The room left under a limit, never below zero. */
function room(limit: bigint, used: bigint): bigint {
  return used >= limit ? 0n : limit - used;
}

/** "1 BAKE hour = 1.05 federation hours". */
export function indexText(index: bigint, symbol: string): string {
  const text = formatHours(index, { decimals: 6 });
  return `1 ${symbol} hour = ${text} federation ${text === "1" ? "hour" : "hours"}`;
}

/** One cooperative's figures as labelled rows, in the order a member reads them. */
export function memberRows(coop: Pick<RecordedCoop, "symbol">, m: MemberState): [string, string][] {
  const owed = m.balance < 0n ? -m.balance : 0n;
  const credit = m.balance > 0n ? m.balance : 0n;
  return [
    ["Status", statusText(m.status)],
    ["Clearing balance", balanceText(m.balance)],
    [
      "Debit limit",
      `may owe up to ${hoursText(m.limits.debitLimit)}; ${hoursText(room(m.limits.debitLimit, owed))} left`,
    ],
    [
      "Surplus cap",
      `may be owed up to ${hoursText(m.limits.surplusCap)}; ${hoursText(room(m.limits.surplusCap, credit))} left`,
    ],
    [
      "May still pay this period",
      `${hoursText(m.outflowLeft)} of ${hoursText(m.limits.outflowAllowance)}`,
    ],
    [
      "May still receive this period",
      `${hoursText(m.inflowLeft)} of ${hoursText(m.limits.inflowAllowance)}`,
    ],
    ["Exchange index", indexText(m.index, coop.symbol)],
  ];
}

/** The period of the allowances: "Allowances renew every 1 day; the next period starts in 5 hours". */
export function periodText(period: bigint, maxIndexChangeBps: bigint, now: bigint): string {
  const next = (now / period + 1n) * period;
  return (
    `Allowances renew every ${durationText(period)}; the next period starts in ${durationText(next - now)}. ` +
    `An exchange index moves at most ${formatBps(maxIndexChangeBps)} a period.`
  );
}

/** The sum of the clearing balances: zero while the union keeps its books. */
export function balancesSum(members: readonly MemberState[]): bigint {
  return members.reduce((sum, m) => sum + m.balance, 0n);
}

/** A form field read: its value, or the one sentence that says what is wrong. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A recipient's address as typed: 0x and 40 hex digits, all one case or with a valid checksum
 * (EIP-55, or EIP-1191 for RSK mainnet or testnet), not the zero address. Returned in lower
 * case, which every encoder accepts whatever the chain's checksum.
 */
export function parseRecipient(text: string): Read<string> {
  const input = text.trim();
  if (input === "") return { ok: false, error: "enter the recipient's address" };
  if (!/^0x[0-9a-fA-F]{40}$/.test(input))
    return { ok: false, error: `"${text}" is not an address` };
  if (!hasValidChecksum(input)) {
    return {
      ok: false,
      error: `${input} has a mistyped letter: its checksum does not match; copy the address again`,
    };
  }
  if (/^0x0{40}$/.test(input))
    return { ok: false, error: "the recipient cannot be the zero address" };
  return { ok: true, value: input.toLowerCase() };
}

/** The least the recipient must receive: the quote less the slippage bound (basis points). */
export function minimumOut(hoursOut: bigint, slippageBps: bigint): bigint {
  return (hoursOut * (BPS - slippageBps)) / BPS;
}

/** One side of a payment: the cooperative and its state on chain. */
export interface Side {
  readonly coop: Pick<RecordedCoop, "name" | "symbol" | "hours">;
  readonly state: MemberState;
}

/** A payment as the member asked for it, with the chain's quote and the payer's holding. */
export interface PaymentRequest {
  readonly from: Side;
  readonly to: Side;
  /** The payer's hours of `from`. */
  readonly held: bigint;
  /** Hours of `from` to pay. */
  readonly hoursIn: bigint;
  /** `ClearingUnion.quote`: its worth in federation hours and the hours of `to` it mints. */
  readonly value: bigint;
  readonly hoursOut: bigint;
}

/**
 * Why the clearing union would refuse the payment, in one sentence with the figures, or
 * undefined when every rule passes: the same cooperative on both sides, a payer that is not
 * active (frozen, retired, never admitted), a receiver that is not a member, too few hours, a
 * payment worth nothing, the payer's debit limit, the receiver's surplus cap, and either side's
 * allowance for the period. In the clearing union's order, so that the sentence names the rule
 * the chain would name.
 */
export function paymentRefusal(p: PaymentRequest): string | undefined {
  const { from, to } = p;
  if (getAddress(from.coop.hours) === getAddress(to.coop.hours)) {
    return "the payer's and the recipient's cooperative are the same: send the hours as a transfer instead";
  }
  if (from.state.status === MemberStatus.Frozen) {
    return `${coopLabel(from.coop)} is frozen by the federation: its members can receive payments but not pay`;
  }
  if (from.state.status !== MemberStatus.Active) {
    return `${coopLabel(from.coop)} is ${from.state.status === MemberStatus.Retired ? "retired from" : "not a member of"} the federation: its hours cannot be paid through it`;
  }
  if (to.state.status !== MemberStatus.Active && to.state.status !== MemberStatus.Frozen) {
    return `${coopLabel(to.coop)} is ${to.state.status === MemberStatus.Retired ? "retired from" : "not a member of"} the federation: it cannot receive payments`;
  }
  if (p.held < p.hoursIn) {
    return `you hold ${coopHoursText(p.held, from.coop.symbol)}, not enough to pay ${coopHoursText(p.hoursIn, from.coop.symbol)}`;
  }
  if (p.value === 0n || p.hoursOut === 0n) {
    return "the payment is worth nothing at the current exchange indices: pay more hours";
  }
  const payer = from.state;
  if (payer.balance - p.value < -payer.limits.debitLimit) {
    const owed = payer.balance < 0n ? -payer.balance : 0n;
    return `${coopLabel(from.coop)} would pass its debit limit: it owes ${hoursText(owed)} of the ${hoursText(payer.limits.debitLimit)} it may owe, and this payment is worth ${hoursText(p.value)}`;
  }
  const receiver = to.state;
  if (receiver.balance + p.value > receiver.limits.surplusCap) {
    const credit = receiver.balance > 0n ? receiver.balance : 0n;
    return `${coopLabel(to.coop)} would pass its surplus cap: it is owed ${hoursText(credit)} of the ${hoursText(receiver.limits.surplusCap)} it may be owed, and this payment is worth ${hoursText(p.value)}`;
  }
  if (p.value > payer.outflowLeft) {
    return `${coopLabel(from.coop)} may pay ${hoursText(payer.outflowLeft)} more this period (of ${hoursText(payer.limits.outflowAllowance)}), and this payment is worth ${hoursText(p.value)}`;
  }
  if (p.value > receiver.inflowLeft) {
    return `${coopLabel(to.coop)} may receive ${hoursText(receiver.inflowLeft)} more this period (of ${hoursText(receiver.limits.inflowAllowance)}), and this payment is worth ${hoursText(p.value)}`;
  }
  return undefined;
}

/**
 * Why the federation could not carry out a proposal to set `label`'s exchange index from
 * `current` to `proposed`, or undefined: an index moves at most `maxIndexChangeBps` of the index
 * in force at the start of a period (the registry's bound), and a proposal executes in a later
 * period than it is made, from the index then in force.
 */
export function indexChangeRefusal(
  label: string,
  current: bigint,
  proposed: bigint,
  maxIndexChangeBps: bigint,
): string | undefined {
  const maxChange = (current * maxIndexChangeBps) / BPS;
  const change = proposed > current ? proposed - current : current - proposed;
  if (change <= maxChange) return undefined;
  return `the exchange index of ${label} may move at most ${formatHours(maxChange)} from ${formatHours(current)} in one change (one change a period); ${formatHours(proposed)} is further`;
}

/** Why `label` could not retire with its clearing `balance` (hours), or undefined. */
export function retireRefusal(label: string, balance: bigint): string | undefined {
  if (balance >= 0n) return undefined;
  return `${label} owes ${hoursText(-balance)} to the federation and cannot retire`;
}

/** The quote in words: what the recipient receives, and the least with the slippage bound. */
export function quoteText(
  to: Pick<RecordedCoop, "symbol">,
  value: bigint,
  hoursOut: bigint,
  slippageBps: bigint,
): string {
  return (
    `The recipient receives ${coopHoursText(hoursOut, to.symbol)} (worth ${hoursText(value)} in the federation), ` +
    `and at least ${coopHoursText(minimumOut(hoursOut, slippageBps), to.symbol)} if an exchange index changes first.`
  );
}

/**
 * The clearing union's and the registry's errors in words with figures in hours, naming
 * cooperatives by `nameOf` when it knows them; undefined for other errors.
 */
export function federationErrorWords(
  error: ErrorLike,
  nameOf: (address: string) => string | undefined = () => undefined,
): string | undefined {
  const a = error.args as readonly unknown[];
  const coop = (value: unknown) => {
    const address = getAddress(value as string);
    return nameOf(address) ?? address;
  };
  const h = (value: unknown) => hoursText(BigInt(value as bigint));
  const assetText = (value: unknown) =>
    value === ZeroAddress ? "RBTC" : getAddress(value as string);
  const signed = (value: unknown) => {
    const v = BigInt(value as bigint);
    return v < 0n ? `-${hoursText(-v)}` : hoursText(v);
  };
  switch (error.name) {
    case "ClearingUnionUnknownCooperative":
      return `${coop(a[0])} is not an active member of the federation`;
    case "ClearingUnionFrozen":
      return `${coop(a[0])} is frozen by the federation: its members can receive payments but not pay`;
    case "ClearingUnionSameCooperative":
      return "the payer's and the recipient's cooperative are the same: send the hours as a transfer instead";
    case "ClearingUnionZeroAmount":
      return "the payment is worth nothing at the current exchange indices: pay more hours";
    case "ClearingUnionDebitLimitExceeded":
      return `${coop(a[0])} stands at ${signed(a[1])}; paying ${h(a[2])} more would pass its debit limit of ${h(a[3])}`;
    case "ClearingUnionSurplusCapExceeded":
      return `${coop(a[0])} stands at ${signed(a[1])}; receiving ${h(a[2])} more would pass its surplus cap of ${h(a[3])}`;
    case "ClearingUnionOutflowAllowanceExceeded":
      return `${coop(a[0])} has paid ${h(a[1])} of its ${h(a[3])} this period; ${h(a[2])} more do not fit`;
    case "ClearingUnionInflowAllowanceExceeded":
      return `${coop(a[0])} has received ${h(a[1])} of its ${h(a[3])} this period; ${h(a[2])} more do not fit`;
    case "ClearingUnionInsufficientOutput":
      return `the recipient would receive ${formatHours(BigInt(a[0] as bigint))} hours, fewer than the ${formatHours(BigInt(a[1] as bigint))} the slippage bound allows: an exchange index changed; check the quote and pay again`;
    case "ERC20InvalidReceiver":
      return "the recipient is the zero address: nobody could use the hours; name a member's address";
    case "FederationWrongStatus":
    case "FederationAlreadyMember":
      return `${coop(a[0])} is ${statusText(Number(a[1]))}, so the federation cannot make this change`;
    case "FederationMissingRole":
      return `${coop(a[0])} has not voted to join: its members must grant the clearing union its role first`;
    case "FederationNotCooperativeTreasury":
      return `${getAddress(a[1] as string)} is not the treasury of ${coop(a[0])}: its hours do not let it burn redeemed hours`;
    case "FederationIndexChangeTooLarge":
      return `the exchange index of ${coop(a[0])} may move at most ${formatHours(BigInt(a[3] as bigint))} from ${formatHours(BigInt(a[1] as bigint))} in one change; ${formatHours(BigInt(a[2] as bigint))} is further`;
    case "FederationIndexChangeTooSoon":
      return `the exchange index of ${coop(a[0])} changed less than a period ago: it may change again from ${timestampText(BigInt(a[1] as bigint))}`;
    case "FederationRetireWithDebt":
      return retireRefusal(coop(a[0]), BigInt(a[1] as bigint));
    case "ClearingUnionSettlementClosed":
      return "the federation has set no settlement rate; settlement is closed";
    case "ClearingUnionNotTreasury":
      return `only the treasury of ${coop(a[0])} settles its debit, by its own vote (not ${getAddress(a[1] as string)})`;
    case "ClearingUnionSettlementExceedsDebit":
      return `${coop(a[0])} stands at ${signed(a[1])}; settling ${h(a[2])} would take it above zero`;
    case "ClearingUnionSettlementExceedsSurplus":
      return `${coop(a[0])} is owed ${signed(a[1])}; settling ${h(a[2])} with it would take it below zero`;
    case "ClearingUnionSettlementBelowMinimum":
      return `the settlement is now worth ${h(a[0])}, less than the ${h(a[1])} the cooperative voted for: the federation's rate changed; propose it again`;
    case "ClearingUnionSettlementAssetMismatch":
      return `the creditor's treasury ${getAddress(a[0] as string)} keeps another reserve (${assetText(a[1])}) than the federation settles in (${assetText(a[2])})`;
    case "TreasuryNotFederation":
      return `${getAddress(a[0] as string)} is not the clearing union the cooperative voted to join`;
    case "FederationVotesNotSeated":
      return `${getAddress(a[0] as string)} holds no seat in the federation: only a cooperative's liaison votes`;
    default:
      return undefined;
  }
}

/** The functions a federation proposal calls on the clearing union (its registry). */
export const registryInterface = new Interface([
  "function admit(address cooperative, address timelock, address treasury, uint256 index, (uint96 debitLimit, uint96 outflowAllowance, uint96 surplusCap, uint96 inflowAllowance) limits)",
  "function freeze(address cooperative)",
  "function unfreeze(address cooperative)",
  "function retire(address cooperative)",
  "function setLimits(address cooperative, (uint96 debitLimit, uint96 outflowAllowance, uint96 surplusCap, uint96 inflowAllowance) limits)",
  "function setIndex(address cooperative, uint256 index)",
]);

function limitsWords(l: MemberLimits): string {
  return (
    `a debit limit of ${hoursText(l.debitLimit)}, a surplus cap of ${hoursText(l.surplusCap)}, ` +
    `and ${hoursText(l.outflowAllowance)} out and ${hoursText(l.inflowAllowance)} in a period`
  );
}

/**
 * A federation proposal's actions in words, one line each: admit, limits, index, freeze,
 * unfreeze and retire, naming cooperatives by `nameOf` (and by symbol for an index) when known.
 * A call it does not know is named by its target and selector.
 */
export function federationActionTexts(
  proposal: { readonly targets: readonly string[]; readonly calldatas: readonly string[] },
  nameOf: (address: string) => RecordedCoop | undefined = () => undefined,
): string[] {
  return proposal.targets.map((target, k) => {
    const data = proposal.calldatas[k] ?? "0x";
    let call;
    try {
      call = registryInterface.parseTransaction({ data });
    } catch {
      call = null;
    }
    if (call === null) return `call ${getAddress(target)} (${data.slice(0, 10)})`;
    const coop = nameOf(getAddress(call.args[0] as string));
    const who = coop === undefined ? getAddress(call.args[0] as string) : coopLabel(coop);
    const limits = (value: unknown): MemberLimits => {
      const [debitLimit, outflowAllowance, surplusCap, inflowAllowance] = value as bigint[];
      return { debitLimit, outflowAllowance, surplusCap, inflowAllowance };
    };
    switch (call.name) {
      case "admit":
        return `admit ${who} at ${indexText(call.args[3] as bigint, coop?.symbol ?? "of its")}, with ${limitsWords(limits(call.args[4]))}`;
      case "setLimits":
        return `set the limits of ${who}: ${limitsWords(limits(call.args[1]))}`;
      case "setIndex":
        return `set the exchange index of ${who}: ${indexText(call.args[1] as bigint, coop?.symbol ?? "of its")}`;
      case "freeze":
        return `freeze ${who}: its members can receive payments but not pay`;
      case "unfreeze":
        return `lift the freeze of ${who}`;
      default:
        return `retire ${who} from the federation`;
    }
  });
}
