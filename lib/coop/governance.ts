import type { Log } from "ethers";

import { formatHours } from "../claims.js";
import { CliError } from "../cli/errors.js";
import { send, type Sent } from "../cli/tx.js";
import {
  approveClaimsProposal,
  descriptionHash,
  executionArgs,
  parameterChangeProposal,
  PARAMETER_DENOMINATOR,
  proposeArgs,
  proposerOf,
  ProposalState,
  rejectClaimsProposal,
  revokeCareProposal,
  type ClaimCategory,
  type ParameterChange,
  type Proposal,
} from "../proposals.js";
import type { ExplainContext } from "../errors/explain.js";
import { decodeActions, descriptionTitle, type DecodeContext } from "../governance/actions.js";
import { describeEvent } from "../governance/effects.js";
import { parseProposalRef, proposalRef, resolveProposalRef } from "../governance/refs.js";
import { simulateActions } from "../governance/simulate.js";
import { durationText } from "../format/durations.js";
import { formatWeight } from "../format/units.js";
import { readClaim } from "./claims.js";
import type { Coop } from "./context.js";
import { explainError, proposalStateName } from "./explain.js";
import { reserveOf } from "./reserve.js";
import { chainNow, NEXT_BLOCK, untilBlockAt, when } from "./time.js";

/** Vote options, as `GovernorCountingSimple` numbers them. */
export const SUPPORT = ["against", "for", "abstain"] as const;

export interface Proposed extends Sent {
  proposalId: bigint;
  proposal: Proposal;
  voteStart: bigint;
  voteEnd: bigint;
}

/**
 * Sends `proposal` after checking that it names the signer as its proposer
 * (the governor refuses it otherwise), that the signer's weight reaches the
 * threshold, and that every action would succeed when the timelock calls it
 * now: a proposal that can never execute is refused before a voting cycle is
 * spent on it.
 */
export async function propose(coop: Coop, proposal: Proposal): Promise<Proposed> {
  const named = proposerOf(proposal.description);
  if (named !== coop.signer.address) {
    throw new CliError(
      `this proposal must be sent by ${named ?? "the account its description names"}, not ${coop.signer.address}`,
    );
  }
  const [threshold, weight] = await Promise.all([
    coop.governor.proposalThreshold(),
    currentVoteWeight(coop, coop.signer.address),
  ]);
  if (weight.weight < threshold) {
    throw new CliError(
      `${coop.signer.address} has ${formatHours(weight.weight)} vote hours; proposing needs ${formatHours(threshold)}`,
    );
  }
  await checkActions(coop, proposal);
  const sent = await send(
    "propose",
    coop.governor.propose,
    proposeArgs(proposal),
    coop.interfaces,
    explainError,
  );
  const created = sent.receipt.logs
    .map((log) => coop.governor.interface.parseLog(log))
    .find((parsed) => parsed?.name === "ProposalCreated");
  if (!created) throw new CliError("the proposal was sent but no ProposalCreated event came back");
  return {
    ...sent,
    proposal,
    proposalId: created.args.proposalId as bigint,
    voteStart: created.args.voteStart as bigint,
    voteEnd: created.args.voteEnd as bigint,
  };
}

/** What decoding and explaining need about this cooperative: its contracts' names and the reserve. */
export async function decodeContext(coop: Coop): Promise<DecodeContext & ExplainContext> {
  const reserve = await reserveOf(coop);
  const a = coop.addresses;
  const names: Record<string, string> = {
    [a.workHours]: "WorkHours",
    [a.careReputation]: "CareReputation",
    [a.registry]: "registry",
    [a.timelock]: "timelock",
    [a.governor]: "governor",
    [a.treasury]: "treasury",
    [a.factory]: "factory",
    [a.router]: "router",
    [a.wrbtc]: "WRBTC",
  };
  if (a.pair !== undefined) names[a.pair] = "pool";
  if (a.oracle !== undefined) names[a.oracle] = "TWAP oracle";
  return { names, reserve: { symbol: reserve.symbol, decimals: reserve.decimals } };
}

/**
 * Calls each action of `proposal` from the timelock, as execution will, and
 * refuses the proposal in one line when one would revert.
 */
export async function checkActions(coop: Coop, proposal: Proposal): Promise<void> {
  const context = await decodeContext(coop);
  const failure = await simulateActions(
    proposal,
    coop.addresses.timelock,
    (request) => coop.ethers.provider.call({ ...request, blockTag: "pending" }),
    coop.interfaces,
    context,
    { skipTargets: [coop.addresses.governor] },
  );
  if (failure === undefined) {
    await checkGovernorActions(coop, proposal);
    return;
  }
  const which = proposal.targets.length === 1 ? "its action" : `action ${failure.index + 1}`;
  throw new CliError(
    `this proposal could never execute: ${which} (${failure.action}) would fail: ${failure.reason}`,
  );
}

