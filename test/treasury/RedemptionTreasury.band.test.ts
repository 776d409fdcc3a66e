import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";

import { getAmountOut } from "../../lib/dex.js";
import { CoopPair__factory } from "../../typechain-types/index.js";
import {
  EMISSION_CAP,
  PERIOD,
  SLIPPAGE,
  WINDOW,
  deployErc20Band,
  deployNativeBand,
  type BandFixture,
} from "./band.fixtures.js";
import { HOUR, Inflow, ethers, networkHelpers } from "./fixtures.js";

const BPS = 10_000n;

/** The pool's reserves of hours and of the quote token. */
async function reserves(f: BandFixture): Promise<{ hours: bigint; quote: bigint }> {
  const pair = CoopPair__factory.connect(f.pairAddress, ethers.provider);
  const [r0, r1] = await pair.getReserves();
  const hoursFirst = (await pair.token0()) === (await f.work.getAddress());
  return hoursFirst ? { hours: r0, quote: r1 } : { hours: r1, quote: r0 };
}

async function swap(f: BandFixture, hoursIn: boolean, amountIn: bigint) {
  const work = await f.work.getAddress();
  const quote = await f.quote.getAddress();
  const path = hoursIn ? [work, quote] : [quote, work];
  await f.router
    .connect(f.trader)
    .swapExactTokensForTokens(amountIn, 0n, path, f.trader.address, 2n ** 40n);
}

/** Mines the next block one window later, and returns its period. */
async function afterWindow(): Promise<bigint> {
  const t = BigInt(await networkHelpers.time.latest()) + WINDOW;
  await networkHelpers.time.setNextBlockTimestamp(t);
  return t / PERIOD;
}

