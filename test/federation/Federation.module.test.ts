/**
 * The federation as users deploy it: the `Federation` and `Cooperative` Ignition modules, each
 * cooperative's own vote to join, the genesis admission, liaisons appointed by the cooperatives'
 * votes, the federation's governor, and one shared market.
 */
import { expect } from "chai";
import { ZeroAddress, ZeroHash, id } from "ethers";
import { network } from "hardhat";

import { deployLocalFederation, passTogether } from "../../lib/coop/federation-deploy.js";
import {
  INDEX_ONE,
  admitProposal,
  appointLiaisonProposal,
  joinProposal,
  revokeLiaisonProposal,
  settlementProposal,
  settlementRateProposal,
  settlementSplit,
  statusProposal,
} from "../../lib/coop/federation-proposals.js";
import { Support, executionArgs, proposalId, proposeArgs } from "../../lib/proposals.js";
import CooperativeModule from "../../deploy/modules/Cooperative.js";
import { CoopTimelock__factory, WorkHours__factory } from "../../typechain-types/index.js";

const connection = await network.getOrCreate();
const { ethers, networkHelpers, ignition } = connection;
const { loadFixture } = networkHelpers;
const HOUR = 10n ** 18n;

async function localFederation() {
  return deployLocalFederation(connection);
}

/** A fourth cooperative, deployed but not a member. */
async function localFederationWithCandidate() {
  const fed = await localFederation();
  const signers = await ethers.getSigners();
  const founder = signers[4];
  const deployed = await ignition.deploy(CooperativeModule, {
    parameters: {
      Cooperative: {
        timelockMinDelay: 3_600n,
        votingDelay: 600n,
        votingPeriod: 3_600n,
        lateQuorumExtension: 600n,
        workSymbol: "FARM",
        genesisWorkAccounts: [founder.address],
        genesisCommons: [40n * HOUR],
        genesisSubsistence: [0n],
        genesisCareAccounts: [],
        genesisCare: [],
      },
    },
    displayUi: false,
  });
  return {
    ...fed,
    candidate: {
      founder,
      work: WorkHours__factory.connect(await deployed.work.getAddress(), fed.deployer),
      timelock: CoopTimelock__factory.connect(await deployed.timelock.getAddress(), fed.deployer),
      governor: deployed.governor,
      treasury: await deployed.treasury.getAddress(),
    },
  };
}