/**
 * The governor's own bounds for actions on itself, which cannot be dry-run
 * outside `execute`: the care weight's maximum and a late-quorum extension no
 * longer than the voting period.
 */
async function checkGovernorActions(coop: Coop, proposal: Proposal): Promise<void> {
  const governor = coop.addresses.governor.toLowerCase();
  let period = await coop.governor.votingPeriod();
  for (const [i, target] of proposal.targets.entries()) {
    if (target.toLowerCase() !== governor) continue;
    const call = coop.governor.interface.parseTransaction({ data: proposal.calldatas[i] });
    if (call === null) continue;
    const value = BigInt(call.args[0] as bigint);
    let reason: string | undefined;
    if (call.name === "setCareWeight") {
      const max = await coop.governor.MAX_CARE_WEIGHT();
      if (value > max)
        reason = `the care weight ${formatWeight(value)} is above the maximum ${formatWeight(max)}`;
    } else if (call.name === "setVotingPeriod") {
      period = value;
    } else if (call.name === "setLateQuorumVoteExtension" && value > period) {
      reason = `the late-quorum extension ${durationText(value)} must not exceed the voting period ${durationText(period)}`;
    }
    if (reason !== undefined) {
      throw new CliError(`this proposal could never execute: ${reason}`);
    }
  }
}

/** A member's vote weight as of the next block, and whether the voter cap cut it. */
export interface WeightNow {
  weight: bigint;
  /** The weight before the voter cap. */
  uncapped: bigint;
  capped: boolean;
}

/**
 * The hours that can vote now: the supply of hours less what the governor's non-voting holders
 * (the treasury, a pool excluded by a vote) hold now. The governor leaves out the smaller of a
 * holder's hours at a proposal's snapshot and a week before; now, both are the holding now.
 */
export async function votingHoursNow(coop: Coop): Promise<bigint> {
  const [supply, holders] = await Promise.all([
    coop.work.totalSupply(),
    coop.governor.nonVotingHolders(),
  ]);
  // bounded: the governor keeps at most MAX_NON_VOTING_HOLDERS entries
  const held = await Promise.all(holders.map((holder) => coop.work.balanceOf(holder)));
  return held.reduce((left, amount) => left - amount, supply);
}

/**
 * The vote weight `account` has now, including the latest block's changes:
 * current work votes plus care votes at the care weight, cut at the voter cap
 * of the weight that can vote, as the governor counts a vote on a proposal created
 * now. (`voteWeight(account, t)` only answers for past timepoints.)
 */
export async function currentVoteWeight(coop: Coop, account: string): Promise<WeightNow> {
  const far = 2n ** 48n - 1n; // any timepoint after the latest parameter change reads the latest
  const [work, care, workSupply, careSupply, careWeight, share] = await Promise.all([
    coop.work.getVotes(account),
    coop.care.getVotes(account),
    votingHoursNow(coop),
    coop.care.totalSupply(),
    coop.governor.careWeight(far),
    coop.governor.maxVoterShare(far),
  ]);
  return weighVotes({ work, care, workSupply, careSupply, careWeight, share });
}

/** The governor's weighing (GovernorHolisticVotes._weigh) of given votes and supplies. */
export function weighVotes(v: {
  work: bigint;
  care: bigint;
  workSupply: bigint;
  careSupply: bigint;
  careWeight: bigint;
  share: bigint;
}): WeightNow {
  const uncapped = v.work + (v.care * v.careWeight) / PARAMETER_DENOMINATOR;
  if (v.share === 0n) return { weight: uncapped, uncapped, capped: false };
  const supply = v.workSupply + (v.careSupply * v.careWeight) / PARAMETER_DENOMINATOR;
  const cap = (supply * v.share) / PARAMETER_DENOMINATOR;
  return uncapped > cap
    ? { weight: cap, uncapped, capped: true }
    : { weight: uncapped, uncapped, capped: false };
}

/** The proposal that approves pending claims `ids`, with their details in its description. */
export async function approvalProposal(coop: Coop, ids: readonly bigint[]): Promise<Proposal> {
  const claims = await Promise.all(ids.map((id) => readClaim(coop, id)));
  for (const claim of claims) {
    if (claim.status !== "Pending") {
      throw new CliError(`claim ${claim.id} is ${claim.status.toLowerCase()}, not pending`);
    }
  }
  const categories: Record<string, ClaimCategory> = { Commons: 0, Subsistence: 1, Care: 2 };
  return approveClaimsProposal(
    coop.addresses.registry,
    claims.map((c) => ({
      id: c.id,
      claimant: c.claimant,
      amount: c.amount,
      category: categories[c.category],
    })),
    { proposer: coop.signer.address },
  );
}