function shouldDefendTheBand(fixture: () => Promise<BandFixture>) {
  describe("when the TWAP is inside the band", function () {
    it("reverts both defences with the TWAP", async function () {
      const f = await networkHelpers.loadFixture(fixture);
      const twap = await f.treasury.bandPrice();
      // one window at the starting price: within a wei of it (UQ112x112 rounds down)
      expect(f.price - twap <= 1n).to.equal(true);
      await expect(f.treasury.connect(f.keeper).defendFloor())
        .to.be.revertedWithCustomError(f.treasury, "TreasuryFloorNotBreached")
        .withArgs(twap, f.floor);
      await expect(f.treasury.connect(f.keeper).defendCeiling())
        .to.be.revertedWithCustomError(f.treasury, "TreasuryCeilingNotBreached")
        .withArgs(twap, f.ceiling);
    });
  });

  describe("when the TWAP is below the floor", function () {
    async function belowFloor() {
      const f = await networkHelpers.loadFixture(fixture);
      // 2,000 hours sold into 10,000: the price falls to about 0.69
      await swap(f, true, 2_000n * HOUR);
      return f;
    }

    it("buys hours with the period's budget and burns them", async function () {
      const f = await belowFloor();
      const treasury = await f.treasury.getAddress();
      const before = await reserves(f);
      const supply = await f.work.totalSupply();
      const held = await f.reserveOf(treasury);
      const period = await afterWindow();
      const tx = await f.treasury.connect(f.keeper).defendFloor();
      const twap = await f.treasury.bandPrice();
      expect(twap < f.floor).to.equal(true);
      const burned = getAmountOut(f.budget, before.quote, before.hours);
      await expect(tx)
        .to.emit(f.treasury, "FloorDefended")
        .withArgs(period, twap, f.budget, burned);
      // the trade met the TWAP-derived bound
      expect(burned >= (f.budget * HOUR * (BPS - SLIPPAGE)) / (twap * BPS)).to.equal(true);
      expect(await f.work.totalSupply()).to.equal(supply - burned);
      expect(await f.work.balanceOf(treasury)).to.equal(0n);
      expect(await f.quote.balanceOf(treasury)).to.equal(f.kind === "ERC20" ? held - f.budget : 0n);
      expect(await f.reserveOf(treasury)).to.equal(held - f.budget);
      // taken pro rata from pools that hold 3:1: 75% and 25% of the budget
      expect(await f.treasury.pools()).to.deep.equal([
        ((f.funds - f.budget) * 3n) / 4n,
        (f.funds - f.budget) / 4n,
      ]);
      const state = await f.treasury.band();
      expect([state.period, state.spent, state.minted]).to.deep.equal([period, f.budget, 0n]);
    });

    it("spends no more than the budget in a period", async function () {
      const f = await belowFloor();
      const period = await afterWindow();
      await f.treasury.connect(f.keeper).defendFloor();
      await expect(f.treasury.connect(f.keeper).defendFloor())
        .to.be.revertedWithCustomError(f.treasury, "TreasuryBuybackBudgetSpent")
        .withArgs(period, f.budget);
      // the next period has a fresh budget
      await networkHelpers.time.setNextBlockTimestamp((period + 1n) * PERIOD);
      await expect(f.treasury.connect(f.keeper).defendFloor())
        .to.emit(f.treasury, "FloorDefended")
        .withArgs(period + 1n, anyValue, f.budget, anyValue);
    });

    it("refuses a price pushed up in the same block (TWAP-bound minOut)", async function () {
      const f = await belowFloor();
      await afterWindow();
      await f.oracle.update();
      const twap = await f.treasury.bandPrice();
      expect(twap < f.floor).to.equal(true);
      // The manipulator buys 3,000 * price of hours, then calls the defence in one transaction.
      const r = await reserves(f);
      const pumped = 3_000n * f.price;
      const out1 = getAmountOut(pumped, r.quote, r.hours);
      const out = getAmountOut(f.budget, r.quote + pumped, r.hours - out1);
      const minOut = (f.budget * HOUR * (BPS - SLIPPAGE)) / (twap * BPS);
      const path = [await f.quote.getAddress(), await f.work.getAddress()];
      await expect(f.manipulator.swapThenDefend(f.router, path, pumped, f.treasury, true))
        .to.be.revertedWithCustomError(f.router, "RouterInsufficientOutputAmount")
        .withArgs(out, minOut);
    });
  });

  describe("when the TWAP is above the ceiling", function () {
    async function aboveCeiling() {
      const f = await networkHelpers.loadFixture(fixture);
      // 3,000 * price of quote buys into 10,000: the price rises to about 1.69
      await swap(f, false, 3_000n * f.price);
      return f;
    }

    it("mints the period's cap, sells it and splits the proceeds", async function () {
      const f = await aboveCeiling();
      const treasury = await f.treasury.getAddress();
      const before = await reserves(f);
      const supply = await f.work.totalSupply();
      const held = await f.reserveOf(treasury);
      const period = await afterWindow();
      const tx = await f.treasury.connect(f.keeper).defendCeiling();
      const twap = await f.treasury.bandPrice();
      expect(twap > f.ceiling).to.equal(true);
      const proceeds = getAmountOut(EMISSION_CAP, before.hours, before.quote);
      const subsistence = (proceeds * 3n) / 4n;
      await expect(tx)
        .to.emit(f.treasury, "CeilingDefended")
        .withArgs(period, twap, EMISSION_CAP, proceeds);
      await expect(tx)
        .to.emit(f.treasury, "Deposited")
        .withArgs(treasury, Inflow.Band, proceeds, subsistence, proceeds - subsistence);
      expect(proceeds >= (EMISSION_CAP * twap * (BPS - SLIPPAGE)) / (HOUR * BPS)).to.equal(true);
      expect(await f.work.totalSupply()).to.equal(supply + EMISSION_CAP);
      expect(await f.work.balanceOf(treasury)).to.equal(0n);
      expect(await f.reserveOf(treasury)).to.equal(held + proceeds);
      expect(await f.quote.balanceOf(treasury)).to.equal(f.kind === "ERC20" ? held + proceeds : 0n);
      expect(await f.treasury.pools()).to.deep.equal([
        (f.funds * 3n) / 4n + subsistence,
        f.funds / 4n + proceeds - subsistence,
      ]);
    });

    it("mints no more than the cap in a period", async function () {
      const f = await aboveCeiling();
      const period = await afterWindow();
      await f.treasury.connect(f.keeper).defendCeiling();
      await expect(f.treasury.connect(f.keeper).defendCeiling())
        .to.be.revertedWithCustomError(f.treasury, "TreasuryEmissionCapReached")
        .withArgs(period, EMISSION_CAP);
    });

    it("refuses a price pushed down in the same block (TWAP-bound minOut)", async function () {
      const f = await aboveCeiling();
      await afterWindow();
      await f.oracle.update();
      const twap = await f.treasury.bandPrice();
      const r = await reserves(f);
      const dumped = 5_000n * HOUR;
      const out1 = getAmountOut(dumped, r.hours, r.quote);
      const out = getAmountOut(EMISSION_CAP, r.hours + dumped, r.quote - out1);
      const minOut = (EMISSION_CAP * twap * (BPS - SLIPPAGE)) / (HOUR * BPS);
      const path = [await f.work.getAddress(), await f.quote.getAddress()];
      await expect(f.manipulator.swapThenDefend(f.router, path, dumped, f.treasury, false))
        .to.be.revertedWithCustomError(f.router, "RouterInsufficientOutputAmount")
        .withArgs(out, minOut);
    });
  });

  describe("when the pool is manipulated in the same block", function () {
    it("does not trigger the floor defence", async function () {
      const f = await networkHelpers.loadFixture(fixture);
      const twap = await f.treasury.bandPrice();
      // 5,000 hours into 10,000: the spot price would fall to about 0.44, far below the floor
      const r = await reserves(f);
      const dumped = 5_000n * HOUR;
      const spotQuote = r.quote - getAmountOut(dumped, r.hours, r.quote);
      expect((spotQuote * HOUR) / (r.hours + dumped) < f.floor).to.equal(true);
      const path = [await f.work.getAddress(), await f.quote.getAddress()];
      await expect(f.manipulator.swapThenDefend(f.router, path, dumped, f.treasury, true))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryFloorNotBreached")
        .withArgs(twap, f.floor);
    });

    it("does not trigger the ceiling defence", async function () {
      const f = await networkHelpers.loadFixture(fixture);
      const twap = await f.treasury.bandPrice();
      // 5,000 * price of quote into 10,000: the spot price would rise to about 2.25
      const r = await reserves(f);
      const pumped = 5_000n * f.price;
      const spotHours = r.hours - getAmountOut(pumped, r.quote, r.hours);
      expect(((r.quote + pumped) * HOUR) / spotHours > f.ceiling).to.equal(true);
      const path = [await f.quote.getAddress(), await f.work.getAddress()];
      await expect(f.manipulator.swapThenDefend(f.router, path, pumped, f.treasury, false))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryCeilingNotBreached")
        .withArgs(twap, f.ceiling);
    });
  });
}

