import { expect } from "chai";

import { ReentrantHours__factory } from "../../typechain-types/index.js";
import {
  FEDERATION_ROLE,
  HOUR,
  LIMITS,
  MAX_INDEX_CHANGE_BPS,
  ONE,
  PERIOD,
  Status,
  balanceSum,
  deployFederation,
  deployFederationWithCandidate,
  earn,
  ethers,
  networkHelpers,
} from "./fixtures.js";

const { loadFixture } = networkHelpers;

describe("ClearingUnion", function () {
  describe("pay", function () {
    it("burns the payer's hours, mints the recipient's and moves the two balances", async function () {
      const { union, hoursA, hoursB, a, b, alice, bob } = await loadFixture(deployFederation);
      const supplyA = await hoursA.totalSupply();
      await expect(union.connect(alice).pay(a, b, bob.address, 30n * HOUR, 30n * HOUR))
        .to.emit(union, "Paid")
        .withArgs(a, b, alice.address, bob.address, 30n * HOUR, 30n * HOUR, 30n * HOUR)
        .and.to.emit(hoursA, "FederationBurned")
        .withArgs(alice.address, 30n * HOUR)
        .and.to.emit(hoursB, "FederationMinted")
        .withArgs(bob.address, 30n * HOUR);
      expect(await hoursA.balanceOf(alice.address)).to.equal(170n * HOUR);
      expect(await hoursA.totalSupply()).to.equal(supplyA - 30n * HOUR);
      expect(await hoursB.balanceOf(bob.address)).to.equal(230n * HOUR);
      expect(await union.clearingBalance(a)).to.equal(-30n * HOUR);
      expect(await union.clearingBalance(b)).to.equal(30n * HOUR);
    });

    it("keeps the balances summing to zero in both directions", async function () {
      const { union, a, b, c, alice, bob, carol } = await loadFixture(deployFederation);
      await union.connect(alice).pay(a, b, bob.address, 30n * HOUR, 0n);
      await union.connect(bob).pay(b, c, carol.address, 50n * HOUR, 0n);
      await union.connect(carol).pay(c, a, alice.address, 5n * HOUR, 0n);
      expect(await union.clearingBalance(a)).to.equal(-25n * HOUR);
      expect(await union.clearingBalance(b)).to.equal(-20n * HOUR);
      expect(await union.clearingBalance(c)).to.equal(45n * HOUR);
      expect(await balanceSum(union, [a, b, c])).to.equal(0n);
    });

    it("mints hours without earned credit", async function () {
      const { union, hoursB, a, b, alice, eve } = await loadFixture(deployFederation);
      await union.connect(alice).pay(a, b, eve.address, 10n * HOUR, 0n);
      expect(await hoursB.balanceOf(eve.address)).to.equal(10n * HOUR);
      expect(await hoursB.earnedCredit(eve.address, 0n)).to.equal(0n);
      expect(await hoursB.earnedCredit(eve.address, 1n)).to.equal(0n);
    });

    it("gives the recipient votes in its cooperative at once", async function () {
      const { union, hoursB, a, b, alice, eve } = await loadFixture(deployFederation);
      await union.connect(alice).pay(a, b, eve.address, 10n * HOUR, 0n);
      expect(await hoursB.getVotes(eve.address)).to.equal(10n * HOUR);
    });

    it("converts at the two exchange indices, rounding down as quote does", async function () {
      const { union, hoursB, a, b, alice, bob } = await loadFixture(deployFederation);
      // B's hour worth 1.05, A's 0.97
      await union.setIndex(b, (ONE * 105n) / 100n);
      await union.setIndex(a, (ONE * 97n) / 100n);
      const paid = 10n * HOUR + 7n;
      const value = (paid * ((ONE * 97n) / 100n)) / ONE;
      const out = (value * ONE) / ((ONE * 105n) / 100n);
      expect(await union.quote(a, b, paid)).to.deep.equal([value, out]);
      const before = await hoursB.balanceOf(bob.address);
      await expect(union.connect(alice).pay(a, b, bob.address, paid, out))
        .to.emit(union, "Paid")
        .withArgs(a, b, alice.address, bob.address, paid, value, out);
      expect((await hoursB.balanceOf(bob.address)) - before).to.equal(out);
      expect(out * ((ONE * 105n) / 100n)).to.be.at.most(paid * ((ONE * 97n) / 100n));
    });

    it("rejects an output below minOut with both figures, and sends nothing", async function () {
      const { union, hoursA, a, b, alice, bob } = await loadFixture(deployFederation);
      await expect(union.connect(alice).pay(a, b, bob.address, 10n * HOUR, 10n * HOUR + 1n))
        .to.be.revertedWithCustomError(union, "ClearingUnionInsufficientOutput")
        .withArgs(10n * HOUR, 10n * HOUR + 1n);
      expect(await hoursA.balanceOf(alice.address)).to.equal(200n * HOUR);
    });

    it("rejects a payment within one cooperative", async function () {
      const { union, a, alice, dave } = await loadFixture(deployFederation);
      await expect(union.connect(alice).pay(a, a, dave.address, HOUR, 0n))
        .to.be.revertedWithCustomError(union, "ClearingUnionSameCooperative")
        .withArgs(a);
    });

    it("rejects zero hours, and an amount whose value rounds to nothing", async function () {
      const { union, a, b, alice, bob } = await loadFixture(deployFederation);
      await expect(
        union.connect(alice).pay(a, b, bob.address, 0n, 0n),
      ).to.be.revertedWithCustomError(union, "ClearingUnionZeroAmount");
      await union.setIndex(a, (ONE * 96n) / 100n);
      await expect(
        union.connect(alice).pay(a, b, bob.address, 1n, 0n),
      ).to.be.revertedWithCustomError(union, "ClearingUnionZeroAmount");
    });

    it("rejects a payer who lacks the hours with the token's error", async function () {
      const { union, hoursA, a, b, eve, bob } = await loadFixture(deployFederation);
      await expect(union.connect(eve).pay(a, b, bob.address, HOUR, 0n))
        .to.be.revertedWithCustomError(hoursA, "ERC20InsufficientBalance")
        .withArgs(eve.address, 0n, HOUR);
    });

    describe("when a limit stops it", function () {
      it("rejects a payment beyond the payer's debit limit, with the figures", async function () {
        const { union, a, b, c, alice, bob, carol } = await loadFixture(deployFederation);
        await union.connect(alice).pay(a, b, bob.address, 60n * HOUR, 0n);
        await networkHelpers.time.increase(PERIOD);
        await expect(union.connect(alice).pay(a, c, carol.address, 41n * HOUR, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionDebitLimitExceeded")
          .withArgs(a, -60n * HOUR, 41n * HOUR, LIMITS.debitLimit);
        await union.connect(alice).pay(a, c, carol.address, 40n * HOUR, 0n);
        expect(await union.clearingBalance(a)).to.equal(-LIMITS.debitLimit);
      });

      it("rejects a payment beyond the receiver's surplus cap, with the figures", async function () {
        const { union, a, b, c, alice, bob, carol } = await loadFixture(deployFederation);
        await union.connect(alice).pay(a, b, bob.address, 70n * HOUR, 0n);
        await networkHelpers.time.increase(PERIOD);
        await expect(union.connect(carol).pay(c, b, bob.address, 31n * HOUR, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionSurplusCapExceeded")
          .withArgs(b, 70n * HOUR, 31n * HOUR, LIMITS.surplusCap);
      });

      it("rejects outflow beyond the period's allowance, and allows it again next period", async function () {
        const { union, a, b, c, alice, bob, carol } = await loadFixture(deployFederation);
        await union.connect(alice).pay(a, b, bob.address, 50n * HOUR, 0n);
        await expect(union.connect(alice).pay(a, c, carol.address, 31n * HOUR, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionOutflowAllowanceExceeded")
          .withArgs(a, 50n * HOUR, 31n * HOUR, LIMITS.outflowAllowance);
        expect((await union.member(a)).outflowLeft).to.equal(30n * HOUR);
        await networkHelpers.time.increase(PERIOD);
        expect((await union.member(a)).outflowLeft).to.equal(LIMITS.outflowAllowance);
        await union.connect(alice).pay(a, c, carol.address, 31n * HOUR, 0n);
      });

      it("counts a period's usage in millionths of an hour, rounded against the payer", async function () {
        const { union, a, b, alice, bob } = await loadFixture(deployFederation);
        const unit = await union.USAGE_UNIT();
        expect(unit).to.equal(HOUR / 1_000_000n);
        await union.connect(alice).pay(a, b, bob.address, 1n, 0n);
        expect((await union.member(a)).outflowLeft).to.equal(LIMITS.outflowAllowance - unit);
        expect((await union.member(b)).inflowLeft).to.equal(LIMITS.inflowAllowance - unit);
        // the balances move by the exact value
        expect(await union.clearingBalance(a)).to.equal(-1n);
        expect(await union.clearingBalance(b)).to.equal(1n);
        // what is left fits in full; one more wei does not
        const left = (await union.member(a)).outflowLeft;
        await union.connect(alice).pay(a, b, bob.address, left, 0n);
        await expect(union.connect(alice).pay(a, b, bob.address, 1n, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionOutflowAllowanceExceeded")
          .withArgs(a, LIMITS.outflowAllowance, 1n, LIMITS.outflowAllowance);
      });

      it("rejects inflow beyond the period's allowance", async function () {
        const { union, a, b, c, alice, bob, carol } = await loadFixture(deployFederation);
        await union.connect(alice).pay(a, b, bob.address, 50n * HOUR, 0n);
        await expect(union.connect(carol).pay(c, b, bob.address, 31n * HOUR, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionInflowAllowanceExceeded")
          .withArgs(b, 50n * HOUR, 31n * HOUR, LIMITS.inflowAllowance);
        expect((await union.member(b)).inflowLeft).to.equal(30n * HOUR);
      });
    });

    describe("when a cooperative is frozen", function () {
      it("stops it paying", async function () {
        const { union, a, b, alice, bob } = await loadFixture(deployFederation);
        await expect(union.freeze(a)).to.emit(union, "CooperativeFrozen").withArgs(a);
        await expect(union.connect(alice).pay(a, b, bob.address, HOUR, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionFrozen")
          .withArgs(a);
      });

      it("lets it receive", async function () {
        const { union, a, b, alice, bob } = await loadFixture(deployFederation);
        await union.freeze(b);
        await union.connect(alice).pay(a, b, bob.address, HOUR, 0n);
        expect(await union.clearingBalance(b)).to.equal(HOUR);
      });

      it("lets it pay again once unfrozen", async function () {
        const { union, a, b, alice, bob } = await loadFixture(deployFederation);
        await union.freeze(a);
        await expect(union.unfreeze(a)).to.emit(union, "CooperativeUnfrozen").withArgs(a);
        await union.connect(alice).pay(a, b, bob.address, HOUR, 0n);
      });
    });
  });

  describe("registry", function () {
    it("reports a member's terms, balance and allowances left", async function () {
      const { union, a, timelockA } = await loadFixture(deployFederation);
      const m = await union.member(a);
      expect(m.status).to.equal(Status.Active);
      expect(m.timelock).to.equal(timelockA.address);
      expect(m.index).to.equal(ONE);
      expect(m.balance).to.equal(0n);
      expect(m.limits.debitLimit).to.equal(LIMITS.debitLimit);
      expect(m.outflowLeft).to.equal(LIMITS.outflowAllowance);
      expect(m.inflowLeft).to.equal(LIMITS.inflowAllowance);
      expect(await union.period()).to.equal(PERIOD);
      expect(await union.maxIndexChangeBps()).to.equal(MAX_INDEX_CHANGE_BPS);
    });

    it("takes every change only from the federation's timelock", async function () {
      const { union, a, eve } = await loadFixture(deployFederation);
      for (const call of [
        union.connect(eve).freeze(a),
        union.connect(eve).unfreeze(a),
        union.connect(eve).retire(a),
        union.connect(eve).setIndex(a, ONE),
        union.connect(eve).setLimits(a, LIMITS),
        union.connect(eve).admit(a, eve.address, eve.address, ONE, LIMITS),
      ]) {
        await expect(call)
          .to.be.revertedWithCustomError(union, "FederationUnauthorized")
          .withArgs(eve.address);
      }
    });

    it("rejects invalid settings at construction", async function () {
      const { union, federation } = await loadFixture(deployFederation);
      const factory = await ethers.getContractFactory("ClearingUnion", federation);
      await expect(factory.deploy(federation.address, 0n, 100n, "F"))
        .to.be.revertedWithCustomError(union, "FederationInvalidSettings")
        .withArgs(0n, 100n);
      await expect(factory.deploy(federation.address, PERIOD, 10_001n, "F"))
        .to.be.revertedWithCustomError(union, "FederationInvalidSettings")
        .withArgs(PERIOD, 10_001n);
    });

    describe("admit", function () {
      it("admits a cooperative whose own vote granted the union its role", async function () {
        const { union, votes, d, timelockD } = await loadFixture(deployFederationWithCandidate);
        await expect(union.admit(d, timelockD.address, ethers.ZeroAddress, ONE, LIMITS))
          .to.emit(union, "CooperativeAdmitted")
          .and.to.emit(votes, "SeatGranted")
          .withArgs(timelockD.address, 1n);
        expect(await union.statusOf(d)).to.equal(Status.Active);
        expect(await votes.getVotes(timelockD.address)).to.equal(1n);
      });

      it("refuses a cooperative that has not granted the role", async function () {
        const { union, hoursD, d, timelockD } = await loadFixture(deployFederationWithCandidate);
        await hoursD.connect(timelockD).revokeRole(FEDERATION_ROLE, await union.getAddress());
        await expect(union.admit(d, timelockD.address, ethers.ZeroAddress, ONE, LIMITS))
          .to.be.revertedWithCustomError(union, "FederationMissingRole")
          .withArgs(d, await union.getAddress());
      });

      it("refuses a timelock that does not administer the cooperative's hours", async function () {
        const { union, d, eve } = await loadFixture(deployFederationWithCandidate);
        await expect(union.admit(d, eve.address, ethers.ZeroAddress, ONE, LIMITS))
          .to.be.revertedWithCustomError(union, "FederationNotCooperativeTimelock")
          .withArgs(d, eve.address);
      });

      it("refuses a member twice, and a zero or oversized index", async function () {
        const { union, a, d, timelockA, timelockD } = await loadFixture(
          deployFederationWithCandidate,
        );
        await expect(union.admit(a, timelockA.address, ethers.ZeroAddress, ONE, LIMITS))
          .to.be.revertedWithCustomError(union, "FederationAlreadyMember")
          .withArgs(a, Status.Active);
        await expect(union.admit(d, timelockD.address, ethers.ZeroAddress, 0n, LIMITS))
          .to.be.revertedWithCustomError(union, "FederationInvalidIndex")
          .withArgs(0n);
        await expect(union.admit(d, timelockD.address, ethers.ZeroAddress, 2n ** 96n, LIMITS))
          .to.be.revertedWithCustomError(union, "FederationInvalidIndex")
          .withArgs(2n ** 96n);
      });
    });

    describe("freeze and unfreeze", function () {
      it("rejects a freeze of a frozen cooperative and an unfreeze of an active one", async function () {
        const { union, a } = await loadFixture(deployFederation);
        await expect(union.unfreeze(a))
          .to.be.revertedWithCustomError(union, "FederationWrongStatus")
          .withArgs(a, Status.Active, Status.Frozen);
        await union.freeze(a);
        await expect(union.freeze(a))
          .to.be.revertedWithCustomError(union, "FederationWrongStatus")
          .withArgs(a, Status.Frozen, Status.Active);
      });
    });

    describe("retire", function () {
      it("refuses to let a cooperative leave in debt", async function () {
        const { union, a, b, alice, bob } = await loadFixture(deployFederation);
        await union.connect(alice).pay(a, b, bob.address, 10n * HOUR, 0n);
        await expect(union.retire(a))
          .to.be.revertedWithCustomError(union, "FederationRetireWithDebt")
          .withArgs(a, -10n * HOUR);
      });

      it("retires a creditor, withdraws its seat and stops its payments both ways", async function () {
        const { union, votes, hoursB, a, b, alice, bob, timelockB } =
          await loadFixture(deployFederation);
        await union.connect(alice).pay(a, b, bob.address, 10n * HOUR, 0n);
        await expect(union.retire(b))
          .to.emit(union, "CooperativeRetired")
          .withArgs(b, 10n * HOUR)
          .and.to.emit(votes, "SeatWithdrawn")
          .withArgs(timelockB.address, 1n);
        expect(await votes.getVotes(timelockB.address)).to.equal(0n);
        expect(await union.clearingBalance(b)).to.equal(10n * HOUR);
        await expect(union.connect(alice).pay(a, b, bob.address, HOUR, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionUnknownCooperative")
          .withArgs(b);
        await expect(union.connect(bob).pay(b, a, alice.address, HOUR, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionUnknownCooperative")
          .withArgs(b);
        expect(await hoursB.balanceOf(bob.address)).to.equal(210n * HOUR);
        await expect(union.retire(b))
          .to.be.revertedWithCustomError(union, "FederationWrongStatus")
          .withArgs(b, Status.Retired, Status.Active);
      });
    });

    describe("setLimits", function () {
      it("replaces a member's limits", async function () {
        const { union, a, b, alice, bob } = await loadFixture(deployFederation);
        const tight = { ...LIMITS, debitLimit: 5n * HOUR };
        await expect(union.setLimits(a, tight)).to.emit(union, "LimitsUpdated");
        await expect(union.connect(alice).pay(a, b, bob.address, 6n * HOUR, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionDebitLimitExceeded")
          .withArgs(a, 0n, 6n * HOUR, 5n * HOUR);
      });
    });

    describe("setIndex", function () {
      it("moves an index within the bound of a period", async function () {
        const { union, a } = await loadFixture(deployFederation);
        const next = ONE + (ONE * MAX_INDEX_CHANGE_BPS) / 10_000n;
        await expect(union.setIndex(a, next)).to.emit(union, "IndexUpdated").withArgs(a, ONE, next);
        expect((await union.member(a)).index).to.equal(next);
      });

      it("rejects a change beyond the bound, with the figures", async function () {
        const { union, a } = await loadFixture(deployFederation);
        const max = (ONE * MAX_INDEX_CHANGE_BPS) / 10_000n;
        await expect(union.setIndex(a, ONE - max - 1n))
          .to.be.revertedWithCustomError(union, "FederationIndexChangeTooLarge")
          .withArgs(a, ONE, ONE - max - 1n, max);
      });

      it("changes an index once per period, measured from its last change, within the bound of the index in force", async function () {
        const { union, a } = await loadFixture(deployFederation);
        const max = (ONE * MAX_INDEX_CHANGE_BPS) / 10_000n;
        await union.setIndex(a, ONE + max);
        const changedAt = await union.indexChangedAt(a);
        expect(changedAt).to.equal(BigInt(await networkHelpers.time.latest()));
        await expect(union.setIndex(a, ONE + max + 1n))
          .to.be.revertedWithCustomError(union, "FederationIndexChangeTooSoon")
          .withArgs(a, changedAt + PERIOD);
        await networkHelpers.time.setNextBlockTimestamp(changedAt + PERIOD);
        const base = ONE + max;
        const baseMax = (base * MAX_INDEX_CHANGE_BPS) / 10_000n;
        await expect(union.setIndex(a, base + baseMax + 1n))
          .to.be.revertedWithCustomError(union, "FederationIndexChangeTooLarge")
          .withArgs(a, base, base + baseMax + 1n, baseMax);
        await union.setIndex(a, base + baseMax);
      });
    });
  });

  describe("attacks", function () {
    it("stops a cooperative that mints itself a huge supply at its debit limit", async function () {
      const { union, hoursA, a, b, c, alice, bob, carol, timelockA } =
        await loadFixture(deployFederation);
      // A's own governance mints a million hours to alice
      await earn(hoursA.connect(timelockA), [alice.address], 1_000_000n * HOUR);
      await union.setLimits(a, { ...LIMITS, outflowAllowance: 2n ** 96n - 1n });
      await union.setLimits(b, {
        ...LIMITS,
        surplusCap: 2n ** 96n - 1n,
        inflowAllowance: 2n ** 96n - 1n,
      });
      await expect(union.connect(alice).pay(a, b, bob.address, 1_000_000n * HOUR, 0n))
        .to.be.revertedWithCustomError(union, "ClearingUnionDebitLimitExceeded")
        .withArgs(a, 0n, 1_000_000n * HOUR, LIMITS.debitLimit);
      await union.connect(alice).pay(a, b, bob.address, 100n * HOUR, 0n);
      await expect(union.connect(alice).pay(a, c, carol.address, 1n, 0n))
        .to.be.revertedWithCustomError(union, "ClearingUnionDebitLimitExceeded")
        .withArgs(a, -LIMITS.debitLimit, 1n, LIMITS.debitLimit);
    });

    it("lets no colluder redeem hours that arrived through the union", async function () {
      const { union, hoursB, a, b, alice, eve, timelockB } = await loadFixture(deployFederation);
      await union.connect(alice).pay(a, b, eve.address, 50n * HOUR, 0n);
      // the treasury's redemption path: redeemBurn needs earned credit
      for (const category of [0n, 1n]) {
        await expect(hoursB.connect(timelockB).redeemBurn(eve.address, category, HOUR))
          .to.be.revertedWithCustomError(hoursB, "WorkHoursInsufficientCredit")
          .withArgs(eve.address, category, 0n, HOUR);
      }
      expect(await hoursB.balanceOf(eve.address)).to.equal(50n * HOUR);
    });

    it("refuses payments from and to a cooperative the federation did not admit", async function () {
      const { union, a, d, alice, eve } = await loadFixture(deployFederationWithCandidate);
      await expect(union.connect(eve).pay(d, a, alice.address, HOUR, 0n))
        .to.be.revertedWithCustomError(union, "ClearingUnionUnknownCooperative")
        .withArgs(d);
      await expect(union.connect(alice).pay(a, d, eve.address, HOUR, 0n))
        .to.be.revertedWithCustomError(union, "ClearingUnionUnknownCooperative")
        .withArgs(d);
    });

    it("returns at most what was paid in a round trip A → B → A", async function () {
      const { union, hoursA, hoursB, a, b, alice } = await loadFixture(deployFederation);
      await union.setIndex(a, ONE + 33_333_333_333_333_333n);
      await union.setIndex(b, ONE - 27_777_777_777_777_777n);
      for (const paid of [1_000n, 10n ** 17n + 1n, 7n * HOUR + 13n]) {
        const beforeA = await hoursA.balanceOf(alice.address);
        const beforeB = await hoursB.balanceOf(alice.address);
        await union.connect(alice).pay(a, b, alice.address, paid, 0n);
        const got = (await hoursB.balanceOf(alice.address)) - beforeB;
        await union.connect(alice).pay(b, a, alice.address, got, 0n);
        expect(await hoursA.balanceOf(alice.address)).to.be.lessThan(beforeA);
      }
      expect(await union.clearingBalance(a)).to.equal(-(await union.clearingBalance(b)));
      expect(await union.clearingBalance(a)).to.be.lessThan(0n);
    });

    it("cannot be re-entered through a token hook", async function () {
      const { union, a, b, federation, alice } = await loadFixture(deployFederation);
      const [, , , , , , , , , , hookAdmin] = await ethers.getSigners();
      const hooked = await new ReentrantHours__factory(hookAdmin).deploy(hookAdmin.address);
      const h = await hooked.getAddress();
      await hooked.grantRole(FEDERATION_ROLE, await union.getAddress());
      await union.connect(federation).admit(h, hookAdmin.address, ethers.ZeroAddress, ONE, LIMITS);
      await hooked.arm(union, a, b, HOUR);
      await expect(
        union.connect(alice).pay(a, h, alice.address, HOUR, 0n),
      ).to.be.revertedWithCustomError(union, "ReentrancyGuardReentrantCall");
      expect(await union.clearingBalance(a)).to.equal(0n);
    });
  });
});
