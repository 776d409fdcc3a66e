/**
 * The five inputs of the governance and claims review (issue 12), each carried out as an
 * attacker or a new user would, and shown to fail: proposal front-running, a quorum view that
 * disagreed with the quorum applied, a claimant blocking an approved batch, a queued decision
 * revived a year later, and (in `Quorum.test.ts`) hours that can never vote counted in the
 * quorum.
 */
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";
import { ZeroAddress, ZeroHash, type Signer } from "ethers";

import {
  ClaimCategory,
  ProposalState,
  Support,
  approveClaimsProposal,
  descriptionHash,
  executionArgs,
  mergeProposals,
  parameterChangeProposal,
  proposalId,
  proposeArgs,
  rejectClaimsProposal,
  revokeCareProposal,
  type Proposal,
} from "../../lib/proposals.js";
import {
  bandProposal,
  feesProposal,
  rateProposal,
  saleProposal,
} from "../../lib/coop/treasury-proposals.js";
import type { Reserve } from "../../lib/coop/reserve.js";
import type { HolisticGovernor } from "../../typechain-types/index.js";
import { deployCoop, submitClaim, type Coop } from "../fixtures/coop.js";
import {
  HOUR,
  ethers,
  networkHelpers,
  toEta,
  toVoteEnd,
  toVoting,
} from "../fixtures/governance.js";
import { deployGovernor } from "./fixtures.js";

const { loadFixture, time } = networkHelpers;

const RBTC: Reserve = {
  native: true,
  address: ZeroAddress,
  symbol: "RBTC",
  decimals: 18,
  quoteToken: "0x00000000000000000000000000000000000000ee",
};

/** Proposes, votes for with `voters`, and queues `p`; returns its id. */
async function passAndQueue(
  governor: HolisticGovernor,
  p: Proposal,
  proposer: Signer,
  voters: readonly Signer[],
): Promise<bigint> {
  const id = proposalId(p);
  await governor.connect(proposer).propose(...proposeArgs(p));
  await toVoting(governor, id);
  for (const voter of voters) await governor.connect(voter).castVote(id, Support.For);
  await toVoteEnd(governor, id);
  await governor.queue(...executionArgs(p));
  return id;
}

/** The cooperative, with alice holding 2 hours (enough to propose) besides the founder. */
async function coopWithSecondMember() {
  const coop = await deployCoop();
  await coop.work.connect(coop.founder).transfer(coop.alice.address, 2n * HOUR);
  await time.increase(1);
  return coop;
}

/** Every proposal the CLI and the demo build, for `proposer`. */
async function everyBuilderProposal(coop: Coop, proposer: string) {
  const registry = await coop.registry.getAddress();
  const treasury = await coop.treasury.getAddress();
  const at = { governor: await coop.governor.getAddress(), registry };
  const now = BigInt(await time.latest());
  const claim = {
    id: 1n,
    claimant: coop.bob.address,
    amount: HOUR,
    category: ClaimCategory.Commons,
  };
  const sale = saleProposal(
    treasury,
    RBTC,
    {
      price: 10n ** 14n,
      cap: 100n * HOUR,
      accountCap: 10n * HOUR,
      start: now,
      end: now + 7n * 86_400n,
    },
    proposer,
  );
  const band = bandProposal(
    treasury,
    RBTC,
    {
      oracle: coop.bob.address,
      router: coop.carol.address,
      floor: 8n * 10n ** 13n,
      ceiling: 15n * 10n ** 13n,
      buybackBudget: 10n ** 15n,
      emissionCap: 20n * HOUR,
      periodLength: 86_400n,
      maxSlippage: 2_000n,
    },
    proposer,
  );
  return {
    "propose approve": approveClaimsProposal(registry, [claim], { proposer }),
    "propose reject": rejectClaimsProposal(registry, [1n], "no evidence", { proposer }),
    "propose revoke": revokeCareProposal(
      await coop.care.getAddress(),
      coop.founder.address,
      HOUR,
      "duplicate",
      { proposer },
    ),
    "propose param (governor)": parameterChangeProposal(
      at,
      [{ kind: "quorumFraction", value: 500n }],
      { proposer },
    ),
    "propose param --name rate": rateProposal(treasury, RBTC, 2n * 10n ** 14n, proposer),
    "propose fees": feesProposal(
      treasury,
      { maxFee: 900n, minFee: 100n, holdPeriod: 86_400n },
      proposer,
    ),
    "propose sale": sale,
    "propose band": band,
    "demo: merged proposal": mergeProposals([sale, band], "Sale and band", proposer),
  };
}

