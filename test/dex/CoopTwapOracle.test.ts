import { expect } from "chai";

import { Q112, getAmountOut } from "../../lib/dex.js";
import { CoopTwapOracle__factory } from "../../typechain-types/index.js";
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

const WINDOW = 3600n;

describe("CoopTwapOracle", function () {
  /** The A/B pool (4 B per A) and an oracle over it with a one-hour window; the deployer
   * stands in for the timelock as admin. */
  async function deployOracle() {
    const env = await deployRouterPool();
    const oracle = await new CoopTwapOracle__factory(env.deployer).deploy(
      await env.pair.getAddress(),
      WINDOW,
      env.deployer.address,
    );
    const observedAt = await oracle.observedAt();
    return { ...env, oracle, observedAt };
  }

  async function at(timestamp: bigint) {
    await networkHelpers.time.setNextBlockTimestamp(timestamp);
  }

  describe("before a full window", function () {
    it("records the first observation at deployment", async function () {
      const { oracle, observedAt, pair } = await networkHelpers.loadFixture(deployOracle);
      expect(observedAt).to.equal(BigInt(await networkHelpers.time.latest()));
      expect(await oracle.pair()).to.equal(await pair.getAddress());
      expect(await oracle.window()).to.equal(WINDOW);
    });

    it("refuses to answer", async function () {
      const { oracle, a, observedAt } = await networkHelpers.loadFixture(deployOracle);
      await expect(oracle.consult(a, E18))
        .to.be.revertedWithCustomError(oracle, "TwapOracleNotReady")
        .withArgs(observedAt, WINDOW);
    });

    it("records nothing until the window has passed", async function () {
      const { oracle, a, observedAt } = await networkHelpers.loadFixture(deployOracle);
      await at(observedAt + WINDOW - 1n);
      expect(await oracle.update.staticCall()).to.equal(false);
      await expect(oracle.update()).to.not.emit(oracle, "Observed");
      await expect(oracle.consult(a, E18)).to.be.revertedWithCustomError(
        oracle,
        "TwapOracleNotReady",
      );
    });
  });

  describe("after a full window", function () {
    it("answers with the average price", async function () {
      const { oracle, a, b, observedAt } = await networkHelpers.loadFixture(deployOracle);
      await at(observedAt + WINDOW);
      await expect(oracle.update()).to.emit(oracle, "Observed");
      // A constant price of 4 B per A all window long.
      expect(await oracle.consult(a, E18)).to.equal(4n * E18);
      expect(await oracle.consult(b, 4n * E18)).to.equal(E18);
    });

    it("averages a price that changed within the window by the time each was held", async function () {
      const { oracle, router, a, b, bob, observedAt, pair } =
        await networkHelpers.loadFixture(deployOracle);
      // Half a window at 4 B per A, then bob sells 1,000 A and the price falls.
      await at(observedAt + WINDOW / 2n);
      await router.connect(bob).swapExactTokensForTokens(1_000n * E18, 0n, [a, b], bob, FAR);
      const [reserve0, reserve1] = await pair.getReserves();
      await at(observedAt + WINDOW);
      await oracle.update();
      // Pair order: which of A and B is token0 decides which price is price0.
      const aIsToken0 = (await pair.token0()) === a;
      const [reserveA, reserveB] = aIsToken0 ? [reserve0, reserve1] : [reserve1, reserve0];
      const priceABefore = 4n * Q112; // B per A, UQ112x112
      const priceAAfter = (reserveB * Q112) / reserveA;
      // (4 * 1800 s + p' * 1800 s) / 3600 s
      const average = (priceABefore * 1800n + priceAAfter * 1800n) / WINDOW;
      expect(await oracle.consult(a, E18)).to.equal((E18 * average) / Q112);
      // Hand check: after 1,000 A in, the pool holds 2,000 A and ~2,001.5 B: p' ~ 1.0008, so
      // the average is ~ (4 + 1.0008) / 2 ~ 2.5004 B per A.
      expect(await oracle.consult(a, E18)).to.be.closeTo(2_5004n * 10n ** 14n, 10n ** 15n);
    });

    it("moves to a new window only after another full window", async function () {
      const { oracle, router, a, b, bob, observedAt } =
        await networkHelpers.loadFixture(deployOracle);
      await at(observedAt + WINDOW);
      await oracle.update();
      await router.connect(bob).swapExactTokensForTokens(1_000n * E18, 0n, [a, b], bob, FAR);
      await at(observedAt + WINDOW + WINDOW / 2n);
      expect(await oracle.update.staticCall()).to.equal(false);
      await oracle.update();
      expect(await oracle.consult(a, E18)).to.equal(4n * E18);
      await at(observedAt + 2n * WINDOW + 1n);
      await oracle.update();
      expect(await oracle.consult(a, E18)).to.be.lt(2n * E18);
    });
  });

  describe("when someone manipulates the price within one block", function () {
    it("leaves the average unchanged", async function () {
      const { oracle, router, a, b, bob, carol, observedAt } =
        await networkHelpers.loadFixture(deployOracle);
      // Bob dumps 100,000 A (25x the reserve), carol's update runs at the crashed price, and
      // bob buys the A back: all in the block that closes the window.
      const dump = 100_000n * E18;
      const received = getAmountOut(dump, RESERVE0, RESERVE1);
      const bobNonce = await bob.getNonce();
      // Priority fees order the block: dump, update, buy back.
      const fee = (gwei: bigint) => ({
        gasLimit: 500_000n,
        maxFeePerGas: 100n * 10n ** 9n,
        maxPriorityFeePerGas: gwei * 10n ** 9n,
      });
      const hashes: string[] = [];
      await ethers.provider.send("evm_setAutomine", [false]);
      try {
        const dumpTx = await router
          .connect(bob)
          .swapExactTokensForTokens(dump, 0n, [a, b], bob, FAR, { nonce: bobNonce, ...fee(3n) });
        const updateTx = await oracle.connect(carol).update(fee(2n));
        const buyBackTx = await router
          .connect(bob)
          .swapExactTokensForTokens(received, 0n, [b, a], bob, FAR, {
            nonce: bobNonce + 1,
            ...fee(1n),
          });
        hashes.push(dumpTx.hash, updateTx.hash, buyBackTx.hash);
        await at(observedAt + WINDOW);
        await ethers.provider.send("evm_mine", []);
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
      // All three transactions were mined in that block...
      const block = await ethers.provider.getBlock("latest");
      expect(block!.transactions).to.deep.equal(hashes);
      for (const hash of hashes) {
        expect((await ethers.provider.getTransactionReceipt(hash))!.status).to.equal(1);
      }
      expect(await oracle.observedAt()).to.equal(observedAt + WINDOW);
      // ...and the average is the undisturbed price.
      expect(await oracle.consult(a, E18)).to.equal(4n * E18);
      expect(await oracle.consult(b, E18)).to.equal(E18 / 4n);
    });
  });

  describe("on a pair without liquidity", function () {
    async function deployEmptyOracle() {
      const env = await deployTokens();
      const a = await env.tokenA.getAddress();
      const b = await env.tokenB.getAddress();
      await env.factory.createPair(a, b);
      const pairAddress = await env.factory.getPair(a, b);
      const oracle = await new CoopTwapOracle__factory(env.deployer).deploy(
        pairAddress,
        WINDOW,
        env.deployer.address,
      );
      return { ...env, a, b, oracle, pairAddress };
    }

    it("refuses to observe until the first deposit", async function () {
      const { oracle, pairAddress } = await networkHelpers.loadFixture(deployEmptyOracle);
      expect(await oracle.observedAt()).to.equal(0n);
      await expect(oracle.update())
        .to.be.revertedWithCustomError(oracle, "TwapOracleNoReserves")
        .withArgs(pairAddress);
    });

    it("starts observing after it", async function () {
      const { oracle, router, a, b, alice } = await networkHelpers.loadFixture(deployEmptyOracle);
      await router
        .connect(alice)
        .addLiquidity(a, b, RESERVE0, RESERVE1, 0n, 0n, alice.address, FAR);
      await expect(oracle.update()).to.emit(oracle, "Observed");
      const observedAt = await oracle.observedAt();
      await expect(oracle.consult(a, E18))
        .to.be.revertedWithCustomError(oracle, "TwapOracleNotReady")
        .withArgs(observedAt, WINDOW);
      await at(observedAt + WINDOW);
      await oracle.update();
      expect(await oracle.consult(a, E18)).to.equal(4n * E18);
    });
  });

  describe("setWindow", function () {
    it("lets the admin change the window", async function () {
      const { oracle, deployer } = await networkHelpers.loadFixture(deployOracle);
      await expect(oracle.connect(deployer).setWindow(7200n))
        .to.emit(oracle, "WindowChanged")
        .withArgs(WINDOW, 7200n);
      expect(await oracle.window()).to.equal(7200n);
    });

    it("refuses anyone else", async function () {
      const { oracle, bob } = await networkHelpers.loadFixture(deployOracle);
      await expect(oracle.connect(bob).setWindow(60n))
        .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
        .withArgs(bob.address, ethers.ZeroHash);
    });

    it("refuses a zero window", async function () {
      const { oracle, deployer } = await networkHelpers.loadFixture(deployOracle);
      await expect(oracle.connect(deployer).setWindow(0n))
        .to.be.revertedWithCustomError(oracle, "TwapOracleInvalidWindow")
        .withArgs(0n);
    });
  });

  describe("consult", function () {
    it("refuses a token outside the pair", async function () {
      const { oracle, wrbtc, observedAt } = await networkHelpers.loadFixture(deployOracle);
      await at(observedAt + WINDOW);
      await oracle.update();
      const w = await wrbtc.getAddress();
      await expect(oracle.consult(w, E18))
        .to.be.revertedWithCustomError(oracle, "TwapOracleInvalidToken")
        .withArgs(w);
    });
  });

  describe("constructor", function () {
    it("refuses a zero window", async function () {
      const { deployer, pair } = await networkHelpers.loadFixture(deployOracle);
      const factory = new CoopTwapOracle__factory(deployer);
      await expect(factory.deploy(await pair.getAddress(), 0n, deployer.address))
        .to.be.revertedWithCustomError(factory, "TwapOracleInvalidWindow")
        .withArgs(0n);
    });
  });
});
