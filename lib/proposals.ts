/**
 * Builders of the cooperative's governance proposals: the batch approval of
 * contribution claims, the revocation of care reputation, and every parameter
 * change. Shared by the CLI and the tests.
 *
 * A {@link Proposal} holds exactly the four arguments of `Governor.propose`;
 * `queue`, `execute` and `cancel` take the same arrays with
 * {@link descriptionHash}. Nothing here talks to a chain: the builders only
 * encode calldata and write descriptions, so their output can be reviewed
 * before it is sent.
 */
import { AbiCoder, Interface, formatUnits, getAddress, id, isAddress, keccak256 } from "ethers";

/** The four arguments of `Governor.propose`. */
export interface Proposal {
  readonly targets: readonly string[];
  readonly values: readonly bigint[];
  readonly calldatas: readonly string[];
  readonly description: string;
}

/** One call a proposal makes through the timelock. */
export interface Action {
  readonly target: string;
  readonly value?: bigint;
  readonly calldata: string;
}

/** Vote options of `GovernorCountingSimple`. */
export const Support = { Against: 0, For: 1, Abstain: 2 } as const;
export type Support = (typeof Support)[keyof typeof Support];

/** Proposal states, as in `IGovernor.ProposalState`. */
export const ProposalState = {
  Pending: 0n,
  Active: 1n,
  Canceled: 2n,
  Defeated: 3n,
  Succeeded: 4n,
  Queued: 5n,
  Expired: 6n,
  Executed: 7n,
} as const;

/** The name of a `ProposalState` value ("Active"). */
export function proposalStateName(state: bigint | number): string {
  const entry = Object.entries(ProposalState).find(([, value]) => value === BigInt(state));
  return entry === undefined ? `state ${state}` : entry[0];
}

/** Claim categories, as in `ContributionRegistry.Category`. */
export const ClaimCategory = { Commons: 0, Subsistence: 1, Care: 2 } as const;
export type ClaimCategory = (typeof ClaimCategory)[keyof typeof ClaimCategory];

const CATEGORY_NAMES: Record<ClaimCategory, string> = {
  [ClaimCategory.Commons]: "commons",
  [ClaimCategory.Subsistence]: "subsistence",
  [ClaimCategory.Care]: "care",
};

/** What a description says about one claim. */
export interface ClaimSummary {
  readonly id: bigint;
  readonly claimant: string;
  /** Hours in token units (1e18 = one hour). */
  readonly amount: bigint;
  readonly category: ClaimCategory;
  readonly evidenceURI?: string;
}

/** Fixed-point unit of the governor's care weight, voter cap and quorum fraction. */
export const PARAMETER_DENOMINATOR = 10_000n;

const registryInterface = new Interface([
  "function approveClaims(uint256[] ids)",
  "function rejectClaims(uint256[] ids)",
  "function setClaimCap(uint256 newCap)",
]);

const careInterface = new Interface([
  "function revoke(address account, uint256 amount, string reason)",
]);

const governorInterface = new Interface([
  "function setCareWeight(uint256 newCareWeight)",
  "function setMaxVoterShare(uint256 newMaxVoterShare)",
  "function setQuorumFraction(uint256 newQuorumFraction)",
  "function setLateQuorumVoteExtension(uint48 newVoteExtension)",
  "function setVotingDelay(uint48 newVotingDelay)",
  "function setVotingPeriod(uint32 newVotingPeriod)",
  "function setProposalThreshold(uint256 newProposalThreshold)",
  "function setNonVotingHolder(address holder, bool excluded)",
]);

/** Thrown when a builder is given input that would make a wrong or empty proposal. */
export class ProposalInputError extends Error {
  override name = "ProposalInputError";
}

/** Makes a proposal of `actions` with `description`. */
export function buildProposal(actions: readonly Action[], description: string): Proposal {
  if (actions.length === 0) throw new ProposalInputError("a proposal needs at least one action");
  if (description.trim().length === 0)
    throw new ProposalInputError("a proposal needs a description");
  return {
    targets: actions.map((a) => getAddress(a.target)),
    values: actions.map((a) => a.value ?? 0n),
    calldatas: actions.map((a) => a.calldata),
    description,
  };
}

