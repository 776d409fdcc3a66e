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
  deployFeeTakingBand,
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

/** One tranche: the most a defence sells into a pool holding `reserve` of what it sells. */
async function tranche(f: BandFixture, reserve: bigint): Promise<bigint> {
  return (reserve * (await f.treasury.BAND_TRANCHE())) / BPS;
}

/** What the pools hold after `spent` was taken from them pro rata (commons by subtraction). */
function poolsAfterSpending(subsistence: bigint, commons: bigint, spent: bigint): bigint[] {
  const fromSubsistence = (spent * subsistence) / (subsistence + commons);
  return [subsistence - fromSubsistence, commons - (spent - fromSubsistence)];
}

/**
 * The attacker's gain from a same-block sandwich of the defence (`floor`: buy hours with `pump`
 * quote first; else sell `pump` hours first), in the token it started with; null when the
 * defence refused (the attacker's transaction reverts and it keeps what it had).
 */
async function sandwichGain(f: BandFixture, floor: boolean, pump: bigint): Promise<bigint | null> {
  const work = await f.work.getAddress();
  const quote = await f.quote.getAddress();
  const path = floor ? [quote, work] : [work, quote];
  try {
    return await f.manipulator.sandwich.staticCall(f.router, path, pump, f.treasury, floor);
  } catch {
    return null;
  }
}

/**
 * Searches the attacker's best pump size: every power of two from 1 wei to the whole pool's
 * side, then a ternary search around the best of them. Returns the best gain found and how
 * many of the tried sizes the defence went through with.
 */
