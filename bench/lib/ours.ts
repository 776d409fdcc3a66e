/** Our side of the bench: the cooperative's contracts, measured in the same state as the
 * anchors. Each piece runs only when its contracts are in the build; a missing piece is listed
 * under "Not measured" and its targets fail `--check`.
 *
 * The order matters: everything measured "at 10 members" runs before the membership grows to
 * 1,000, and the members who act at each size share the same history. */
import { access } from "node:fs/promises";
import path from "node:path";

import type { Chain } from "./chain.js";
import { progress } from "./chain.js";
import { HolderPool, measureBatches, measureLargestBatches } from "./ours-claims.js";
import {
  Claim,
  type ClaimSpec,
  Coop,
  castOf,
  creditCast,
  deployCoopContracts,
  growMembership,
} from "./ours-coop.js";
import {
  type OurGovernance,
  approvalProposal,
  deployCoopByModule,
  fillerClaims,
  passProposal,
} from "./ours-gov.js";
import { ProposalRun, emptyCallProposal } from "./scenarios.js";
import { CHECKPOINTS_LARGE, MEMBERS_LARGE, MEMBERS_SMALL, TRANSFER_AMOUNT } from "./settings.js";

/** The contracts each piece needs. */
const PIECES = {
  tokens: ["WorkHours", "CareReputation", "ContributionRegistry"],
  governance: ["HolisticGovernor", "CoopTimelock"],
  treasury: ["RedemptionTreasury"],
  dex: ["CoopPair", "CoopPairFactory", "CoopRouter", "WRBTC", "CoopTwapOracle"],
} as const;

type Piece = keyof typeof PIECES;

const MODULE = path.join(import.meta.dirname, "../../deploy/modules/Cooperative.ts");

/** Holders of the 100-claim approval proposal, and their claims each. */
const APPROVE_HOLDERS = 25;
const APPROVE_CLAIMS = [Claim.Commons, Claim.Subsistence, Claim.Commons, Claim.Care] as const;

