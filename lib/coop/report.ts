import { formatUnits } from "ethers";

import { formatHours, hoursText } from "../claims.js";
import type { Sent } from "../cli/tx.js";
import type { ClaimView, SubmittedClaim } from "./claims.js";
import type { Proposed, ProposalStatus, Voted } from "./governance.js";
import type { LiquidityAdded, Swapped } from "./market.js";
import { formatReserve, type Reserve } from "./reserve.js";
import type { AccountStatus, CoopStatus } from "./status.js";
import { when } from "./time.js";
import type { Redeemed } from "./treasury.js";

/** "gas 123,456" for a sent transaction. */
export function gas(sent: Pick<Sent, "gasUsed">): string {
  return `gas ${sent.gasUsed.toLocaleString("en-US")}`;
}

function bps(value: bigint): string {
  return `${formatUnits(value, 2)}%`;
}

export function claimSubmitted(c: SubmittedClaim, hours: bigint, category: string): string {
  return `claim ${c.id} submitted: ${hoursText(hours)} of ${category} work (${gas(c)})`;
}

export function claimLine(c: ClaimView): string {
  const evidence = c.evidenceURI ? `  ${c.evidenceURI}` : "";
  return `#${c.id}  ${c.status.padEnd(9)} ${c.category.padEnd(11)} ${formatHours(c.amount).padStart(7)} h  ${c.claimant}${evidence}`;
}

export function proposed(p: Proposed, now: bigint): string[] {
  return [
    `proposal ${p.proposalId}`,
    `  ${p.proposal.description.split("\n")[0].replace(/^#\s*/, "")}`,
    `  voting opens ${when(p.voteStart + 1n, now)} and closes ${when(p.voteEnd, now)} (${gas(p)})`,
  ];
}

export function voted(v: Voted, support: string, voter: string): string {
  return `${voter} voted ${support} with a weight of ${formatHours(v.weight)} (${gas(v)})`;
}

export function proposalLines(p: ProposalStatus, now: bigint): string[] {
  const lines = [
    `proposal ${p.id}: ${p.state}`,
    `  ${p.title}`,
    `  for ${formatHours(p.votes.for)}, against ${formatHours(p.votes.against)}, abstain ${formatHours(p.votes.abstain)}` +
      (p.quorum === undefined ? "" : `; quorum ${formatHours(p.quorum)}`),
    `  vote ${p.snapshot < now ? "opened" : "opens"} ${when(p.snapshot + 1n, now)}, ${p.deadline < now ? "closed" : "closes"} ${when(p.deadline, now)}`,
  ];
  if (p.eta > 0n) lines.push(`  executable from ${when(p.eta, now)}`);
  return lines;
}

export function accountLines(s: AccountStatus, now: bigint): string[] {
  return [
    `account ${s.account}`,
    `  hours ${formatHours(s.hours)}, care ${formatHours(s.care)}, ${formatReserve(s.reserve, s.reserveBalance)}`,
    `  credit: commons ${formatHours(s.commonsCredit)}, subsistence ${formatHours(s.subsistenceCredit)}`,
    `  vote weight now ${formatHours(s.voteWeight)}`,
    `  redemption fee now ${bps(s.feeBps)}` +
      (s.holdingSince > 0n ? ` (holding since ${when(s.holdingSince, now)})` : ""),
  ];
}

export function coopLines(s: CoopStatus, now: bigint): string[] {
  const r = s.reserve;
  const lines = [
    `cooperative (reserve ${r.symbol})`,
    `  supply: ${hoursText(s.supply.hours)}, ${formatHours(s.supply.care)} care`,
    `  pools: subsistence ${formatReserve(r, s.pools.subsistence)}, commons ${formatReserve(r, s.pools.commons)}`,
    `  rate ${formatReserve(r, s.rate)} per hour; fee ${bps(s.fees.maxFee)} falling to ${bps(s.fees.minFee)} over ${s.fees.holdPeriod} s of holding`,
    `  claims: ${s.claims.total} in all, ${s.claims.pending} pending`,
  ];
  const sale = s.sale;
  lines.push(
    sale.active
      ? `  sale ${sale.id}: ${formatHours(sale.sold)} of ${hoursText(sale.cap)} sold at ${formatReserve(r, sale.price)}, until ${when(sale.end, now)}`
      : "  sale: none open",
  );
  const band = s.band;
  lines.push(
    band.params.oracle === "0x0000000000000000000000000000000000000000"
      ? "  band: not configured"
      : `  band: ${formatReserve(r, band.params.floor)} to ${formatReserve(r, band.params.ceiling)} per hour; this period spent ${formatReserve(r, band.spent)}, minted ${hoursText(band.minted)}`,
  );
  lines.push(
    s.spotPrice === undefined
      ? "  pool: no liquidity"
      : `  pool price ${formatReserve(r, s.spotPrice)} per hour; TWAP ${s.twap === undefined ? `unavailable (${s.twapUnavailable})` : formatReserve(r, s.twap)}`,
  );
  return lines;
}

export function redeemed(r: Redeemed, hours: bigint, category: string): string {
  return `redeemed ${hoursText(hours)} of ${category} credit for ${formatReserve(r.reserve, r.payout)} (fee ${bps(r.feeBps)}, ${gas(r)})`;
}

export function swapped(s: Swapped): string {
  const hoursSide = (amount: bigint) => `${hoursText(amount)}`;
  const [paid, got] =
    s.sold === "hours"
      ? [hoursSide(s.amountIn), formatReserve(s.reserve, s.amountOut)]
      : [formatReserve(s.reserve, s.amountIn), hoursSide(s.amountOut)];
  return `swapped ${paid} for ${got} (${gas(s)})`;
}

export function liquidityAdded(l: LiquidityAdded): string {
  return `added ${hoursText(l.hours)} and ${formatReserve(l.reserve, l.reserveAmount)} to the pool at its price; you hold ${formatHours(l.liquidity)} pool shares (${gas(l)})`;
}

export function money(reserve: Reserve, amount: bigint): string {
  return formatReserve(reserve, amount);
}
