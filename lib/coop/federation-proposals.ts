/**
 * Proposals of a federation of cooperatives, as the CLI, the demo and the tests build them:
 * the cooperative's own side (join: grant the clearing union its role on the cooperative's
 * hours; appoint or revoke its liaison) and the federation's side (admit, limits, index, freeze,
 * unfreeze, retire). Every amount is in token units (1e18 = one hour); an index is the value of
 * one of a cooperative's hours in the federation's unit (1e18 = one hour).
 */
import { Interface, getAddress, id } from "ethers";

import {
  type Action,
  type Proposal,
  ProposalInputError,
  buildProposal,
  formatHours,
  withProposer,
} from "../proposals.js";

/** The role on a cooperative's `WorkHours` that the clearing union needs. */
export const FEDERATION_ROLE = id("FEDERATION_ROLE");

/** An exchange index of one: one of the cooperative's hours is one federation hour. */
export const INDEX_ONE = 10n ** 18n;

/** The largest value a limit or an index holds on chain (2^96 - 1). */
export const MAX_UINT96 = (1n << 96n) - 1n;

/** A cooperative's limits in the federation's unit (1e18 = one hour at index one). */
export interface FederationLimits {
  readonly debitLimit: bigint;
  readonly outflowAllowance: bigint;
  readonly surplusCap: bigint;
  readonly inflowAllowance: bigint;
}

/** What the federation records of a cooperative when it admits it. */
export interface Candidate {
  /** The cooperative's `WorkHours`. */
  readonly hours: string;
  /** The cooperative's timelock (the admin of its hours). */
  readonly timelock: string;
  /** The cooperative's treasury. */
  readonly treasury: string;
  readonly index: bigint;
  readonly limits: FederationLimits;
}

const workHours = new Interface(["function grantRole(bytes32 role, address account)"]);
const registry = new Interface([
  "function admit(address cooperative, address timelock, address treasury, uint256 index, (uint96 debitLimit, uint96 outflowAllowance, uint96 surplusCap, uint96 inflowAllowance) limits)",
  "function freeze(address cooperative)",
  "function unfreeze(address cooperative)",
  "function retire(address cooperative)",
  "function setLimits(address cooperative, (uint96 debitLimit, uint96 outflowAllowance, uint96 surplusCap, uint96 inflowAllowance) limits)",
  "function setIndex(address cooperative, uint256 index)",
]);
const votes = new Interface([
  "function appointLiaison(address liaison)",
  "function revokeLiaison()",
]);

/** A proposal of `actions`, its description ending with the `#proposer=` suffix the governor
 * requires (only `proposer` may submit it). */
function build(actions: readonly Action[], description: string, proposer: string): Proposal {
  return buildProposal(actions, withProposer(description, proposer));
}

function checkLimits(limits: FederationLimits): void {
  for (const [name, value] of Object.entries(limits) as [string, bigint][]) {
    if (value < 0n || value > MAX_UINT96)
      throw new ProposalInputError(
        `${name} must be between 0 and ${formatHours(MAX_UINT96)} hours`,
      );
  }
}

function checkIndex(index: bigint): void {
  if (index <= 0n || index > MAX_UINT96)
    throw new ProposalInputError("an exchange index must be above zero");
}

function limitsTuple(l: FederationLimits) {
  return [l.debitLimit, l.outflowAllowance, l.surplusCap, l.inflowAllowance];
}

/** The cooperative's own decision to join: its timelock grants the union `FEDERATION_ROLE`. */
export function joinAction(hours: string, union: string): Action {
  return {
    target: getAddress(hours),
    calldata: workHours.encodeFunctionData("grantRole", [FEDERATION_ROLE, getAddress(union)]),
  };
}

/** The cooperative's proposal to join the federation whose clearing union is `union`. */
export function joinProposal(
  hours: string,
  union: string,
  proposer: string,
  federationName = "the federation",
): Proposal {
  return build(
    [joinAction(hours, union)],
    `# Join ${federationName}\n\nGrant the federation's clearing union (${getAddress(union)}) ` +
      `the role to burn hours our members pay to other cooperatives and to mint, without ` +
      `earned credit, the hours they receive from them.`,
    proposer,
  );
}