async function landed(chain: Chain, piece: Piece): Promise<boolean> {
  const missing: string[] = [];
  for (const name of PIECES[piece]) if (!(await chain.has(name))) missing.push(name);
  if (piece === "governance" && !(await exists(MODULE)))
    missing.push("deploy/modules/Cooperative.ts");
  if (missing.length > 0) chain.recorder.skip(`${piece}: ${missing.join(", ")} not in the build`);
  return missing.length === 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

export async function measureOurs(chain: Chain) {
  const present = new Set<Piece>();
  for (const piece of Object.keys(PIECES) as Piece[]) {
    if (await landed(chain, piece)) present.add(piece);
  }
  if (present.has("dex")) {
    const { measureDex } = await import("./ours-dex.js");
    await measureDex(chain);
  }
  if (await chain.has("ClearingUnion")) {
    const { measureFederation } = await import("./ours-federation.js");
    await measureFederation(chain);
  } else chain.recorder.skip("federation: ClearingUnion not in the build");
  if (!present.has("tokens")) return;

  let coop: Coop;
  let governance: OurGovernance | null = null;
  if (present.has("governance")) {
    ({ coop, governance } = await deployCoopByModule(chain, present.has("treasury")));
  } else {
    progress("ours: tokens, registry and treasury deployed directly (no governance)");
    const [deployer] = await chain.ethers.getSigners();
    const c = await deployCoopContracts(chain, deployer, present.has("treasury"));
    coop = new Coop(chain, c.work, c.care, c.registry, c.treasury, await castOf(chain), deployer);
  }

  // ---- 10 members
  await creditCast(coop);
  if (coop.members.length !== MEMBERS_SMALL) {
    throw new Error(`bench: the cast is ${coop.members.length} members, not ${MEMBERS_SMALL}`);
  }
  if (governance !== null) await weighFiller(coop);
  await chain.advance(1);
  await measureTransfers(chain, coop);
  await measureMintScale(chain, coop, "small");
  if (coop.treasury !== null) await measureTreasury(chain, coop, "small");
  if (governance !== null) {
    await feedBusyVoter(chain, coop);
    await measureGovernanceSmall(chain, coop, governance);
  }

  // ---- the 100-claim proposal, then 1,000 members
  const quiet = quietCast(coop);
  await growMembership(chain, coop, APPROVE_HOLDERS - quiet.length);
  if (governance !== null) await measureApprove100(chain, coop, governance);
  await growMembership(chain, coop, MEMBERS_LARGE - coop.members.length);
  if (coop.members.length !== MEMBERS_LARGE) {
    throw new Error(`bench: ${coop.members.length} members, not ${MEMBERS_LARGE}`);
  }
  await chain.advance(1);
  await measureMintScale(chain, coop, "large");
  if (coop.treasury !== null) await measureTreasury(chain, coop, "large");
  if (governance !== null) await measureGovernanceLarge(chain, coop, governance);

  // ---- batches, from the holders of the 1,000-member cooperative and from newcomers
  const pool = new HolderPool(coop);
  const perClaim = await measureBatches(chain, coop, pool);
  await measureLargestBatches(chain, coop, pool, perClaim, governance);
}

/** Gives the filler, who votes first on every proposal, enough weight to carry any proposal of
 * a 1,000-member cooperative alone (see `FILLER_CLAIMS`). */
async function weighFiller(coop: Coop) {
  progress("ours: the filler's weight");
  const ids = await coop.submit(fillerClaims(coop));
  for (let i = 0; i < ids.length; i += 50) await coop.approve(ids.slice(i, i + 50));
}

async function measureTransfers(chain: Chain, coop: Coop) {
  progress("ours: WorkHours transfers");
  const { alice, bob } = coop.cast;
  const [carol] = await chain.wallets(1, "ours-token-new");
  const work = coop.work.connect(alice);
  const existing = await chain.measure(work.transfer(bob.address, TRANSFER_AMOUNT));
  await chain.recordOp("token.transfer.existing", "ours", existing);
  await chain.traceStorage(
    "ours.token.transfer.existing",
    "WorkHours transfer to an existing holder",
    existing,
  );
  const fresh = await chain.measure(work.transfer(carol.address, TRANSFER_AMOUNT));
  await chain.recordOp("token.transfer.new", "ours", fresh);
}

/** The cast members who do not vote in the measured rows: their claims leave the measured
 * voters' checkpoints as they were. */
function quietCast(coop: Coop) {
  const { alice, bob, proposer, redeemer, redeemerLater } = coop.cast;
  return [alice, bob, proposer, redeemer, redeemerLater];
}

/** Ten claims, two from each quiet cast member, approved in one batch by the approver. */
async function measureMintScale(chain: Chain, coop: Coop, scale: "small" | "large") {
  progress(`ours: approval of 10 holders' claims at ${coop.members.length} members`);
  const claims: ClaimSpec[] = quietCast(coop).flatMap((member) =>
    [Claim.Commons, Claim.Subsistence].map((category) => ({
      member,
      category,
      amount: TRANSFER_AMOUNT,
    })),
  );
  const measured = await coop.approve(await coop.submit(claims));
  chain.recorder.scalePoint("scale.mint.members", "ours", scale, measured.gas);
}

/** Deposit (small membership only) and redeem, each after a warm-up of the same call. */
async function measureTreasury(chain: Chain, coop: Coop, scale: "small" | "large") {
  const treasury = coop.treasury;
  if (treasury === null) return;
  progress(`ours: treasury at ${coop.members.length} members`);
  const [donor] = (await chain.ethers.getSigners()).slice(16);
  const amount = 10n ** 18n;
  if (scale === "small") {
    await chain.send(treasury.connect(donor).deposit(amount, { value: amount }));
    const deposit = await chain.measure(treasury.connect(donor).deposit(amount, { value: amount }));
    await chain.recordOp("treasury.deposit", "ours", deposit);
    await chain.traceStorage("ours.treasury.deposit", "RedemptionTreasury deposit", deposit);
  }
  const redeemer = scale === "small" ? coop.cast.redeemer : coop.cast.redeemerLater;
  const redeem = await chain.measure(
    treasury.connect(redeemer).redeem(Claim.Subsistence, TRANSFER_AMOUNT, 0),
  );
  if (scale === "small") {
    await chain.recordOp("treasury.redeem", "ours", redeem);
    await chain.traceStorage("ours.treasury.redeem", "RedemptionTreasury redeem", redeem);
  }
  chain.recorder.scalePoint("scale.redeem.members", "ours", scale, redeem.gas);
}

/** Transfers to the busy voter, one block (and one second) apart, until it has
 * `CHECKPOINTS_LARGE` checkpoints. */
async function feedBusyVoter(chain: Chain, coop: Coop) {
  progress(`ours: ${CHECKPOINTS_LARGE} checkpoints on one voter`);
  const { alice, busy } = coop.cast;
  const work = coop.work.connect(alice);
  for (let n = Number(await coop.work.numCheckpoints(busy.address)); n < CHECKPOINTS_LARGE; n++) {
    await chain.send(work.transfer(busy.address, 1n));
  }
  if ((await coop.work.numCheckpoints(busy.address)) !== BigInt(CHECKPOINTS_LARGE)) {
    throw new Error("bench: the busy voter does not have the intended checkpoints");
  }
  await chain.advance(1);
}

/** The governance rows at 10 members: propose, castVote by each kind of voter, queue, execute. */
async function measureGovernanceSmall(chain: Chain, coop: Coop, governance: OurGovernance) {
  progress("ours: governance at 10 members");
  const { proposer, filler, hoursVoter, bothVoter, busy } = coop.cast;
  const run = new ProposalRun(chain, governance, emptyCallProposal("ours", proposer.address));
  await chain.recordOp("gov.propose", "ours", await run.propose(proposer));
  await run.vote(filler);
  const hours = await run.vote(hoursVoter);
  await chain.recordOp("gov.castVote.hours", "ours", hours);
  chain.recorder.scalePoint("scale.castVote.checkpoints", "ours", "small", hours.gas);
  const both = await run.vote(bothVoter);
  await chain.recordOp("gov.castVote.both", "ours", both);
  chain.recorder.scalePoint("scale.castVote.members", "ours", "small", both.gas);
  await chain.traceStorage(
    "ours.gov.castVote.both",
    "HolisticGovernor castVote, both tokens",
    both,
  );
  const busyVote = await run.vote(busy);
  chain.recorder.scalePoint("scale.castVote.checkpoints", "ours", "large", busyVote.gas);
  await chain.traceStorage(
    "ours.gov.castVote.hours",
    "HolisticGovernor castVote, 1 checkpoint",
    hours,
  );
  await chain.traceStorage(
    "ours.gov.castVote.busy",
    `HolisticGovernor castVote, ${CHECKPOINTS_LARGE} checkpoints`,
    busyVote,
  );
  await chain.recordOp("gov.queue", "ours", await run.queue(proposer));
  await chain.recordOp("gov.execute", "ours", await run.execute(proposer));
}

/** castVote by a both-token voter at 1,000 members, with the same history as the one measured
 * at 10. */
async function measureGovernanceLarge(chain: Chain, coop: Coop, governance: OurGovernance) {
  progress(`ours: governance at ${coop.members.length} members`);
  const run = new ProposalRun(
    chain,
    governance,
    emptyCallProposal("ours, 1000 members", coop.cast.proposer.address),
  );
  await run.propose(coop.cast.proposer);
  await run.vote(coop.cast.filler);
  const both = await run.vote(coop.cast.bothVoterLater);
  chain.recorder.scalePoint("scale.castVote.members", "ours", "large", both.gas);
}

/** A proposal approving 4 claims from each of 25 holders, passed and executed. */
async function measureApprove100(chain: Chain, coop: Coop, governance: OurGovernance) {
  progress("ours: a proposal approving 100 claims from 25 holders");
  const holders = [...quietCast(coop), ...coop.memberWallets].slice(0, APPROVE_HOLDERS);
  const claims: ClaimSpec[] = holders.flatMap((member) =>
    APPROVE_CLAIMS.map((category) => ({ member, category, amount: TRANSFER_AMOUNT })),
  );
  const ids = await coop.submit(claims);
  const passed = await passProposal(
    chain,
    coop,
    governance,
    await approvalProposal(coop, claims, ids),
  );
  await chain.recordOp("gov.propose.approve100", "ours", passed.propose);
  await chain.recordOp("gov.execute.approve100", "ours", passed.execute);
}