/** The proposal that rejects pending claims `ids`, with the reason in its description. */
export async function rejectionProposal(
  coop: Coop,
  ids: readonly bigint[],
  reason: string,
): Promise<Proposal> {
  const claims = await Promise.all(ids.map((id) => readClaim(coop, id)));
  for (const claim of claims) {
    if (claim.status !== "Pending") {
      throw new CliError(`claim ${claim.id} is ${claim.status.toLowerCase()}, not pending`);
    }
  }
  return rejectClaimsProposal(coop.addresses.registry, ids, reason, {
    proposer: coop.signer.address,
  });
}

/** The proposal that revokes care reputation, checked against the account's balance. */
export async function revocationProposal(
  coop: Coop,
  args: { account: string; amount: bigint; reason: string },
): Promise<Proposal> {
  const held = await coop.care.balanceOf(args.account);
  if (held < args.amount) {
    throw new CliError(
      `${args.account} holds ${formatHours(held)} care hours; cannot revoke ${formatHours(args.amount)}`,
    );
  }
  return revokeCareProposal(coop.addresses.careReputation, args.account, args.amount, args.reason, {
    proposer: coop.signer.address,
  });
}

/** The proposal that changes governance parameters. */
export function parameterProposal(coop: Coop, changes: readonly ParameterChange[]): Proposal {
  return parameterChangeProposal(
    { governor: coop.addresses.governor, registry: coop.addresses.registry },
    changes,
    { proposer: coop.signer.address },
  );
}

/** Everything a person needs to judge a proposal. */
export interface ProposalStatus {
  id: bigint;
  /** The short reference ("p3f9a01c2") that every command accepts. */
  ref: string;
  state: string;
  title: string;
  description: string;
  proposer: string;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
  votes: { against: bigint; for: bigint; abstain: bigint };
  quorum?: bigint;
  /** The actions, decoded into words. */
  actions: string[];
}

/** State, tallies, quorum, deadlines and decoded actions of proposal `id`. */
export async function proposalStatus(coop: Coop, id: bigint): Promise<ProposalStatus> {
  const state = await proposalState(coop, id);
  const [snapshot, deadline, eta, votes, now, found, context] = await Promise.all([
    coop.governor.proposalSnapshot(id),
    coop.governor.proposalDeadline(id),
    coop.governor.proposalEta(id),
    coop.governor.proposalVotes(id),
    chainNow(coop),
    findProposal(coop, id),
    decodeContext(coop),
  ]);
  // as of the next block: the snapshot may have passed by the clock but not in the latest block
  const quorum =
    snapshot < now
      ? await coop.governor.proposalQuorum(id, NEXT_BLOCK).catch(() => undefined)
      : undefined;
  return {
    id,
    ref: proposalRef(id),
    state: proposalStateName(state),
    title: descriptionTitle(found.description),
    description: found.description,
    proposer: found.proposer,
    snapshot,
    deadline,
    eta,
    votes: { against: votes[0], for: votes[1], abstain: votes[2] },
    quorum,
    actions: decodeActions(found, context).map((a) => a.text),
  };
}

/** The state of proposal `id` as of the next block, which carries the clock's time. */
async function proposalState(coop: Coop, id: bigint): Promise<bigint> {
  const snapshot = await coop.governor.proposalSnapshot(id);
  if (snapshot === 0n) throw new CliError(`proposal ${proposalRef(id)} does not exist`);
  return coop.governor.state(id, NEXT_BLOCK);
}

/**
 * The proposal that `text` names: a short reference ("p3f9a01c2"), a longer
 * prefix of its hex id, or its full id; checked against the proposals on chain.
 */
export async function resolveProposal(coop: Coop, text: string): Promise<bigint> {
  const input = parseProposalRef(text);
  if (input === undefined) {
    throw new CliError(
      `--proposal must be a proposal reference such as p3f9a01c2 (see coop proposals); got "${text}"`,
    );
  }
  if (input.kind === "id") {
    if ((await coop.governor.proposalSnapshot(input.id)) === 0n) {
      throw new CliError(`proposal ${proposalRef(input.id)} does not exist`);
    }
    return input.id;
  }
  const resolved = resolveProposalRef(
    input,
    await recentProposalIds(coop, Number.MAX_SAFE_INTEGER),
  );
  if (resolved.ok) return resolved.id;
  throw new CliError(
    resolved.reason === "unknown"
      ? `no proposal p${input.prefix} on this chain; coop proposals lists them`
      : `p${input.prefix} names ${resolved.matches.length} proposals (${resolved.matches.map(proposalRef).join(", ")}); give more digits`,
  );
}

