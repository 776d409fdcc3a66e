import { expect } from "chai";

import { shouldBehaveLikeRedemptionTreasury } from "./RedemptionTreasury.behavior.js";
import {
  Category,
  HOUR,
  MAX_FEE,
  MIN_FEE,
  HOLD_PERIOD,
  ethers,
  networkHelpers,
  deployCoop,
  deployFundedErc20Treasury,
  deployFundedNativeTreasury,
} from "./fixtures.js";

describe("RedemptionTreasury", function () {
  describe("with an RBTC reserve", function () {
    shouldBehaveLikeRedemptionTreasury(deployFundedNativeTreasury);

    it("takes a plain RBTC transfer as a revenue deposit", async function () {
      const f = await networkHelpers.loadFixture(deployFundedNativeTreasury);
      await expect(f.carol.sendTransaction({ to: await f.treasury.getAddress(), value: 400n }))
        .to.emit(f.treasury, "Deposited")
        .withArgs(f.carol.address, 0, 400n, 300n, 100n);
    });

    it("rejects a deposit whose value differs from the amount", async function () {
      const f = await networkHelpers.loadFixture(deployFundedNativeTreasury);
      await expect(f.treasury.deposit(100n, { value: 99n }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryWrongPayment")
        .withArgs(100n, 99n);
    });
  });

  describe("with an ERC20 reserve", function () {
    shouldBehaveLikeRedemptionTreasury(deployFundedErc20Treasury);

    it("rejects native RBTC", async function () {
      const f = await networkHelpers.loadFixture(deployFundedErc20Treasury);
      const treasury = await f.treasury.getAddress();
      await expect(f.carol.sendTransaction({ to: treasury, value: 1n }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryNativeNotAccepted")
        .withArgs(f.carol.address, 1n);
      await expect(f.treasury.deposit(100n, { value: 1n }))
        .to.be.revertedWithCustomError(f.treasury, "TreasuryWrongPayment")
        .withArgs(0n, 1n);
    });

    it("pays in the token's own units: 7.5 h at 20 USD (6 decimals) and 6% is 141 USD", async function () {
      const { admin, alice, work } = await networkHelpers.loadFixture(deployCoop);
      const usd = await ethers.deployContract("MockReserveToken", ["USD", "USD", 6]);
      const treasury = await ethers.deployContract("RedemptionTreasury", [
        await work.getAddress(),
        await usd.getAddress(),
        admin.address,
        20_000_000n,
        MAX_FEE,
        MIN_FEE,
        HOLD_PERIOD,
      ]);
      await work.grantRole(ethers.id("REDEEMER_ROLE"), await treasury.getAddress());
      await usd.mint(admin.address, 1_000_000_000n);
      await usd.approve(await treasury.getAddress(), 1_000_000_000n);
      await treasury.deposit(1_000_000_000n);
      await networkHelpers.time.setNextBlockTimestamp(
        (await work.holdingSince(alice.address)) + HOLD_PERIOD / 2n,
      );
      await expect(treasury.connect(alice).redeem(Category.Subsistence, (15n * HOUR) / 2n, 0n))
        .to.emit(treasury, "Redeemed")
        .withArgs(alice.address, Category.Subsistence, (15n * HOUR) / 2n, 141_000_000n, 9_000_000n);
      expect(await usd.balanceOf(alice.address)).to.equal(141_000_000n);
    });
  });

  describe("deployment", function () {
    it("grants the admin the governor role and reports its reserve", async function () {
      const f = await networkHelpers.loadFixture(deployFundedNativeTreasury);
      expect(await f.treasury.hasRole(await f.treasury.GOVERNOR_ROLE(), f.admin.address)).to.equal(
        true,
      );
      expect(await f.treasury.hasRole(ethers.ZeroHash, f.admin.address)).to.equal(true);
      expect(await f.treasury.reserveAsset()).to.equal(ethers.ZeroAddress);
      expect(await f.treasury.workHours()).to.equal(await f.work.getAddress());
    });

    it("rejects the token itself as reserve, and a zero admin", async function () {
      const { admin, work } = await networkHelpers.loadFixture(deployCoop);
      const factory = await ethers.getContractFactory("RedemptionTreasury");
      const w = await work.getAddress();
      await expect(factory.deploy(w, w, admin.address, 1n, 0, 0, 0))
        .to.be.revertedWithCustomError(factory, "TreasuryInvalidSetup")
        .withArgs(w, w, admin.address);
      await expect(factory.deploy(w, ethers.ZeroAddress, ethers.ZeroAddress, 1n, 0, 0, 0))
        .to.be.revertedWithCustomError(factory, "TreasuryInvalidSetup")
        .withArgs(w, ethers.ZeroAddress, ethers.ZeroAddress);
    });
  });
});
