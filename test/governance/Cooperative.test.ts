import hre from "hardhat";
import { expect } from "chai";
import type { Signer } from "ethers";

import { RSK_BLOCK_GAS_LIMIT } from "../../lib/constants.js";
import {
  ClaimCategory,
  Support,
  approveClaimsProposal,
  executionArgs,
  parameterChangeProposal,
  proposalId,
  proposeArgs,
  revokeCareProposal,
  type ClaimSummary,
  type ParameterChange,
} from "../../lib/proposals.js";
import {
  COOP_PARAMETERS,
  GENESIS,
  MEMBER_HOURS,
  approveThroughGovernance,
  deployCoop,
  deployCoopWithMembers,
  fundedWallet,
  submitClaim,
  type Coop,
} from "../fixtures/coop.js";
import {
  HOUR,
  State,
  ethers,
  networkHelpers,
  passProposal,
  toEta,
  toVoteEnd,
  toVoting,
} from "../fixtures/governance.js";

const { loadFixture, time } = networkHelpers;

/** A member's holistic weight in the test cooperative: work + 1.5 x care. */
const MEMBER_WEIGHT =
  MEMBER_HOURS.commons + MEMBER_HOURS.subsistence + (MEMBER_HOURS.care * 3n) / 2n;

async function role(
  contract: { getFunction(name: string): { staticCall(): Promise<string> } },
  name: string,
) {
  return contract.getFunction(name).staticCall();
}

