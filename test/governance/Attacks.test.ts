import { expect } from "chai";

import { FlashVoter__factory } from "../../typechain-types/index.js";
import {
  Support,
  executionArgs,
  parameterChangeProposal,
  proposalId,
  proposeArgs,
  type Proposal,
} from "../../lib/proposals.js";
import {
  HOUR,
  ethers,
  networkHelpers,
  toEta,
  toVoteEnd,
  toVoting,
} from "../fixtures/governance.js";
import { TIMELOCK_DELAY, deployMembers } from "./fixtures.js";

const { loadFixture, time } = networkHelpers;

type Members = Awaited<ReturnType<typeof deployMembers>>;

async function thresholdProposal(
  f: Members,
  title: string,
  proposer: string = f.alice.address,
): Promise<Proposal> {
  return parameterChangeProposal(
    { governor: await f.governor.getAddress(), registry: ethers.ZeroAddress },
    [{ kind: "proposalThreshold", value: HOUR }],
    { title, proposer },
  );
}

/** alice proposes; the clock moves just past the snapshot. */
async function liveProposal() {
  const f = await loadFixture(deployMembers);
  const p = await thresholdProposal(f, "A live vote");
  const id = proposalId(p);
  await f.governor.connect(f.alice).propose(...proposeArgs(p));
  await toVoting(f.governor, id);
  return { ...f, p, id };
}

