/**
 * Attacks on the federation found by review, each carried out against the contracts as they
 * stand. A test here that fails shows a fault that is not fixed yet (its name says what the fault
 * is); one that passes shows the attack fails.
 */
import { expect } from "chai";

import { ReentrantReserve__factory, WorkHours__factory } from "../../typechain-types/index.js";
import {
  HOUR,
  LIMITS,
  MAX_INDEX_CHANGE_BPS,
  ONE,
  PERIOD,
  deployFederation,
  type TreasuryCoop,
  admitWithTreasury,
  cooperativeWithTreasury,
  earn,
  ethers,
  networkHelpers,
  unionAtPeriodStart,
} from "./fixtures.js";

const { loadFixture } = networkHelpers;
const RBTC = 10n ** 18n;
/** 100 federation hours per RBTC. */
const RATE = 100n * ONE;

/**
 * Three cooperatives A, B and C with native-RBTC treasuries (each governed by its timelock
 * signer). Alice of A has paid 50 hours to bob of B: A owes 50, B is owed 50. A's pools hold
 * 2 RBTC. The federation's rate is 100 hours per RBTC.
 */
async function settlingFederation() {
  const [federation, timelockA, timelockB, timelockC, alice, bob, , , eve] =
    await ethers.getSigners();
  const union = await unionAtPeriodStart(federation);
  const coops: TreasuryCoop[] = [];
  for (const [symbol, timelock] of [
    ["HA", timelockA],
    ["HB", timelockB],
    ["HC", timelockC],
  ] as const) {
    coops.push(await cooperativeWithTreasury(symbol, timelock, union, ethers.ZeroAddress));
  }
  const [a, b, c] = coops;
  for (const coop of [a, b]) await admitWithTreasury(union, coop);
  await earn(a.work.connect(a.timelock), [alice.address], 200n * HOUR);
  await union.connect(alice).pay(a.hours, b.hours, bob.address, 50n * HOUR, 0n);
  await a.treasury.connect(alice).deposit(2n * RBTC, { value: 2n * RBTC });
  await union.setSettlement(ethers.ZeroAddress, RATE);
  return { union, a, b, c, federation, alice, bob, eve };
}