describe("Governance hardening (issue 12)", function () {
  describe("1. a copied proposal cannot be sent first and cancelled", function () {
    for (const name of [
      "propose approve",
      "propose reject",
      "propose revoke",
      "propose param (governor)",
      "propose param --name rate",
      "propose fees",
      "propose sale",
      "propose band",
      "demo: merged proposal",
    ] as const) {
      it(`refuses the copy of "${name}" and creates the author's proposal`, async function () {
        const coop = await loadFixture(coopWithSecondMember);
        const p = (await everyBuilderProposal(coop, coop.founder.address))[name];
        const id = proposalId(p);
        // alice (2 hours, above the threshold) copies the author's proposal and sends it first
        await expect(coop.governor.connect(coop.alice).propose(...proposeArgs(p)))
          .to.be.revertedWithCustomError(coop.governor, "GovernorRestrictedProposer")
          .withArgs(coop.alice.address);
        // so she has nothing to cancel
        await expect(coop.governor.connect(coop.alice).cancel(...executionArgs(p)))
          .to.be.revertedWithCustomError(coop.governor, "GovernorNonexistentProposal")
          .withArgs(id);
        await expect(coop.governor.connect(coop.founder).propose(...proposeArgs(p)))
          .to.emit(coop.governor, "ProposalCreated")
          .withArgs(
            id,
            coop.founder.address,
            p.targets,
            p.values,
            p.targets.map(() => ""),
            p.calldatas,
            anyValue,
            anyValue,
            p.description,
          );
        expect(await coop.governor.proposalProposer(id)).to.equal(coop.founder.address);
        expect(await coop.governor.state(id)).to.equal(ProposalState.Pending);
      });
    }

    it("refuses a raw propose without the #proposer suffix, from anyone", async function () {
      const coop = await loadFixture(coopWithSecondMember);
      const raw = {
        targets: [await coop.registry.getAddress()],
        values: [0n],
        calldatas: [coop.registry.interface.encodeFunctionData("setClaimCap", [HOUR])],
        description: "# Lower the claim cap",
      };
      await expect(coop.governor.connect(coop.founder).propose(...proposeArgs(raw)))
        .to.be.revertedWithCustomError(coop.governor, "GovernorRestrictedProposer")
        .withArgs(coop.founder.address);
      // a malformed address after the marker is refused too
      const malformed = `${raw.description}\n\n#proposer=0x${"zz".repeat(20)}`;
      await expect(
        coop.governor
          .connect(coop.founder)
          .propose(raw.targets, raw.values, raw.calldatas, malformed),
      )
        .to.be.revertedWithCustomError(coop.governor, "GovernorRestrictedProposer")
        .withArgs(coop.founder.address);
      // the same proposal with the sender's suffix, in lower case, is accepted
      const own = `${raw.description}\n\n#proposer=${coop.founder.address.toLowerCase()}`;
      await expect(
        coop.governor.connect(coop.founder).propose(raw.targets, raw.values, raw.calldatas, own),
      ).to.emit(coop.governor, "ProposalCreated");
    });
  });

  describe("2. quorum, getVotes and the parameters at a proposal's snapshot are the ones applied", function () {
    /** Founder alice: 36 hours and 10 care; member bob: 4 hours. Combined supply 55. */
    async function issueExample() {
      const f = await deployGovernor();
      await f.work
        .connect(f.minter)
        .mintForWork([f.alice.address, f.bob.address], [36n * HOUR, 4n * HOUR], [0n, 0n]);
      await f.care.connect(f.minter).mint([f.alice.address], [10n * HOUR]);
      await time.increase(1);
      return f;
    }

    type Example = Awaited<ReturnType<typeof issueExample>>;

    async function changeProposal(
      f: Example,
      changes: Parameters<typeof parameterChangeProposal>[1],
      title?: string,
    ) {
      return parameterChangeProposal(
        { governor: await f.governor.getAddress(), registry: ZeroAddress },
        changes,
        { proposer: f.alice.address, title },
      );
    }

    /** Queues `change`, creates P 30 minutes before the change executes, executes the change,
     * and moves past P's snapshot. */
    async function proposalAcrossChange(f: Example, change: Proposal) {
      const changeId = await passAndQueue(f.governor, change, f.alice, [f.alice]);
      await time.increaseTo((await f.governor.proposalEta(changeId)) - 1_800n);
      const p = await changeProposal(
        f,
        [{ kind: "proposalThreshold", value: HOUR }],
        "P, created while the change waits",
      );
      const id = proposalId(p);
      await f.governor.connect(f.alice).propose(...proposeArgs(p));
      await toEta(f.governor, changeId);
      await f.governor.execute(...executionArgs(change));
      await toVoting(f.governor, id);
      return { p, id, snapshot: await f.governor.proposalSnapshot(id) };
    }

    it("judges P against the quorum that quorum(proposalSnapshot(P)) reports", async function () {
      const f = await loadFixture(issueExample);
      const lower = await changeProposal(f, [{ kind: "quorumFraction", value: 500n }]);
      const { id, snapshot } = await proposalAcrossChange(f, lower);
      const applied = await f.governor.proposalQuorum(id);
      expect(applied).to.equal((55n * HOUR) / 10n); // P keeps 10% of 55
      expect(await f.governor.quorum(snapshot)).to.equal(applied);
      expect(await f.governor.quorumFraction(snapshot)).to.equal(1_000n);
      await f.governor.connect(f.bob).castVote(id, Support.For); // 4 hours < 5.5
      await toVoteEnd(f.governor, id);
      expect(await f.governor.state(id)).to.equal(ProposalState.Defeated);
      // a proposal created after the change has 5% of 55, and both views say so
      const q = await changeProposal(f, [{ kind: "proposalThreshold", value: HOUR }], "After");
      await f.governor.connect(f.alice).propose(...proposeArgs(q));
      await toVoting(f.governor, proposalId(q));
      const after = await f.governor.proposalSnapshot(proposalId(q));
      expect(await f.governor.proposalQuorum(proposalId(q))).to.equal((55n * HOUR) / 20n);
      expect(await f.governor.quorum(after)).to.equal((55n * HOUR) / 20n);
    });

    it("gives getVotes at the snapshot the weight a vote counts", async function () {
      const f = await loadFixture(issueExample);
      const raise = await changeProposal(f, [{ kind: "careWeight", value: 40_000n }]);
      const { id, snapshot } = await proposalAcrossChange(f, raise);
      // alice: 36 + 10 x 1.5 = 51 on P (created before the raise), not 36 + 10 x 4
      expect(await f.governor.proposalVoteWeight(id, f.alice.address)).to.equal(51n * HOUR);
      expect(await f.governor.getVotes(f.alice.address, snapshot)).to.equal(51n * HOUR);
      expect(await f.governor.careWeight(snapshot)).to.equal(15_000n);
      await expect(f.governor.connect(f.alice).castVote(id, Support.For))
        .to.emit(f.governor, "VoteCast")
        .withArgs(f.alice.address, id, Support.For, 51n * HOUR, "");
      expect(await f.governor.proposalDeadline(id)).to.equal(snapshot + 86_400n);
    });

    it("keeps the views right when the voting delay is shortened by the same proposal", async function () {
      const f = await loadFixture(issueExample);
      const shorten = parameterChangeProposal(
        { governor: await f.governor.getAddress(), registry: ZeroAddress },
        [
          { kind: "votingDelay", seconds: 1n },
          { kind: "quorumFraction", value: 500n },
        ],
        { proposer: f.alice.address },
      );
      const { id, snapshot } = await proposalAcrossChange(f, shorten);
      // P's snapshot is 30 minutes after the change; the change still does not reach it
      expect(await f.governor.proposalQuorum(id)).to.equal((55n * HOUR) / 10n);
      expect(await f.governor.quorum(snapshot)).to.equal((55n * HOUR) / 10n);
      // a proposal created now (1 s delay) has the new fraction, and its snapshot says so
      const q = await changeProposal(f, [{ kind: "proposalThreshold", value: HOUR }], "Now");
      await f.governor.connect(f.alice).propose(...proposeArgs(q));
      await toVoting(f.governor, proposalId(q));
      const at = await f.governor.proposalSnapshot(proposalId(q));
      expect(await f.governor.proposalQuorum(proposalId(q))).to.equal(await f.governor.quorum(at));
    });
  });

  describe("3. one claimant cannot block an approved batch", function () {
    async function batchOfTwo() {
      const coop = await loadFixture(deployCoop);
      const a = await submitClaim(coop, coop.alice, 10n * HOUR, ClaimCategory.Commons);
      const b = await submitClaim(coop, coop.bob, HOUR, ClaimCategory.Commons);
      return { coop, a, b };
    }

    it("mints A's approved claim when B withdraws its own after the vote", async function () {
      const { coop, a, b } = await batchOfTwo();
      const p = approveClaimsProposal(await coop.registry.getAddress(), [a, b], {
        proposer: coop.founder.address,
      });
      const id = await passAndQueue(coop.governor, p, coop.founder, [coop.founder]);
      await coop.registry.connect(coop.bob).withdrawClaim(b.id);
      await toEta(coop.governor, id);
      await expect(coop.governor.execute(...executionArgs(p)))
        .to.emit(coop.registry, "ClaimApproved")
        .withArgs(a.id, coop.alice.address)
        .and.to.emit(coop.registry, "ClaimSkipped")
        .withArgs(b.id, 4n); // Withdrawn
      expect(await coop.governor.state(id)).to.equal(ProposalState.Executed);
      expect(await coop.work.balanceOf(coop.alice.address)).to.equal(10n * HOUR);
      expect(await coop.work.balanceOf(coop.bob.address)).to.equal(0n);
      expect(await coop.registry.claimCountByStatus(1)).to.equal(0n); // pending
      expect(await coop.registry.claimCountByStatus(2)).to.equal(1n); // approved
      expect(await coop.registry.claimCountByStatus(4)).to.equal(1n); // withdrawn
    });

    it("rejects the rest of a rejection batch when one claimant withdraws", async function () {
      const { coop, a, b } = await batchOfTwo();
      const p = rejectClaimsProposal(
        await coop.registry.getAddress(),
        [a.id, b.id],
        "no evidence",
        {
          proposer: coop.founder.address,
        },
      );
      const id = await passAndQueue(coop.governor, p, coop.founder, [coop.founder]);
      await coop.registry.connect(coop.alice).withdrawClaim(a.id);
      await toEta(coop.governor, id);
      await expect(coop.governor.execute(...executionArgs(p)))
        .to.emit(coop.registry, "ClaimRejected")
        .withArgs(b.id, coop.bob.address)
        .and.to.emit(coop.registry, "ClaimSkipped")
        .withArgs(a.id, 4n);
      expect(await coop.governor.state(id)).to.equal(ProposalState.Executed);
    });
  });

  describe("4. a queued decision expires, and members can cancel it by a vote", function () {
    async function twoRates() {
      const coop = await loadFixture(deployCoop);
      const treasury = await coop.treasury.getAddress();
      const p1 = rateProposal(treasury, RBTC, 5n * 10n ** 14n, coop.founder.address);
      const p2 = rateProposal(treasury, RBTC, 10n ** 14n, coop.founder.address);
      // p2's description differs from p1's by its rate; both are the founder's
      const id1 = await passAndQueue(coop.governor, p1, coop.founder, [coop.founder]);
      await passAndQueue(coop.governor, p2, coop.founder, [coop.founder]);
      await toEta(coop.governor, proposalId(p2));
      await coop.governor.execute(...executionArgs(p2));
      return { coop, p1, p2, id1 };
    }

    it("does not let a stale decision change the rate a year later", async function () {
      const { coop, p1, id1 } = await twoRates();
      await time.increase(365n * 86_400n);
      expect(await coop.governor.state(id1)).to.equal(ProposalState.Expired);
      await expect(coop.governor.execute(...executionArgs(p1))).to.be.revertedWithCustomError(
        coop.governor,
        "GovernorUnexpectedProposalState",
      );
      expect(await coop.treasury.rate()).to.equal(10n ** 14n);
    });

    it("refuses direct execution of an expired operation at the timelock", async function () {
      const { coop, p1, id1 } = await twoRates();
      const eta = await coop.governor.proposalEta(id1);
      const grace = await coop.timelock.GRACE_PERIOD();
      // GovernorTimelockControl's salt: the governor's address (left-aligned) xor the hash
      const salt = `0x${(
        (BigInt(await coop.governor.getAddress()) << 96n) ^
        BigInt(descriptionHash(p1))
      )
        .toString(16)
        .padStart(64, "0")}`;
      const [targets, values, calldatas] = executionArgs(p1);
      const opId = await coop.timelock.hashOperationBatch(
        targets,
        values,
        calldatas,
        ZeroHash,
        salt,
      );
      expect(await coop.timelock.getTimestamp(opId)).to.equal(eta);
      // still executable at the last second of the grace period (checked with a static call)
      await time.increaseTo(eta + grace);
      await coop.timelock.executeBatch.staticCall(targets, values, calldatas, ZeroHash, salt);
      await time.increase(1);
      expect(await coop.timelock.isOperationExpired(opId)).to.equal(true);
      expect(await coop.timelock.isOperationPending(opId)).to.equal(false);
      await expect(
        coop.timelock.connect(coop.eve).executeBatch(targets, values, calldatas, ZeroHash, salt),
      )
        .to.be.revertedWithCustomError(coop.timelock, "CoopTimelockExpiredOperation")
        .withArgs(opId, eta, eta + grace);
      expect(await coop.treasury.rate()).to.equal(10n ** 14n);
      expect(await coop.governor.state(id1)).to.equal(ProposalState.Expired);
    });

    it("cancels a queued proposal by a vote of the members", async function () {
      const coop = await loadFixture(deployCoop);
      const treasury = await coop.treasury.getAddress();
      const target = rateProposal(treasury, RBTC, 5n * 10n ** 14n, coop.founder.address);
      const targetId = await passAndQueue(coop.governor, target, coop.founder, [coop.founder]);
      const cancel = {
        targets: [await coop.governor.getAddress()],
        values: [0n],
        calldatas: [
          coop.governor.interface.encodeFunctionData("cancelByVote", executionArgs(target)),
        ],
        description: `# Cancel the rate change\n\n#proposer=${coop.founder.address}`,
      };
      const cancelId = await passAndQueue(coop.governor, cancel, coop.founder, [coop.founder]);
      await toEta(coop.governor, cancelId);
      await expect(coop.governor.execute(...executionArgs(cancel)))
        .to.emit(coop.governor, "ProposalCanceled")
        .withArgs(targetId)
        .and.to.emit(coop.timelock, "Cancelled");
      expect(await coop.governor.state(targetId)).to.equal(ProposalState.Canceled);
      await expect(coop.governor.execute(...executionArgs(target))).to.be.revertedWithCustomError(
        coop.governor,
        "GovernorUnexpectedProposalState",
      );
    });

    it("refuses cancelByVote from anyone but the timelock", async function () {
      const coop = await loadFixture(deployCoop);
      const p = rateProposal(await coop.treasury.getAddress(), RBTC, 1n, coop.founder.address);
      await expect(coop.governor.connect(coop.founder).cancelByVote(...executionArgs(p)))
        .to.be.revertedWithCustomError(coop.governor, "GovernorOnlyExecutor")
        .withArgs(coop.founder.address);
    });
  });
});