describe("HolisticGovernor attacks", function () {
  describe("when tokens arrive after the snapshot", function () {
    it("gives no weight to hours transferred in a later block", async function () {
      const f = await liveProposal();
      await f.work.connect(f.alice).transfer(f.eve.address, 40n * HOUR);
      await time.increase(60);
      await expect(f.governor.connect(f.eve).castVote(f.id, Support.For))
        .to.emit(f.governor, "VoteCast")
        .withArgs(f.eve.address, f.id, Support.For, 0n, "");
    });

    it("gives no weight to hours borrowed, voted and repaid in one transaction", async function () {
      const f = await liveProposal();
      const flash = await new FlashVoter__factory(f.eve).deploy();
      await f.work.connect(f.alice).approve(await flash.getAddress(), 40n * HOUR);
      const args = [
        await f.work.getAddress(),
        f.alice.address,
        40n * HOUR,
        await f.governor.getAddress(),
        f.id,
      ] as const;
      expect(await flash.borrowVoteRepay.staticCall(...args, Support.For)).to.equal(0n);
      await expect(flash.borrowVoteRepay(...args, Support.For))
        .to.emit(f.governor, "VoteCast")
        .withArgs(await flash.getAddress(), f.id, Support.For, 0n, "");
      expect(await f.work.balanceOf(f.alice.address)).to.equal(40n * HOUR);
      const [, forVotes] = await f.governor.proposalVotes(f.id);
      expect(forVotes).to.equal(0n);
    });

    it("gives no weight to hours bought or minted after the snapshot", async function () {
      const f = await liveProposal();
      await f.work.connect(f.minter).mintForWork([f.eve.address], [500n * HOUR], [0n]);
      expect(await f.governor.proposalVoteWeight(f.id, f.eve.address)).to.equal(0n);
      await expect(f.governor.connect(f.eve).castVote(f.id, Support.Against))
        .to.emit(f.governor, "VoteCast")
        .withArgs(f.eve.address, f.id, Support.Against, 0n, "");
    });

    it("keeps the quorum at the snapshot's supply", async function () {
      const f = await liveProposal();
      const quorum = await f.governor.proposalQuorum(f.id);
      await f.work.connect(f.minter).mintForWork([f.eve.address], [1_000n * HOUR], [0n]);
      expect(await f.governor.proposalQuorum(f.id)).to.equal(quorum);
    });
  });

  describe("when a voter tries to count twice", function () {
    it("rejects a second vote from the same account", async function () {
      const f = await liveProposal();
      await f.governor.connect(f.alice).castVote(f.id, Support.For);
      await expect(f.governor.connect(f.alice).castVote(f.id, Support.Against))
        .to.be.revertedWithCustomError(f.governor, "GovernorAlreadyCastVote")
        .withArgs(f.alice.address);
    });

    it("counts nothing for tokens moved to a second account after voting", async function () {
      const f = await liveProposal();
      await f.governor.connect(f.alice).castVote(f.id, Support.For);
      await f.work.connect(f.alice).transfer(f.eve.address, 40n * HOUR);
      await f.governor.connect(f.eve).castVote(f.id, Support.For);
      const [, forVotes] = await f.governor.proposalVotes(f.id);
      expect(forVotes).to.equal(40n * HOUR);
    });

    it("rejects a replayed castVoteBySig signature", async function () {
      const f = await liveProposal();
      const { chainId } = await ethers.provider.getNetwork();
      const domain = {
        name: await f.governor.name(),
        version: await f.governor.version(),
        chainId,
        verifyingContract: await f.governor.getAddress(),
      };
      const types = {
        Ballot: [
          { name: "proposalId", type: "uint256" },
          { name: "support", type: "uint8" },
          { name: "voter", type: "address" },
          { name: "nonce", type: "uint256" },
        ],
      };
      const ballot = {
        proposalId: f.id,
        support: Support.For,
        voter: f.carol.address,
        nonce: await f.governor.nonces(f.carol.address),
      };
      const signature = await f.carol.signTypedData(domain, types, ballot);
      await expect(
        f.governor.connect(f.eve).castVoteBySig(f.id, Support.For, f.carol.address, signature),
      )
        .to.emit(f.governor, "VoteCast")
        .withArgs(f.carol.address, f.id, Support.For, 45n * HOUR, "");
      // the nonce was used: the same signature no longer recovers carol
      await expect(
        f.governor.connect(f.eve).castVoteBySig(f.id, Support.For, f.carol.address, signature),
      )
        .to.be.revertedWithCustomError(f.governor, "GovernorInvalidSignature")
        .withArgs(f.carol.address);
      // nor can it be replayed on another proposal
      const other = await thresholdProposal(f, "Another vote");
      await f.governor.connect(f.alice).propose(...proposeArgs(other));
      await toVoting(f.governor, proposalId(other));
      await expect(
        f.governor.castVoteBySig(proposalId(other), Support.For, f.carol.address, signature),
      )
        .to.be.revertedWithCustomError(f.governor, "GovernorInvalidSignature")
        .withArgs(f.carol.address);
    });
  });

  describe("when execution is rushed", function () {
    it("cannot execute before the timelock delay", async function () {
      const f = await liveProposal();
      await f.governor.connect(f.alice).castVote(f.id, Support.For);
      await toVoteEnd(f.governor, f.id);
      await f.governor.queue(...executionArgs(f.p));
      expect(await f.governor.proposalEta(f.id)).to.equal(
        BigInt(await time.latest()) + TIMELOCK_DELAY,
      );
      await expect(f.governor.execute(...executionArgs(f.p))).to.be.revertedWithCustomError(
        f.timelock,
        "TimelockUnexpectedOperationState",
      );
      // nor through the timelock's open executor role
      const salt = ethers.toBeHex(
        (BigInt(await f.governor.getAddress()) * 2n ** 96n) ^ BigInt(ethers.id(f.p.description)),
        32,
      );
      await expect(
        f.timelock.executeBatch(
          [...f.p.targets],
          [...f.p.values],
          [...f.p.calldatas],
          ethers.ZeroHash,
          salt,
        ),
      ).to.be.revertedWithCustomError(f.timelock, "TimelockUnexpectedOperationState");
      await toEta(f.governor, f.id);
      await expect(f.governor.execute(...executionArgs(f.p))).to.emit(
        f.governor,
        "ProposalExecuted",
      );
    });

    it("cannot queue or execute a proposal that is still being voted on", async function () {
      const f = await liveProposal();
      await f.governor.connect(f.alice).castVote(f.id, Support.For);
      await expect(f.governor.queue(...executionArgs(f.p))).to.be.revertedWithCustomError(
        f.governor,
        "GovernorUnexpectedProposalState",
      );
      await expect(f.governor.execute(...executionArgs(f.p))).to.be.revertedWithCustomError(
        f.governor,
        "GovernorUnexpectedProposalState",
      );
    });
  });

  describe("when the proposer is below the threshold", function () {
    it("rejects a proposal from an account without weight", async function () {
      const f = await loadFixture(deployMembers);
      const p = await thresholdProposal(f, "From nobody", f.eve.address);
      await expect(f.governor.connect(f.eve).propose(...proposeArgs(p)))
        .to.be.revertedWithCustomError(f.governor, "GovernorInsufficientProposerVotes")
        .withArgs(f.eve.address, 0n, HOUR);
    });

    it("rejects a proposal from an account just under the threshold", async function () {
      const f = await loadFixture(deployMembers);
      // 0.6 care hours weigh 0.9 < 1 hour
      await f.care.connect(f.minter).mint([f.eve.address], [(6n * HOUR) / 10n]);
      await time.increase(1);
      const p = await thresholdProposal(f, "From almost nobody", f.eve.address);
      await expect(f.governor.connect(f.eve).propose(...proposeArgs(p)))
        .to.be.revertedWithCustomError(f.governor, "GovernorInsufficientProposerVotes")
        .withArgs(f.eve.address, (9n * HOUR) / 10n, HOUR);
    });
  });

  describe("when the care weight changes during a live vote", function () {
    it("keeps the live proposal's weights and quorum", async function () {
      const f = await loadFixture(deployMembers);
      const gov = await f.governor.getAddress();
      const raise = parameterChangeProposal(
        { governor: gov, registry: ethers.ZeroAddress },
        [{ kind: "careWeight", value: 40_000n }],
        { proposer: f.alice.address },
      );
      const raiseId = proposalId(raise);
      await f.governor.connect(f.alice).propose(...proposeArgs(raise));
      await toVoting(f.governor, raiseId);
      await f.governor.connect(f.alice).castVote(raiseId, Support.For);
      await toVoteEnd(f.governor, raiseId);
      await f.governor.queue(...executionArgs(raise));

      // a live proposal, created while the raise waits in the timelock
      const live = await thresholdProposal(f, "Live during the raise");
      const liveId = proposalId(live);
      await f.governor.connect(f.alice).propose(...proposeArgs(live));
      await toVoting(f.governor, liveId);
      const quorum = await f.governor.proposalQuorum(liveId);
      expect(quorum).to.equal((125n * HOUR) / 10n);
      await expect(f.governor.connect(f.bob).castVote(liveId, Support.Against))
        .to.emit(f.governor, "VoteCast")
        .withArgs(f.bob.address, liveId, Support.Against, 30n * HOUR, "");

      await toEta(f.governor, raiseId);
      await expect(f.governor.execute(...executionArgs(raise)))
        .to.emit(f.governor, "CareWeightUpdated")
        .withArgs(15_000n, 40_000n);
      expect(await f.governor.state(liveId)).to.equal(1n); // still active

      // carol votes after the raise: still 30 + 10 x 1.5, not 30 + 10 x 4
      await expect(f.governor.connect(f.carol).castVote(liveId, Support.For))
        .to.emit(f.governor, "VoteCast")
        .withArgs(f.carol.address, liveId, Support.For, 45n * HOUR, "");
      expect(await f.governor.proposalQuorum(liveId)).to.equal(quorum);
      expect(await f.governor.proposalTerms(liveId)).to.deep.equal([15_000n, 0n, 1_000n, 3_600n]);
      expect(await f.governor.proposalVotes(liveId)).to.deep.equal([30n * HOUR, 45n * HOUR, 0n]);

      // a proposal created now uses the new weight: bob counts 20 x 4 = 80
      const next = await thresholdProposal(f, "After the raise");
      await f.governor.connect(f.alice).propose(...proposeArgs(next));
      await toVoting(f.governor, proposalId(next));
      expect(await f.governor.proposalVoteWeight(proposalId(next), f.bob.address)).to.equal(
        80n * HOUR,
      );
    });

    it("keeps a pending proposal's terms too", async function () {
      const f = await loadFixture(deployMembers);
      const gov = await f.governor.getAddress();
      const cap = parameterChangeProposal(
        { governor: gov, registry: ethers.ZeroAddress },
        [{ kind: "maxVoterShare", value: 1_000n }],
        { proposer: f.alice.address },
      );
      const pending = await thresholdProposal(f, "Pending during the cap");
      // the cap passes; `pending` is created an instant before it executes
      const capId = proposalId(cap);
      await f.governor.connect(f.alice).propose(...proposeArgs(cap));
      await toVoting(f.governor, capId);
      await f.governor.connect(f.alice).castVote(capId, Support.For);
      await toVoteEnd(f.governor, capId);
      await f.governor.queue(...executionArgs(cap));
      await toEta(f.governor, capId);
      await f.governor.connect(f.alice).propose(...proposeArgs(pending));
      await f.governor.execute(...executionArgs(cap));
      await toVoting(f.governor, proposalId(pending));
      // no cap for the pending proposal: alice keeps her 40 (the cap would be 12.5)
      expect(await f.governor.proposalVoteWeight(proposalId(pending), f.alice.address)).to.equal(
        40n * HOUR,
      );
      // a proposal created after the change is capped at 10% of 125
      const capped = await thresholdProposal(f, "Capped");
      await f.governor.connect(f.alice).propose(...proposeArgs(capped));
      await toVoting(f.governor, proposalId(capped));
      expect(await f.governor.proposalVoteWeight(proposalId(capped), f.alice.address)).to.equal(
        (125n * HOUR) / 10n,
      );
    });
  });
});
