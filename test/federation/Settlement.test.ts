/**
 * Settlement: a cooperative in debt pays reserve from its treasury's pools, by its own
 * governance (its timelock), through the clearing union into a creditor's treasury, where it is
 * an inflow split 75/25; the two clearing balances move toward zero by its value at the rate the
 * federation voted.
 */
import { expect } from "chai";

import {
  BenchERC20__factory,
  type BenchERC20,
  type RedemptionTreasury,
} from "../../typechain-types/index.js";
import {
  HOUR,
  ONE,
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
/** 100 federation hours per RBTC (or per 1e18 base units of the token). */
const RATE = 100n * ONE;

/**
 * A union of three cooperatives A, B and C, each with its own treasury (admin and governor: its
 * timelock signer) keeping `reserve` (native RBTC, or a token). Alice of A has paid 50 hours to
 * bob of B, so A owes 50 and B is owed 50; A's pools hold 2 RBTC (or tokens), split 75/25.
 */
async function settlementFederation(reserve: "native" | "token") {
  const [federation, timelockA, timelockB, timelockC, alice, bob] = await ethers.getSigners();
  const union = await unionAtPeriodStart(federation);
  let token: BenchERC20 | undefined;
  if (reserve === "token")
    token = await new BenchERC20__factory(federation).deploy("Reserve", "RSV");
  const asset = token === undefined ? ethers.ZeroAddress : await token.getAddress();
  const coops: TreasuryCoop[] = [];
  for (const [symbol, timelock] of [
    ["HA", timelockA],
    ["HB", timelockB],
    ["HC", timelockC],
  ] as const) {
    const coop = await cooperativeWithTreasury(symbol, timelock, union, asset);
    await admitWithTreasury(union, coop);
    coops.push(coop);
  }
  const [a, b, c] = coops;
  await earn(a.work.connect(a.timelock), [alice.address], 200n * HOUR);
  await union.connect(alice).pay(a.hours, b.hours, bob.address, 50n * HOUR, 0n);
  if (token === undefined) {
    await a.treasury.connect(alice).deposit(2n * RBTC, { value: 2n * RBTC });
  } else {
    await token.mint(alice.address, 2n * RBTC);
    await token.connect(alice).approve(await a.treasury.getAddress(), 2n * RBTC);
    await a.treasury.connect(alice).deposit(2n * RBTC);
  }
  await union.setSettlement(asset, RATE);
  return { union, token, asset, a, b, c, federation, alice, bob };
}

const nativeFederation = () => settlementFederation("native");
const tokenFederation = () => settlementFederation("token");

async function pools(treasury: RedemptionTreasury) {
  const [subsistence, commons] = await treasury.pools();
  return { subsistence, commons };
}

describe("ClearingUnion settlement", function () {
  for (const [kind, fixture] of [
    ["native RBTC", nativeFederation],
    ["a token", tokenFederation],
  ] as const) {
    describe(`with ${kind} as reserve`, function () {
      it("moves both balances toward zero by the value, out of the debtor's pools into the creditor's, split 75/25", async function () {
        const { union, a, b } = await loadFixture(fixture);
        const union_ = await union.getAddress();
        const amount = RBTC / 5n; // 20 hours at 100 hours per RBTC
        await expect(a.treasury.connect(a.timelock).settleFederation(union_, b.hours, amount, 0n))
          .to.emit(union, "Settled")
          .withArgs(a.hours, b.hours, amount, 20n * HOUR)
          .and.to.emit(a.treasury, "FederationSettled")
          .withArgs(union_, b.hours, amount, (amount * 3n) / 4n, amount / 4n, 20n * HOUR)
          .and.to.emit(b.treasury, "Deposited")
          .withArgs(union_, 0n, amount, (amount * 3n) / 4n, amount / 4n);
        expect(await union.clearingBalance(a.hours)).to.equal(-30n * HOUR);
        expect(await union.clearingBalance(b.hours)).to.equal(30n * HOUR);
        expect(await pools(a.treasury)).to.deep.equal({
          subsistence: (2n * RBTC * 3n) / 4n - (amount * 3n) / 4n,
          commons: (2n * RBTC) / 4n - amount / 4n,
        });
        expect(await pools(b.treasury)).to.deep.equal({
          subsistence: (amount * 3n) / 4n,
          commons: amount / 4n,
        });
      });

      it("settles the whole debit, to zero, and no further", async function () {
        const { union, a, b } = await loadFixture(fixture);
        const union_ = await union.getAddress();
        const all = RBTC / 2n; // 50 hours
        await expect(a.treasury.connect(a.timelock).settleFederation(union_, b.hours, all + 1n, 0n))
          .to.be.revertedWithCustomError(union, "ClearingUnionSettlementExceedsDebit")
          .withArgs(a.hours, -50n * HOUR, 50n * HOUR + 100n);
        await a.treasury.connect(a.timelock).settleFederation(union_, b.hours, all, 0n);
        expect(await union.clearingBalance(a.hours)).to.equal(0n);
        expect(await union.clearingBalance(b.hours)).to.equal(0n);
      });
    });
  }

  describe("refuses, with the figures", function () {
    it("a creditor that is not owed as much", async function () {
      const { union, a, c } = await loadFixture(nativeFederation);
      await expect(
        a.treasury
          .connect(a.timelock)
          .settleFederation(await union.getAddress(), c.hours, RBTC / 10n, 0n),
      )
        .to.be.revertedWithCustomError(union, "ClearingUnionSettlementExceedsSurplus")
        .withArgs(c.hours, 0n, 10n * HOUR);
    });

    it("a settlement the debtor's treasury did not send, from anyone, with any payment", async function () {
      const { union, a, b, alice } = await loadFixture(nativeFederation);
      await expect(
        union.connect(alice).settle(a.hours, b.hours, RBTC / 10n, 0n, { value: RBTC / 10n }),
      )
        .to.be.revertedWithCustomError(union, "ClearingUnionNotTreasury")
        .withArgs(a.hours, alice.address);
      expect(await union.clearingBalance(a.hours)).to.equal(-50n * HOUR);
    });

    it("a cooperative in surplus that tries to settle (it has no debit)", async function () {
      const { union, a, b } = await loadFixture(nativeFederation);
      await b.treasury.connect(b.timelock).deposit(RBTC, { value: RBTC });
      await expect(
        b.treasury
          .connect(b.timelock)
          .settleFederation(await union.getAddress(), a.hours, RBTC / 10n, 0n),
      )
        .to.be.revertedWithCustomError(union, "ClearingUnionSettlementExceedsDebit")
        .withArgs(b.hours, 50n * HOUR, 10n * HOUR);
    });

    it("a union the cooperative never voted to join", async function () {
      const { a, b, alice } = await loadFixture(nativeFederation);
      await expect(
        a.treasury.connect(a.timelock).settleFederation(alice.address, b.hours, RBTC / 10n, 0n),
      )
        .to.be.revertedWithCustomError(a.treasury, "TreasuryNotFederation")
        .withArgs(alice.address);
    });

    it("anyone but the cooperative's governance", async function () {
      const { union, a, b, alice } = await loadFixture(nativeFederation);
      await expect(
        a.treasury
          .connect(alice)
          .settleFederation(await union.getAddress(), b.hours, RBTC / 10n, 0n),
      ).to.be.revertedWithCustomError(a.treasury, "AccessControlUnauthorizedAccount");
    });

    it("more than the pools hold", async function () {
      const { union, a, b } = await loadFixture(nativeFederation);
      await union.setSettlement(ethers.ZeroAddress, 10n * ONE);
      await expect(
        a.treasury
          .connect(a.timelock)
          .settleFederation(await union.getAddress(), b.hours, 3n * RBTC, 0n),
      )
        .to.be.revertedWithCustomError(a.treasury, "TreasuryInsufficientPool")
        .withArgs(1n, (2n * RBTC * 3n) / 4n, (3n * RBTC * 3n) / 4n);
    });

    it("while the federation has set no rate", async function () {
      const { union, a, b } = await loadFixture(nativeFederation);
      await union.setSettlement(ethers.ZeroAddress, 0n);
      await expect(
        a.treasury
          .connect(a.timelock)
          .settleFederation(await union.getAddress(), b.hours, RBTC / 10n, 0n),
      ).to.be.revertedWithCustomError(union, "ClearingUnionSettlementClosed");
    });

    it("a creditor whose treasury keeps another asset", async function () {
      const { union, a, b } = await loadFixture(nativeFederation);
      const other = await new BenchERC20__factory((await ethers.getSigners())[0]).deploy("O", "O");
      await union.setSettlement(await other.getAddress(), RATE);
      await expect(
        a.treasury
          .connect(a.timelock)
          .settleFederation(await union.getAddress(), b.hours, RBTC / 10n, 0n),
      )
        .to.be.revertedWithCustomError(union, "ClearingUnionSettlementAssetMismatch")
        .withArgs(await b.treasury.getAddress(), ethers.ZeroAddress, await other.getAddress());
    });
  });

  describe("the rate", function () {
    it("is set by the federation's governance only, as a voted figure", async function () {
      const { union, alice } = await loadFixture(nativeFederation);
      await expect(union.connect(alice).setSettlement(ethers.ZeroAddress, RATE))
        .to.be.revertedWithCustomError(union, "FederationUnauthorized")
        .withArgs(alice.address);
      await expect(union.setSettlement(ethers.ZeroAddress, 2n * RATE))
        .to.emit(union, "SettlementUpdated")
        .withArgs(ethers.ZeroAddress, 2n * RATE);
      expect(await union.settlement()).to.deep.equal([ethers.ZeroAddress, 2n * RATE]);
      await expect(union.setSettlement(ethers.ZeroAddress, 1n << 128n))
        .to.be.revertedWithCustomError(union, "FederationInvalidSettlementRate")
        .withArgs(1n << 128n);
    });

    it("rounds the value down, against the debtor", async function () {
      const { union, a, b } = await loadFixture(nativeFederation);
      await union.setSettlement(ethers.ZeroAddress, ONE / 3n);
      await a.treasury
        .connect(a.timelock)
        .settleFederation(await union.getAddress(), b.hours, 10n, 0n);
      // 10 * (1e18 / 3) / 1e18 = 3.33…, rounded down to 3
      expect(await union.clearingBalance(a.hours)).to.equal(-50n * HOUR + 3n);
    });

    it("lets a frozen debtor settle", async function () {
      const { union, a, b } = await loadFixture(nativeFederation);
      await union.freeze(a.hours);
      await a.treasury
        .connect(a.timelock)
        .settleFederation(await union.getAddress(), b.hours, RBTC / 10n, 0n);
      expect(await union.clearingBalance(a.hours)).to.equal(-40n * HOUR);
    });
  });
});
