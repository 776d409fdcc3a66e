/**
 * Voting on, queueing and executing the federation's proposals: the federation's governor is
 * the project's `HolisticGovernor`, and a liaison casts its cooperative's seat.
 */
import { CliError } from "../cli/errors.js";
import { send, type Sent } from "../cli/tx.js";
import { type Proposal, ProposalState, descriptionHash, executionArgs } from "../proposals.js";
import { type Federation, federationExplainer } from "./federation.js";
import { proposalStateName } from "./explain.js";
import { chainNow, NEXT_BLOCK, untilBlockAt, when } from "./time.js";
import { parseProposalRef, proposalRef, resolveProposalRef } from "../governance/refs.js";

/** Blocks per log query (RSK nodes accept this range) and how many ranges to look back. */
const LOG_CHUNK = 5_000;
const MAX_CHUNKS = 50;

/**
 * Walks the federation governor's ProposalCreated events from the newest block backwards, in
 * chunks, until `visit` returns a value; returns it, or undefined when the logs run out.
 */
async function scanFederationProposals<T>(
  fed: Federation,
  visit: (id: bigint, proposal: Proposal) => T | undefined,
): Promise<T | undefined> {
  const governor = fed.governor;
  const topic = governor.interface.getEvent("ProposalCreated").topicHash;
  const latest = await fed.ethers.provider.getBlockNumber();
  for (let chunk = 0, to = latest; chunk < MAX_CHUNKS && to >= 0; chunk++, to -= LOG_CHUNK) {
    const from = Math.max(0, to - LOG_CHUNK + 1);
    const logs = await fed.ethers.provider.getLogs({
      address: fed.addresses.governor,
      topics: [topic],
      fromBlock: from,
      toBlock: to,
    });
    for (const log of [...logs].reverse()) {
      const parsed = governor.interface.parseLog(log);
      if (!parsed) continue;
      const found = visit(parsed.args.proposalId as bigint, {
        targets: [...(parsed.args.targets as string[])],
        values: [...(parsed.args[3] as bigint[])],
        calldatas: [...(parsed.args.calldatas as string[])],
        description: parsed.args.description as string,
      });
      if (found !== undefined) return found;
    }
    if (from === 0) break;
  }
  return undefined;
}

/** The actions and description of federation proposal `id`, from its ProposalCreated event. */
export async function findFederationProposal(fed: Federation, id: bigint): Promise<Proposal> {
  const found = await scanFederationProposals(fed, (seen, proposal) =>
    seen === id ? proposal : undefined,
  );
  if (found !== undefined) return found;
  throw new CliError(
    `federation proposal ${proposalRef(id)} was not found in the last ${LOG_CHUNK * MAX_CHUNKS} blocks`,
  );
}

/** The ids of the federation's proposals, newest first, as far back as the logs are read. */
export async function federationProposalIds(fed: Federation): Promise<bigint[]> {
  const ids: bigint[] = [];
  await scanFederationProposals(fed, (id) => {
    ids.push(id);
    return undefined;
  });
  return ids;
}

/**
 * The federation proposal that `text` names, as the cooperative's commands read it: a short
 * reference ("p3f9a01c2"), a longer prefix of its hex id, or its full id (decimal or 0x hex);
 * checked against the federation governor's proposals. An unknown or ambiguous reference is a
 * {@link CliError}, before anything is sent.
 */
export async function resolveFederationProposal(fed: Federation, text: string): Promise<bigint> {
  const input = parseProposalRef(text);
  if (input === undefined) {
    throw new CliError(
      `--proposal must be a federation proposal reference such as p3f9a01c2 (coop federation propose prints it); got "${text}"`,
    );
  }
  if (input.kind === "id") {
    if ((await fed.governor.proposalSnapshot(input.id)) === 0n) {
      throw new CliError(`federation proposal ${proposalRef(input.id)} does not exist`);
    }
    return input.id;
  }
  const resolved = resolveProposalRef(input, await federationProposalIds(fed));
  if (resolved.ok) return resolved.id;
  throw new CliError(
    resolved.reason === "unknown"
      ? `no federation proposal p${input.prefix} on this chain`
      : `p${input.prefix} names ${resolved.matches.length} federation proposals (${resolved.matches.map(proposalRef).join(", ")}); give more digits`,
  );
}