describe("Federation attacks", function () {
  describe("settlement", function () {
    it("fixed (the debtor's action had no bound on the value): a rate lowered between the debtor's vote and its execution reverts instead of settling less for the same reserve", async function () {
      const { union, a, b } = await loadFixture(settlingFederation);
      // A's members vote to settle 0.5 RBTC, worth 50 hours at the rate they see (100 per RBTC).
      const amount = RBTC / 2n;
      const valueVoted = (amount * RATE) / ONE;
      expect(valueVoted).to.equal(50n * HOUR);
      // Before the debtor's queued action runs, the creditors' majority lowers the rate a
      // hundredfold (a federation proposal is as public as the debtor's; anyone may execute
      // the debtor's queued proposal once the rate has moved).
      await union.setSettlement(ethers.ZeroAddress, RATE / 100n);
      await expect(
        a.treasury
          .connect(a.timelock)
          .settleFederation(await union.getAddress(), b.hours, amount, valueVoted),
      )
        .to.be.revertedWithCustomError(union, "ClearingUnionSettlementBelowMinimum")
        .withArgs(valueVoted / 100n, valueVoted);
      expect(await union.clearingBalance(a.hours)).to.equal(-50n * HOUR);
      // at the rate voted it settles
      await union.setSettlement(ethers.ZeroAddress, RATE);
      await a.treasury
        .connect(a.timelock)
        .settleFederation(await union.getAddress(), b.hours, amount, valueVoted);
      expect(await union.clearingBalance(a.hours)).to.equal(0n);
    });

    it("fixed (treasury not bound to the cooperative): the federation cannot admit a cooperative with another cooperative's treasury, into which settlements owed to it would be paid", async function () {
      const { union, b, c } = await loadFixture(settlingFederation);
      // C proposed with B's treasury: C's hours give B's treasury no role
      const wrong = await b.treasury.getAddress();
      await expect(union.admit(c.hours, c.timelock.address, wrong, ONE, LIMITS))
        .to.be.revertedWithCustomError(union, "FederationNotCooperativeTreasury")
        .withArgs(c.hours, wrong);
      // with its own treasury (which its vote lets burn redeemed hours) it is admitted
      await union.admit(c.hours, c.timelock.address, await c.treasury.getAddress(), ONE, LIMITS);
    });

    it("fixed (rate range, the rate was a uint96): a reserve token of six decimals can be priced at 100 hours a token", async function () {
      const { union, eve } = await loadFixture(settlingFederation);
      // 100 hours per whole token of 6 decimals: value = amount * rate / 1e18 with amount = 1e6
      const rate = (100n * HOUR * ONE) / 10n ** 6n;
      await expect(union.setSettlement(eve.address, rate))
        .to.emit(union, "SettlementUpdated")
        .withArgs(eve.address, rate);
    });

    it("holds: a settlement paid into the creditor's treasury books exactly what the debtor's pools lost, and the balances still sum to zero", async function () {
      const { union, a, b } = await loadFixture(settlingFederation);
      const [aSub, aCom] = await a.treasury.pools();
      const [bSub, bCom] = await b.treasury.pools();
      await a.treasury
        .connect(a.timelock)
        .settleFederation(await union.getAddress(), b.hours, RBTC / 4n, 0n);
      const [aSub2, aCom2] = await a.treasury.pools();
      const [bSub2, bCom2] = await b.treasury.pools();
      expect(aSub - aSub2 + (aCom - aCom2)).to.equal(RBTC / 4n);
      expect(bSub2 - bSub + (bCom2 - bCom)).to.equal(RBTC / 4n);
      expect(
        (await union.clearingBalance(a.hours)) + (await union.clearingBalance(b.hours)),
      ).to.equal(0n);
      expect(await ethers.provider.getBalance(await union.getAddress())).to.equal(0n);
    });

    it("holds: a debtor cannot settle past zero into surplus, in two steps either", async function () {
      const { union, a, b } = await loadFixture(settlingFederation);
      await a.treasury
        .connect(a.timelock)
        .settleFederation(await union.getAddress(), b.hours, (RBTC * 49n) / 100n, 0n);
      await expect(
        a.treasury
          .connect(a.timelock)
          .settleFederation(await union.getAddress(), b.hours, (RBTC * 2n) / 100n, 0n),
      ).to.be.revertedWithCustomError(union, "ClearingUnionSettlementExceedsDebit");
    });

    it("holds: a retired creditor can still be paid, and only down to zero", async function () {
      const { union, a, b } = await loadFixture(settlingFederation);
      await union.retire(b.hours);
      await a.treasury
        .connect(a.timelock)
        .settleFederation(await union.getAddress(), b.hours, RBTC / 2n, 0n);
      expect(await union.clearingBalance(b.hours)).to.equal(0n);
      expect(await union.clearingBalance(a.hours)).to.equal(0n);
    });
  });

  describe("settlement in a reserve token that re-enters", function () {
    /** A and B keep a token reserve whose transfers call back once armed; A owes B 50 hours
     * and its pools hold 2 tokens; the rate is 100 hours a token. */
    async function reentrantFederation() {
      const [federation, timelockA, timelockB, , alice, bob] = await ethers.getSigners();
      const union = await unionAtPeriodStart(federation);
      const token = await new ReentrantReserve__factory(federation).deploy();
      const coops: TreasuryCoop[] = [];
      for (const [symbol, timelock] of [
        ["HA", timelockA],
        ["HB", timelockB],
      ] as const) {
        const coop = await cooperativeWithTreasury(
          symbol,
          timelock,
          union,
          await token.getAddress(),
        );
        await admitWithTreasury(union, coop);
        coops.push(coop);
      }
      const [a, b] = coops;
      await earn(a.work.connect(a.timelock), [alice.address], 200n * HOUR);
      await union.connect(alice).pay(a.hours, b.hours, bob.address, 50n * HOUR, 0n);
      await token.mint(alice.address, 2n * RBTC);
      await token.connect(alice).approve(await a.treasury.getAddress(), 2n * RBTC);
      await a.treasury.connect(alice).deposit(2n * RBTC);
      await union.setSettlement(await token.getAddress(), RATE);
      return { union, token, a, b, alice, bob };
    }

    it("holds: a hook that pays through the union mid-settlement is stopped by the union's guard, and nothing moves", async function () {
      const { union, token, a, b, alice } = await loadFixture(reentrantFederation);
      await token.arm(
        await union.getAddress(),
        union.interface.encodeFunctionData("pay", [a.hours, b.hours, alice.address, HOUR, 0n]),
      );
      await expect(
        a.treasury
          .connect(a.timelock)
          .settleFederation(await union.getAddress(), b.hours, RBTC / 4n, 25n * HOUR),
      ).to.be.revertedWithCustomError(union, "ReentrancyGuardReentrantCall");
      expect(await union.clearingBalance(a.hours)).to.equal(-50n * HOUR);
      expect(await token.balanceOf(await a.treasury.getAddress())).to.equal(2n * RBTC);
    });

    it("holds: a hook that re-enters the debtor's treasury mid-settlement is stopped by its guard", async function () {
      const { union, token, a, b } = await loadFixture(reentrantFederation);
      await token.arm(
        await a.treasury.getAddress(),
        a.treasury.interface.encodeFunctionData("deposit", [1n]),
      );
      await expect(
        a.treasury
          .connect(a.timelock)
          .settleFederation(await union.getAddress(), b.hours, RBTC / 4n, 25n * HOUR),
      ).to.be.revertedWithCustomError(a.treasury, "ReentrancyGuardReentrantCall");
      expect(await union.clearingBalance(a.hours)).to.equal(-50n * HOUR);
    });

    it("holds: unarmed, the token settles and leaves no allowance behind", async function () {
      const { union, token, a, b } = await loadFixture(reentrantFederation);
      await a.treasury
        .connect(a.timelock)
        .settleFederation(await union.getAddress(), b.hours, RBTC / 4n, 25n * HOUR);
      expect(await union.clearingBalance(a.hours)).to.equal(-25n * HOUR);
      expect(await token.balanceOf(await b.treasury.getAddress())).to.equal(RBTC / 4n);
      expect(await token.balanceOf(await union.getAddress())).to.equal(0n);
      const unionAddress = await union.getAddress();
      expect(await token.allowance(await a.treasury.getAddress(), unionAddress)).to.equal(0n);
      expect(await token.allowance(unionAddress, await b.treasury.getAddress())).to.equal(0n);
    });
  });

  describe("exchange index", function () {
    it("fixed (bound per calendar period only): a second bounded move a few seconds after the first, across a period boundary, is refused until a period after the first", async function () {
      const { union, a } = await loadFixture(deployFederation);
      const bound = (ONE * MAX_INDEX_CHANGE_BPS) / 10_000n;
      const period = await union.currentPeriod();
      // the last seconds of a period: one full move down
      const first = (period + 1n) * PERIOD - 2n;
      await networkHelpers.time.setNextBlockTimestamp(first);
      await union.setIndex(a, ONE - bound);
      // the first second of the next: another full move down would take it about 9.75% down
      await networkHelpers.time.setNextBlockTimestamp((period + 1n) * PERIOD);
      const second = ((ONE - bound) * (10_000n - MAX_INDEX_CHANGE_BPS)) / 10_000n;
      await expect(union.setIndex(a, second))
        .to.be.revertedWithCustomError(union, "FederationIndexChangeTooSoon")
        .withArgs(a, first + PERIOD);
      // a period after the first change, the same move is within the bound again
      await networkHelpers.time.setNextBlockTimestamp(first + PERIOD);
      await expect(union.setIndex(a, second)).to.emit(union, "IndexUpdated");
    });
  });

  describe("pay", function () {
    it("holds: payments of one wei each count a millionth of an hour each against the allowance", async function () {
      const { union, a, b, alice, bob } = await loadFixture(deployFederation);
      const unit = await union.USAGE_UNIT();
      for (let i = 0; i < 5; i++) await union.connect(alice).pay(a, b, bob.address, 1n, 0n);
      expect((await union.member(a)).outflowLeft).to.equal(LIMITS.outflowAllowance - 5n * unit);
      expect(await union.clearingBalance(a)).to.equal(-5n);
      expect(await union.clearingBalance(b)).to.equal(5n);
    });

    it("holds: a round trip A → B → A at odd indices returns at most what was paid", async function () {
      const { union, a, b, alice } = await loadFixture(deployFederation);
      await union.setIndex(b, ONE + ONE / 21n);
      const before = await ethersBalance(union, a, alice.address);
      const out = await union
        .connect(alice)
        .pay.staticCall(a, b, alice.address, 7n * HOUR + 3n, 0n);
      await union.connect(alice).pay(a, b, alice.address, 7n * HOUR + 3n, 0n);
      const back = await union.connect(alice).pay.staticCall(b, a, alice.address, out, 0n);
      await union.connect(alice).pay(b, a, alice.address, out, 0n);
      const after = await ethersBalance(union, a, alice.address);
      expect(back).to.be.lte(7n * HOUR + 3n);
      expect(after).to.be.lte(before);
      // the union keeps the rounding: A is left a little in surplus, B a little in debt
      expect((await union.clearingBalance(a)) + (await union.clearingBalance(b))).to.equal(0n);
    });

    it("holds: the usage of the last period does not carry into the next, nor reset twice within one", async function () {
      const { union, a, b, alice, bob } = await loadFixture(deployFederation);
      const period = await union.currentPeriod();
      await networkHelpers.time.setNextBlockTimestamp((period + 1n) * PERIOD - 1n);
      await union.connect(alice).pay(a, b, bob.address, 80n * HOUR, 0n);
      await networkHelpers.time.setNextBlockTimestamp((period + 1n) * PERIOD);
      await union.connect(bob).pay(b, a, alice.address, 80n * HOUR, 0n);
      await union.connect(alice).pay(a, b, bob.address, 80n * HOUR, 0n);
      await expect(union.connect(alice).pay(a, b, bob.address, 1n, 0n))
        .to.be.revertedWithCustomError(union, "ClearingUnionOutflowAllowanceExceeded")
        .withArgs(a, LIMITS.outflowAllowance, 1n, LIMITS.outflowAllowance);
    });
  });
});

async function ethersBalance(
  union: Awaited<ReturnType<typeof deployFederation>>["union"],
  cooperative: string,
  account: string,
): Promise<bigint> {
  const work = WorkHours__factory.connect(cooperative, union.runner);
  return work.balanceOf(account);
}
