/**
 * Issue 12, input 5: hours that can never vote (held by the pool's pair and the treasury) do
 * not count in the quorum, and moving hours into or out of the pool around a snapshot does not
 * let a minority pass a proposal. The whole cooperative as users deploy it (RBTC reserve,
 * `deploy/parameters/default.json`: quorum 10%, care weight 1.5, votes of 300 s).
 */
import { expect } from "chai";

import {
  ProposalState,
  Support,
  executionArgs,
  parameterChangeProposal,
  proposalId,
  proposeArgs,
  type Proposal,
} from "../../lib/proposals.js";
import type { HolisticGovernor } from "../../typechain-types/index.js";
import { deployConfoederatio, ethers, networkHelpers } from "../fixtures/confoederatio.js";

const { loadFixture, time } = networkHelpers;

const HOUR = 10n ** 18n;
const WEEK = 7n * 86_400n;
/** RBTC per hour in the pool: 0.0001 (wei per token unit, times 1e-4). */
const PRICE = 10n ** 14n;

async function pass(governor: HolisticGovernor, p: Proposal, voter: { address: string }) {
  const id = proposalId(p);
  const signer = await ethers.getSigner(voter.address);
  await governor.connect(signer).propose(...proposeArgs(p));
  await time.increaseTo((await governor.proposalSnapshot(id)) + 1n);
  await governor.connect(signer).castVote(id, Support.For);
  await time.increaseTo((await governor.proposalDeadline(id)) + 1n);
  await governor.queue(...executionArgs(p));
  await time.increaseTo(await governor.proposalEta(id));
  await governor.execute(...executionArgs(p));
}

/**
 * The founder (40 hours, 10 care: combined supply 55) gives bob 3 hours and puts 36 hours into
 * the pool; governance excludes the pair; a week passes. Voting supply: 55 - 36 = 19.
 */
async function deepPool() {
  const c = await deployConfoederatio();
  const founder = c.deployer;
  const work = await c.work.getAddress();
  await c.work.transfer(c.bob.address, 3n * HOUR);
  await c.work.approve(await c.router.getAddress(), 36n * HOUR);
  const deadline = BigInt(await time.latest()) + 3_600n;
  await c.router.addLiquidityRBTC(work, 36n * HOUR, 0n, 0n, founder.address, deadline, {
    value: 36n * PRICE,
  });
  const exclude = parameterChangeProposal(
    { governor: await c.governor.getAddress(), registry: await c.registry.getAddress() },
    [{ kind: "nonVotingHolder", holder: await c.pair.getAddress(), excluded: true }],
    { proposer: founder.address },
  );
  await pass(c.governor, exclude, founder);
  await time.increase(WEEK);
  return c;
}

type Coop = Awaited<ReturnType<typeof deepPool>>;

async function newProposal(c: Coop, title: string) {
  const p = parameterChangeProposal(
    { governor: await c.governor.getAddress(), registry: await c.registry.getAddress() },
    [{ kind: "proposalThreshold", value: HOUR }],
    { proposer: c.deployer.address, title },
  );
  await c.governor.propose(...proposeArgs(p));
  const id = proposalId(p);
  return { p, id, snapshot: await c.governor.proposalSnapshot(id) };
}

