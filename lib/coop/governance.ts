import type { Log } from "ethers";

import { formatHours } from "../claims.js";
import { CliError } from "../cli/errors.js";
import { send, type Sent } from "../cli/tx.js";
import {
  approveClaimsProposal,
  descriptionHash,
  executionArgs,
  parameterChangeProposal,
  proposeArgs,
  proposerOf,
  ProposalState,
  revokeCareProposal,
  type ClaimCategory,
  type ParameterChange,
  type Proposal,
} from "../proposals.js";
import { readClaim } from "./claims.js";
import type { Coop } from "./context.js";
import { explainError, proposalStateName } from "./explain.js";
import { chainNow, when } from "./time.js";

/** Vote options, as `GovernorCountingSimple` numbers them. */
export const SUPPORT = ["against", "for", "abstain"] as const;

export interface Proposed extends Sent {
  proposalId: bigint;
  proposal: Proposal;
  voteStart: bigint;
  voteEnd: bigint;
}

/** Sends `proposal` after checking that it names the signer as its proposer (the governor
 * refuses it otherwise) and that the signer's weight reaches the threshold. */
export async function propose(coop: Coop, proposal: Proposal): Promise<Proposed> {
  const named = proposerOf(proposal.description);
  if (named !== coop.signer.address) {
    throw new CliError(
      `this proposal must be sent by ${named ?? "the account its description names"}, not ${coop.signer.address}`,
    );
  }
  const now = await chainNow(coop);
  const [threshold, weight] = await Promise.all([
    coop.governor.proposalThreshold(),
    coop.governor.voteWeight(coop.signer.address, now - 1n),
  ]);
  if (weight < threshold) {
    throw new CliError(
      `${coop.signer.address} has ${formatHours(weight)} vote hours; proposing needs ${formatHours(threshold)}`,
    );
  }
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

export interface ProposalStatus {
  id: bigint;
  state: string;
  title: string;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
  votes: { against: bigint; for: bigint; abstain: bigint };
  quorum?: bigint;
}

/** State, tallies and deadlines of proposal `id`. */
export async function proposalStatus(coop: Coop, id: bigint): Promise<ProposalStatus> {
  const state = await proposalState(coop, id);
  const [snapshot, deadline, eta, votes, now, found] = await Promise.all([
    coop.governor.proposalSnapshot(id),
    coop.governor.proposalDeadline(id),
    coop.governor.proposalEta(id),
    coop.governor.proposalVotes(id),
    chainNow(coop),
    findProposal(coop, id),
  ]);
  const quorum = snapshot < now ? await coop.governor.proposalQuorum(id) : undefined;
  return {
    id,
    state: proposalStateName(state),
    title: found.description.split("\n")[0].replace(/^#\s*/, ""),
    snapshot,
    deadline,
    eta,
    votes: { against: votes[0], for: votes[1], abstain: votes[2] },
    quorum,
  };
}

async function proposalState(coop: Coop, id: bigint): Promise<bigint> {
  const snapshot = await coop.governor.proposalSnapshot(id);
  if (snapshot === 0n) throw new CliError(`proposal ${id} does not exist`);
  return coop.governor.state(id);
}

export interface Voted extends Sent {
  weight: bigint;
}

/** Casts the signer's vote on `id`; says when voting opens or why it is closed. */
export async function castVote(
  coop: Coop,
  args: { proposalId: bigint; support: number; reason?: string },
): Promise<Voted> {
  const id = args.proposalId;
  const state = await proposalState(coop, id);
  const now = await chainNow(coop);
  if (state === ProposalState.Pending) {
    const start = await coop.governor.proposalSnapshot(id);
    throw new CliError(`voting on proposal ${id} opens at ${when(start + 1n, now)}`);
  }
  if (state !== ProposalState.Active) {
    const deadline = await coop.governor.proposalDeadline(id);
    throw new CliError(
      `voting on proposal ${id} closed at ${when(deadline, now)}; it is ${proposalStateName(state).toLowerCase()}`,
    );
  }
  if (await coop.governor.hasVoted(id, coop.signer.address)) {
    throw new CliError(`${coop.signer.address} has already voted on proposal ${id}`);
  }
  const weight = await coop.governor.proposalVoteWeight(id, coop.signer.address);
  const sent = await send(
    "vote",
    coop.governor.castVoteWithReason,
    [id, args.support, args.reason ?? ""],
    coop.interfaces,
    explainError,
  );
  return { ...sent, weight };
}

/** Queues a succeeded proposal in the timelock; says when it can be. */
export async function queueProposal(coop: Coop, id: bigint): Promise<Sent & { eta: bigint }> {
  const state = await proposalState(coop, id);
  const now = await chainNow(coop);
  if (state === ProposalState.Pending || state === ProposalState.Active) {
    const deadline = await coop.governor.proposalDeadline(id);
    throw new CliError(
      `proposal ${id} can be queued after its vote ends at ${when(deadline, now)}`,
    );
  }
  if (state !== ProposalState.Succeeded) {
    throw new CliError(
      `proposal ${id} is ${proposalStateName(state).toLowerCase()}; only a succeeded proposal can be queued`,
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

/** Executes a queued proposal once the timelock delay has passed; says when it will have. */
export async function executeProposal(coop: Coop, id: bigint): Promise<Sent> {
  const state = await proposalState(coop, id);
  const now = await chainNow(coop);
  if (state === ProposalState.Succeeded) {
    throw new CliError(`proposal ${id} must be queued first: run coop queue --proposal ${id}`);
  }
  if (state !== ProposalState.Queued) {
    throw new CliError(
      `proposal ${id} is ${proposalStateName(state).toLowerCase()}; only a queued proposal can be executed`,
    );
  }
  const eta = await coop.governor.proposalEta(id);
  if (eta > now) {
    throw new CliError(
      `proposal ${id} can be executed at ${when(eta, now)}, when the timelock delay ends`,
    );
  }
  const proposal = await findProposal(coop, id);
  const [targets, values, calldatas] = executionArgs(proposal);
  return send(
    "execute",
    coop.governor.execute,
    [targets, values, calldatas, descriptionHash(proposal)],
    coop.interfaces,
    explainError,
  );
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
export async function findProposal(coop: Coop, id: bigint): Promise<Proposal> {
  for (const log of await recentProposalLogs(coop, (found) => found === id)) {
    const parsed = coop.governor.interface.parseLog(log);
    if (parsed && (parsed.args.proposalId as bigint) === id) {
      return {
        targets: [...(parsed.args.targets as string[])],
        values: [...(parsed.args[3] as bigint[])],
        calldatas: [...(parsed.args.calldatas as string[])],
        description: parsed.args.description as string,
      };
    }
  }
  throw new CliError(`proposal ${id} was not found in the last ${LOG_CHUNK * MAX_CHUNKS} blocks`);
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