/** Waits for a step's time when the caller allows it; otherwise refuses with `message`. */
export type Waiter = ((until: bigint, now: bigint) => Promise<void>) | undefined;

export interface Voted extends Sent {
  weight: bigint;
  /** The weight before the voter cap, when the cap cut it. */
  uncapped?: bigint;
}

/** Casts the signer's vote on `id`; says when voting opens or why it is closed. */
export async function castVote(
  coop: Coop,
  args: { proposalId: bigint; support: number; reason?: string; wait?: Waiter },
): Promise<Voted> {
  const id = args.proposalId;
  const ref = proposalRef(id);
  let state = await proposalState(coop, id);
  let now = await chainNow(coop);
  if (state === ProposalState.Pending) {
    const start = (await coop.governor.proposalSnapshot(id)) + 1n;
    if (start > now) {
      if (args.wait === undefined) {
        throw new CliError(`voting on proposal ${ref} opens at ${when(start, now)}`);
      }
      await args.wait(start, now);
    }
    // passed by the clock: on RSK between blocks, the block that carries it comes next
    await untilBlockAt(coop, start);
    state = await proposalState(coop, id);
    now = await chainNow(coop);
  }
  if (state !== ProposalState.Active) {
    const deadline = await coop.governor.proposalDeadline(id);
    throw new CliError(
      `voting on proposal ${ref} closed at ${when(deadline, now)}; it is ${proposalStateName(state).toLowerCase()}`,
    );
  }
  if (await coop.governor.hasVoted(id, coop.signer.address)) {
    throw new CliError(`${coop.signer.address} has already voted on proposal ${ref}`);
  }
  const sent = await send(
    "vote",
    coop.governor.castVoteWithReason,
    [id, args.support, args.reason ?? ""],
    coop.interfaces,
    explainError,
  );
  const cast = sent.receipt.logs
    .map((log) => coop.governor.interface.parseLog(log))
    .find((parsed) => parsed?.name === "VoteCast");
  const weight = (cast?.args.weight as bigint | undefined) ?? 0n;
  const snapshot = await coop.governor.proposalSnapshot(id);
  const [careWeight] = await coop.governor.proposalTerms(id);
  const [work, care] = await Promise.all([
    coop.work.getPastVotes(coop.signer.address, snapshot),
    coop.care.getPastVotes(coop.signer.address, snapshot),
  ]);
  const uncapped = work + (care * careWeight) / PARAMETER_DENOMINATOR;
  return { ...sent, weight, uncapped: uncapped > weight ? uncapped : undefined };
}

/** Queues a succeeded proposal in the timelock; says when it can be. */
export async function queueProposal(
  coop: Coop,
  id: bigint,
  wait?: Waiter,
): Promise<Sent & { eta: bigint }> {
  const ref = proposalRef(id);
  let state = await proposalState(coop, id);
  let now = await chainNow(coop);
  if (state === ProposalState.Pending || state === ProposalState.Active) {
    const deadline = await coop.governor.proposalDeadline(id);
    if (deadline + 1n > now) {
      if (wait === undefined) {
        throw new CliError(
          `proposal ${ref} can be queued after its vote ends at ${when(deadline, now)}`,
        );
      }
      await wait(deadline + 1n, now);
    }
    await untilBlockAt(coop, deadline + 1n);
    state = await proposalState(coop, id);
    now = await chainNow(coop);
  }
  if (state !== ProposalState.Succeeded) {
    throw new CliError(
      `proposal ${ref} is ${proposalStateName(state).toLowerCase()}; only a succeeded proposal can be queued`,
    );
  }
  const proposal = await findProposal(coop, id);
  const [targets, values, calldatas] = executionArgs(proposal);
  const sent = await send(
    "queue",
    coop.governor.queue,
    [targets, values, calldatas, descriptionHash(proposal)],
    coop.interfaces,
    explainError,
  );
  return { ...sent, eta: await coop.governor.proposalEta(id) };
}

/** What an executed proposal did, read from the events of its transaction. */
export interface Executed extends Sent {
  /** The effects in words, one per event the cooperative emitted. */
  effects: string[];
}