/** The cooperative's proposal to appoint `liaison` to cast its federation votes. */
export function appointLiaisonProposal(
  federationVotes: string,
  liaison: string,
  proposer: string,
): Proposal {
  return build(
    [
      {
        target: getAddress(federationVotes),
        calldata: votes.encodeFunctionData("appointLiaison", [getAddress(liaison)]),
      },
    ],
    `# Appoint ${getAddress(liaison)} as our federation liaison`,
    proposer,
  );
}

/** The cooperative's proposal to revoke its liaison: its votes return to its timelock. */
export function revokeLiaisonProposal(federationVotes: string, proposer: string): Proposal {
  return build(
    [{ target: getAddress(federationVotes), calldata: votes.encodeFunctionData("revokeLiaison") }],
    "# Revoke our federation liaison",
    proposer,
  );
}

/** The federation's action admitting `candidate`. */
export function admitAction(union: string, candidate: Candidate): Action {
  checkIndex(candidate.index);
  checkLimits(candidate.limits);
  return {
    target: getAddress(union),
    calldata: registry.encodeFunctionData("admit", [
      getAddress(candidate.hours),
      getAddress(candidate.timelock),
      getAddress(candidate.treasury),
      candidate.index,
      limitsTuple(candidate.limits),
    ]),
  };
}

function describeLimits(l: FederationLimits): string {
  return (
    `- debit limit: ${formatHours(l.debitLimit)} hours\n` +
    `- surplus cap: ${formatHours(l.surplusCap)} hours\n` +
    `- outflow allowance per period: ${formatHours(l.outflowAllowance)} hours\n` +
    `- inflow allowance per period: ${formatHours(l.inflowAllowance)} hours`
  );
}

/** The federation's proposal to admit `candidate`. */
export function admitProposal(
  union: string,
  candidate: Candidate,
  proposer: string,
  name?: string,
): Proposal {
  return build(
    [admitAction(union, candidate)],
    `# Admit ${name ?? getAddress(candidate.hours)} to the federation\n\n` +
      `- hours: ${getAddress(candidate.hours)}\n- timelock: ${getAddress(candidate.timelock)}\n` +
      `- exchange index: ${formatHours(candidate.index)}\n${describeLimits(candidate.limits)}`,
    proposer,
  );
}

/** The federation's proposal to replace the limits of `cooperative`. */
export function limitsProposal(
  union: string,
  cooperative: string,
  limits: FederationLimits,
  proposer: string,
): Proposal {
  checkLimits(limits);
  return build(
    [
      {
        target: getAddress(union),
        calldata: registry.encodeFunctionData("setLimits", [
          getAddress(cooperative),
          limitsTuple(limits),
        ]),
      },
    ],
    `# New federation limits for ${getAddress(cooperative)}\n\n${describeLimits(limits)}`,
    proposer,
  );
}

/** The federation's proposal to set the exchange index of `cooperative`. */
export function indexProposal(
  union: string,
  cooperative: string,
  index: bigint,
  proposer: string,
): Proposal {
  checkIndex(index);
  return build(
    [
      {
        target: getAddress(union),
        calldata: registry.encodeFunctionData("setIndex", [getAddress(cooperative), index]),
      },
    ],
    `# Exchange index of ${getAddress(cooperative)}: ${formatHours(index)}`,
    proposer,
  );
}

/** The federation's proposal to freeze, unfreeze or retire `cooperative`. */
export function statusProposal(
  union: string,
  cooperative: string,
  change: "freeze" | "unfreeze" | "retire",
  proposer: string,
): Proposal {
  const titles = { freeze: "Freeze", unfreeze: "Unfreeze", retire: "Retire" } as const;
  return build(
    [
      {
        target: getAddress(union),
        calldata: registry.encodeFunctionData(change, [getAddress(cooperative)]),
      },
    ],
    `# ${titles[change]} ${getAddress(cooperative)}`,
    proposer,
  );
}

const ZERO = "0x0000000000000000000000000000000000000000";
const settlementRegistry = new Interface(["function setSettlement(address asset, uint256 rate)"]);
const treasury = new Interface([
  "function settleFederation(address union, address creditor, uint256 amount)",
]);