describe("Federation module", function () {
  it("admits the three founders, each by its own vote and the genesis", async function () {
    const { union, votes, coops } = await loadFixture(localFederation);
    for (const c of coops) {
      const m = await union.member(c.hours);
      expect(m.status).to.equal(1n);
      expect(m.timelock).to.equal(await c.timelock.getAddress());
      expect(await c.work.hasRole(id("FEDERATION_ROLE"), await union.getAddress())).to.equal(true);
      expect(await votes.liaisonOf(await c.timelock.getAddress())).to.equal(c.founder.address);
      expect(await votes.getVotes(c.founder.address)).to.equal(1n);
    }
    expect(await votes.getPastTotalSupply((await networkHelpers.time.latest()) - 1)).to.equal(3n);
  });

  it("leaves the deployer no role, and the governor the only proposer", async function () {
    const { timelock, governor, deployer } = await loadFixture(localFederation);
    for (const role of [id("PROPOSER_ROLE"), id("CANCELLER_ROLE"), ZeroHash])
      expect(await timelock.hasRole(role, deployer.address)).to.equal(false);
    expect(await timelock.hasRole(id("PROPOSER_ROLE"), await governor.getAddress())).to.equal(true);
    expect(await timelock.hasRole(ZeroHash, await timelock.getAddress())).to.equal(true);
  });

  it("pays between cooperatives deployed by their modules", async function () {
    const { union, coops } = await loadFixture(localFederation);
    const [a, b] = coops;
    await union.connect(a.founder).pay(a.hours, b.hours, b.founder.address, 10n * HOUR, 10n * HOUR);
    expect(await b.work.balanceOf(b.founder.address)).to.equal(110n * HOUR);
    expect(await union.clearingBalance(a.hours)).to.equal(-10n * HOUR);
  });

  it("lets no colluder redeem from the treasury's pools hours that came through the union", async function () {
    const { union, coops } = await loadFixture(localFederation);
    const [a, b] = coops;
    const [, , , , , , , colluder] = await ethers.getSigners();
    // the receiving cooperative's pools hold reserve
    await b.treasury.connect(b.founder).deposit(10n ** 18n, { value: 10n ** 18n });
    await union.connect(a.founder).pay(a.hours, b.hours, colluder.address, 30n * HOUR, 0n);
    for (const category of [0n, 1n]) {
      await expect(b.treasury.connect(colluder).redeem(category, HOUR, 0n))
        .to.be.revertedWithCustomError(b.treasury, "TreasuryInsufficientCredit")
        .withArgs(colluder.address, category, 0n, HOUR);
    }
    expect(await b.work.balanceOf(colluder.address)).to.equal(30n * HOUR);
  });

  describe("governance", function () {
    it("admits a fourth cooperative only with both its own vote and the federation's", async function () {
      const { union, governor, votes, coops, candidate } = await loadFixture(
        localFederationWithCandidate,
      );
      const unionAddress = await union.getAddress();
      const hours = await candidate.work.getAddress();
      const admit = admitProposal(
        unionAddress,
        {
          hours,
          timelock: await candidate.timelock.getAddress(),
          treasury: candidate.treasury,
          index: INDEX_ONE,
          limits: {
            debitLimit: 10n * HOUR,
            outflowAllowance: 10n * HOUR,
            surplusCap: 10n * HOUR,
            inflowAllowance: 10n * HOUR,
          },
        },
        coops[0].founder.address,
      );
      // the federation votes first: execution fails without the cooperative's grant
      const id_ = proposalId(admit);
      await governor.connect(coops[0].founder).propose(...proposeArgs(admit));
      await networkHelpers.time.increaseTo((await governor.proposalSnapshot(id_)) + 1n);
      for (const c of coops) await governor.connect(c.founder).castVote(id_, Support.For);
      await networkHelpers.time.increaseTo((await governor.proposalDeadline(id_)) + 1n);
      await governor.queue(...executionArgs(admit));
      await networkHelpers.time.increaseTo(await governor.proposalEta(id_));
      await expect(governor.execute(...executionArgs(admit)))
        .to.be.revertedWithCustomError(union, "FederationMissingRole")
        .withArgs(hours, unionAddress);
      // its own vote to join, then the execution goes through
      const governorAddress = await candidate.governor.getAddress();
      await passTogether(connection, [
        {
          governor: (await ethers.getContractAt("HolisticGovernor", governorAddress)) as never,
          proposal: joinProposal(hours, unionAddress, candidate.founder.address),
          voters: [candidate.founder],
        },
      ]);
      await governor.execute(...executionArgs(admit));
      expect(await union.statusOf(hours)).to.equal(1n);
      expect(await votes.getVotes(await candidate.timelock.getAddress())).to.equal(1n);
    });

    it("counts nothing from a liaison its cooperative revoked before the snapshot", async function () {
      const { union, governor, votes, coops } = await loadFixture(localFederation);
      const [a, b] = coops;
      await passTogether(connection, [
        {
          governor: a.governor,
          proposal: revokeLiaisonProposal(await votes.getAddress(), a.founder.address),
          voters: [a.founder],
        },
      ]);
      expect(await votes.getVotes(a.founder.address)).to.equal(0n);
      const freeze = statusProposal(await union.getAddress(), b.hours, "freeze", b.founder.address);
      const id_ = proposalId(freeze);
      await governor.connect(b.founder).propose(...proposeArgs(freeze));
      await networkHelpers.time.increaseTo((await governor.proposalSnapshot(id_)) + 1n);
      await governor.connect(a.founder).castVote(id_, Support.For);
      const tally = await governor.proposalVotes(id_);
      expect(tally.forVotes).to.equal(0n);
    });

    it("does not count a seat twice when its liaison changes after the snapshot", async function () {
      const { union, governor, votes, coops } = await loadFixture(localFederation);
      const [a, b] = coops;
      const [, , , , , , , , newLiaison] = await ethers.getSigners();
      const freeze = statusProposal(await union.getAddress(), b.hours, "freeze", b.founder.address);
      const id_ = proposalId(freeze);
      await governor.connect(b.founder).propose(...proposeArgs(freeze));
      await networkHelpers.time.increaseTo((await governor.proposalSnapshot(id_)) + 1n);
      await governor.connect(a.founder).castVote(id_, Support.For);
      // cooperative A's timelock (as its own vote would) moves the seat during the vote
      const timelockA = await a.timelock.getAddress();
      await networkHelpers.impersonateAccount(timelockA);
      await networkHelpers.setBalance(timelockA, 10n ** 18n);
      await votes.connect(await ethers.getSigner(timelockA)).appointLiaison(newLiaison.address);
      expect(await votes.getVotes(newLiaison.address)).to.equal(1n);
      expect(await governor.state(id_)).to.equal(1n);
      await governor.connect(newLiaison).castVote(id_, Support.For);
      expect((await governor.proposalVotes(id_)).forVotes).to.equal(1n);
    });

    it("freezes a cooperative by the federation's vote", async function () {
      const { union, governor, coops } = await loadFixture(localFederation);
      const [a, b, c] = coops;
      const freeze = statusProposal(await union.getAddress(), c.hours, "freeze", a.founder.address);
      const id_ = proposalId(freeze);
      await governor.connect(a.founder).propose(...proposeArgs(freeze));
      await networkHelpers.time.increaseTo((await governor.proposalSnapshot(id_)) + 1n);
      await governor.connect(a.founder).castVote(id_, Support.For);
      await governor.connect(b.founder).castVote(id_, Support.For);
      await networkHelpers.time.increaseTo((await governor.proposalDeadline(id_)) + 1n);
      await governor.queue(...executionArgs(freeze));
      await networkHelpers.time.increaseTo(await governor.proposalEta(id_));
      await governor.execute(...executionArgs(freeze));
      await expect(union.connect(c.founder).pay(c.hours, a.hours, a.founder.address, HOUR, 0n))
        .to.be.revertedWithCustomError(union, "ClearingUnionFrozen")
        .withArgs(c.hours);
    });
  });

  describe("settlement", function () {
    it("settles a debit by the federation's rate and the debtor's own vote, pro rata to the creditors", async function () {
      const { union, governor, coops } = await loadFixture(localFederation);
      const [a, b, c] = coops;
      const unionAddress = await union.getAddress();
      // A owes 30 hours: 20 to B, 10 to C; its pools hold 1 RBTC
      await union.connect(a.founder).pay(a.hours, b.hours, b.founder.address, 20n * HOUR, 0n);
      await union.connect(a.founder).pay(a.hours, c.hours, c.founder.address, 10n * HOUR, 0n);
      await a.treasury.connect(a.founder).deposit(10n ** 18n, { value: 10n ** 18n });
      // the federation votes the rate: 100 federation hours per RBTC
      const rate = 100n * HOUR;
      await passTogether(connection, [
        {
          governor,
          proposal: settlementRateProposal(unionAddress, ZeroAddress, rate, a.founder.address),
          voters: [a.founder, b.founder],
        },
      ]);
      expect(await union.settlement()).to.deep.equal([ZeroAddress, rate]);
      // A's members vote to pay 0.15 RBTC (15 hours), split 2:1 between B and C
      const creditors = await Promise.all(
        [b, c].map(async (x) => ({
          hours: x.hours,
          balance: await union.clearingBalance(x.hours),
        })),
      );
      const parts = settlementSplit(15n * 10n ** 16n, 30n * HOUR, creditors, rate);
      expect(parts.map((p) => p.value)).to.deep.equal([10n * HOUR, 5n * HOUR]);
      const proposal = settlementProposal(
        await a.treasury.getAddress(),
        unionAddress,
        parts,
        (amount) => `${amount} wei`,
        a.founder.address,
      );
      await passTogether(connection, [{ governor: a.governor, proposal, voters: [a.founder] }]);
      expect(await union.clearingBalance(a.hours)).to.equal(-15n * HOUR);
      expect(await union.clearingBalance(b.hours)).to.equal(10n * HOUR);
      expect(await union.clearingBalance(c.hours)).to.equal(5n * HOUR);
      expect(await b.treasury.pools()).to.deep.equal([75n * 10n ** 15n, 25n * 10n ** 15n]);
      expect(await c.treasury.pools()).to.deep.equal([375n * 10n ** 14n, 125n * 10n ** 14n]);
    });

    it("refuses a settlement worth more than the debit before anything is proposed", function () {
      expect(() =>
        settlementSplit(
          10n ** 18n,
          30n * HOUR,
          [{ hours: ZeroAddress, balance: 30n * HOUR }],
          100n * HOUR,
        ),
      ).to.throw(/worth 100 hours, more than the debit of 30/);
    });
  });

  describe("shared market", function () {
    it("routes hours of A to hours of C through B on the federation's one router", async function () {
      const { router, factory, union, coops } = await loadFixture(localFederation);
      const [a, b, c] = coops;
      const deadline = BigInt(await networkHelpers.time.latest()) + 3_600n;
      const routerAddress = await router.getAddress();
      // B's founder pools B with A and with C (having received A and C hours by payment)
      await union.connect(a.founder).pay(a.hours, b.hours, a.founder.address, 20n * HOUR, 0n);
      await union.connect(c.founder).pay(c.hours, b.hours, c.founder.address, 20n * HOUR, 0n);
      for (const [founder, coop] of [
        [a.founder, a],
        [c.founder, c],
      ] as const) {
        await coop.work.connect(founder).approve(routerAddress, 10n * HOUR);
        await b.work.connect(founder).approve(routerAddress, 10n * HOUR);
        await router
          .connect(founder)
          .addLiquidity(
            coop.hours,
            b.hours,
            10n * HOUR,
            10n * HOUR,
            0n,
            0n,
            founder.address,
            deadline,
          );
      }
      expect(await factory.getPair(a.hours, b.hours)).to.not.equal(ethers.ZeroAddress);
      const amounts = await router.getAmountsOut(HOUR, [a.hours, b.hours, c.hours]);
      await a.work.connect(a.founder).approve(routerAddress, HOUR);
      const before = await c.work.balanceOf(a.founder.address);
      await router
        .connect(a.founder)
        .swapExactTokensForTokens(
          HOUR,
          amounts[2],
          [a.hours, b.hours, c.hours],
          a.founder.address,
          deadline,
        );
      expect((await c.work.balanceOf(a.founder.address)) - before).to.equal(amounts[2]);
      expect(amounts[2]).to.be.greaterThan(0n);
    });
  });
});