/** Executes a queued proposal once the timelock delay has passed; says when it will have. */
export async function executeProposal(coop: Coop, id: bigint, wait?: Waiter): Promise<Executed> {
  const ref = proposalRef(id);
  const state = await proposalState(coop, id);
  let now = await chainNow(coop);
  if (state === ProposalState.Succeeded) {
    throw new CliError(`proposal ${ref} must be queued first: run coop queue --proposal ${ref}`);
  }
  if (state !== ProposalState.Queued) {
    throw new CliError(
      `proposal ${ref} is ${proposalStateName(state).toLowerCase()}; only a queued proposal can be executed`,
    );
  }
  const eta = await coop.governor.proposalEta(id);
  if (eta > now) {
    if (wait === undefined) {
      throw new CliError(
        `proposal ${ref} can be executed at ${when(eta, now)}, when the timelock delay ends`,
      );
    }
    await wait(eta, now);
    now = await chainNow(coop);
  }
  await untilBlockAt(coop, eta);
  const proposal = await findProposal(coop, id);
  const [targets, values, calldatas] = executionArgs(proposal);
  const sent = await send(
    "execute",
    coop.governor.execute,
    [targets, values, calldatas, descriptionHash(proposal)],
    coop.interfaces,
    explainError,
  );
  return { ...sent, effects: await effectsOf(coop, sent) };
}

/** The cooperative's events in a receipt, in words. */
export async function effectsOf(coop: Coop, sent: Sent): Promise<string[]> {
  const context = await decodeContext(coop);
  const effects: string[] = [];
  for (const log of sent.receipt.logs) {
    for (const contract of [
      coop.registry,
      coop.treasury,
      coop.governor,
      coop.work,
      coop.care,
      coop.timelock,
    ]) {
      if (log.address.toLowerCase() !== (contract.target as string).toLowerCase()) continue;
      let parsed;
      try {
        parsed = contract.interface.parseLog(log);
      } catch {
        parsed = null;
      }
      if (parsed === null) continue;
      const words = describeEvent(parsed.name, parsed.args, context);
      if (words !== undefined) effects.push(words);
    }
  }
  return effects;
}

/** Blocks per log query; RSK nodes accept this range. */
const LOG_CHUNK = 5_000;
/** How far back (in chunks) to look for a proposal: 250,000 blocks, about 87 days on RSK. */
const MAX_CHUNKS = 50;

/**
 * The actions and description of proposal `id`, read back from its
 * ProposalCreated event, newest blocks first, so that any member can queue
 * and execute what someone else proposed.
 */
export async function findProposal(
  coop: Coop,
  id: bigint,
): Promise<Proposal & { proposer: string }> {
  for (const log of await recentProposalLogs(coop, (found) => found === id)) {
    const parsed = coop.governor.interface.parseLog(log);
    if (parsed && (parsed.args.proposalId as bigint) === id) {
      return {
        targets: [...(parsed.args.targets as string[])],
        values: [...(parsed.args[3] as bigint[])],
        calldatas: [...(parsed.args.calldatas as string[])],
        description: parsed.args.description as string,
        proposer: parsed.args.proposer as string,
      };
    }
  }
  throw new CliError(
    `proposal ${proposalRef(id)} was not found in the last ${LOG_CHUNK * MAX_CHUNKS} blocks`,
  );
}

/** The ids of the latest `limit` proposals, newest first. */
export async function recentProposalIds(coop: Coop, limit: number): Promise<bigint[]> {
  const ids: bigint[] = [];
  await recentProposalLogs(coop, (id) => {
    ids.push(id);
    return ids.length >= limit;
  });
  return ids;
}

/** Walks ProposalCreated logs backwards until `stop` says so; returns those seen. */
async function recentProposalLogs(coop: Coop, stop: (id: bigint) => boolean): Promise<Log[]> {
  const topic = coop.governor.interface.getEvent("ProposalCreated").topicHash;
  const address = coop.addresses.governor;
  const latest = await coop.ethers.provider.getBlockNumber();
  const seen: Log[] = [];
  for (let chunk = 0, to = latest; chunk < MAX_CHUNKS && to >= 0; chunk++, to -= LOG_CHUNK) {
    const from = Math.max(0, to - LOG_CHUNK + 1);
    const logs = await coop.ethers.provider.getLogs({
      address,
      topics: [topic],
      fromBlock: from,
      toBlock: to,
    });
    for (const log of [...logs].reverse()) {
      seen.push(log);
      const parsed = coop.governor.interface.parseLog(log);
      if (parsed && stop(parsed.args.proposalId as bigint)) return seen;
    }
    if (from === 0) break;
  }
  return seen;
}