async function bestSandwich(
  f: BandFixture,
  floor: boolean,
  side: bigint,
): Promise<{ gain: bigint; pump: bigint; defended: number; tried: number }> {
  let best = { gain: -(2n ** 255n), pump: 0n };
  let defended = 0;
  let tried = 0;
  const probe = async (pump: bigint) => {
    tried++;
    const gain = await sandwichGain(f, floor, pump);
    if (gain === null) return -(2n ** 255n);
    defended++;
    if (gain > best.gain) best = { gain, pump };
    return gain;
  };
  for (let pump = 1n; pump <= side; pump *= 2n) await probe(pump);
  let lo = best.pump / 2n;
  let hi = best.pump * 2n;
  for (let i = 0; i < 24 && hi - lo > 2n; i++) {
    const m1 = lo + (hi - lo) / 3n;
    const m2 = hi - (hi - lo) / 3n;
    if ((await probe(m1)) < (await probe(m2))) lo = m1;
    else hi = m2;
  }
  return { ...best, defended, tried };
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

    it("buys one tranche of the pool with the budget and burns the hours", async function () {
      const f = await belowFloor();
      const treasury = await f.treasury.getAddress();
      const before = await reserves(f);
      const supply = await f.work.totalSupply();
      const held = await f.reserveOf(treasury);
      const [subsistence, commons] = await f.treasury.pools();
      const period = await afterWindow();
      const tx = await f.treasury.connect(f.keeper).defendFloor();
      const twap = await f.treasury.bandPrice();
      expect(twap < f.floor).to.equal(true);
      const spent = await tranche(f, before.quote);
      expect(spent < f.budget).to.equal(true);
      const burned = getAmountOut(spent, before.quote, before.hours);
      await expect(tx).to.emit(f.treasury, "FloorDefended").withArgs(period, twap, spent, burned);
      // the trade met the TWAP-derived bound
      expect(burned >= (spent * HOUR * (BPS - SLIPPAGE)) / (twap * BPS)).to.equal(true);
      expect(await f.work.totalSupply()).to.equal(supply - burned);
      expect(await f.work.balanceOf(treasury)).to.equal(0n);
      expect(await f.quote.balanceOf(treasury)).to.equal(f.kind === "ERC20" ? held - spent : 0n);
      expect(await f.reserveOf(treasury)).to.equal(held - spent);
      // taken pro rata from pools that hold 3:1
      expect(await f.treasury.pools()).to.deep.equal(
        poolsAfterSpending(subsistence, commons, spent),
      );
      const state = await f.treasury.band();
      expect([state.period, state.spent, state.minted]).to.deep.equal([period, spent, 0n]);
    });

    it("spends the budget over several blocks and no more in a period", async function () {
      const f = await belowFloor();
      const period = await afterWindow();
      let calls = 0;
      while ((await f.treasury.band()).spent < f.budget && calls < 20) {
        await f.treasury.connect(f.keeper).defendFloor();
        calls++;
      }
      expect((await f.treasury.band()).spent).to.equal(f.budget);
      expect(calls > 1).to.equal(true);
      await expect(f.treasury.connect(f.keeper).defendFloor())
        .to.be.revertedWithCustomError(f.treasury, "TreasuryBuybackBudgetSpent")
        .withArgs(period, f.budget);
      // the next period has a fresh budget
      await networkHelpers.time.setNextBlockTimestamp((period + 1n) * PERIOD);
      await expect(f.treasury.connect(f.keeper).defendFloor())
        .to.emit(f.treasury, "FloorDefended")
        .withArgs(period + 1n, anyValue, anyValue, anyValue);
    });

    it("trades one tranche when the budget is deeper than the pool", async function () {
      const f = await belowFloor();
      // ten times the pool's quote side: all of it in one swap could never meet the bound
      await f.treasury.setBand({ ...f.params, buybackBudget: 10n * f.poolQuote });
      const before = await reserves(f);
      const period = await afterWindow();
      const spent = await tranche(f, before.quote);
      await expect(f.treasury.connect(f.keeper).defendFloor())
        .to.emit(f.treasury, "FloorDefended")
        .withArgs(period, anyValue, spent, getAmountOut(spent, before.quote, before.hours));
    });

    it("defends once per block", async function () {
      const f = await belowFloor();
      await afterWindow();
      await expect(f.manipulator.defendTwice(f.treasury, true))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryBandDefendedThisBlock")
        .withArgs((await ethers.provider.getBlockNumber()) + 1);
    });

    it("refuses while the spot price is pushed far above the TWAP in the same block", async function () {
      const f = await belowFloor();
      await afterWindow();
      await f.oracle.update();
      const twap = await f.treasury.bandPrice();
      expect(twap < f.floor).to.equal(true);
      // The manipulator buys 3,000 * price of hours, then calls the defence in one transaction.
      const r = await reserves(f);
      const pumped = 3_000n * f.price;
      const hoursLeft = r.hours - getAmountOut(pumped, r.quote, r.hours);
      const spot = ((r.quote + pumped) * HOUR) / hoursLeft;
      const path = [await f.quote.getAddress(), await f.work.getAddress()];
      await expect(f.manipulator.swapThenDefend(f.router, path, pumped, f.treasury, true))
        .to.be.revertedWithCustomError(f.treasury, "TreasurySpotFarFromTwap")
        .withArgs(spot, twap);
    });

    it("leaves a sandwiching caller no gain, whatever the pump size", async function () {
      const f = await belowFloor();
      await afterWindow();
      await f.oracle.update();
      const r = await reserves(f);
      const best = await bestSandwich(f, true, r.quote);
      // the search went through the defence at many sizes, and lost at every one
      expect(best.defended > 10).to.equal(true);
      expect(best.gain < 0n, `gain ${best.gain} at pump ${best.pump}`).to.equal(true);
    });
  });

  describe("when the TWAP is above the ceiling", function () {
    async function aboveCeiling() {
      const f = await networkHelpers.loadFixture(fixture);
      // 3,000 * price of quote buys into 10,000: the price rises to about 1.69
      await swap(f, false, 3_000n * f.price);
      return f;
    }

    it("mints one tranche of the pool, sells it and splits the proceeds", async function () {
      const f = await aboveCeiling();
      const treasury = await f.treasury.getAddress();
      const before = await reserves(f);
      const supply = await f.work.totalSupply();
      const held = await f.reserveOf(treasury);
      const period = await afterWindow();
      const tx = await f.treasury.connect(f.keeper).defendCeiling();
      const twap = await f.treasury.bandPrice();
      expect(twap > f.ceiling).to.equal(true);
      const minted = await tranche(f, before.hours);
      expect(minted < EMISSION_CAP).to.equal(true);
      const proceeds = getAmountOut(minted, before.hours, before.quote);
      const subsistence = (proceeds * 3n) / 4n;
      await expect(tx)
        .to.emit(f.treasury, "CeilingDefended")
        .withArgs(period, twap, minted, proceeds);
      await expect(tx)
        .to.emit(f.treasury, "Deposited")
        .withArgs(treasury, Inflow.Band, proceeds, subsistence, proceeds - subsistence);
      expect(proceeds >= (minted * twap * (BPS - SLIPPAGE)) / (HOUR * BPS)).to.equal(true);
      expect(await f.work.totalSupply()).to.equal(supply + minted);
      expect(await f.work.balanceOf(treasury)).to.equal(0n);
      expect(await f.reserveOf(treasury)).to.equal(held + proceeds);
      expect(await f.quote.balanceOf(treasury)).to.equal(f.kind === "ERC20" ? held + proceeds : 0n);
      expect(await f.treasury.pools()).to.deep.equal([
        (f.funds * 3n) / 4n + subsistence,
        f.funds / 4n + proceeds - subsistence,
      ]);
    });

    it("mints the cap over several blocks and no more in a period", async function () {
      const f = await aboveCeiling();
      const period = await afterWindow();
      let calls = 0;
      while ((await f.treasury.band()).minted < EMISSION_CAP && calls < 20) {
        await f.treasury.connect(f.keeper).defendCeiling();
        calls++;
      }
      expect((await f.treasury.band()).minted).to.equal(EMISSION_CAP);
      expect(calls > 1).to.equal(true);
      await expect(f.treasury.connect(f.keeper).defendCeiling())
        .to.be.revertedWithCustomError(f.treasury, "TreasuryEmissionCapReached")
        .withArgs(period, EMISSION_CAP);
    });

    it("trades one tranche when the cap is deeper than the pool", async function () {
      const f = await aboveCeiling();
      await f.treasury.setBand({ ...f.params, emissionCap: 10n * 10_000n * HOUR });
      const before = await reserves(f);
      const period = await afterWindow();
      const minted = await tranche(f, before.hours);
      await expect(f.treasury.connect(f.keeper).defendCeiling())
        .to.emit(f.treasury, "CeilingDefended")
        .withArgs(period, anyValue, minted, getAmountOut(minted, before.hours, before.quote));
    });

    it("defends once per block", async function () {
      const f = await aboveCeiling();
      await afterWindow();
      await expect(f.manipulator.defendTwice(f.treasury, false))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryBandDefendedThisBlock")
        .withArgs((await ethers.provider.getBlockNumber()) + 1);
    });

    it("refuses while the spot price is pushed far below the TWAP in the same block", async function () {
      const f = await aboveCeiling();
      await afterWindow();
      await f.oracle.update();
      const twap = await f.treasury.bandPrice();
      const r = await reserves(f);
      const dumped = 5_000n * HOUR;
      const quoteLeft = r.quote - getAmountOut(dumped, r.hours, r.quote);
      const spot = (quoteLeft * HOUR) / (r.hours + dumped);
      const path = [await f.work.getAddress(), await f.quote.getAddress()];
      await expect(f.manipulator.swapThenDefend(f.router, path, dumped, f.treasury, false))
        .to.be.revertedWithCustomError(f.treasury, "TreasurySpotFarFromTwap")
        .withArgs(spot, twap);
    });

    it("leaves a sandwiching caller no gain, whatever the dump size", async function () {
      const f = await aboveCeiling();
      await afterWindow();
      await f.oracle.update();
      const r = await reserves(f);
      const best = await bestSandwich(f, false, r.hours);
      expect(best.defended > 10).to.equal(true);
      expect(best.gain < 0n, `gain ${best.gain} at dump ${best.pump}`).to.equal(true);
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

  describe("with a reserve that takes 1% of every transfer", function () {
    it("books the ceiling's proceeds as they arrived, so the reserve held covers the pools", async function () {
      const f = await networkHelpers.loadFixture(deployFeeTakingBand);
      const treasury = await f.treasury.getAddress();
      // The router cannot sell a fee-taking token; the trader pays the pair directly and takes
      // the hours that what arrived buys: the price rises above the ceiling.
      const pair = CoopPair__factory.connect(f.pairAddress, f.trader);
      const r = await reserves(f);
      const paid = 3_000n * f.price;
      await f.quote.connect(f.trader).transfer(f.pairAddress, paid);
      const hoursOut = getAmountOut(paid - paid / 100n, r.quote, r.hours);
      const hoursFirst = (await pair.token0()) === (await f.work.getAddress());
      await pair.swap(hoursFirst ? hoursOut : 0n, hoursFirst ? 0n : hoursOut, f.trader, "0x");
      await afterWindow();
      const before = await reserves(f);
      const held = await f.reserveOf(treasury);
      const tx = await f.treasury.connect(f.keeper).defendCeiling();
      const arrived = (await f.reserveOf(treasury)) - held;
      const minted = await tranche(f, before.hours);
      const quoted = getAmountOut(minted, before.hours, before.quote);
      // 1% of what the pool paid stayed with the token, and only what arrived was booked
      expect(arrived).to.equal(quoted - quoted / 100n);
      await expect(tx)
        .to.emit(f.treasury, "CeilingDefended")
        .withArgs(anyValue, anyValue, minted, arrived);
      await expect(tx)
        .to.emit(f.treasury, "Deposited")
        .withArgs(treasury, Inflow.Band, arrived, anyValue, anyValue);
      const [subsistence, commons] = await f.treasury.pools();
      expect(await f.reserveOf(treasury)).to.equal(subsistence + commons);
    });
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