async function stateOf(fed: Federation, id: bigint): Promise<bigint> {
  try {
    // as of the next block, which carries the clock's time (see ./time.ts)
    return await fed.governor.state(id, NEXT_BLOCK);
  } catch {
    throw new CliError(`federation proposal ${proposalRef(id)} does not exist`);
  }
}

/** Casts the signer's seat on federation proposal `id` (support: 0 against, 1 for, 2 abstain). */
export async function voteFederation(
  fed: Federation,
  id: bigint,
  support: number,
): Promise<Sent & { weight: bigint }> {
  let state = await stateOf(fed, id);
  if (state === BigInt(ProposalState.Pending)) {
    const start = (await fed.governor.proposalSnapshot(id)) + 1n;
    const t = await chainNow(fed);
    if (start > t)
      throw new CliError(
        `voting on federation proposal ${proposalRef(id)} opens at ${when(start, t)}`,
      );
    // passed by the clock: on RSK between blocks, the block that carries it comes next
    await untilBlockAt(fed, start);
    state = await stateOf(fed, id);
  }
  if (state !== BigInt(ProposalState.Active))
    throw new CliError(
      `federation proposal ${proposalRef(id)} is ${proposalStateName(state).toLowerCase()}; voting is closed`,
    );
  if (await fed.governor.hasVoted(id, fed.signer.address))
    throw new CliError(
      `${fed.signer.address} has already voted on federation proposal ${proposalRef(id)}`,
    );
  const weight = await fed.governor.proposalVoteWeight(id, fed.signer.address);
  if (weight === 0n)
    throw new CliError(
      `${fed.signer.address} cast no federation vote at the proposal's snapshot (not a liaison then)`,
    );
  const sent = await send(
    "vote",
    fed.governor.castVote,
    [id, support],
    fed.interfaces,
    federationExplainer(fed),
  );
  return { ...sent, weight };
}

/** Queues a succeeded federation proposal in the federation's timelock. */
export async function queueFederation(
  fed: Federation,
  id: bigint,
): Promise<Sent & { eta: bigint }> {
  let state = await stateOf(fed, id);
  if (state === BigInt(ProposalState.Active)) {
    // the vote has ended by the clock: on RSK between blocks, the block that carries it comes next
    const end = (await fed.governor.proposalDeadline(id)) + 1n;
    if (end <= (await chainNow(fed))) {
      await untilBlockAt(fed, end);
      state = await stateOf(fed, id);
    }
  }
  if (state !== BigInt(ProposalState.Succeeded))
    throw new CliError(
      `federation proposal ${proposalRef(id)} is ${proposalStateName(state).toLowerCase()}; only a succeeded proposal can be queued`,
    );
  const proposal = await findFederationProposal(fed, id);
  const [targets, values, calldatas] = executionArgs(proposal);
  const sent = await send(
    "queue",
    fed.governor.queue,
    [targets, values, calldatas, descriptionHash(proposal)],
    fed.interfaces,
    federationExplainer(fed),
  );
  return { ...sent, eta: await fed.governor.proposalEta(id) };
}

/** Executes a queued federation proposal once the timelock delay has passed. */
export async function executeFederation(fed: Federation, id: bigint): Promise<Sent> {
  const state = await stateOf(fed, id);
  if (state !== BigInt(ProposalState.Queued))
    throw new CliError(
      `federation proposal ${proposalRef(id)} is ${proposalStateName(state).toLowerCase()}; only a queued proposal can be executed`,
    );
  const eta = await fed.governor.proposalEta(id);
  const t = await chainNow(fed);
  if (eta > t)
    throw new CliError(`federation proposal ${proposalRef(id)} can be executed at ${when(eta, t)}`);
  await untilBlockAt(fed, eta);
  const proposal = await findFederationProposal(fed, id);
  const [targets, values, calldatas] = executionArgs(proposal);
  return send(
    "execute",
    fed.governor.execute,
    [targets, values, calldatas, descriptionHash(proposal)],
    fed.interfaces,
    federationExplainer(fed),
  );
}