/**
 * Joins several proposals into one that runs all their actions, in order,
 * sent by `proposer` (the parts' own `#proposer=` suffixes are dropped).
 */
export function mergeProposals(
  parts: readonly Proposal[],
  title: string,
  proposer: string,
): Proposal {
  if (parts.length === 0) throw new ProposalInputError("nothing to merge");
  const actions: Action[] = parts.flatMap((p) =>
    p.targets.map((target, i) => ({ target, value: p.values[i], calldata: p.calldatas[i] })),
  );
  const body = parts.map((p) => withoutProposer(p.description)).join("\n\n---\n\n");
  return buildProposal(actions, withProposer(`# ${title}\n\n${body}`, proposer));
}

/** `keccak256` of the description, as `queue`, `execute` and `cancel` take it. */
export function descriptionHash(proposal: Proposal): string {
  return id(proposal.description);
}

/** The proposal id that `Governor.hashProposal` computes for `proposal`. */
export function proposalId(proposal: Proposal): bigint {
  const encoded = AbiCoder.defaultAbiCoder().encode(
    ["address[]", "uint256[]", "bytes[]", "bytes32"],
    [proposal.targets, proposal.values, proposal.calldatas, descriptionHash(proposal)],
  );
  return BigInt(keccak256(encoded));
}

/** `[targets, values, calldatas, description]`, the arguments of `propose`. */
export function proposeArgs(p: Proposal): [string[], bigint[], string[], string] {
  return [[...p.targets], [...p.values], [...p.calldatas], p.description];
}

/** `[targets, values, calldatas, descriptionHash]`, the arguments of `queue`, `execute`, `cancel`. */
export function executionArgs(p: Proposal): [string[], bigint[], string[], string] {
  return [[...p.targets], [...p.values], [...p.calldatas], descriptionHash(p)];
}

/** Formats token units (1e18 = one hour) as hours, without trailing zeros. */
export function formatHours(amount: bigint): string {
  const text = formatUnits(amount, 18);
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}

function formatFraction(value: bigint): string {
  const percent = formatUnits(value * 100n, 4);
  return `${percent.endsWith(".0") ? percent.slice(0, -2) : percent}%`;
}

function checkIds(ids: readonly bigint[]): void {
  if (ids.length === 0) throw new ProposalInputError("no claims given");
  const seen = new Set<bigint>();
  for (const claim of ids) {
    if (seen.has(claim)) throw new ProposalInputError(`claim ${claim} is listed twice`);
    seen.add(claim);
  }
}

/**
 * The proposal that approves `claims` with one `approveClaims` call on the
 * registry. Its description lists every claim (id, claimant, category, hours,
 * evidence) and the totals per category, so that voters see what they mint.
 * Its `#proposer=<address>` suffix (required by the governor) stops anyone else
 * from submitting the same proposal first.
 */
