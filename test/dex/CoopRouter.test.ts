import { expect } from "chai";

import { MINIMUM_LIQUIDITY, getAmountIn, getAmountOut } from "../../lib/dex.js";
import { CoopPair__factory } from "../../typechain-types/index.js";
import {
  E18,
  FAR,
  RESERVE0,
  RESERVE1,
  deployRouterPool,
  deployRoutes,
  deployTokens,
  ethers,
  networkHelpers,
} from "./fixtures.js";

describe("CoopRouter", function () {
  describe("addLiquidity", function () {
    it("creates the pair and deposits the desired amounts into it", async function () {
      const { router, factory, tokenA, tokenB, alice } =
        await networkHelpers.loadFixture(deployTokens);
      const a = await tokenA.getAddress();
      const b = await tokenB.getAddress();
      const result = await router
        .connect(alice)
        .addLiquidity.staticCall(a, b, RESERVE0, RESERVE1, 0n, 0n, alice.address, FAR);
      // sqrt(1,000e18 * 4,000e18) - 1,000 locked
      expect(result).to.deep.equal([RESERVE0, RESERVE1, 2_000n * E18 - MINIMUM_LIQUIDITY]);
      await expect(
        router.connect(alice).addLiquidity(a, b, RESERVE0, RESERVE1, 0n, 0n, alice.address, FAR),
      ).to.emit(factory, "PairCreated");
      const pair = CoopPair__factory.connect(await factory.getPair(a, b), alice);
      expect(await pair.balanceOf(alice.address)).to.equal(2_000n * E18 - MINIMUM_LIQUIDITY);
      expect(await router.getReserves(a, b)).to.deep.equal([RESERVE0, RESERVE1]);
      expect(await router.getReserves(b, a)).to.deep.equal([RESERVE1, RESERVE0]);
    });

    it("deposits at the pool's ratio, the most that fits the desired amounts", async function () {
      const { router, a, b, bob, pair } = await networkHelpers.loadFixture(deployRouterPool);
      // Desired 100 A and 500 B at a ratio of 4 B per A: B optimal = 400 <= 500, so 100 / 400.
      const result = await router
        .connect(bob)
        .addLiquidity.staticCall(a, b, 100n * E18, 500n * E18, 0n, 0n, bob.address, FAR);
      expect(result).to.deep.equal([100n * E18, 400n * E18, 200n * E18]);
      // Desired 100 A and 200 B: B optimal = 400 > 200, so A optimal = 200 / 4 = 50.
      await router
        .connect(bob)
        .addLiquidity(a, b, 100n * E18, 200n * E18, 0n, 0n, bob.address, FAR);
      expect(await pair.balanceOf(bob.address)).to.equal(100n * E18);
    });

    it("rejects a deposit below amountBMin", async function () {
      const { router, a, b, bob } = await networkHelpers.loadFixture(deployRouterPool);
      await expect(
        router.connect(bob).addLiquidity(a, b, 100n * E18, 500n * E18, 0n, 401n * E18, bob, FAR),
      )
        .to.be.revertedWithCustomError(router, "RouterInsufficientBAmount")
        .withArgs(400n * E18, 401n * E18);
    });

    it("rejects a deposit below amountAMin", async function () {
      const { router, a, b, bob } = await networkHelpers.loadFixture(deployRouterPool);
      await expect(
        router.connect(bob).addLiquidity(a, b, 100n * E18, 200n * E18, 51n * E18, 0n, bob, FAR),
      )
        .to.be.revertedWithCustomError(router, "RouterInsufficientAAmount")
        .withArgs(50n * E18, 51n * E18);
    });
  });

  describe("removeLiquidity", function () {
    it("burns shares for both tokens, in the caller's order", async function () {
      const { router, a, b, alice, carol, pair, tokenA, tokenB } =
        await networkHelpers.loadFixture(deployRouterPool);
      await pair.connect(alice).approve(await router.getAddress(), ethers.MaxUint256);
      // 200 of 2,000 shares: 100 A and 400 B.
      await router
        .connect(alice)
        .removeLiquidity(b, a, 200n * E18, 400n * E18, 100n * E18, carol.address, FAR);
      expect(await tokenA.balanceOf(carol.address)).to.equal(1_000_100n * E18);
      expect(await tokenB.balanceOf(carol.address)).to.equal(1_000_400n * E18);
    });

    it("rejects a payout below the minimums", async function () {
      const { router, a, b, alice, pair } = await networkHelpers.loadFixture(deployRouterPool);
      await pair.connect(alice).approve(await router.getAddress(), ethers.MaxUint256);
      await expect(
        router.connect(alice).removeLiquidity(a, b, 200n * E18, 101n * E18, 0n, alice, FAR),
      )
        .to.be.revertedWithCustomError(router, "RouterInsufficientAAmount")
        .withArgs(100n * E18, 101n * E18);
      await expect(
        router.connect(alice).removeLiquidity(a, b, 200n * E18, 0n, 401n * E18, alice, FAR),
      )
        .to.be.revertedWithCustomError(router, "RouterInsufficientBAmount")
        .withArgs(400n * E18, 401n * E18);
    });
  });

  describe("swapExactTokensForTokens", function () {
    it("pays out the quoted amount", async function () {
      const { router, a, b, bob, tokenB } = await networkHelpers.loadFixture(deployRouterPool);
      // 10 A against 1,000 A / 4,000 B: 10 * 997 * 4,000 / (1,000,000 + 9,970) = 39.4863...
      const expected = 39_486321375882451954n;
      expect(await router.getAmountsOut(10n * E18, [a, b])).to.deep.equal([10n * E18, expected]);
      await router.connect(bob).swapExactTokensForTokens(10n * E18, expected, [a, b], bob, FAR);
      expect(await tokenB.balanceOf(bob.address)).to.equal(1_000_000n * E18 + expected);
    });

    it("routes through several pairs", async function () {
      const { router, a, b, w, bob, wrbtc } = await networkHelpers.loadFixture(deployRoutes);
      // 40 B -> A (4,000 B / 1,000 A) -> WRBTC (1,000 A / 10 RBTC).
      const hop1 = getAmountOut(40n * E18, RESERVE1, RESERVE0);
      const hop2 = getAmountOut(hop1, 1_000n * E18, 10n * E18);
      expect(await router.getAmountsOut(40n * E18, [b, a, w])).to.deep.equal([
        40n * E18,
        hop1,
        hop2,
      ]);
      await router.connect(bob).swapExactTokensForTokens(40n * E18, hop2, [b, a, w], bob, FAR);
      expect(await wrbtc.balanceOf(bob.address)).to.equal(hop2);
    });

    it("rejects an output below amountOutMin", async function () {
      const { router, a, b, bob } = await networkHelpers.loadFixture(deployRouterPool);
      const expected = 39_486321375882451954n;
      await expect(
        router.connect(bob).swapExactTokensForTokens(10n * E18, expected + 1n, [a, b], bob, FAR),
      )
        .to.be.revertedWithCustomError(router, "RouterInsufficientOutputAmount")
        .withArgs(expected, expected + 1n);
    });
  });

  describe("swapTokensForExactTokens", function () {
    it("takes the least input for the exact output", async function () {
      const { router, a, b, bob, tokenA, tokenB } =
        await networkHelpers.loadFixture(deployRouterPool);
      // ceil(1,000 * 40 * 1,000 / ((4,000 - 40) * 997)) = ceil(10.131404313951956880...)
      const amountIn = 10_131404313951956881n;
      expect(await router.getAmountsIn(40n * E18, [a, b])).to.deep.equal([amountIn, 40n * E18]);
      // The same input, swapped exactly, pays out at least the 40 B asked for.
      expect(await router.getAmountOut(amountIn, RESERVE0, RESERVE1)).to.be.gte(40n * E18);
      expect(await router.getAmountOut(amountIn - 1n, RESERVE0, RESERVE1)).to.be.lt(40n * E18);
      await router.connect(bob).swapTokensForExactTokens(40n * E18, amountIn, [a, b], bob, FAR);
      expect(await tokenB.balanceOf(bob.address)).to.equal(1_000_040n * E18);
      expect(await tokenA.balanceOf(bob.address)).to.equal(1_000_000n * E18 - amountIn);
    });

    it("rejects an input above amountInMax", async function () {
      const { router, a, b, bob } = await networkHelpers.loadFixture(deployRouterPool);
      const amountIn = 10_131404313951956881n;
      await expect(
        router.connect(bob).swapTokensForExactTokens(40n * E18, amountIn - 1n, [a, b], bob, FAR),
      )
        .to.be.revertedWithCustomError(router, "RouterExcessiveInputAmount")
        .withArgs(amountIn, amountIn - 1n);
    });
  });

  describe("native RBTC", function () {
    it("addLiquidityRBTC wraps the RBTC used and refunds the rest", async function () {
      const { router, a, w, bob, factory } = await networkHelpers.loadFixture(deployRoutes);
      // The pool holds 1,000 A per 10 RBTC: 100 A takes 1 RBTC; 0.5 RBTC comes back.
      const result = await router
        .connect(bob)
        .addLiquidityRBTC.staticCall(a, 100n * E18, 0n, 0n, bob.address, FAR, {
          value: 15n * 10n ** 17n,
        });
      expect(result.slice(0, 2)).to.deep.equal([100n * E18, E18]);
      await expect(
        router
          .connect(bob)
          .addLiquidityRBTC(a, 100n * E18, 0n, 0n, bob.address, FAR, { value: 15n * 10n ** 17n }),
      ).to.changeEtherBalance(ethers, bob, -E18, { includeFee: false });
      const pair = CoopPair__factory.connect(await factory.getPair(a, w), bob);
      expect(await pair.balanceOf(bob.address)).to.equal(result[2]);
    });

    it("removeLiquidityRBTC pays RBTC natively", async function () {
      const { router, a, alice, carol, rbtcPair, tokenA } =
        await networkHelpers.loadFixture(deployRoutes);
      await rbtcPair.connect(alice).approve(await router.getAddress(), ethers.MaxUint256);
      const supply = await rbtcPair.totalSupply();
      const shares = supply / 10n;
      const expectedRbtc = (shares * 10n * E18) / supply;
      const expectedA = (shares * 1_000n * E18) / supply;
      await expect(
        router.connect(alice).removeLiquidityRBTC(a, shares, 0n, 0n, carol.address, FAR),
      ).to.changeEtherBalance(ethers, carol, expectedRbtc);
      expect(await tokenA.balanceOf(carol.address)).to.equal(1_000_000n * E18 + expectedA);
    });

    it("swapExactRBTCForTokens swaps the RBTC sent", async function () {
      const { router, a, w, bob, tokenA } = await networkHelpers.loadFixture(deployRoutes);
      // 0.1 RBTC against 10 RBTC / 1,000 A: 0.1 * 997 * 1,000 / (10,000 + 99.7) = 9.8715...
      const expected = 9_871580343970612988n;
      await router
        .connect(bob)
        .swapExactRBTCForTokens(expected, [w, a], bob.address, FAR, { value: E18 / 10n });
      expect(await tokenA.balanceOf(bob.address)).to.equal(1_000_000n * E18 + expected);
    });

    it("swapExactTokensForRBTC pays RBTC natively", async function () {
      const { router, a, w, bob, carol } = await networkHelpers.loadFixture(deployRoutes);
      // 10 A against 1,000 A / 10 RBTC: 10 * 997 * 10 / (1,000,000 + 9,970) = 0.098715...
      const expected = 98715803439706129n;
      await expect(
        router.connect(bob).swapExactTokensForRBTC(10n * E18, expected, [a, w], carol, FAR),
      ).to.changeEtherBalance(ethers, carol, expected);
    });

    it("swapTokensForExactRBTC takes the least input", async function () {
      const { router, a, w, bob, carol, tokenA } = await networkHelpers.loadFixture(deployRoutes);
      // ceil(1,000 * 0.05 * 1,000 / ((10 - 0.05) * 997)) = ceil(5.04024636724243081...)
      const amountIn = 5_040246367242430811n;
      await expect(
        router.connect(bob).swapTokensForExactRBTC(E18 / 20n, amountIn, [a, w], carol, FAR),
      ).to.changeEtherBalance(ethers, carol, E18 / 20n);
      expect(await tokenA.balanceOf(bob.address)).to.equal(1_000_000n * E18 - amountIn);
    });

    it("swapRBTCForExactTokens refunds the RBTC not needed", async function () {
      const { router, a, w, bob, tokenA } = await networkHelpers.loadFixture(deployRoutes);
      // ceil(10 * 5 * 1,000 / ((1,000 - 5) * 997)) = 0.050402463672424309 RBTC for 5 A
      const amountIn = 50402463672424309n;
      await expect(
        router.connect(bob).swapRBTCForExactTokens(5n * E18, [w, a], bob.address, FAR, {
          value: E18,
        }),
      ).to.changeEtherBalance(ethers, bob, -amountIn, { includeFee: false });
      expect(await tokenA.balanceOf(bob.address)).to.equal(1_000_005n * E18);
    });

    it("rejects RBTC paths that do not start or end with WRBTC", async function () {
      const { router, a, b, w, bob } = await networkHelpers.loadFixture(deployRoutes);
      await expect(router.connect(bob).swapExactRBTCForTokens(0n, [a, b], bob, FAR, { value: 1n }))
        .to.be.revertedWithCustomError(router, "RouterInvalidPathToken")
        .withArgs(w, a);
      await expect(router.connect(bob).swapExactTokensForRBTC(E18, 0n, [w, a], bob, FAR))
        .to.be.revertedWithCustomError(router, "RouterInvalidPathToken")
        .withArgs(w, a);
      await expect(router.connect(bob).swapTokensForExactRBTC(1n, E18, [b, a], bob, FAR))
        .to.be.revertedWithCustomError(router, "RouterInvalidPathToken")
        .withArgs(w, a);
      await expect(router.connect(bob).swapRBTCForExactTokens(1n, [a, w], bob, FAR, { value: 1n }))
        .to.be.revertedWithCustomError(router, "RouterInvalidPathToken")
        .withArgs(w, a);
    });

    it("rejects RBTC spent above the value sent", async function () {
      const { router, a, w, bob } = await networkHelpers.loadFixture(deployRoutes);
      const amountIn = 50402463672424309n;
      await expect(
        router.connect(bob).swapRBTCForExactTokens(5n * E18, [w, a], bob.address, FAR, {
          value: amountIn - 1n,
        }),
      )
        .to.be.revertedWithCustomError(router, "RouterExcessiveInputAmount")
        .withArgs(amountIn, amountIn - 1n);
    });

    it("refuses RBTC from anyone but WRBTC", async function () {
      const { router, bob } = await networkHelpers.loadFixture(deployRoutes);
      await expect(bob.sendTransaction({ to: await router.getAddress(), value: 1n }))
        .to.be.revertedWithCustomError(router, "RouterUnexpectedRBTCSender")
        .withArgs(bob.address);
    });

    it("names the RBTC transfer that failed", async function () {
      const { router, a, w, bob, tokenA } = await networkHelpers.loadFixture(deployRoutes);
      // A token contract accepts no RBTC: paying the output to it fails.
      const to = await tokenA.getAddress();
      const out = getAmountOut(10n * E18, 1_000n * E18, 10n * E18);
      await expect(router.connect(bob).swapExactTokensForRBTC(10n * E18, 0n, [a, w], to, FAR))
        .to.be.revertedWithCustomError(router, "RouterRBTCTransferFailed")
        .withArgs(to, out);
    });
  });

  describe("quotes", function () {
    it("quote scales by the reserves without a fee", async function () {
      const { router } = await networkHelpers.loadFixture(deployRouterPool);
      expect(await router.quote(100n, 1_000n, 4_000n)).to.equal(400n);
      expect(await router.quote(3n, 4_000n, 1_000n)).to.equal(0n); // 0.75 rounds down
    });

    it("getAmountOut and getAmountIn match the worked formulas", async function () {
      const { router } = await networkHelpers.loadFixture(deployRouterPool);
      // 1,000 in of 1,000,000 / 1,000,000: 997,000,000,000 / 1,000,997,000 = 996.006...
      expect(await router.getAmountOut(1000n, 1_000_000n, 1_000_000n)).to.equal(996n);
      // 996 out: ceil(1e6 * 996 * 1000 / (999,004 * 997)) = ceil(999.99...) = 1000
      expect(await router.getAmountIn(996n, 1_000_000n, 1_000_000n)).to.equal(1000n);
      expect(getAmountIn(996n, 1_000_000n, 1_000_000n)).to.equal(1000n);
    });

    it("rejects empty amounts, empty pools and short paths", async function () {
      const { router, a } = await networkHelpers.loadFixture(deployRouterPool);
      await expect(router.getAmountOut(0n, 1n, 1n))
        .to.be.revertedWithCustomError(router, "RouterInsufficientAmount")
        .withArgs(0n);
      await expect(router.getAmountOut(1n, 0n, 1n))
        .to.be.revertedWithCustomError(router, "RouterInsufficientLiquidity")
        .withArgs(0n, 1n);
      await expect(router.getAmountIn(0n, 1n, 1n))
        .to.be.revertedWithCustomError(router, "RouterInsufficientAmount")
        .withArgs(0n);
      await expect(router.getAmountIn(10n, 100n, 10n))
        .to.be.revertedWithCustomError(router, "RouterInsufficientLiquidity")
        .withArgs(100n, 10n);
      await expect(router.quote(0n, 1n, 1n))
        .to.be.revertedWithCustomError(router, "RouterInsufficientAmount")
        .withArgs(0n);
      await expect(router.quote(1n, 0n, 1n))
        .to.be.revertedWithCustomError(router, "RouterInsufficientLiquidity")
        .withArgs(0n, 1n);
      await expect(router.getAmountsOut(1n, [a]))
        .to.be.revertedWithCustomError(router, "RouterInvalidPath")
        .withArgs(1n);
      await expect(router.getAmountsIn(1n, []))
        .to.be.revertedWithCustomError(router, "RouterInvalidPath")
        .withArgs(0n);
    });

    it("rejects identical tokens and the zero address", async function () {
      const { router, a } = await networkHelpers.loadFixture(deployRouterPool);
      await expect(router.pairFor(a, a))
        .to.be.revertedWithCustomError(router, "RouterIdenticalTokens")
        .withArgs(a);
      await expect(router.pairFor(ethers.ZeroAddress, a))
        .to.be.revertedWithCustomError(router, "RouterZeroAddress")
        .withArgs(ethers.ZeroAddress, a);
    });

    it("computes the factory's pair address", async function () {
      const { router, factory, a, b, wrbtc } = await networkHelpers.loadFixture(deployRouterPool);
      const w = await wrbtc.getAddress();
      expect(await router.pairFor(a, b)).to.equal(await factory.getPair(a, b));
      expect(await router.pairFor(a, w)).to.equal(await factory.pairFor(w, a));
      expect(await router.factory()).to.equal(await factory.getAddress());
      expect(await router.wrbtc()).to.equal(w);
    });

    it("quotes zero reserves for a pair not created yet", async function () {
      const { router, a, wrbtc } = await networkHelpers.loadFixture(deployRouterPool);
      const w = await wrbtc.getAddress();
      expect(await router.getReserves(a, w)).to.deep.equal([0n, 0n]);
    });
  });

  describe("deadline", function () {
    it("rejects every call after its deadline", async function () {
      const { router, a, b, w, bob } = await networkHelpers.loadFixture(deployRoutes);
      const now = BigInt(await networkHelpers.time.latest());
      const deadline = now; // the next block is later than this
      const calls = [
        () => router.connect(bob).addLiquidity(a, b, 1n, 1n, 0n, 0n, bob, deadline),
        () => router.connect(bob).removeLiquidity(a, b, 1n, 0n, 0n, bob, deadline),
        () => router.connect(bob).addLiquidityRBTC(a, 1n, 0n, 0n, bob, deadline, { value: 1n }),
        () => router.connect(bob).removeLiquidityRBTC(a, 1n, 0n, 0n, bob, deadline),
        () => router.connect(bob).swapExactTokensForTokens(1n, 0n, [a, b], bob, deadline),
        () => router.connect(bob).swapTokensForExactTokens(1n, 9n, [a, b], bob, deadline),
        () => router.connect(bob).swapExactRBTCForTokens(0n, [w, a], bob, deadline, { value: 1n }),
        () => router.connect(bob).swapExactTokensForRBTC(1n, 0n, [a, w], bob, deadline),
        () => router.connect(bob).swapTokensForExactRBTC(1n, 9n, [a, w], bob, deadline),
        () => router.connect(bob).swapRBTCForExactTokens(1n, [w, a], bob, deadline, { value: 9n }),
      ];
      for (const call of calls) {
        const timestamp = BigInt(await networkHelpers.time.latest()) + 1n;
        await networkHelpers.time.setNextBlockTimestamp(timestamp);
        await expect(call())
          .to.be.revertedWithCustomError(router, "RouterExpired")
          .withArgs(deadline, timestamp);
      }
    });
  });
});