/** The federation's proposal to set the settlement asset (the zero address for native RBTC) and
 * its rate: the value in the federation's unit (1e18 = one hour) of 1e18 base units of the
 * asset. A rate of zero closes settlement. */
export function settlementRateProposal(
  union: string,
  asset: string,
  rate: bigint,
  proposer: string,
): Proposal {
  if (rate < 0n || rate > MAX_UINT96)
    throw new ProposalInputError(
      `a settlement rate must be between 0 and ${formatHours(MAX_UINT96)}`,
    );
  return build(
    [
      {
        target: getAddress(union),
        calldata: settlementRegistry.encodeFunctionData("setSettlement", [getAddress(asset), rate]),
      },
    ],
    `# Settlement rate: ${formatHours(rate)} federation hours per 1e18 base units of ${asset === ZERO ? "RBTC" : getAddress(asset)}`,
    proposer,
  );
}

/** A cooperative owed by the federation: its hours token and its clearing balance (above zero). */
export interface Creditor {
  readonly hours: string;
  readonly balance: bigint;
}

/** One settlement payment: `amount` of reserve (base units) to `creditor`, worth `value`. */
export interface SettlementPart {
  readonly creditor: string;
  readonly amount: bigint;
  readonly value: bigint;
}

/**
 * Splits `amount` of reserve among `creditors` pro rata to what each is owed, each part rounded
 * down and the last taking the rest, so that the parts add up to `amount`. Computed off chain, so
 * that the chain never loops over the cooperatives: the proposal carries one action per
 * creditor. `debit` is what the debtor owes (its balance's magnitude); `rate` the federation's
 * settlement rate. Throws {@link ProposalInputError} when the value exceeds the debit, or a part
 * would exceed what its creditor is owed.
 */
export function settlementSplit(
  amount: bigint,
  debit: bigint,
  creditors: readonly Creditor[],
  rate: bigint,
): SettlementPart[] {
  if (amount <= 0n) throw new ProposalInputError("a settlement must pay more than zero");
  if (rate <= 0n) throw new ProposalInputError("the federation has set no settlement rate");
  const valueOf = (part: bigint) => (part * rate) / INDEX_ONE;
  const total = valueOf(amount);
  if (total === 0n) throw new ProposalInputError("the settlement is worth less than one unit");
  if (total > debit)
    throw new ProposalInputError(
      `the settlement is worth ${formatHours(total)} hours, more than the debit of ${formatHours(debit)}`,
    );
  const owed = creditors.filter((c) => c.balance > 0n);
  const credit = owed.reduce((sum, c) => sum + c.balance, 0n);
  if (credit === 0n) throw new ProposalInputError("no cooperative is owed anything");
  const parts: SettlementPart[] = [];
  let left = amount;
  owed.forEach((c, i) => {
    const part = i === owed.length - 1 ? left : (amount * c.balance) / credit;
    left -= part;
    if (part === 0n) return;
    const value = valueOf(part);
    if (value > c.balance)
      throw new ProposalInputError(
        `${getAddress(c.hours)} is owed ${formatHours(c.balance)} hours; its part is worth ${formatHours(value)}`,
      );
    parts.push({ creditor: getAddress(c.hours), amount: part, value });
  });
  return parts;
}

/** The cooperative's own proposal to settle part of its federation debit: one payment from its
 * `treasuryAddress` through the clearing `union` per creditor (see {@link settlementSplit}). */
export function settlementProposal(
  treasuryAddress: string,
  union: string,
  parts: readonly SettlementPart[],
  describe: (amount: bigint) => string,
  proposer: string,
): Proposal {
  if (parts.length === 0) throw new ProposalInputError("a settlement needs a creditor");
  const total = parts.reduce((sum, p) => sum + p.amount, 0n);
  const value = parts.reduce((sum, p) => sum + p.value, 0n);
  return build(
    parts.map((p) => ({
      target: getAddress(treasuryAddress),
      calldata: treasury.encodeFunctionData("settleFederation", [
        getAddress(union),
        p.creditor,
        p.amount,
      ]),
    })),
    `# Settle ${formatHours(value)} hours of the federation debit with ${describe(total)}\n\n` +
      parts
        .map((p) => `- ${p.creditor}: ${describe(p.amount)} (${formatHours(p.value)} hours)`)
        .join("\n"),
    proposer,
  );
}
