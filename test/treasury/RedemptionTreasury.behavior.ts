import { expect } from "chai";

import {
  Category,
  GOVERNOR_ROLE,
  HOLD_PERIOD,
  HOUR,
  Inflow,
  MAX_FEE,
  MIN_FEE,
  RATE,
  ethers,
  networkHelpers,
  type TreasuryFixture,
} from "./fixtures.js";

const ONE = 10n ** 18n;

/** Deposits, redemption, the holding bonus, sales and governance: everything that does not
 * need the DEX, for a treasury funded with 0.75 / 0.25 of one reserve unit. */
export function shouldBehaveLikeRedemptionTreasury(funded: () => Promise<TreasuryFixture>) {
  async function holdingSince(f: TreasuryFixture, who: string): Promise<bigint> {
    return f.work.holdingSince(who);
  }

  /** Mines the next transaction exactly `elapsed` seconds after `who`'s clock started. */
  async function atHeld(f: TreasuryFixture, who: string, elapsed: bigint) {
    await networkHelpers.time.setNextBlockTimestamp((await holdingSince(f, who)) + elapsed);
  }

  describe("deposits", function () {
    it("splits a deposit 75/25 exactly", async function () {
      const f = await networkHelpers.loadFixture(funded);
      expect(await f.treasury.pools()).to.deep.equal([
        750_000_000_000_000_000n,
        250_000_000_000_000_000n,
      ]);
    });

    it("gives commons the remainder of an odd amount", async function () {
      const f = await networkHelpers.loadFixture(funded);
      // 1001 * 0.75 = 750.75 -> 750 subsistence, 251 commons
      await expect(f.treasury.connect(f.carol).deposit(1001n, { value: f.valueFor(1001n) }))
        .to.emit(f.treasury, "Deposited")
        .withArgs(f.carol.address, Inflow.Revenue, 1001n, 750n, 251n);
      // 3 * 0.75 = 2.25 -> 2 subsistence, 1 commons
      await expect(f.treasury.connect(f.carol).deposit(3n, { value: f.valueFor(3n) }))
        .to.emit(f.treasury, "Deposited")
        .withArgs(f.carol.address, Inflow.Revenue, 3n, 2n, 1n);
      expect(await f.treasury.pools()).to.deep.equal([
        750_000_000_000_000_752n,
        250_000_000_000_000_252n,
      ]);
    });

    it("moves the deposit into the treasury", async function () {
      const f = await networkHelpers.loadFixture(funded);
      const treasury = await f.treasury.getAddress();
      expect(await f.reserveOf(treasury)).to.equal(ONE);
    });

    it("rejects a zero deposit", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await expect(f.treasury.deposit(0n)).to.be.revertedWithCustomError(
        f.treasury,
        "TreasuryZeroAmount",
      );
    });

    it("books a surplus that arrived outside deposit", async function () {
      const f = await networkHelpers.loadFixture(funded);
      const treasury = await f.treasury.getAddress();
      await expect(f.treasury.depositSurplus())
        .to.be.revertedWithCustomError(f.treasury, "TreasuryNoSurplus")
        .withArgs(ONE, ONE);
      if (f.token === null) {
        await networkHelpers.setBalance(treasury, ONE + 100n);
      } else {
        await f.token.connect(f.donor).transfer(treasury, 100n);
      }
      await expect(f.treasury.connect(f.carol).depositSurplus())
        .to.emit(f.treasury, "Deposited")
        .withArgs(f.carol.address, Inflow.Surplus, 100n, 75n, 25n);
    });
  });

  // The fixture credits the members in its last block. Until 19,440 s (one bps of 800 over
  // 180 days) have passed, the bonus rounds to zero and a redemption pays the 10% maxFee.
  describe("redemption", function () {
    describe("when the holder's clock just started", function () {
      it("pays rate * (1 - maxFee) and keeps the fee in the pool", async function () {
        const f = await networkHelpers.loadFixture(funded);
        // 10 h * 1e14 * (1 - 10%) = 9e14; fee 1e14 stays
        await expect(f.treasury.connect(f.alice).redeem(Category.Subsistence, 10n * HOUR, 0n))
          .to.emit(f.treasury, "Redeemed")
          .withArgs(
            f.alice.address,
            Category.Subsistence,
            10n * HOUR,
            900_000_000_000_000n,
            100_000_000_000_000n,
          );
        expect(await f.treasury.pools()).to.deep.equal([
          750_000_000_000_000_000n - 900_000_000_000_000n,
          250_000_000_000_000_000n,
        ]);
      });

      it("burns the tokens and the credit, and pays the holder", async function () {
        const f = await networkHelpers.loadFixture(funded);
        const supply = await f.work.totalSupply();
        const tx = f.treasury.connect(f.alice).redeem(Category.Subsistence, 10n * HOUR, 0n);
        const payout = 900_000_000_000_000n;
        if (f.token === null) {
          await expect(tx).to.changeEtherBalances(ethers, [f.alice, f.treasury], [payout, -payout]);
        } else {
          await expect(tx).to.changeTokenBalances(
            ethers,
            f.token,
            [f.alice, f.treasury],
            [payout, -payout],
          );
        }
        expect(await f.work.totalSupply()).to.equal(supply - 10n * HOUR);
        expect(await f.work.balanceOf(f.alice.address)).to.equal(4n * HOUR);
        expect(await f.work.earnedCredit(f.alice.address, Category.Subsistence)).to.equal(0n);
        expect(await f.work.earnedCredit(f.alice.address, Category.Commons)).to.equal(4n * HOUR);
      });
    });

    describe("the holding bonus", function () {
      const cases: [string, bigint, bigint, bigint][] = [
        // elapsed, fee (bps), payout for 10 hours at 1e14. A block cannot share the credit's
        // timestamp, so "0" is one second: 800 bps * 1 / 15,552,000 rounds to no bonus.
        ["0", 1n, 1_000n, 900_000_000_000_000n],
        ["½", HOLD_PERIOD / 2n, 600n, 940_000_000_000_000n],
        ["1", HOLD_PERIOD, 200n, 980_000_000_000_000n],
        ["2", HOLD_PERIOD * 2n, 200n, 980_000_000_000_000n],
      ];
      for (const [label, elapsed, fee, payout] of cases) {
        it(`charges ${fee} bps after ${label} hold period`, async function () {
          const f = await networkHelpers.loadFixture(funded);
          await atHeld(f, f.alice.address, elapsed);
          await networkHelpers.mine();
          expect(await f.treasury.feeOf(f.alice.address)).to.equal(fee);
          expect(await f.treasury.quoteRedemption(f.alice.address, 10n * HOUR)).to.deep.equal([
            payout,
            1_000_000_000_000_000n - payout,
            fee,
          ]);
          // one second later: the same fee (the bonus moves one bps per 19,440 s)
          await expect(f.treasury.connect(f.alice).redeem(Category.Subsistence, 10n * HOUR, payout))
            .to.emit(f.treasury, "Redeemed")
            .withArgs(
              f.alice.address,
              Category.Subsistence,
              10n * HOUR,
              payout,
              1_000_000_000_000_000n - payout,
            );
        });
      }

      it("rounds the fee up between whole basis points", async function () {
        const f = await networkHelpers.loadFixture(funded);
        // one second short of a quarter period the bonus is 199.99995 bps -> fee 801
        await atHeld(f, f.alice.address, HOLD_PERIOD / 4n - 1n);
        await networkHelpers.mine();
        expect(await f.treasury.feeOf(f.alice.address)).to.equal(801n);
      });

      it("restarts the clock at a redemption", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await atHeld(f, f.alice.address, HOLD_PERIOD);
        await f.treasury.connect(f.alice).redeem(Category.Subsistence, 5n * HOUR, 0n);
        expect(await f.treasury.feeOf(f.alice.address)).to.equal(MAX_FEE);
      });

      it("charges the maximum to an account that never earned", async function () {
        const f = await networkHelpers.loadFixture(funded);
        expect(await f.treasury.feeOf(f.mallory.address)).to.equal(MAX_FEE);
      });
    });

    describe("at other rates", function () {
      it("pays 2.5e14 per hour at 6% for 10 hours: 2.35e15", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await f.treasury.connect(f.admin).setRate(250_000_000_000_000n);
        await atHeld(f, f.alice.address, HOLD_PERIOD / 2n);
        await expect(f.treasury.connect(f.alice).redeem(Category.Subsistence, 10n * HOUR, 0n))
          .to.emit(f.treasury, "Redeemed")
          .withArgs(
            f.alice.address,
            Category.Subsistence,
            10n * HOUR,
            2_350_000_000_000_000n,
            150_000_000_000_000n,
          );
      });

      it("rounds a payout down: 3 wei per hour at 10% pays 2", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await f.treasury.connect(f.admin).setRate(3n);
        await expect(f.treasury.connect(f.alice).redeem(Category.Subsistence, HOUR, 0n))
          .to.emit(f.treasury, "Redeemed")
          .withArgs(f.alice.address, Category.Subsistence, HOUR, 2n, 1n);
      });

      it("pays at 0% fee exactly the rate", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await f.treasury.connect(f.admin).setFees(0, 0, 0);
        await expect(f.treasury.connect(f.bob).redeem(Category.Commons, (7n * HOUR) / 2n, 0n))
          .to.emit(f.treasury, "Redeemed")
          .withArgs(f.bob.address, Category.Commons, (7n * HOUR) / 2n, 350_000_000_000_000n, 0n);
      });

      it("pays nothing at a 100% fee, and burns", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await f.treasury.connect(f.admin).setFees(10_000, 10_000, 0);
        await expect(f.treasury.connect(f.bob).redeem(Category.Commons, HOUR, 0n))
          .to.emit(f.treasury, "Redeemed")
          .withArgs(f.bob.address, Category.Commons, HOUR, 0n, RATE);
        expect(await f.work.balanceOf(f.bob.address)).to.equal(19n * HOUR);
      });

      it("closes redemption at rate zero", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await f.treasury.connect(f.admin).setRate(0n);
        await expect(
          f.treasury.connect(f.bob).redeem(Category.Commons, HOUR, 0n),
        ).to.be.revertedWithCustomError(f.treasury, "TreasuryRedemptionClosed");
      });
    });

    describe("when a figure is short", function () {
      it("rejects more than the credit", async function () {
        const f = await networkHelpers.loadFixture(funded);
        // Alice holds 14 h (4 commons + 10 subsistence credit) and buys 5 more to hold 19.
        await f.work.connect(f.bob).transfer(f.alice.address, 5n * HOUR);
        await expect(f.treasury.connect(f.alice).redeem(Category.Subsistence, 15n * HOUR, 0n))
          .to.be.revertedWithCustomError(f.treasury, "TreasuryInsufficientCredit")
          .withArgs(f.alice.address, Category.Subsistence, 10n * HOUR, 15n * HOUR);
      });

      it("rejects more than the balance", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await f.work.connect(f.bob).transfer(f.carol.address, 15n * HOUR);
        await expect(f.treasury.connect(f.bob).redeem(Category.Commons, 6n * HOUR, 0n))
          .to.be.revertedWithCustomError(f.treasury, "TreasuryInsufficientBalance")
          .withArgs(f.bob.address, 5n * HOUR, 6n * HOUR);
      });

      it("rejects a payout larger than the pool", async function () {
        const f = await networkHelpers.loadFixture(funded);
        // 20 h at 0.02 per hour and 10% fee: 0.36 > commons pool 0.25
        await f.treasury.connect(f.admin).setRate(20_000_000_000_000_000n);
        await expect(f.treasury.connect(f.bob).redeem(Category.Commons, 20n * HOUR, 0n))
          .to.be.revertedWithCustomError(f.treasury, "TreasuryInsufficientPool")
          .withArgs(Category.Commons, 250_000_000_000_000_000n, 360_000_000_000_000_000n);
      });

      it("rejects a payout below minOut", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await expect(
          f.treasury
            .connect(f.alice)
            .redeem(Category.Subsistence, 10n * HOUR, 900_000_000_000_001n),
        )
          .to.be.revertedWithCustomError(f.treasury, "TreasuryPayoutBelowMinimum")
          .withArgs(900_000_000_000_000n, 900_000_000_000_001n);
      });

      it("rejects zero hours", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await expect(
          f.treasury.connect(f.alice).redeem(Category.Subsistence, 0n, 0n),
        ).to.be.revertedWithCustomError(f.treasury, "TreasuryZeroAmount");
      });
    });

    describe("attacks", function () {
      it("cannot redeem bought tokens", async function () {
        const f = await networkHelpers.loadFixture(funded);
        const now = BigInt(await networkHelpers.time.latest());
        await f.treasury
          .connect(f.admin)
          .openSale(RATE * 2n, 100n * HOUR, 50n * HOUR, now, now + 3600n);
        const cost = await f.treasury.quotePurchase(10n * HOUR);
        await f.treasury.connect(f.mallory).buy(10n * HOUR, cost, { value: f.valueFor(cost) });
        expect(await f.work.balanceOf(f.mallory.address)).to.equal(10n * HOUR);
        for (const category of [Category.Commons, Category.Subsistence]) {
          await expect(f.treasury.connect(f.mallory).redeem(category, 10n * HOUR, 0n))
            .to.be.revertedWithCustomError(f.treasury, "TreasuryInsufficientCredit")
            .withArgs(f.mallory.address, category, 0n, 10n * HOUR);
        }
      });

      it("cannot redeem someone else's credit", async function () {
        const f = await networkHelpers.loadFixture(funded);
        // Alice's tokens move to Mallory; the credit stays with Alice.
        await f.work.connect(f.alice).transfer(f.mallory.address, 14n * HOUR);
        await expect(f.treasury.connect(f.mallory).redeem(Category.Subsistence, 10n * HOUR, 0n))
          .to.be.revertedWithCustomError(f.treasury, "TreasuryInsufficientCredit")
          .withArgs(f.mallory.address, Category.Subsistence, 0n, 10n * HOUR);
        // and Alice, who kept the credit, has no tokens to burn
        await expect(f.treasury.connect(f.alice).redeem(Category.Subsistence, 10n * HOUR, 0n))
          .to.be.revertedWithCustomError(f.treasury, "TreasuryInsufficientBalance")
          .withArgs(f.alice.address, 0n, 10n * HOUR);
        expect(await f.work.earnedCredit(f.alice.address, Category.Subsistence)).to.equal(
          10n * HOUR,
        );
      });

      it("cannot drain the commons pool with subsistence credit", async function () {
        const f = await networkHelpers.loadFixture(funded);
        // Alice has 10 h subsistence but only 4 h commons credit.
        await expect(f.treasury.connect(f.alice).redeem(Category.Commons, 10n * HOUR, 0n))
          .to.be.revertedWithCustomError(f.treasury, "TreasuryInsufficientCredit")
          .withArgs(f.alice.address, Category.Commons, 4n * HOUR, 10n * HOUR);
      });

      it("cannot pay a commons redemption from the subsistence pool", async function () {
        const f = await networkHelpers.loadFixture(funded);
        // 0.02 per hour, 20 h, 10%: 0.36. Subsistence holds 0.75, commons only 0.25.
        await f.treasury.connect(f.admin).setRate(20_000_000_000_000_000n);
        await expect(f.treasury.connect(f.bob).redeem(Category.Commons, 20n * HOUR, 0n))
          .to.be.revertedWithCustomError(f.treasury, "TreasuryInsufficientPool")
          .withArgs(Category.Commons, 250_000_000_000_000_000n, 360_000_000_000_000_000n);
        expect(await f.treasury.pools()).to.deep.equal([
          750_000_000_000_000_000n,
          250_000_000_000_000_000n,
        ]);
      });
    });
  });

  describe("capital sale", function () {
    async function openSale(f: TreasuryFixture, price = RATE * 2n) {
      const now = BigInt(await networkHelpers.time.latest());
      await f.treasury.connect(f.admin).openSale(price, 30n * HOUR, 20n * HOUR, now, now + 3600n);
      return now;
    }

    it("sells hours without credit and splits the proceeds", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await openSale(f);
      // 15 h at 2e14: 3e15, split 2.25e15 / 0.75e15
      const cost = 3_000_000_000_000_000n;
      expect(await f.treasury.quotePurchase(15n * HOUR)).to.equal(cost);
      const tx = f.treasury.connect(f.carol).buy(15n * HOUR, cost, { value: f.valueFor(cost) });
      await expect(tx)
        .to.emit(f.treasury, "Purchased")
        .withArgs(f.carol.address, 1n, 15n * HOUR, cost);
      await expect(tx)
        .to.emit(f.treasury, "Deposited")
        .withArgs(f.carol.address, Inflow.Sale, cost, 2_250_000_000_000_000n, 750_000_000_000_000n);
      expect(await f.work.balanceOf(f.carol.address)).to.equal(15n * HOUR);
      expect(await f.work.earnedCredit(f.carol.address, Category.Commons)).to.equal(0n);
      expect(await f.work.earnedCredit(f.carol.address, Category.Subsistence)).to.equal(0n);
      expect(await f.treasury.purchased(f.carol.address)).to.equal(15n * HOUR);
      const state = await f.treasury.sale();
      expect(state.sold).to.equal(15n * HOUR);
      expect(state.active).to.equal(true);
    });

    it("rounds the cost up", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await openSale(f, 3n);
      // 1.5 h at 3 wei per hour: 4.5 -> 5
      expect(await f.treasury.quotePurchase((3n * HOUR) / 2n)).to.equal(5n);
      expect(await f.treasury.quotePurchase(1n)).to.equal(1n);
    });

    it("enforces the account cap and the total cap", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await openSale(f);
      const cost = await f.treasury.quotePurchase(20n * HOUR);
      await f.treasury.connect(f.carol).buy(20n * HOUR, cost, { value: f.valueFor(cost) });
      await expect(f.treasury.connect(f.carol).buy(1n, 1n, { value: f.valueFor(1n) }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryAccountCapExceeded")
        .withArgs(f.carol.address, 20n * HOUR, 1n, 20n * HOUR);
      await expect(
        f.treasury.connect(f.mallory).buy(11n * HOUR, cost, { value: f.valueFor(22n * RATE) }),
      )
        .to.be.revertedWithCustomError(f.treasury, "TreasurySaleCapExceeded")
        .withArgs(20n * HOUR, 11n * HOUR, 30n * HOUR);
    });

    it("resets the account caps in a new sale", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await openSale(f);
      const cost = await f.treasury.quotePurchase(20n * HOUR);
      await f.treasury.connect(f.carol).buy(20n * HOUR, cost, { value: f.valueFor(cost) });
      await openSale(f);
      expect(await f.treasury.purchased(f.carol.address)).to.equal(0n);
      await f.treasury.connect(f.carol).buy(20n * HOUR, cost, { value: f.valueFor(cost) });
      expect((await f.treasury.sale()).id).to.equal(2n);
    });

    it("rejects a purchase outside the window", async function () {
      const f = await networkHelpers.loadFixture(funded);
      const now = await openSale(f);
      await networkHelpers.time.increaseTo(now + 3600n);
      await expect(
        f.treasury.connect(f.carol).buy(HOUR, 2n * RATE, { value: f.valueFor(2n * RATE) }),
      )
        .to.be.revertedWithCustomError(f.treasury, "TreasurySaleNotActive")
        .withArgs(1n, now, now + 3600n);
    });

    it("rejects a purchase once closed", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await openSale(f);
      await expect(f.treasury.connect(f.admin).closeSale())
        .to.emit(f.treasury, "SaleClosed")
        .withArgs(1n, 0n);
      expect((await f.treasury.sale()).active).to.equal(false);
      await expect(
        f.treasury.connect(f.carol).buy(HOUR, 2n * RATE, { value: f.valueFor(2n * RATE) }),
      ).to.be.revertedWithCustomError(f.treasury, "TreasurySaleNotActive");
    });

    it("rejects a cost above maxCost and a wrong payment", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await openSale(f);
      await expect(
        f.treasury.connect(f.carol).buy(HOUR, 2n * RATE - 1n, { value: f.valueFor(2n * RATE) }),
      )
        .to.be.revertedWithCustomError(f.treasury, "TreasuryCostAboveMaximum")
        .withArgs(2n * RATE, 2n * RATE - 1n);
      const wrong = f.token === null ? 2n * RATE - 1n : 1n;
      await expect(f.treasury.connect(f.carol).buy(HOUR, 2n * RATE, { value: wrong }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryWrongPayment")
        .withArgs(f.valueFor(2n * RATE), wrong);
    });

    it("validates the sale terms", async function () {
      const f = await networkHelpers.loadFixture(funded);
      const now = BigInt(await networkHelpers.time.latest());
      const t = f.treasury.connect(f.admin);
      await expect(t.openSale(0n, HOUR, HOUR, now, now + 10n))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidSalePrice")
        .withArgs(0n);
      await expect(t.openSale(1n, HOUR, 2n * HOUR, now, now + 10n))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidSaleCaps")
        .withArgs(HOUR, 2n * HOUR);
      await expect(t.openSale(1n, HOUR, 0n, now, now + 10n))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidSaleCaps")
        .withArgs(HOUR, 0n);
      await expect(t.openSale(1n, HOUR, HOUR, now + 10n, now + 10n))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidSaleWindow")
        .withArgs(now + 10n, now + 10n);
      await expect(t.openSale(1n, HOUR, HOUR, now - 10n, now))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidSaleWindow")
        .withArgs(now - 10n, now);
    });
  });

  describe("governance", function () {
    it("sets the rate and the fees", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await expect(f.treasury.connect(f.admin).setRate(RATE * 3n))
        .to.emit(f.treasury, "RateUpdated")
        .withArgs(RATE, RATE * 3n);
      expect(await f.treasury.rate()).to.equal(RATE * 3n);
      await expect(f.treasury.connect(f.admin).setFees(500, 100, 3600))
        .to.emit(f.treasury, "FeesUpdated")
        .withArgs(500n, 100n, 3600n);
      expect(await f.treasury.feeParameters()).to.deep.equal([500n, 100n, 3600n]);
    });

    it("rejects fees out of order or above 100%", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await expect(f.treasury.connect(f.admin).setFees(100, 200, 0))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidFees")
        .withArgs(100n, 200n);
      await expect(f.treasury.connect(f.admin).setFees(10_001, 0, 0))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryInvalidFees")
        .withArgs(10_001n, 0n);
    });

    it("rejects a rate above 128 bits", async function () {
      const f = await networkHelpers.loadFixture(funded);
      await expect(f.treasury.connect(f.admin).setRate(1n << 128n))
        .to.be.revertedWithCustomError(f.treasury, "SafeCastOverflowedUintDowncast")
        .withArgs(128n, 1n << 128n);
    });

    describe("when a setter is called directly by a member", function () {
      const bandOff = {
        oracle: ethers.ZeroAddress,
        router: ethers.ZeroAddress,
        floor: 0n,
        ceiling: 0n,
        buybackBudget: 0n,
        emissionCap: 0n,
        periodLength: 0n,
        maxSlippage: 0n,
      };
      const calls: [string, (f: TreasuryFixture) => Promise<unknown>][] = [
        ["setRate", (f) => f.treasury.connect(f.mallory).setRate(RATE * 100n)],
        ["setFees", (f) => f.treasury.connect(f.mallory).setFees(0, 0, 0)],
        ["openSale", (f) => f.treasury.connect(f.mallory).openSale(1n, HOUR, HOUR, 0n, 1n << 39n)],
        ["closeSale", (f) => f.treasury.connect(f.mallory).closeSale()],
        ["setBand", (f) => f.treasury.connect(f.mallory).setBand(bandOff)],
      ];
      for (const [name, call] of calls) {
        it(`rejects ${name}`, async function () {
          const f = await networkHelpers.loadFixture(funded);
          await expect(call(f))
            .to.be.revertedWithCustomError(f.treasury, "AccessControlUnauthorizedAccount")
            .withArgs(f.mallory.address, GOVERNOR_ROLE);
        });
      }

      it("rejects a member who holds most of the hours too", async function () {
        const f = await networkHelpers.loadFixture(funded);
        await expect(f.treasury.connect(f.bob).setFees(0, 0, 0))
          .to.be.revertedWithCustomError(f.treasury, "AccessControlUnauthorizedAccount")
          .withArgs(f.bob.address, GOVERNOR_ROLE);
        expect(await f.treasury.feeParameters()).to.deep.equal([MAX_FEE, MIN_FEE, HOLD_PERIOD]);
      });
    });
  });
}