describe("Quorum on the weight that can vote", function () {
  it("leaves the treasury out from deployment and the pair once governance excludes it", async function () {
    const c = await loadFixture(deepPool);
    expect(await c.governor.nonVotingHolders()).to.deep.equal([
      await c.treasury.getAddress(),
      await c.pair.getAddress(),
    ]);
  });

  it("lets the members who can vote reach the quorum of a deep pool", async function () {
    const c = await loadFixture(deepPool);
    const { id, snapshot } = await newProposal(c, "With a deep pool");
    await time.increaseTo(snapshot + 1n);
    expect(await c.work.getPastVotes(await c.pair.getAddress(), snapshot)).to.equal(36n * HOUR);
    expect(await c.governor.combinedPastTotalSupply(snapshot)).to.equal(55n * HOUR);
    expect(await c.governor.votingSupply(snapshot)).to.equal(19n * HOUR);
    // 10% of 19, not of 55 (5.5): bob's 3 hours carry the vote
    const quorum = (19n * HOUR) / 10n;
    expect(await c.governor.proposalQuorum(id)).to.equal(quorum);
    expect(await c.governor.quorum(snapshot)).to.equal(quorum);
    await c.governor.connect(c.bob).castVote(id, Support.For);
    await time.increaseTo((await c.governor.proposalDeadline(id)) + 1n);
    expect(await c.governor.state(id)).to.equal(ProposalState.Succeeded);
  });

  it("does not lower the quorum for hours moved into the pool just before a snapshot", async function () {
    const c = await loadFixture(deepPool);
    await c.work.connect(c.bob).approve(await c.router.getAddress(), 3n * HOUR);
    const { id, snapshot } = await newProposal(c, "Hours poured in before the snapshot");
    // bob adds his 3 hours to the pool in the snapshot's own second
    await time.setNextBlockTimestamp(snapshot);
    await c.router
      .connect(c.bob)
      .addLiquidityRBTC(await c.work.getAddress(), 3n * HOUR, 0n, 0n, c.bob.address, snapshot, {
        value: 3n * PRICE,
      });
    await time.increaseTo(snapshot + 1n);
    expect(await c.work.getPastVotes(await c.pair.getAddress(), snapshot)).to.equal(39n * HOUR);
    // the pair held 36 a week before: only 36 are left out, as if bob had not moved
    expect(await c.governor.votingSupply(snapshot)).to.equal(19n * HOUR);
    expect(await c.governor.proposalQuorum(id)).to.equal((19n * HOUR) / 10n);
    expect(await c.governor.quorum(snapshot)).to.equal((19n * HOUR) / 10n);
  });

  it("counts hours taken out of the pool before a snapshot at once", async function () {
    const c = await loadFixture(deepPool);
    const lp = await c.pair.balanceOf(c.deployer.address);
    await c.pair.approve(await c.router.getAddress(), lp / 2n);
    const { id, snapshot } = await newProposal(c, "Hours taken out before the snapshot");
    await time.setNextBlockTimestamp(snapshot);
    await c.router.removeLiquidityRBTC(
      await c.work.getAddress(),
      lp / 2n,
      0n,
      0n,
      c.deployer.address,
      snapshot,
    );
    await time.increaseTo(snapshot + 1n);
    const pooled = await c.work.getPastVotes(await c.pair.getAddress(), snapshot);
    expect(pooled).to.be.lessThan(19n * HOUR);
    // the smaller holding, at the snapshot, is left out: the hours taken out count
    expect(await c.governor.votingSupply(snapshot)).to.equal(55n * HOUR - pooled);
    expect(await c.governor.proposalQuorum(id)).to.equal((55n * HOUR - pooled + 9n) / 10n);
  });

  it("changes nothing for proposals created before the exclusion", async function () {
    const c = await loadFixture(deepPool);
    const { id, snapshot } = await newProposal(c, "Created before the pair is counted again");
    const include = parameterChangeProposal(
      { governor: await c.governor.getAddress(), registry: await c.registry.getAddress() },
      [{ kind: "nonVotingHolder", holder: await c.pair.getAddress(), excluded: false }],
      { proposer: c.deployer.address },
    );
    await pass(c.governor, include, c.deployer);
    expect(await c.governor.nonVotingHolders()).to.deep.equal([await c.treasury.getAddress()]);
    expect(await c.governor.proposalQuorum(id)).to.equal((19n * HOUR) / 10n);
    expect(await c.governor.quorum(snapshot)).to.equal((19n * HOUR) / 10n);
    const later = await newProposal(c, "After");
    await time.increaseTo(later.snapshot + 1n);
    expect(await c.governor.proposalQuorum(later.id)).to.equal((55n * HOUR) / 10n);
  });

  for (const [name, holder, error] of [
    ["an account without code", "bob", "HolisticGovernorNonVotingHolderNotContract"],
    ["a holder already excluded", "pair", "HolisticGovernorNonVotingHolderUnchanged"],
  ] as const) {
    it(`refuses to exclude ${name}`, async function () {
      const c = await loadFixture(deepPool);
      const address = holder === "bob" ? c.bob.address : await c.pair.getAddress();
      const p = parameterChangeProposal(
        { governor: await c.governor.getAddress(), registry: await c.registry.getAddress() },
        [{ kind: "nonVotingHolder", holder: address, excluded: true }],
        { proposer: c.deployer.address, title: `Exclude ${name}` },
      );
      const id = proposalId(p);
      await c.governor.propose(...proposeArgs(p));
      await time.increaseTo((await c.governor.proposalSnapshot(id)) + 1n);
      await c.governor.castVote(id, Support.For);
      await time.increaseTo((await c.governor.proposalDeadline(id)) + 1n);
      await c.governor.queue(...executionArgs(p));
      await time.increaseTo(await c.governor.proposalEta(id));
      const reverted = expect(
        c.governor.execute(...executionArgs(p)),
      ).to.be.revertedWithCustomError(c.governor, error);
      await (holder === "bob" ? reverted.withArgs(address) : reverted.withArgs(address, true));
    });
  }

  it("refuses setNonVotingHolder outside an executed proposal", async function () {
    const c = await loadFixture(deepPool);
    await expect(c.governor.setNonVotingHolder(c.bob.address, true))
      .to.be.revertedWithCustomError(c.governor, "GovernorOnlyExecutor")
      .withArgs(c.deployer.address);
  });
});
