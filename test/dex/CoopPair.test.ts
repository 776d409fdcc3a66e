import { expect } from "chai";

import { DEAD_ADDRESS, MINIMUM_LIQUIDITY, Q112, getAmountOut } from "../../lib/dex.js";
import { FlashBorrower__factory } from "../../typechain-types/index.js";
import {
  E18,
  RESERVE0,
  RESERVE1,
  deployEmptyPair,
  deployPool,
  ethers,
  networkHelpers,
} from "./fixtures.js";

describe("CoopPair", function () {
  describe("mint", function () {
    it("mints sqrt(amount0 * amount1) on the first deposit and locks MINIMUM_LIQUIDITY", async function () {
      const { pair, token0, token1, alice, deployer } =
        await networkHelpers.loadFixture(deployEmptyPair);
      const address = await pair.getAddress();
      await token0.connect(alice).transfer(address, RESERVE0);
      await token1.connect(alice).transfer(address, RESERVE1);
      // sqrt(1,000e18 * 4,000e18) = sqrt(4e42) = 2e21 = 2,000e18 shares; 1,000 wei of them
      // are locked at the dead address.
      await expect(pair.mint(alice.address))
        .to.emit(pair, "Minted")
        .withArgs(deployer.address, RESERVE0, RESERVE1, alice.address)
        .and.to.emit(pair, "Synced")
        .withArgs(RESERVE0, RESERVE1);
      expect(await pair.totalSupply()).to.equal(2_000n * E18);
      expect(await pair.balanceOf(alice.address)).to.equal(2_000n * E18 - 1000n);
      expect(await pair.balanceOf(DEAD_ADDRESS)).to.equal(MINIMUM_LIQUIDITY);
      const [reserve0, reserve1] = await pair.getReserves();
      expect([reserve0, reserve1]).to.deep.equal([RESERVE0, RESERVE1]);
    });

    it("mints in proportion to the reserves later", async function () {
      const { pair, token0, token1, bob } = await networkHelpers.loadFixture(deployPool);
      const address = await pair.getAddress();
      // 100 / 1,000 of token0 and 400 / 4,000 of token1: a tenth of the 2,000 supply = 200.
      await token0.connect(bob).transfer(address, 100n * E18);
      await token1.connect(bob).transfer(address, 400n * E18);
      await pair.mint(bob.address);
      expect(await pair.balanceOf(bob.address)).to.equal(200n * E18);
    });

    it("mints for the smaller side of an unbalanced deposit", async function () {
      const { pair, token0, token1, bob } = await networkHelpers.loadFixture(deployPool);
      const address = await pair.getAddress();
      // min(100 * 2,000 / 1,000, 500 * 2,000 / 4,000) = min(200, 250) = 200: the extra
      // 100 token1 is a gift to the pool.
      await token0.connect(bob).transfer(address, 100n * E18);
      await token1.connect(bob).transfer(address, 500n * E18);
      await pair.mint(bob.address);
      expect(await pair.balanceOf(bob.address)).to.equal(200n * E18);
      expect((await pair.getReserves())[1]).to.equal(RESERVE1 + 500n * E18);
    });

    it("rejects a first deposit that would not exceed the locked minimum", async function () {
      const { pair, token0, token1, alice } = await networkHelpers.loadFixture(deployEmptyPair);
      const address = await pair.getAddress();
      // sqrt(1,000 * 1,000) = 1,000: nothing would be left over for the depositor.
      await token0.connect(alice).transfer(address, 1000n);
      await token1.connect(alice).transfer(address, 1000n);
      await expect(pair.mint(alice.address))
        .to.be.revertedWithCustomError(pair, "PairInsufficientInitialLiquidity")
        .withArgs(1000n, MINIMUM_LIQUIDITY);
    });

    it("rejects a deposit that mints no shares", async function () {
      const { pair, token0, alice } = await networkHelpers.loadFixture(deployPool);
      await token0.connect(alice).transfer(await pair.getAddress(), 100n * E18);
      // Nothing of token1 was paid in: min(..., 0) = 0.
      await expect(pair.mint(alice.address))
        .to.be.revertedWithCustomError(pair, "PairInsufficientLiquidityMinted")
        .withArgs(100n * E18, 0n);
    });
  });

  describe("burn", function () {
    it("pays out the burnt share of each balance", async function () {
      const { pair, token0, token1, alice, carol, deployer } =
        await networkHelpers.loadFixture(deployPool);
      const address = await pair.getAddress();
      // 1,000 of 2,000 shares: half of 1,000 token0 and half of 4,000 token1.
      await pair.connect(alice).transfer(address, 1_000n * E18);
      await expect(pair.burn(carol.address))
        .to.emit(pair, "Burned")
        .withArgs(deployer.address, 500n * E18, 2_000n * E18, carol.address);
      expect(await token0.balanceOf(carol.address)).to.equal(1_000_000n * E18 + 500n * E18);
      expect(await token1.balanceOf(carol.address)).to.equal(1_000_000n * E18 + 2_000n * E18);
      expect(await pair.totalSupply()).to.equal(1_000n * E18);
      const [reserve0, reserve1] = await pair.getReserves();
      expect([reserve0, reserve1]).to.deep.equal([500n * E18, 2_000n * E18]);
    });

    it("leaves the locked shares' part in the pool when everything else is burnt", async function () {
      const { pair, alice } = await networkHelpers.loadFixture(deployPool);
      const address = await pair.getAddress();
      await pair.connect(alice).transfer(address, await pair.balanceOf(alice.address));
      await pair.burn(alice.address);
      // 1,000 of 2,000e18 shares remain: 1,000 * 1,000e18 / 2,000e18 = 500 wei of token0 and
      // 1,000 * 4,000e18 / 2,000e18 = 2,000 wei of token1.
      const [reserve0, reserve1] = await pair.getReserves();
      expect([reserve0, reserve1]).to.deep.equal([500n, 2000n]);
    });

    it("rejects a burn of nothing", async function () {
      const { pair, alice } = await networkHelpers.loadFixture(deployPool);
      await expect(pair.burn(alice.address))
        .to.be.revertedWithCustomError(pair, "PairInsufficientLiquidityBurned")
        .withArgs(0n, 0n);
    });
  });

  describe("swap", function () {
    it("pays out the constant-product amount less the 0.3% fee", async function () {
      const { pair, token0, token1, bob } = await networkHelpers.loadFixture(deployPool);
      // 10 token0 in against reserves 1,000 / 4,000:
      //   out = 10 * 997 * 4,000 / (1,000 * 1,000 + 10 * 997) = 39,880,000 / 1,009,970
      //       = 39.486321375882451954... token1 (rounded down, in wei below).
      // Without the fee it would be 10 * 4,000 / 1,010 = 39.6039... token1.
      const amountIn = 10n * E18;
      const amountOut = 39_486321375882451954n;
      expect(getAmountOut(amountIn, RESERVE0, RESERVE1)).to.equal(amountOut);
      await token0.connect(bob).transfer(await pair.getAddress(), amountIn);
      const before = await token1.balanceOf(bob.address);
      await expect(pair.connect(bob).swap(0n, amountOut, bob.address, "0x"))
        .to.emit(pair, "Swapped")
        .withArgs(bob.address, amountIn, 0n, 0n, amountOut, bob.address)
        .and.to.emit(pair, "Synced")
        .withArgs(RESERVE0 + amountIn, RESERVE1 - amountOut);
      expect((await token1.balanceOf(bob.address)) - before).to.equal(amountOut);
    });

    it("grows k by the fee", async function () {
      const { pair, token0, bob } = await networkHelpers.loadFixture(deployPool);
      await token0.connect(bob).transfer(await pair.getAddress(), 10n * E18);
      await pair.connect(bob).swap(0n, 39_486321375882451954n, bob.address, "0x");
      const [reserve0, reserve1] = await pair.getReserves();
      // k before: 1,000e18 * 4,000e18 = 4.000000e42
      // k after:  1,010e18 * 3,960.513678624117548046e18 = 4.000118815410358723526e42
      expect(reserve0 * reserve1).to.equal(4_000118815410358723526460000000000000000000n);
      expect(reserve0 * reserve1 > RESERVE0 * RESERVE1).to.equal(true);
    });

    it("rejects one wei more than the fee allows", async function () {
      const { pair, token0, bob } = await networkHelpers.loadFixture(deployPool);
      await token0.connect(bob).transfer(await pair.getAddress(), 10n * E18);
      await expect(
        pair.connect(bob).swap(0n, 39_486321375882451955n, bob.address, "0x"),
      ).to.be.revertedWithCustomError(pair, "PairInvariantViolated");
    });

    it("works with tiny hand-checkable numbers", async function () {
      const { pair, token0, token1, alice, bob } =
        await networkHelpers.loadFixture(deployEmptyPair);
      const address = await pair.getAddress();
      await token0.connect(alice).transfer(address, 1_000_000n);
      await token1.connect(alice).transfer(address, 1_000_000n);
      await pair.mint(alice.address);
      // 1,000 in: 1,000 * 997 * 1,000,000 / (1,000,000,000 + 997,000) = 996.006... -> 996.
      await token0.connect(bob).transfer(address, 1000n);
      await expect(pair.swap(0n, 997n, bob.address, "0x"))
        .to.be.revertedWithCustomError(pair, "PairInvariantViolated")
        // kBefore = 1e6 * 1e6 * 1e6; kAfter = (1,001,000 * 1000 - 1000 * 3) * (999,003 * 1000)
        .withArgs(10n ** 18n, 1_000_997_000n * 999_003_000n);
      await pair.swap(0n, 996n, bob.address, "0x");
      const [reserve0, reserve1] = await pair.getReserves();
      expect([reserve0, reserve1]).to.deep.equal([1_001_000n, 999_004n]);
    });

    it("rejects a swap that asks for nothing", async function () {
      const { pair, bob } = await networkHelpers.loadFixture(deployPool);
      await expect(pair.swap(0n, 0n, bob.address, "0x")).to.be.revertedWithCustomError(
        pair,
        "PairInsufficientOutputAmount",
      );
    });

    it("rejects a swap for a whole reserve", async function () {
      const { pair, bob } = await networkHelpers.loadFixture(deployPool);
      await expect(pair.swap(RESERVE0, 0n, bob.address, "0x"))
        .to.be.revertedWithCustomError(pair, "PairInsufficientLiquidity")
        .withArgs(RESERVE0, 0n, RESERVE0, RESERVE1);
    });

    it("rejects a swap to one of its tokens", async function () {
      const { pair, token1 } = await networkHelpers.loadFixture(deployPool);
      const to = await token1.getAddress();
      await expect(pair.swap(0n, 1n, to, "0x"))
        .to.be.revertedWithCustomError(pair, "PairInvalidRecipient")
        .withArgs(to);
    });

    it("rejects a swap into which nothing was paid", async function () {
      const { pair, bob } = await networkHelpers.loadFixture(deployPool);
      await expect(pair.swap(0n, 1n, bob.address, "0x")).to.be.revertedWithCustomError(
        pair,
        "PairInsufficientInputAmount",
      );
    });
  });

  describe("flash swap", function () {
    async function deployBorrower() {
      const env = await deployPool();
      const borrower = await new FlashBorrower__factory(env.deployer).deploy();
      await env.token1.mint(await borrower.getAddress(), 100n * E18);
      return { ...env, borrower };
    }

    it("lends the output within the call when repaid with the fee", async function () {
      const { pair, token1, borrower } = await networkHelpers.loadFixture(deployBorrower);
      // Repaying in the same token: (balance1 * 1000 - in * 3) >= reserve1 * 1000 with
      // balance1 = reserve1 - out + in  <=>  in >= out * 1000 / 997 = 10.030090270812437311...
      await borrower.configure(0n, 10_030090270812437312n, "0x");
      await borrower.borrow(await pair.getAddress(), 0n, 10n * E18);
      expect((await pair.getReserves())[1]).to.equal(RESERVE1 + 30090270812437312n);
      expect(await token1.balanceOf(await borrower.getAddress())).to.equal(
        100n * E18 - 30090270812437312n,
      );
    });

    it("rejects a repayment one wei short", async function () {
      const { pair, borrower } = await networkHelpers.loadFixture(deployBorrower);
      await borrower.configure(0n, 10_030090270812437311n, "0x");
      await expect(
        borrower.borrow(await pair.getAddress(), 0n, 10n * E18),
      ).to.be.revertedWithCustomError(pair, "PairInvariantViolated");
    });
  });

  describe("skim and sync", function () {
    it("skim sends the excess over the reserves away", async function () {
      const { pair, token0, bob, carol } = await networkHelpers.loadFixture(deployPool);
      await token0.connect(bob).transfer(await pair.getAddress(), 5n * E18);
      await pair.skim(carol.address);
      expect(await token0.balanceOf(carol.address)).to.equal(1_000_005n * E18);
      const [reserve0] = await pair.getReserves();
      expect(reserve0).to.equal(RESERVE0);
      expect(await token0.balanceOf(await pair.getAddress())).to.equal(RESERVE0);
    });

    it("sync takes the balances as reserves", async function () {
      const { pair, token0, bob } = await networkHelpers.loadFixture(deployPool);
      await token0.connect(bob).transfer(await pair.getAddress(), 5n * E18);
      await expect(pair.sync())
        .to.emit(pair, "Synced")
        .withArgs(RESERVE0 + 5n * E18, RESERVE1);
    });

    it("sync rejects a balance that does not fit 112 bits", async function () {
      const { pair, token0, deployer } = await networkHelpers.loadFixture(deployPool);
      const huge = 1n << 112n;
      await token0.mint(await pair.getAddress(), huge);
      await expect(pair.connect(deployer).sync())
        .to.be.revertedWithCustomError(pair, "PairBalanceOverflow")
        .withArgs(RESERVE0 + huge, RESERVE1);
    });
  });

  describe("cumulative prices", function () {
    it("accumulate the old reserves' price times the seconds elapsed", async function () {
      const { pair } = await networkHelpers.loadFixture(deployPool);
      const [, , last] = await pair.getReserves();
      await networkHelpers.time.setNextBlockTimestamp(last + 10n);
      await pair.sync();
      // price0 = 4,000 / 1,000 = 4 -> 4 * 2**112 per second; price1 = 1/4 -> 2**110.
      expect(await pair.price0CumulativeLast()).to.equal(4n * Q112 * 10n);
      expect(await pair.price1CumulativeLast()).to.equal((Q112 / 4n) * 10n);
    });

    it("extends to now in currentCumulativePrices without a write", async function () {
      const { pair } = await networkHelpers.loadFixture(deployPool);
      const [, , last] = await pair.getReserves();
      await networkHelpers.time.increaseTo(last + 25n);
      const [price0, price1, timestamp] = await pair.currentCumulativePrices();
      expect(timestamp).to.equal(last + 25n);
      expect(price0).to.equal(4n * Q112 * 25n);
      expect(price1).to.equal((Q112 / 4n) * 25n);
      expect(await pair.price0CumulativeLast()).to.equal(0n);
    });

    it("do not move within one block", async function () {
      const { pair, token0, bob } = await networkHelpers.loadFixture(deployPool);
      const [, , last] = await pair.getReserves();
      await networkHelpers.time.setNextBlockTimestamp(last + 10n);
      await pair.sync();
      const before = await pair.price0CumulativeLast();
      // Two calls in the next block: only the first adds time.
      await ethers.provider.send("evm_setAutomine", [false]);
      await token0.connect(bob).transfer(await pair.getAddress(), 100n * E18);
      await pair.connect(bob).sync();
      await pair.connect(bob).skim(bob.address);
      await networkHelpers.time.setNextBlockTimestamp(last + 20n);
      await ethers.provider.send("evm_mine", []);
      await ethers.provider.send("evm_setAutomine", [true]);
      expect((await pair.price0CumulativeLast()) - before).to.equal(4n * Q112 * 10n);
    });
  });

  describe("metadata", function () {
    it("is an 18-decimal ERC20 named for the pool", async function () {
      const { pair } = await networkHelpers.loadFixture(deployEmptyPair);
      expect(await pair.name()).to.equal("Coop Pair Liquidity");
      expect(await pair.symbol()).to.equal("COOP-LP");
      expect(await pair.decimals()).to.equal(18n);
      expect(await pair.MINIMUM_LIQUIDITY()).to.equal(MINIMUM_LIQUIDITY);
    });
  });
});
