import type { Sent } from "../cli/tx.js";
import { durationText } from "../format/durations.js";
import {
  formatBps,
  formatHours,
  formatPrice,
  formatWeight,
  hoursText,
  careText,
} from "../format/units.js";
import { proposalRef } from "../governance/refs.js";
import type { ClaimView, SubmittedClaim } from "./claims.js";
import type { Executed, Proposed, ProposalStatus, Voted } from "./governance.js";
import type { LiquidityAdded, Swapped } from "./market.js";
import { formatReserve, type Reserve } from "./reserve.js";
import type { AccountStatus, CoopStatus } from "./status.js";
import { when } from "./time.js";
import type { Redeemed } from "./treasury.js";

/** "gas 123,456" for a sent transaction. */
export function gas(sent: Pick<Sent, "gasUsed">): string {
  return `gas ${sent.gasUsed.toLocaleString("en-US")}`;
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

export function claimSubmitted(c: SubmittedClaim, hours: bigint, category: string): string {
  return `claim ${c.id} submitted: ${hoursText(hours)} of ${category} work (${gas(c)})`;
}

export function claimLine(c: ClaimView): string {
  const evidence = c.evidenceURI ? `  ${c.evidenceURI}` : "";
  return `#${c.id}  ${c.status.toLowerCase().padEnd(9)} ${c.category.toLowerCase().padEnd(11)} ${formatHours(c.amount).padStart(7)} h  ${c.claimant}${evidence}`;
}

export function proposed(p: Proposed, now: bigint): string[] {
  const ref = proposalRef(p.proposalId);
  return [
    `proposal ${ref}: ${p.proposal.description.split("\n")[0].replace(/^#\s*/, "")}`,
    `  voting opens ${when(p.voteStart + 1n, now)} and closes ${when(p.voteEnd, now)} (${gas(p)})`,
    `  next: coop vote --proposal ${ref} --support for`,
  ];
}

export function voted(v: Voted, support: string, voter: string, ref: string): string {
  const capped =
    v.uncapped === undefined
      ? ""
      : ` (capped by the voter cap; uncapped ${formatHours(v.uncapped)})`;
  return `${voter} voted ${support} on ${ref} with a weight of ${formatHours(v.weight)}${capped} (${gas(v)})`;
}

export function executed(e: Executed, ref: string): string[] {
  return [
    `proposal ${ref} executed (${gas(e)})`,
    ...(e.effects.length === 0 ? ["  no recorded effect"] : e.effects.map((line) => `  ${line}`)),
  ];
}

/** One proposal: reference, state, countdown, tallies against the quorum and, with `detail`, its actions. */
export function proposalLines(p: ProposalStatus, now: bigint, detail = true): string[] {
  const counted = p.votes.for + p.votes.abstain; // GovernorCountingSimple: for and abstain count
  const quorum =
    p.quorum === undefined
      ? ""
      : `; quorum ${formatHours(p.quorum)} (${counted >= p.quorum ? "reached" : `${formatHours(p.quorum - counted)} more needed`})`;
  const lines = [
    `${p.ref}  ${p.state.toLowerCase()}  ${p.title}`,
    `  for ${formatHours(p.votes.for)}, against ${formatHours(p.votes.against)}, abstain ${formatHours(p.votes.abstain)}${quorum}`,
  ];
  switch (p.state) {
    case "Pending":
      lines.push(`  voting opens ${when(p.snapshot + 1n, now)}, closes ${when(p.deadline, now)}`);
      break;
    case "Active":
      lines.push(`  voting closes ${when(p.deadline, now)}`);
      break;
    case "Succeeded":
      lines.push(`  vote closed ${when(p.deadline, now)}; next: coop queue --proposal ${p.ref}`);
      break;
    case "Queued":
      lines.push(`  executable from ${when(p.eta, now)}; next: coop execute --proposal ${p.ref}`);
      break;
    default:
      lines.push(`  vote closed ${when(p.deadline, now)}`);
  }
  if (detail) {
    lines.push(`  proposed by ${p.proposer}`);
    for (const [i, action] of p.actions.entries()) lines.push(`  ${i + 1}. ${action}`);
  }
  return lines;
}

export function accountLines(s: AccountStatus, now: bigint): string[] {
  const capped =
    s.uncappedWeight > s.voteWeight
      ? ` (capped by the voter cap; uncapped ${formatHours(s.uncappedWeight)})`
      : "";
  const delegated =
    s.delegate.toLowerCase() === s.account.toLowerCase()
      ? ""
      : `; work votes delegated to ${s.delegate}`;
  return [
    `account ${s.account}`,
    `  ${hoursText(s.hours)}, ${careText(s.care)}, ${formatReserve(s.reserve, s.reserveBalance)}`,
    `  credit: commons ${hoursText(s.commonsCredit)}, subsistence ${hoursText(s.subsistenceCredit)}`,
    `  vote weight now ${formatHours(s.voteWeight)}${capped}${delegated}`,
    `  redemption fee now ${formatBps(s.feeBps)}` +
      (s.holdingSince > 0n ? ` (holding since ${when(s.holdingSince, now)})` : ""),
  ];
}

export function coopLines(s: CoopStatus, now: bigint): string[] {
  const r = s.reserve;
  const g = s.governance;
  const lines = [
    `cooperative (reserve ${r.symbol})`,
    `  supply: ${hoursText(s.supply.hours)}, ${careText(s.supply.care)}`,
    `  pools: subsistence ${formatReserve(r, s.pools.subsistence)}, commons ${formatReserve(r, s.pools.commons)}`,
    `  redemption rate ${formatPrice(r, s.rate)}; fee ${formatBps(s.fees.maxFee)} falling to ${formatBps(s.fees.minFee)} over ${durationText(s.fees.holdPeriod)} of holding`,
    `  claims: ${s.claims.total} in all, ${s.claims.pending} pending; claim cap ${hoursText(s.claims.cap)}`,
    `  governance: care weight ${formatWeight(g.careWeight)}, quorum ${formatBps(g.quorumFraction)} (${formatHours(g.quorumNow)} vote hours now), voter cap ${g.maxVoterShare === 0n ? "none" : formatBps(g.maxVoterShare)}, proposal threshold ${hoursText(g.proposalThreshold).replace(/ hours?$/, (unit) => ` vote${unit}`)}`,
    `  timing: voting delay ${durationText(g.votingDelay)}, voting period ${durationText(g.votingPeriod)}, late-quorum extension ${durationText(g.lateQuorumExtension)}, timelock delay ${durationText(g.timelockDelay)}`,
  ];
  const sale = s.sale;
  lines.push(
    sale.active
      ? `  sale ${sale.id}: ${hoursText(sale.sold)} of ${hoursText(sale.cap)} sold at ${formatPrice(r, sale.price)}, at most ${hoursText(sale.accountCap)} per account, until ${when(sale.end, now)}`
      : "  sale: none open",
  );
  const band = s.band;
  const p = band.params;
  lines.push(
    p.oracle === ZERO_ADDRESS
      ? "  band: not configured"
      : `  band: ${formatPrice(r, p.floor)} to ${formatPrice(r, p.ceiling)}; per ${durationText(p.periodLength)} buy back with up to ${formatReserve(r, p.buybackBudget)}, emit up to ${hoursText(p.emissionCap)}; slippage ${formatBps(p.maxSlippage)}; this period spent ${formatReserve(r, band.spent)}, minted ${hoursText(band.minted)}`,
  );
  const age =
    s.twapObservedAt === undefined || s.twapObservedAt === 0n
      ? ""
      : `, observed ${when(s.twapObservedAt, now)} over ${durationText(s.twapWindow ?? 0n)}`;
  lines.push(
    s.spotPrice === undefined
      ? "  pool: no liquidity"
      : `  pool price ${formatPrice(r, s.spotPrice)}; TWAP ${s.twap === undefined ? `unavailable (${s.twapUnavailable})` : `${formatPrice(r, s.twap)}${age}`}`,
  );
  return lines;
}

export function redeemed(r: Redeemed, hours: bigint, category: string): string {
  return `redeemed ${hoursText(hours)} of ${category} credit for ${formatReserve(r.reserve, r.payout)} (fee ${formatBps(r.feeBps)}, ${gas(r)})`;
}

export function swapped(s: Swapped): string {
  const [paid, got] =
    s.sold === "hours"
      ? [hoursText(s.amountIn), formatReserve(s.reserve, s.amountOut)]
      : [formatReserve(s.reserve, s.amountIn), hoursText(s.amountOut)];
  return `swapped ${paid} for ${got} (${gas(s)})`;
}

export function liquidityAdded(l: LiquidityAdded): string {
  return `added ${hoursText(l.hours)} and ${formatReserve(l.reserve, l.reserveAmount)} to the pool at its price; you hold ${formatHours(l.liquidity)} pool shares (${gas(l)})`;
}

export function money(reserve: Reserve, amount: bigint): string {
  return formatReserve(reserve, amount);
}