describe("Cooperative", function () {
  describe("after set-up", function () {
    it("leaves the deployer no role on any contract", async function () {
      const { work, care, registry, timelock, deployer } = await loadFixture(deployCoop);
      const roles: [string, { hasRole(r: string, a: string): Promise<boolean> }, string[]][] = [
        ["WorkHours", work, ["DEFAULT_ADMIN_ROLE", "MINTER_ROLE", "CAPITAL_ROLE", "REDEEMER_ROLE"]],
        ["CareReputation", care, ["DEFAULT_ADMIN_ROLE", "MINTER_ROLE", "REVOKER_ROLE"]],
        ["ContributionRegistry", registry, ["DEFAULT_ADMIN_ROLE", "APPROVER_ROLE"]],
        [
          "CoopTimelock",
          timelock,
          ["DEFAULT_ADMIN_ROLE", "PROPOSER_ROLE", "CANCELLER_ROLE", "EXECUTOR_ROLE"],
        ],
      ];
      for (const [name, contract, names] of roles) {
        for (const r of names) {
          const id = await role(contract as never, r);
          expect(await contract.hasRole(id, deployer.address), `${name}.${r}`).to.equal(false);
        }
      }
    });

    it("gives the timelock every admin role and the working roles", async function () {
      const { work, care, registry, timelock } = await loadFixture(deployCoop);
      const t = await timelock.getAddress();
      const admin = await work.DEFAULT_ADMIN_ROLE();
      for (const c of [work, care, registry, timelock] as const)
        expect(await c.hasRole(admin, t)).to.equal(true);
      expect(await registry.hasRole(await registry.APPROVER_ROLE(), t)).to.equal(true);
      expect(await care.hasRole(await care.REVOKER_ROLE(), t)).to.equal(true);
      const r = await registry.getAddress();
      expect(await work.hasRole(await work.MINTER_ROLE(), r)).to.equal(true);
      expect(await care.hasRole(await care.MINTER_ROLE(), r)).to.equal(true);
    });

    it("makes the governor the timelock's only proposer and canceller, with open execution", async function () {
      const { timelock, governor, deployer, founder } = await loadFixture(deployCoop);
      const g = await governor.getAddress();
      expect(await timelock.hasRole(await timelock.PROPOSER_ROLE(), g)).to.equal(true);
      expect(await timelock.hasRole(await timelock.CANCELLER_ROLE(), g)).to.equal(true);
      expect(await timelock.hasRole(await timelock.EXECUTOR_ROLE(), ethers.ZeroAddress)).to.equal(
        true,
      );
      for (const other of [deployer, founder]) {
        expect(await timelock.hasRole(await timelock.PROPOSER_ROLE(), other.address)).to.equal(
          false,
        );
        expect(await timelock.hasRole(await timelock.CANCELLER_ROLE(), other.address)).to.equal(
          false,
        );
      }
      expect(await timelock.getMinDelay()).to.equal(COOP_PARAMETERS.timelockMinDelay);
    });

    it("deploys the governor with the module's parameters", async function () {
      const { governor, work, care } = await loadFixture(deployCoop);
      const now = await time.latest();
      expect(await governor.work()).to.equal(await work.getAddress());
      expect(await governor.care()).to.equal(await care.getAddress());
      expect(await governor.careWeight(now)).to.equal(COOP_PARAMETERS.careWeight);
      expect(await governor.quorumFraction(now)).to.equal(COOP_PARAMETERS.quorumFraction);
      expect(await governor.maxVoterShare(now)).to.equal(COOP_PARAMETERS.maxVoterShare);
      expect(await governor.queueGracePeriod()).to.equal(COOP_PARAMETERS.queueGracePeriod);
    });

    it("mints the genesis balances to the founder", async function () {
      const { work, care, founder } = await loadFixture(deployCoop);
      expect(await work.balanceOf(founder.address)).to.equal(GENESIS.commons);
      expect(await care.balanceOf(founder.address)).to.equal(GENESIS.care);
    });
  });

  describe("lifecycle of a claims proposal", function () {
    async function proposeTwoClaims() {
      const coop = await loadFixture(deployCoopWithMembers);
      const [m0, m1] = coop.members;
      const claims = [
        await submitClaim(coop, coop.alice, 12n * HOUR, ClaimCategory.Commons),
        await submitClaim(coop, coop.bob, 5n * HOUR, ClaimCategory.Care),
      ];
      const proposal = approveClaimsProposal(await coop.registry.getAddress(), claims, {
        proposer: m0.address,
      });
      const id = proposalId(proposal);
      await coop.governor.connect(m0).propose(...proposeArgs(proposal));
      return { coop, m0, m1, proposal, id };
    }

    it("passes with weights from both tokens, queues, executes and mints", async function () {
      const { coop, m0, m1, proposal, id } = await proposeTwoClaims();
      expect(await coop.governor.state(id)).to.equal(State.Pending);
      await toVoting(coop.governor, id);
      expect(await coop.governor.state(id)).to.equal(State.Active);
      // 8 + 4 work hours and 6 care hours at weight 1.5: 21 hours of weight each
      expect(MEMBER_WEIGHT).to.equal(21n * HOUR);
      await expect(coop.governor.connect(m0).castVote(id, Support.For))
        .to.emit(coop.governor, "VoteCast")
        .withArgs(m0.address, id, Support.For, MEMBER_WEIGHT, "");
      // the founder: 40 work + 10 care x 1.5 = 55
      await expect(coop.governor.connect(coop.founder).castVote(id, Support.For))
        .to.emit(coop.governor, "VoteCast")
        .withArgs(coop.founder.address, id, Support.For, 55n * HOUR, "");
      await coop.governor.connect(m1).castVote(id, Support.Against);
      expect(await coop.governor.proposalVotes(id)).to.deep.equal([
        MEMBER_WEIGHT,
        MEMBER_WEIGHT + 55n * HOUR,
        0n,
      ]);
      await toVoteEnd(coop.governor, id);
      expect(await coop.governor.state(id)).to.equal(State.Succeeded);
      await coop.governor.queue(...executionArgs(proposal));
      expect(await coop.governor.state(id)).to.equal(State.Queued);
      await toEta(coop.governor, id);
      await expect(coop.governor.execute(...executionArgs(proposal)))
        .to.emit(coop.governor, "ProposalExecuted")
        .withArgs(id);
      expect(await coop.governor.state(id)).to.equal(State.Executed);
      expect(await coop.work.balanceOf(coop.alice.address)).to.equal(12n * HOUR);
      expect(await coop.care.balanceOf(coop.bob.address)).to.equal(5n * HOUR);
    });

    it("is defeated when more weight votes against", async function () {
      const { coop, m0, m1, proposal, id } = await proposeTwoClaims();
      await toVoting(coop.governor, id);
      await coop.governor.connect(m0).castVote(id, Support.For);
      await coop.governor.connect(coop.founder).castVote(id, Support.Against);
      await toVoteEnd(coop.governor, id);
      expect(await coop.governor.state(id)).to.equal(State.Defeated);
      await expect(coop.governor.queue(...executionArgs(proposal))).to.be.revertedWithCustomError(
        coop.governor,
        "GovernorUnexpectedProposalState",
      );
      expect(m1).to.not.equal(undefined);
    });

    it("is defeated without quorum", async function () {
      const { coop, m0, id } = await proposeTwoClaims();
      await toVoting(coop.governor, id);
      // quorum: 10% of (40 + 25 x 12 work + 1.5 x (10 + 25 x 6) care) = 10% of 580 = 58 > 21
      expect(await coop.governor.proposalQuorum(id)).to.equal(58n * HOUR);
      await coop.governor.connect(m0).castVote(id, Support.For);
      await toVoteEnd(coop.governor, id);
      expect(await coop.governor.state(id)).to.equal(State.Defeated);
    });

    it("expires when not queued within the grace period", async function () {
      const { coop, proposal, id } = await proposeTwoClaims();
      await toVoting(coop.governor, id);
      await coop.governor.connect(coop.founder).castVote(id, Support.For);
      await coop.governor.connect(coop.members[2]).castVote(id, Support.For);
      await toVoteEnd(coop.governor, id);
      expect(await coop.governor.state(id)).to.equal(State.Succeeded);
      await time.increaseTo(
        (await coop.governor.proposalDeadline(id)) + COOP_PARAMETERS.queueGracePeriod + 1n,
      );
      expect(await coop.governor.state(id)).to.equal(State.Expired);
      await expect(coop.governor.queue(...executionArgs(proposal)))
        .to.be.revertedWithCustomError(coop.governor, "GovernorUnexpectedProposalState")
        .withArgs(id, State.Expired, ethers.toBeHex(1n << State.Succeeded, 32));
    });

    it("can be cancelled by its proposer before the vote opens, and then takes no vote", async function () {
      const { coop, m0, proposal, id } = await proposeTwoClaims();
      await expect(coop.governor.connect(coop.founder).cancel(...executionArgs(proposal)))
        .to.be.revertedWithCustomError(coop.governor, "GovernorUnableToCancel")
        .withArgs(id, coop.founder.address);
      await expect(coop.governor.connect(m0).cancel(...executionArgs(proposal)))
        .to.emit(coop.governor, "ProposalCanceled")
        .withArgs(id);
      expect(await coop.governor.state(id)).to.equal(State.Canceled);
      await toVoting(coop.governor, id);
      await expect(
        coop.governor.connect(m0).castVote(id, Support.For),
      ).to.be.revertedWithCustomError(coop.governor, "GovernorUnexpectedProposalState");
    });
  });

  describe("batch approval of 100 claims", function () {
    it("executes 100 claims of 25 members who hold tokens within 6.8M gas", async function () {
      const coop = await loadFixture(deployCoopWithMembers);
      const claims: ClaimSummary[] = [];
      const categories = [
        ClaimCategory.Commons,
        ClaimCategory.Subsistence,
        ClaimCategory.Care,
        ClaimCategory.Commons,
      ];
      for (const member of coop.members) {
        for (const category of categories)
          claims.push(await submitClaim(coop, member, 3n * HOUR, category));
      }
      expect(claims).to.have.length(100);
      const { execute } = await approveThroughGovernance(coop, claims, coop.founder, [
        coop.founder,
        ...coop.members.slice(0, 5),
      ]);
      console.log(`      execute gas, 100 claims of 25 holders: ${execute.gasUsed}`);
      expect(execute.gasUsed).to.be.lessThan(RSK_BLOCK_GAS_LIMIT);
      expect(await coop.work.balanceOf(coop.members[7].address)).to.equal(
        MEMBER_HOURS.commons + MEMBER_HOURS.subsistence + 9n * HOUR,
      );
      expect(await coop.care.balanceOf(coop.members[7].address)).to.equal(
        MEMBER_HOURS.care + 3n * HOUR,
      );
    });

    // First-time holders are the worst case: each needs new balance, vote, supply and credit
    // storage. 100 first-time care holders fit; a first-time WorkHours holder costs ~110k gas
    // (measured: 20 -> 2.33M, 40 -> 4.54M, 50 -> 5.64M), so 100 of them (~11.1M) must be split
    // into batches of at most 50.
    async function firstTimeClaims(coop: Coop, n: number, categories: readonly ClaimCategory[]) {
      const claims: ClaimSummary[] = [];
      for (let i = 0; i < n; i++) {
        const newcomer = await fundedWallet(`confoederatio newcomer ${i}`);
        claims.push(
          await submitClaim(coop, newcomer, 2n * HOUR, categories[i % categories.length]),
        );
      }
      return claims;
    }

    it("executes 100 care claims of 100 first-time holders within 6.8M gas", async function () {
      // Coverage instruments the bytecode: its gas and size are not the deployed ones.
      if (hre.globalOptions.coverage) this.skip();
      const coop = await loadFixture(deployCoop);
      const claims = await firstTimeClaims(coop, 100, [ClaimCategory.Care]);
      const { execute } = await approveThroughGovernance(coop, claims, coop.founder, [
        coop.founder,
      ]);
      console.log(`      execute gas, 100 care claims of first-time holders: ${execute.gasUsed}`);
      expect(execute.gasUsed).to.be.lessThan(RSK_BLOCK_GAS_LIMIT);
      expect(await coop.care.totalSupply()).to.equal(GENESIS.care + 200n * HOUR);
    });

    it("executes 50 work claims of 50 first-time holders within 6.8M gas", async function () {
      const coop = await loadFixture(deployCoop);
      const claims = await firstTimeClaims(coop, 50, [
        ClaimCategory.Commons,
        ClaimCategory.Subsistence,
      ]);
      const { execute } = await approveThroughGovernance(coop, claims, coop.founder, [
        coop.founder,
      ]);
      console.log(`      execute gas, 50 work claims of first-time holders: ${execute.gasUsed}`);
      expect(execute.gasUsed).to.be.lessThan(RSK_BLOCK_GAS_LIMIT);
      expect(await coop.work.totalSupply()).to.equal(GENESIS.commons + 100n * HOUR);
    });
  });

  describe("parameter changes by proposal", function () {
    async function enact(coop: Coop, changes: ParameterChange[], voters: Signer[]) {
      const at = {
        governor: await coop.governor.getAddress(),
        registry: await coop.registry.getAddress(),
      };
      const proposal = parameterChangeProposal(at, changes, { proposer: coop.founder.address });
      return passProposal(coop.governor, proposal, coop.founder, voters);
    }

    it("sets the care weight for proposals created afterwards", async function () {
      const coop = await loadFixture(deployCoop);
      const { execute } = await enact(
        coop,
        [{ kind: "careWeight", value: 20_000n }],
        [coop.founder],
      );
      await expect(execute.hash)
        .to.emit(coop.governor, "CareWeightUpdated")
        .withArgs(15_000n, 20_000n);
      // for proposals created from now on: at their snapshots, one voting delay on
      const snapshot = (await time.latest()) + Number(COOP_PARAMETERS.votingDelay);
      expect(await coop.governor.careWeight(snapshot)).to.equal(15_000n);
      expect(await coop.governor.careWeight(snapshot + 1)).to.equal(20_000n);
    });

    it("sets the voter cap", async function () {
      const coop = await loadFixture(deployCoop);
      await enact(coop, [{ kind: "maxVoterShare", value: 2_500n }], [coop.founder]);
      // founder alone, at the snapshot of a proposal created now: capped at 25% of 55
      const t = (await time.latest()) + Number(COOP_PARAMETERS.votingDelay) + 1;
      expect(await coop.governor.maxVoterShare(t)).to.equal(2_500n);
      await time.increaseTo(t + 1);
      expect(await coop.governor.voteWeight(coop.founder.address, t)).to.equal(
        (55n * HOUR * 2_500n) / 10_000n,
      );
    });

    it("sets the quorum fraction", async function () {
      const coop = await loadFixture(deployCoop);
      await enact(coop, [{ kind: "quorumFraction", value: 2_000n }], [coop.founder]);
      const t = (await time.latest()) + Number(COOP_PARAMETERS.votingDelay) + 1;
      await time.increaseTo(t + 1);
      expect(await coop.governor.quorumFraction(t)).to.equal(2_000n);
      expect(await coop.governor.quorum(t)).to.equal(11n * HOUR); // 20% of 55
    });

    it("sets the voting delay and period", async function () {
      const coop = await loadFixture(deployCoop);
      const { execute } = await enact(
        coop,
        [
          { kind: "votingDelay", seconds: 7_200n },
          { kind: "votingPeriod", seconds: 172_800n },
        ],
        [coop.founder],
      );
      await expect(execute.hash).to.emit(coop.governor, "VotingDelaySet").withArgs(3_600n, 7_200n);
      await expect(execute.hash)
        .to.emit(coop.governor, "VotingPeriodSet")
        .withArgs(86_400n, 172_800n);
      expect(await coop.governor.votingDelay()).to.equal(7_200n);
      expect(await coop.governor.votingPeriod()).to.equal(172_800n);
    });

    it("sets the registry's claim cap", async function () {
      const coop = await loadFixture(deployCoop);
      const { execute } = await enact(
        coop,
        [{ kind: "claimCap", value: 80n * HOUR }],
        [coop.founder],
      );
      await expect(execute.hash)
        .to.emit(coop.registry, "ClaimCapUpdated")
        .withArgs(160n * HOUR, 80n * HOUR);
      expect(await coop.registry.claimCap()).to.equal(80n * HOUR);
    });

    it("sets the proposal threshold and the late-quorum extension", async function () {
      const coop = await loadFixture(deployCoop);
      await enact(
        coop,
        [
          { kind: "proposalThreshold", value: 2n * HOUR },
          { kind: "lateQuorumExtension", seconds: 7_200n },
        ],
        [coop.founder],
      );
      expect(await coop.governor.proposalThreshold()).to.equal(2n * HOUR);
      expect(await coop.governor.lateQuorumVoteExtension()).to.equal(7_200n);
    });

    it("revokes care reputation", async function () {
      const coop = await loadFixture(deployCoopWithMembers);
      const target = coop.members[3];
      const proposal = revokeCareProposal(
        await coop.care.getAddress(),
        target.address,
        2n * HOUR,
        "claim not supported",
        { proposer: coop.founder.address },
      );
      const voters = [coop.founder, ...coop.members.slice(0, 2)];
      const { execute } = await passProposal(coop.governor, proposal, coop.founder, voters);
      await expect(execute.hash)
        .to.emit(coop.care, "ReputationRevoked")
        .withArgs(target.address, 2n * HOUR, "claim not supported");
      expect(await coop.care.balanceOf(target.address)).to.equal(MEMBER_HOURS.care - 2n * HOUR);
    });
  });

  describe("when a privileged function is called directly", function () {
    it("refuses every governor setter outside an executed proposal", async function () {
      const { governor, founder } = await loadFixture(deployCoop);
      const calls = [
        () => governor.connect(founder).setCareWeight(1n),
        () => governor.connect(founder).setMaxVoterShare(1n),
        () => governor.connect(founder).setQuorumFraction(1n),
        () => governor.connect(founder).setLateQuorumVoteExtension(1n),
        () => governor.connect(founder).setVotingDelay(1n),
        () => governor.connect(founder).setVotingPeriod(1n),
        () => governor.connect(founder).setProposalThreshold(1n),
        () => governor.connect(founder).updateTimelock(founder.address),
        () => governor.connect(founder).relay(founder.address, 0n, "0x"),
      ];
      for (const call of calls) {
        await expect(call())
          .to.be.revertedWithCustomError(governor, "GovernorOnlyExecutor")
          .withArgs(founder.address);
      }
    });

    it("refuses governor setters even from the timelock, outside an executed proposal", async function () {
      const { governor, timelock } = await loadFixture(deployCoop);
      const t = await timelock.getAddress();
      await networkHelpers.impersonateAccount(t);
      await networkHelpers.setBalance(t, 10n ** 18n);
      const asTimelock = await ethers.getSigner(t);
      // the governance-call queue is empty: popping it panics (0x31)
      await expect(governor.connect(asTimelock).setCareWeight(1n)).to.be.revertedWithPanic(0x31);
    });

    it("refuses token, registry and timelock functions to anyone but their role holder", async function () {
      const { work, care, registry, timelock, founder } = await loadFixture(deployCoop);
      const f = founder.address;
      const minter = await work.MINTER_ROLE();
      const cases: [() => Promise<unknown>, typeof work | typeof care | typeof registry, string][] =
        [
          [
            () => registry.connect(founder).approveClaims([1n]),
            registry,
            await registry.APPROVER_ROLE(),
          ],
          [
            () => registry.connect(founder).rejectClaims([1n]),
            registry,
            await registry.APPROVER_ROLE(),
          ],
          [
            () => registry.connect(founder).setClaimCap(1n),
            registry,
            await registry.DEFAULT_ADMIN_ROLE(),
          ],
          [() => care.connect(founder).revoke(f, 1n, "x"), care, await care.REVOKER_ROLE()],
          [() => care.connect(founder).mint([f], [1n]), care, await care.MINTER_ROLE()],
          [
            () => work.connect(founder).mintForWork([f], [1n], [0n]),
            work,
            await work.MINTER_ROLE(),
          ],
          [() => work.connect(founder).mintCapital(f, 1n), work, await work.CAPITAL_ROLE()],
          [() => work.connect(founder).redeemBurn(f, 0, 1n), work, await work.REDEEMER_ROLE()],
          [() => work.connect(founder).grantRole(minter, f), work, await work.DEFAULT_ADMIN_ROLE()],
        ];
      for (const [call, contract, r] of cases) {
        await expect(call())
          .to.be.revertedWithCustomError(
            contract as typeof work,
            "AccessControlUnauthorizedAccount",
          )
          .withArgs(f, r);
      }
      await expect(
        timelock
          .connect(founder)
          .schedule(
            f,
            0n,
            "0x",
            ethers.ZeroHash,
            ethers.ZeroHash,
            COOP_PARAMETERS.timelockMinDelay,
          ),
      )
        .to.be.revertedWithCustomError(timelock, "AccessControlUnauthorizedAccount")
        .withArgs(f, await timelock.PROPOSER_ROLE());
      await expect(timelock.connect(founder).updateDelay(0n))
        .to.be.revertedWithCustomError(timelock, "TimelockUnauthorizedCaller")
        .withArgs(f);
    });
  });
});
