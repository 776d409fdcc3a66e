import { expect } from "chai";

import {
  ERC20VotesReference__factory,
  VotesClockMock__factory,
  HolisticGovernor__factory,
} from "../../typechain-types/index.js";
import {
  Support,
  executionArgs,
  parameterChangeProposal,
  proposalId,
  proposeArgs,
  type ParameterChange,
  type Proposal,
} from "../../lib/proposals.js";
import {
  HOUR,
  State,
  ethers,
  networkHelpers,
  passProposal,
  toVoteEnd,
  toVoting,
} from "../fixtures/governance.js";
import {
  SETTINGS,
  TIMELOCK_DELAY,
  deployCappedMembers,
  deployGovernor,
  deployMembers,
} from "./fixtures.js";

const { loadFixture, time } = networkHelpers;

type Members = Awaited<ReturnType<typeof deployMembers>>;

/** A proposal of change `c` on `f`'s governor, sent by alice. */
async function change(f: Members, c: ParameterChange, title?: string): Promise<Proposal> {
  return parameterChangeProposal(
    { governor: await f.governor.getAddress(), registry: ethers.ZeroAddress },
    [c],
    { title, proposer: f.alice.address },
  );
}

/** Proposes a harmless threshold change and moves into its voting period. */
async function openVote(f: Members, title = "Keep the threshold") {
  const p = await change(f, { kind: "proposalThreshold", value: HOUR }, title);
  await f.governor.connect(f.alice).propose(...proposeArgs(p));
  const id = proposalId(p);
  await toVoting(f.governor, id);
  return { p, id };
}

