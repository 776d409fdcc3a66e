import { expect } from "chai";

import { MINIMUM_LIQUIDITY, getAmountOut } from "../../lib/dex.js";
import {
  CoopPair__factory,
  CoopTwapOracle__factory,
  FlashBorrower__factory,
  ReentrantToken__factory,
} from "../../typechain-types/index.js";
import type { CoopPair } from "../../typechain-types/index.js";
import {
  E18,
  FAR,
  RESERVE0,
  RESERVE1,
  deployRouterPool,
  deployTokens,
  ethers,
  networkHelpers,
} from "./fixtures.js";

describe("DEX attacks that must fail", function () {
  describe("first-depositor inflation", function () {
    /** Bob, the attacker, opens the pool with 1,001 wei of each token (1 share for him,
     * 1,000 locked), then donates 1,000 of each and syncs so that one share is worth ~1 token. */
    async function deployInflatedPool() {
      const env = await deployTokens();
      const { tokenA, tokenB, factory, bob } = env;
      const a = await tokenA.getAddress();
      const b = await tokenB.getAddress();
      await factory.createPair(a, b);
      const pair: CoopPair = CoopPair__factory.connect(await factory.getPair(a, b), bob);
      const address = await pair.getAddress();
      await tokenA.connect(bob).transfer(address, 1001n);
      await tokenB.connect(bob).transfer(address, 1001n);
      await pair.mint(bob.address);
      expect(await pair.balanceOf(bob.address)).to.equal(1n);
      await tokenA.connect(bob).transfer(address, 1_000n * E18);
      await tokenB.connect(bob).transfer(address, 1_000n * E18);
      await pair.sync();
      return { ...env, a, b, pair };
    }

    it("costs the attacker over 1,000 times what the victim loses", async function () {
      const { pair, router, a, b, alice, bob, tokenA } =
        await networkHelpers.loadFixture(deployInflatedPool);
      const spent = 1_000n * E18 + 1001n;
      // Alice deposits 500 of each: 500e18 * 1,001 / (1,000e18 + 1,001) = 500.4999... ->
      // 500 shares; rounding keeps ~half a share (~0.5 token) of hers in the pool.
      const deposit = 500n * E18;
      await router.connect(alice).addLiquidity(a, b, deposit, deposit, 0n, 0n, alice, FAR);
      expect(await pair.balanceOf(alice.address)).to.equal(500n);

      const address = await pair.getAddress();
      await pair.connect(alice).transfer(address, 500n);
      const aliceBefore = await tokenA.balanceOf(alice.address);
      await pair.burn(alice.address);
      const victimLoss = deposit - ((await tokenA.balanceOf(alice.address)) - aliceBefore);

      await pair.connect(bob).transfer(address, 1n);
      const bobBefore = await tokenA.balanceOf(bob.address);
      await pair.burn(bob.address);
      const attackerLoss = spent - ((await tokenA.balanceOf(bob.address)) - bobBefore);

      // Alice lost under one share's worth (~1 token); Bob lost ~999 tokens, mostly to the
      // 1,000 locked shares.
      expect(victimLoss > 0n && victimLoss < E18).to.equal(true);
      expect(attackerLoss > 998n * E18).to.equal(true);
      expect(attackerLoss > MINIMUM_LIQUIDITY * victimLoss).to.equal(true);
    });

    it("reverts a victim deposit that would round to zero shares", async function () {
      const { pair, router, a, b, alice } = await networkHelpers.loadFixture(deployInflatedPool);
      // 0.5 of each: 0.5e18 * 1,001 / 1,000e18 = 0.5005 -> 0 shares.
      const deposit = E18 / 2n;
      await expect(router.connect(alice).addLiquidity(a, b, deposit, deposit, 0n, 0n, alice, FAR))
        .to.be.revertedWithCustomError(pair, "PairInsufficientLiquidityMinted")
        .withArgs(deposit, deposit);
    });
  });

  describe("sandwich", function () {
    // Alice sells 100 A for B and accepts 0.5% slippage from the quote.
    const aliceIn = 100n * E18;

    async function quoteForAlice(env: Awaited<ReturnType<typeof deployRouterPool>>) {
      const [, quoted] = await env.router.getAmountsOut(aliceIn, [env.a, env.b]);
      return { quoted, minOut: (quoted * 995n) / 1000n };
    }

    it("reverts the victim's swap when the front-run moves the price past minOut", async function () {
      const env = await networkHelpers.loadFixture(deployRouterPool);
      const { router, a, b, alice, bob } = env;
      const { minOut } = await quoteForAlice(env);
      // Bob front-runs: sells 50 A, pushing the A price down before Alice's sale.
      await router.connect(bob).swapExactTokensForTokens(50n * E18, 0n, [a, b], bob, FAR);
      const [, aliceWouldGet] = await router.getAmountsOut(aliceIn, [a, b]);
      await expect(
        router.connect(alice).swapExactTokensForTokens(aliceIn, minOut, [a, b], alice, FAR),
      )
        .to.be.revertedWithCustomError(router, "RouterInsufficientOutputAmount")
        .withArgs(aliceWouldGet, minOut);
    });

    it("leaves the victim at least minOut when the front-run is small enough to pass", async function () {
      const env = await networkHelpers.loadFixture(deployRouterPool);
      const { router, a, b, alice, bob, tokenB, tokenA } = env;
      const { quoted, minOut } = await quoteForAlice(env);
      const bobA = await tokenA.balanceOf(bob.address);
      // A front-run of 2 A moves the price ~0.4%: within Alice's bound.
      const [, bobB] = await router.getAmountsOut(2n * E18, [a, b]);
      await router.connect(bob).swapExactTokensForTokens(2n * E18, 0n, [a, b], bob, FAR);
      const before = await tokenB.balanceOf(alice.address);
      await router.connect(alice).swapExactTokensForTokens(aliceIn, minOut, [a, b], alice, FAR);
      const got = (await tokenB.balanceOf(alice.address)) - before;
      expect(got >= minOut && got < quoted).to.equal(true);
      // Bob's back-run buys A back; his gain is capped by the 0.5% Alice allowed.
      await router.connect(bob).swapExactTokensForTokens(bobB, 0n, [b, a], bob, FAR);
      const bobGain = (await tokenA.balanceOf(bob.address)) - bobA;
      expect(bobGain < ((quoted - minOut) * RESERVE0) / RESERVE1).to.equal(true);
    });
  });

  describe("reentrant token callback", function () {
    /** A pair of the malicious ReentrantToken and token B, 1,000 / 1,000. */
    async function deployReentrantPool() {
      const env = await deployTokens();
      const evil = await new ReentrantToken__factory(env.deployer).deploy();
      const e = await evil.getAddress();
      const b = await env.tokenB.getAddress();
      await env.factory.createPair(e, b);
      const pair: CoopPair = CoopPair__factory.connect(await env.factory.getPair(e, b), env.bob);
      await evil.mint(await pair.getAddress(), 1_000n * E18);
      await env.tokenB.connect(env.alice).transfer(await pair.getAddress(), 1_000n * E18);
      await pair.mint(env.alice.address);
      await evil.mint(env.bob.address, 1_000n * E18);
      const evilIs0 = (await pair.token0()) === e;
      return { ...env, evil, pair, evilIs0 };
    }

    const reentries: [string, (pair: CoopPair, to: string) => string][] = [
      ["swap", (pair, to) => pair.interface.encodeFunctionData("swap", [1n, 1n, to, "0x"])],
      ["mint", (pair, to) => pair.interface.encodeFunctionData("mint", [to])],
      ["burn", (pair, to) => pair.interface.encodeFunctionData("burn", [to])],
      ["skim", (pair, to) => pair.interface.encodeFunctionData("skim", [to])],
      ["sync", (pair) => pair.interface.encodeFunctionData("sync")],
      ["getReserves (read-only)", (pair) => pair.interface.encodeFunctionData("getReserves")],
    ];

    for (const [name, encode] of reentries) {
      it(`refuses ${name} from inside a swap's token transfer`, async function () {
        const { pair, evil, bob, tokenB, evilIs0 } =
          await networkHelpers.loadFixture(deployReentrantPool);
        const address = await pair.getAddress();
        // Bob pays in B and asks for the evil token, whose transfer calls back into the pair.
        await tokenB.connect(bob).transfer(address, 10n * E18);
        await evil.arm(address, encode(pair, bob.address));
        const out = getAmountOut(10n * E18, 1_000n * E18, 1_000n * E18);
        const [out0, out1] = evilIs0 ? [out, 0n] : [0n, out];
        await expect(pair.swap(out0, out1, bob.address, "0x")).to.be.revertedWithCustomError(
          pair,
          "ReentrancyGuardReentrantCall",
        );
        // Disarmed, the same swap goes through: the lock, not the swap, refused the call.
        await evil.disarm();
        await expect(pair.swap(out0, out1, bob.address, "0x")).to.emit(pair, "Swapped");
      });
    }

    it("refuses reentry through the flash-swap callback", async function () {
      const env = await networkHelpers.loadFixture(deployRouterPool);
      const borrower = await new FlashBorrower__factory(env.deployer).deploy();
      const to = await borrower.getAddress();
      const aIs0 = (await env.pair.token0()) === env.a;
      // B is the token borrowed and repaid whichever side of the pair it sorts to.
      await env.tokenB.mint(to, 100n * E18);
      // Repays generously, then tries to sync, swap and read reserves mid-call.
      const repay = aIs0 ? [0n, 20n * E18] : [20n * E18, 0n];
      const out = aIs0 ? [0n, 10n * E18] : [10n * E18, 0n];
      const address = await env.pair.getAddress();
      for (const data of [
        env.pair.interface.encodeFunctionData("sync"),
        env.pair.interface.encodeFunctionData("swap", [1n, 0n, to, "0x"]),
        env.pair.interface.encodeFunctionData("getReserves"),
      ]) {
        await borrower.configure(repay[0], repay[1], data);
        await expect(borrower.borrow(address, out[0], out[1])).to.be.revertedWithCustomError(
          env.pair,
          "ReentrancyGuardReentrantCall",
        );
      }
      await borrower.configure(repay[0], repay[1], "0x");
      await expect(borrower.borrow(address, out[0], out[1])).to.emit(env.pair, "Swapped");
    });
  });

  describe("donation followed by sync", function () {
    it("gives the donation away to the liquidity providers", async function () {
      const { pair, tokenA, bob, alice, a } = await networkHelpers.loadFixture(deployRouterPool);
      const address = await pair.getAddress();
      const aIs0 = (await pair.token0()) === a;
      await tokenA.connect(bob).transfer(address, 100n * E18);
      await pair.connect(bob).sync();
      // Nothing is left to skim back: the donation is in the reserves now.
      const before = await tokenA.balanceOf(bob.address);
      await pair.connect(bob).skim(bob.address);
      expect(await tokenA.balanceOf(bob.address)).to.equal(before);
      // Alice, holding all shares but the locked ones, redeems the donation.
      await pair.connect(alice).transfer(address, await pair.balanceOf(alice.address));
      const [amount0, amount1] = await pair.burn.staticCall(alice.address);
      const amountA = aIs0 ? amount0 : amount1;
      const supply = 2_000n * E18;
      expect(amountA).to.equal(((supply - MINIMUM_LIQUIDITY) * 1_100n * E18) / supply);
    });

    it("cannot move the price past a depositor's minimums", async function () {
      const { pair, router, tokenB, bob, alice, a, b } =
        await networkHelpers.loadFixture(deployRouterPool);
      // Bob donates 400 B and syncs: 1,000 A / 4,400 B, a price of 4.4 instead of 4.
      await tokenB.connect(bob).transfer(await pair.getAddress(), 400n * E18);
      await pair.connect(bob).sync();
      // Alice adds 100 A / 400 B expecting 4, with 1% tolerance: B optimal is now 440 > 400,
      // so A optimal = 400 / 4.4 = 90.90..., below her 99 A minimum.
      await expect(
        router
          .connect(alice)
          .addLiquidity(a, b, 100n * E18, 400n * E18, 99n * E18, 396n * E18, alice, FAR),
      )
        .to.be.revertedWithCustomError(router, "RouterInsufficientAAmount")
        .withArgs(90_909090909090909090n, 99n * E18);
    });

    it("cannot move the TWAP within the block", async function () {
      const { pair, tokenB, bob, deployer, a } = await networkHelpers.loadFixture(deployRouterPool);
      const oracle = await new CoopTwapOracle__factory(deployer).deploy(
        await pair.getAddress(),
        3600n,
        deployer.address,
      );
      const observedAt = await oracle.observedAt();
      await networkHelpers.time.setNextBlockTimestamp(observedAt + 3600n);
      // Donating 40,000 B and syncing sets a spot price of 44 B per A, then the update runs in
      // the same block.
      await ethers.provider.send("evm_setAutomine", [false]);
      try {
        await tokenB.connect(bob).transfer(await pair.getAddress(), 40_000n * E18, {
          gasLimit: 200_000n,
        });
        await pair.connect(bob).sync({ gasLimit: 200_000n });
        await oracle.connect(bob).update({ gasLimit: 200_000n });
        await ethers.provider.send("evm_mine", []);
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
      expect(await oracle.observedAt()).to.equal(observedAt + 3600n);
      expect(await oracle.consult(a, E18)).to.equal(4n * E18);
    });

    it("cannot set the opening price of an empty pair with a synced donation", async function () {
      const { factory, router, tokenA, tokenB, bob, alice } =
        await networkHelpers.loadFixture(deployTokens);
      const a = await tokenA.getAddress();
      const b = await tokenB.getAddress();
      // Bob creates the pair and donates 1 A and 100 B, synced: reserves at a price of 100.
      await factory.createPair(a, b);
      const pair = CoopPair__factory.connect(await factory.getPair(a, b), bob);
      await tokenA.connect(bob).transfer(await pair.getAddress(), E18);
      await tokenB.connect(bob).transfer(await pair.getAddress(), 100n * E18);
      await pair.sync();
      // The pair has no shares, so no price: Alice's deposit at 4 B per A goes in whole, and
      // Bob's donation stays in the pool, owned by her shares.
      await router
        .connect(alice)
        .addLiquidity(a, b, RESERVE0, RESERVE1, RESERVE0, RESERVE1, alice, FAR);
      expect(await pair.balanceOf(alice.address)).to.equal(2_000n * E18 - MINIMUM_LIQUIDITY);
      const [r0, r1] = await pair.getReserves();
      const [ra, rb] = (await pair.token0()) === a ? [r0, r1] : [r1, r0];
      expect([ra, rb]).to.deep.equal([RESERVE0 + E18, RESERVE1 + 100n * E18]);
    });

    it("cannot block an empty pair with a one-sided donation", async function () {
      const { factory, router, tokenA, bob, alice } =
        await networkHelpers.loadFixture(deployTokens);
      const a = await tokenA.getAddress();
      const b = await (await networkHelpers.loadFixture(deployTokens)).tokenB.getAddress();
      await factory.createPair(a, b);
      const pair = CoopPair__factory.connect(await factory.getPair(a, b), bob);
      await tokenA.connect(bob).transfer(await pair.getAddress(), 1n);
      await pair.sync();
      // Reserves (1, 0): the router treats the pair as empty and Alice's deposit opens it.
      await router
        .connect(alice)
        .addLiquidity(a, b, RESERVE0, RESERVE1, RESERVE0, RESERVE1, alice, FAR);
      expect(await pair.balanceOf(alice.address)).to.equal(2_000n * E18 - MINIMUM_LIQUIDITY);
    });
  });

  describe("expired deadline", function () {
    it("refuses a swap held back past its deadline", async function () {
      const { router, a, b, alice } = await networkHelpers.loadFixture(deployRouterPool);
      const deadline = BigInt(await networkHelpers.time.latest()) + 60n;
      // The transaction sits in the mempool for two minutes, for a better moment to exploit.
      await networkHelpers.time.setNextBlockTimestamp(deadline + 60n);
      await expect(
        router.connect(alice).swapExactTokensForTokens(10n * E18, 0n, [a, b], alice, deadline),
      )
        .to.be.revertedWithCustomError(router, "RouterExpired")
        .withArgs(deadline, deadline + 60n);
    });

    it("accepts it up to the deadline itself", async function () {
      const { router, a, b, alice, pair } = await networkHelpers.loadFixture(deployRouterPool);
      const deadline = BigInt(await networkHelpers.time.latest()) + 60n;
      await networkHelpers.time.setNextBlockTimestamp(deadline);
      await expect(
        router.connect(alice).swapExactTokensForTokens(10n * E18, 0n, [a, b], alice, deadline),
      ).to.emit(pair, "Swapped");
    });
  });
});