describe("RedemptionTreasury price band", function () {
  describe("with an ERC20 reserve", function () {
    shouldDefendTheBand(deployErc20Band);
  });

  describe("with an RBTC reserve (WRBTC pool)", function () {
    shouldDefendTheBand(deployNativeBand);
  });

  describe("setBand", function () {
    it("reports the band state", async function () {
      const f = await networkHelpers.loadFixture(deployErc20Band);
      const state = await f.treasury.band();
      expect(state.params.oracle).to.equal(await f.oracle.getAddress());
      expect(state.params.router).to.equal(await f.router.getAddress());
      expect([state.params.floor, state.params.ceiling]).to.deep.equal([f.floor, f.ceiling]);
      expect([state.params.buybackBudget, state.params.emissionCap]).to.deep.equal([
        f.budget,
        EMISSION_CAP,
      ]);
      expect([state.params.periodLength, state.params.maxSlippage]).to.deep.equal([
        PERIOD,
        SLIPPAGE,
      ]);
      expect(state.quoteToken).to.equal(await f.quote.getAddress());
      expect(state.window).to.equal(WINDOW);
      expect([state.spent, state.minted]).to.deep.equal([0n, 0n]);
    });

    it("rejects a floor at or above the ceiling", async function () {
      const f = await networkHelpers.loadFixture(deployErc20Band);
      await expect(f.treasury.setBand({ ...f.params, floor: f.ceiling }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidBandPrices")
        .withArgs(f.ceiling, f.ceiling);
    });

    it("rejects a zero period and too much slippage", async function () {
      const f = await networkHelpers.loadFixture(deployErc20Band);
      await expect(f.treasury.setBand({ ...f.params, periodLength: 0n }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidBandPeriod")
        .withArgs(0n);
      await expect(f.treasury.setBand({ ...f.params, maxSlippage: 2_001n }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidSlippage")
        .withArgs(2_001n, 2_000n);
    });

    it("rejects an oracle window under 30 minutes", async function () {
      const f = await networkHelpers.loadFixture(deployErc20Band);
      const short = await ethers.deployContract("CoopTwapOracle", [
        f.pairAddress,
        1799n,
        f.admin.address,
      ]);
      await expect(f.treasury.setBand({ ...f.params, oracle: await short.getAddress() }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryTwapWindowTooShort")
        .withArgs(1799n, 1800n);
    });

    it("stops defending when the oracle's window is shortened later", async function () {
      const f = await networkHelpers.loadFixture(deployErc20Band);
      await f.oracle.setWindow(60n);
      await expect(f.treasury.defendFloor())
        .to.be.revertedWithCustomError(f.treasury, "TreasuryTwapWindowTooShort")
        .withArgs(60n, 1800n);
    });

    it("rejects an oracle on another pool than the router's", async function () {
      const f = await networkHelpers.loadFixture(deployErc20Band);
      const other = await ethers.deployContract("MockReserveToken", ["Other", "OTH", 18]);
      const factory = await ethers.getContractAt("ICoopPairFactory", await f.router.factory());
      await factory.createPair(await f.quote.getAddress(), await other.getAddress());
      const otherPair = await factory.getPair(await f.quote.getAddress(), await other.getAddress());
      const wrong = await ethers.deployContract("CoopTwapOracle", [
        otherPair,
        WINDOW,
        f.admin.address,
      ]);
      await expect(f.treasury.setBand({ ...f.params, oracle: await wrong.getAddress() }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryOraclePairMismatch")
        .withArgs(otherPair, f.pairAddress, await f.quote.getAddress());
    });

    it("switches the band off", async function () {
      const f = await networkHelpers.loadFixture(deployErc20Band);
      await expect(f.treasury.setBand({ ...f.params, oracle: ethers.ZeroAddress })).to.emit(
        f.treasury,
        "BandUpdated",
      );
      expect((await f.treasury.band()).params.oracle).to.equal(ethers.ZeroAddress);
      await expect(f.treasury.defendFloor()).to.be.revertedWithCustomError(
        f.treasury,
        "TreasuryBandDisabled",
      );
      await expect(f.treasury.defendCeiling()).to.be.revertedWithCustomError(
        f.treasury,
        "TreasuryBandDisabled",
      );
      await expect(f.treasury.bandPrice()).to.be.revertedWithCustomError(
        f.treasury,
        "TreasuryBandDisabled",
      );
    });
  });
});