describe("HolisticGovernor", function () {
  describe("construction", function () {
    it("reports its settings, tokens, timelock and timestamp clock", async function () {
      const { governor, work, care, timelock } = await loadFixture(deployGovernor);
      const now = await time.latest();
      expect(await governor.votingDelay()).to.equal(SETTINGS.votingDelay);
      expect(await governor.votingPeriod()).to.equal(SETTINGS.votingPeriod);
      expect(await governor.proposalThreshold()).to.equal(SETTINGS.proposalThreshold);
      expect(await governor.careWeight(now)).to.equal(SETTINGS.careWeight);
      expect(await governor.maxVoterShare(now)).to.equal(SETTINGS.maxVoterShare);
      expect(await governor.quorumFraction(now)).to.equal(SETTINGS.quorumFraction);
      expect(await governor.lateQuorumVoteExtension()).to.equal(SETTINGS.lateQuorumExtension);
      expect(await governor.work()).to.equal(await work.getAddress());
      expect(await governor.care()).to.equal(await care.getAddress());
      expect(await governor.timelock()).to.equal(await timelock.getAddress());
      expect(await governor.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await governor.clock()).to.equal(now);
      expect(await governor.COUNTING_MODE()).to.equal("support=bravo&quorum=for,abstain");
    });

    it("rejects a token on the block-number clock", async function () {
      const { work, timelock, deployer } = await loadFixture(deployGovernor);
      const blocky = await new ERC20VotesReference__factory(deployer).deploy();
      const factory = new HolisticGovernor__factory(deployer);
      await expect(
        factory.deploy(
          "G",
          await work.getAddress(),
          await blocky.getAddress(),
          await timelock.getAddress(),
          SETTINGS,
          [],
        ),
      )
        .to.be.revertedWithCustomError(factory, "HolisticGovernorUnsupportedClock")
        .withArgs(await blocky.getAddress(), "mode=blocknumber&from=default");
    });

    it("rejects timestamp clocks that read different times", async function () {
      const { work, timelock, deployer } = await loadFixture(deployGovernor);
      const skewed = await new VotesClockMock__factory(deployer).deploy("mode=timestamp", 5);
      const factory = new HolisticGovernor__factory(deployer);
      const at = (await time.latest()) + 100;
      await time.setNextBlockTimestamp(at);
      await expect(
        factory.deploy(
          "G",
          await work.getAddress(),
          await skewed.getAddress(),
          await timelock.getAddress(),
          SETTINGS,
          [],
        ),
      )
        .to.be.revertedWithCustomError(factory, "HolisticGovernorClockMismatch")
        .withArgs(at, at + 5);
    });

    it("rejects parameters out of range", async function () {
      const { work, care, timelock, deployer } = await loadFixture(deployGovernor);
      const factory = new HolisticGovernor__factory(deployer);
      const args = [
        await work.getAddress(),
        await care.getAddress(),
        await timelock.getAddress(),
      ] as const;
      await expect(factory.deploy("G", ...args, { ...SETTINGS, careWeight: 1_000_001n }, []))
        .to.be.revertedWithCustomError(factory, "HolisticGovernorInvalidCareWeight")
        .withArgs(1_000_001n, 1_000_000n);
      await expect(factory.deploy("G", ...args, { ...SETTINGS, maxVoterShare: 10_001n }, []))
        .to.be.revertedWithCustomError(factory, "HolisticGovernorInvalidVoterShare")
        .withArgs(10_001n, 10_000n);
      await expect(factory.deploy("G", ...args, { ...SETTINGS, quorumFraction: 10_001n }, []))
        .to.be.revertedWithCustomError(factory, "HolisticGovernorInvalidQuorumFraction")
        .withArgs(10_001n, 10_000n);
      await expect(
        factory.deploy(
          "G",
          ...args,
          { ...SETTINGS, lateQuorumExtension: SETTINGS.votingPeriod + 1n },
          [],
        ),
      )
        .to.be.revertedWithCustomError(factory, "HolisticGovernorInvalidLateQuorumExtension")
        .withArgs(SETTINGS.votingPeriod + 1n, SETTINGS.votingPeriod);
    });
  });

  describe("worked examples (docs/governance.md)", function () {
    // alice 40 work; bob 20 care; carol 30 work + 10 care; dave 10 work; care weight 1.5
    it("weighs a member with only hours by her hours: 40", async function () {
      const { governor, alice } = await loadFixture(deployMembers);
      const t = await time.latest();
      await time.increase(1);
      expect(await governor.voteWeight(alice.address, t)).to.equal(40n * HOUR);
    });

    it("weighs a member with only care by 1.5 x care: 20 x 1.5 = 30", async function () {
      const { governor, bob } = await loadFixture(deployMembers);
      const t = await time.latest();
      await time.increase(1);
      expect(await governor.voteWeight(bob.address, t)).to.equal(30n * HOUR);
    });

    it("weighs a member with both: 30 + 10 x 1.5 = 45", async function () {
      const { governor, carol } = await loadFixture(deployMembers);
      const t = await time.latest();
      await time.increase(1);
      expect(await governor.voteWeight(carol.address, t)).to.equal(45n * HOUR);
      expect(await governor.getVotes(carol.address, t)).to.equal(45n * HOUR);
    });

    it("sums the combined supply 80 + 30 x 1.5 = 125 and sets quorum at 10%: 12.5", async function () {
      const { governor } = await loadFixture(deployMembers);
      const t = await time.latest();
      await time.increase(1);
      expect(await governor.combinedPastTotalSupply(t)).to.equal(125n * HOUR);
      expect(await governor.quorum(t)).to.equal((125n * HOUR) / 10n);
    });

    it("caps every voter at 20% of 125 = 25, and leaves dave's 10", async function () {
      const { governor, alice, bob, carol, dave } = await loadFixture(deployCappedMembers);
      const t = await time.latest();
      await time.increase(1);
      expect(await governor.voteWeight(alice.address, t)).to.equal(25n * HOUR);
      expect(await governor.voteWeight(bob.address, t)).to.equal(25n * HOUR);
      expect(await governor.voteWeight(carol.address, t)).to.equal(25n * HOUR);
      expect(await governor.voteWeight(dave.address, t)).to.equal(10n * HOUR);
    });

    it("counts these weights in a vote and fixes them in the proposal", async function () {
      const f = await loadFixture(deployCappedMembers);
      const { id } = await openVote(f);
      expect(await f.governor.proposalTerms(id)).to.deep.equal([15_000n, 2_000n, 1_000n, 3_600n]);
      expect(await f.governor.proposalQuorum(id)).to.equal((125n * HOUR) / 10n);
      await expect(f.governor.connect(f.carol).castVote(id, Support.For))
        .to.emit(f.governor, "VoteCast")
        .withArgs(f.carol.address, id, Support.For, 25n * HOUR, "");
      await f.governor.connect(f.bob).castVote(id, Support.Against);
      await f.governor.connect(f.dave).castVote(id, Support.Abstain);
      expect(await f.governor.proposalVotes(id)).to.deep.equal([
        25n * HOUR,
        25n * HOUR,
        10n * HOUR,
      ]);
      expect(await f.governor.proposalVoteWeight(id, f.alice.address)).to.equal(25n * HOUR);
    });

    it("rounds each care weight down and the quorum up", async function () {
      const { governor, care, minter, eve } = await loadFixture(deployMembers);
      // 1 wei of care at weight 1.5 counts 1 (1.5 rounded down); supply 125e18 + 1
      await care.connect(minter).mint([eve.address], [1n]);
      const t = await time.latest();
      await time.increase(1);
      expect(await governor.voteWeight(eve.address, t)).to.equal(1n);
      expect(await governor.combinedPastTotalSupply(t)).to.equal(125n * HOUR + 1n);
      // ceil((125e18 + 1) * 1000 / 10000) = 12.5e18 + 1
      expect(await governor.quorum(t)).to.equal((125n * HOUR) / 10n + 1n);
    });
  });

  describe("proposal views", function () {
    it("reject an unknown proposal", async function () {
      const { governor } = await loadFixture(deployMembers);
      for (const view of [governor.proposalTerms, governor.proposalQuorum] as const) {
        await expect(view(42n))
          .to.be.revertedWithCustomError(governor, "GovernorNonexistentProposal")
          .withArgs(42n);
      }
      await expect(governor.proposalVoteWeight(42n, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(governor, "GovernorNonexistentProposal")
        .withArgs(42n);
    });
  });

  describe("when quorum is reached late", function () {
    it("keeps the vote open lateQuorumExtension after the vote that reached it", async function () {
      const f = await loadFixture(deployMembers);
      const { id } = await openVote(f);
      const deadline = await f.governor.proposalDeadline(id);
      await time.increaseTo(deadline - 1_800n);
      // dave's 10 is below the quorum of 12.5: no extension
      await expect(f.governor.connect(f.dave).castVote(id, Support.For)).to.not.emit(
        f.governor,
        "ProposalExtended",
      );
      const at = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(at);
      await expect(f.governor.connect(f.bob).castVote(id, Support.For))
        .to.emit(f.governor, "ProposalExtended")
        .withArgs(id, at + SETTINGS.lateQuorumExtension);
      expect(await f.governor.proposalDeadline(id)).to.equal(at + SETTINGS.lateQuorumExtension);
      // later votes do not extend again
      await time.increase(1_000);
      await expect(f.governor.connect(f.carol).castVote(id, Support.Abstain)).to.not.emit(
        f.governor,
        "ProposalExtended",
      );
      expect(await f.governor.proposalDeadline(id)).to.equal(at + SETTINGS.lateQuorumExtension);
      await time.increaseTo(deadline + 1n);
      expect(await f.governor.state(id)).to.equal(State.Active);
      await time.increaseTo(at + SETTINGS.lateQuorumExtension + 1n);
      expect(await f.governor.state(id)).to.equal(State.Succeeded);
    });

    it("does not extend a vote whose quorum was reached early", async function () {
      const f = await loadFixture(deployMembers);
      const { id } = await openVote(f);
      const deadline = await f.governor.proposalDeadline(id);
      await f.governor.connect(f.alice).castVote(id, Support.For);
      await time.increaseTo(deadline - 60n);
      await expect(f.governor.connect(f.carol).castVote(id, Support.For)).to.not.emit(
        f.governor,
        "ProposalExtended",
      );
      expect(await f.governor.proposalDeadline(id)).to.equal(deadline);
    });
  });

  describe("when the late-quorum extension is 0", function () {
    it("never extends, even for a quorum reached in the last second", async function () {
      const f = await loadFixture(deployMembers);
      const off = await change(f, {
        kind: "lateQuorumExtension",
        seconds: 0n,
      });
      await passProposal(f.governor, off, f.alice, [f.alice, f.carol]);
      expect(await f.governor.lateQuorumVoteExtension()).to.equal(0n);
      const { id } = await openVote(f, "Keep the threshold, no extension");
      expect((await f.governor.proposalTerms(id))[3]).to.equal(0n);
      const deadline = await f.governor.proposalDeadline(id);
      await time.setNextBlockTimestamp(deadline);
      await expect(f.governor.connect(f.alice).castVote(id, Support.For)).to.not.emit(
        f.governor,
        "ProposalExtended",
      );
      expect(await f.governor.proposalDeadline(id)).to.equal(deadline);
      expect(await f.governor.proposalVotes(id)).to.deep.equal([0n, 40n * HOUR, 0n]);
      await time.increase(1);
      expect(await f.governor.state(id)).to.equal(State.Succeeded);
    });
  });

  describe("parameter history", function () {
    it("keeps the old values at past timepoints after a change by proposal", async function () {
      const f = await loadFixture(deployMembers);
      const before = await time.latest();
      const p = await change(f, { kind: "careWeight", value: 30_000n });
      await passProposal(f.governor, p, f.alice, [f.alice, f.carol]);
      // the change applies to proposals created from now on: to snapshots one voting delay on
      const executed = await time.latest();
      const after = executed + Number(SETTINGS.votingDelay) + 1;
      expect(await f.governor.careWeight(before)).to.equal(15_000n);
      expect(await f.governor.careWeight(executed)).to.equal(15_000n);
      expect(await f.governor.careWeight(after)).to.equal(30_000n);
      await time.increaseTo(after + 1);
      expect(await f.governor.voteWeight(f.bob.address, before)).to.equal(30n * HOUR);
      expect(await f.governor.voteWeight(f.bob.address, after)).to.equal(60n * HOUR);
    });

    it("rejects an out-of-range value when the proposal executes", async function () {
      const f = await loadFixture(deployMembers);
      const p = await change(f, { kind: "quorumFraction", value: 10_000n });
      // the builder checks bounds; craft the out-of-range calldata by hand
      const bad: Proposal = {
        ...p,
        calldatas: [f.governor.interface.encodeFunctionData("setQuorumFraction", [10_001n])],
        description: `# Quorum above 100%\n\n#proposer=${f.alice.address}`,
      };
      const id = proposalId(bad);
      await f.governor.connect(f.alice).propose(...proposeArgs(bad));
      await toVoting(f.governor, id);
      await f.governor.connect(f.alice).castVote(id, Support.For);
      await toVoteEnd(f.governor, id);
      await f.governor.queue(...executionArgs(bad));
      await time.increase(TIMELOCK_DELAY);
      await expect(f.governor.execute(...executionArgs(bad)))
        .to.be.revertedWithCustomError(f.governor, "HolisticGovernorInvalidQuorumFraction")
        .withArgs(10_001n, 10_000n);
    });
  });
});