export function approveClaimsProposal(
  registry: string,
  claims: readonly ClaimSummary[],
  options: { title?: string; proposer: string },
): Proposal {
  checkIds(claims.map((c) => c.id));
  const totals = new Map<ClaimCategory, bigint>();
  for (const c of claims) totals.set(c.category, (totals.get(c.category) ?? 0n) + c.amount);
  const members = new Set(claims.map((c) => getAddress(c.claimant))).size;
  const title =
    options.title ?? `Approve ${claims.length} contribution claim${claims.length === 1 ? "" : "s"}`;
  const rows = claims.map(
    (c) =>
      `| ${c.id} | ${getAddress(c.claimant)} | ${CATEGORY_NAMES[c.category]} | ${formatHours(c.amount)} | ${c.evidenceURI ?? ""} |`,
  );
  const totalLines = [ClaimCategory.Commons, ClaimCategory.Subsistence, ClaimCategory.Care]
    .filter((cat) => totals.has(cat))
    .map((cat) => `- ${CATEGORY_NAMES[cat]}: ${formatHours(totals.get(cat) ?? 0n)} hours`);
  const description = [
    `# ${title}`,
    "",
    `${claims.length} claims from ${members} member${members === 1 ? "" : "s"}.`,
    "",
    ...totalLines,
    "",
    "| claim | claimant | category | hours | evidence |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
  return buildProposal(
    [
      {
        target: registry,
        calldata: registryInterface.encodeFunctionData("approveClaims", [claims.map((c) => c.id)]),
      },
    ],
    withProposer(description, options.proposer),
  );
}

/** The proposal that rejects claims `ids`, with the reason in its description. */
export function rejectClaimsProposal(
  registry: string,
  ids: readonly bigint[],
  reason: string,
  options: { proposer: string },
): Proposal {
  checkIds(ids);
  const description = `# Reject ${ids.length} contribution claim${ids.length === 1 ? "" : "s"}\n\nClaims ${ids.join(", ")}.\n\nReason: ${reason}`;
  return buildProposal(
    [
      {
        target: registry,
        calldata: registryInterface.encodeFunctionData("rejectClaims", [[...ids]]),
      },
    ],
    withProposer(description, options.proposer),
  );
}

/** The proposal that revokes `amount` of `account`'s care reputation for `reason`. */
export function revokeCareProposal(
  care: string,
  account: string,
  amount: bigint,
  reason: string,
  options: { proposer: string },
): Proposal {
  if (amount <= 0n) throw new ProposalInputError("the amount to revoke must be positive");
  if (reason.trim().length === 0) throw new ProposalInputError("a revocation needs a reason");
  const who = getAddress(account);
  const description = `# Revoke ${formatHours(amount)} hours of care reputation from ${who}\n\nReason: ${reason}`;
  return buildProposal(
    [{ target: care, calldata: careInterface.encodeFunctionData("revoke", [who, amount, reason]) }],
    withProposer(description, options.proposer),
  );
}

/** A parameter that a proposal can change, and the value it sets. */
export type ParameterChange =
  | { readonly kind: "careWeight"; readonly value: bigint }
  | { readonly kind: "maxVoterShare"; readonly value: bigint }
  | { readonly kind: "quorumFraction"; readonly value: bigint }
  | { readonly kind: "lateQuorumExtension"; readonly seconds: bigint }
  | { readonly kind: "votingDelay"; readonly seconds: bigint }
  | { readonly kind: "votingPeriod"; readonly seconds: bigint }
  | { readonly kind: "proposalThreshold"; readonly value: bigint }
  | { readonly kind: "claimCap"; readonly value: bigint }
  | { readonly kind: "nonVotingHolder"; readonly holder: string; readonly excluded: boolean };

/** Where the contracts live, for the builders that need more than one. */
export interface CoopAddresses {
  readonly governor: string;
  readonly registry: string;
}

function describeChange(change: ParameterChange): string {
  switch (change.kind) {
    case "careWeight":
      return `Set the care weight to ${formatUnits(change.value, 4)} (one care hour weighs ${formatUnits(change.value, 4)} work hours)`;
    case "maxVoterShare":
      return change.value === 0n
        ? "Remove the voter cap"
        : `Cap each voter at ${formatFraction(change.value)} of the weight that can vote`;
    case "quorumFraction":
      return `Set the quorum to ${formatFraction(change.value)} of the weight that can vote`;
    case "lateQuorumExtension":
      return `Keep a vote open ${change.seconds} s after a late quorum`;
    case "votingDelay":
      return `Set the voting delay to ${change.seconds} s`;
    case "votingPeriod":
      return `Set the voting period to ${change.seconds} s`;
    case "proposalThreshold":
      return `Set the proposal threshold to ${formatHours(change.value)} vote hours`;
    case "claimCap":
      return `Set the claim cap to ${formatHours(change.value)} hours`;
    case "nonVotingHolder":
      return change.excluded
        ? `Leave the hours held by ${getAddress(change.holder)} out of the quorum (they cannot vote)`
        : `Count the hours held by ${getAddress(change.holder)} in the quorum again`;
  }
}

function encodeChange(change: ParameterChange, at: CoopAddresses): Action {
  switch (change.kind) {
    case "careWeight":
      return gov(at, "setCareWeight", change.value);
    case "maxVoterShare":
      return gov(at, "setMaxVoterShare", change.value);
    case "quorumFraction":
      return gov(at, "setQuorumFraction", change.value);
    case "lateQuorumExtension":
      return gov(at, "setLateQuorumVoteExtension", change.seconds);
    case "votingDelay":
      return gov(at, "setVotingDelay", change.seconds);
    case "votingPeriod":
      return gov(at, "setVotingPeriod", change.seconds);
    case "proposalThreshold":
      return gov(at, "setProposalThreshold", change.value);
    case "claimCap":
      return {
        target: at.registry,
        calldata: registryInterface.encodeFunctionData("setClaimCap", [change.value]),
      };
    case "nonVotingHolder":
      return {
        target: at.governor,
        calldata: governorInterface.encodeFunctionData("setNonVotingHolder", [
          getAddress(change.holder),
          change.excluded,
        ]),
      };
  }
}

function gov(at: CoopAddresses, fn: string, value: bigint): Action {
  return { target: at.governor, calldata: governorInterface.encodeFunctionData(fn, [value]) };
}

function checkChange(change: ParameterChange): void {
  const bounded = (value: bigint, max: bigint, what: string) => {
    if (value < 0n || value > max) throw new ProposalInputError(`${what} must be within 0..${max}`);
  };
  switch (change.kind) {
    case "careWeight":
      return bounded(change.value, 100n * PARAMETER_DENOMINATOR, "the care weight");
    case "maxVoterShare":
      return bounded(change.value, PARAMETER_DENOMINATOR, "the voter cap");
    case "quorumFraction":
      return bounded(change.value, PARAMETER_DENOMINATOR, "the quorum fraction");
    case "lateQuorumExtension":
    case "votingDelay":
      return bounded(change.seconds, 2n ** 48n - 1n, "the time");
    case "votingPeriod":
      if (change.seconds === 0n) throw new ProposalInputError("the voting period must be positive");
      return bounded(change.seconds, 2n ** 32n - 1n, "the voting period");
    case "proposalThreshold":
    case "claimCap":
      return bounded(change.value, 2n ** 256n - 1n, "the value");
    case "nonVotingHolder":
      if (!isAddress(change.holder)) throw new ProposalInputError("the holder must be an address");
      return;
  }
}

/**
 * The proposal that makes one or more parameter changes, in order, in one
 * vote. Governor parameters take effect for proposals created after it
 * executes; proposals already created keep their terms.
 */
export function parameterChangeProposal(
  at: CoopAddresses,
  changes: readonly ParameterChange[],
  options: { title?: string; proposer: string },
): Proposal {
  if (changes.length === 0) throw new ProposalInputError("no parameter change given");
  changes.forEach(checkChange);
  const lines = changes.map((c) => `- ${describeChange(c)}`);
  const title =
    options.title ??
    (changes.length === 1 ? describeChange(changes[0]) : "Change governance parameters");
  return buildProposal(
    changes.map((c) => encodeChange(c, at)),
    withProposer([`# ${title}`, "", ...lines].join("\n"), options.proposer),
  );
}

const PROPOSER_SUFFIX = /\n*#proposer=(0x[0-9a-fA-F]{40})$/;

/**
 * `description` with the `#proposer=<address>` suffix that the governor
 * requires: it refuses (`GovernorRestrictedProposer`) a description without it
 * or sent by another account, so nobody can submit a member's proposal first
 * and cancel it. Every builder here ends its description with it.
 */
export function withProposer(description: string, proposer: string): string {
  return `${withoutProposer(description)}\n\n#proposer=${getAddress(proposer)}`;
}

/** The account named by the `#proposer=` suffix of `description`, if it has one. */
export function proposerOf(description: string): string | undefined {
  const match = PROPOSER_SUFFIX.exec(description);
  return match === null ? undefined : getAddress(match[1].toLowerCase());
}

function withoutProposer(description: string): string {
  return description.replace(PROPOSER_SUFFIX, "");
}
