import { expect } from "chai";

import {
  HOUR,
  deployCareReputation,
  deployFundedCareReputation,
  ethers,
  networkHelpers,
} from "./fixtures.js";
import { shouldBehaveLikeNonTransferable } from "./NonTransferable.behavior.js";
import { shouldBehaveLikeTimestampVotes } from "./Votes.behavior.js";

const { loadFixture, time } = networkHelpers;

/** The non-transferability suite's view: alice holds 30 hours of care reputation. */
async function careNonTransferable() {
  const { care, alice, carol } = await deployFundedCareReputation();
  return { token: care, holder: alice, other: carol, balance: 30n * HOUR };
}

/** The votes suite's view of an empty CareReputation, minted by the registry role. */
async function careVotes() {
  const { care, minter, alice, bob } = await deployCareReputation();
  const mint = (to: string, amount: bigint) => care.connect(minter).mint([to], [amount]);
  return { token: care, mint, holder: alice, other: bob };
}

describe("CareReputation", function () {
  describe("deployment", function () {
    it("sets name, symbol, decimals and the admin", async function () {
      const { care, admin } = await loadFixture(deployCareReputation);
      expect(await care.name()).to.equal("Care Reputation");
      expect(await care.symbol()).to.equal("CARE");
      expect(await care.decimals()).to.equal(18n);
      expect(await care.totalSupply()).to.equal(0n);
      expect(await care.hasRole(await care.DEFAULT_ADMIN_ROLE(), admin.address)).to.equal(true);
    });
  });

  shouldBehaveLikeNonTransferable(careNonTransferable);
  shouldBehaveLikeTimestampVotes(careVotes);

  describe("mint", function () {
    it("mints to many accounts and counts it as votes", async function () {
      const { care, alice, bob } = await loadFixture(deployFundedCareReputation);
      expect(await care.balanceOf(alice.address)).to.equal(30n * HOUR);
      expect(await care.balanceOf(bob.address)).to.equal(20n * HOUR);
      expect(await care.getVotes(alice.address)).to.equal(30n * HOUR);
      expect(await care.totalSupply()).to.equal(50n * HOUR);
    });

    it("emits Transfer and DelegateVotesChanged", async function () {
      const { care, minter, alice } = await loadFixture(deployFundedCareReputation);
      await expect(care.connect(minter).mint([alice.address], [HOUR]))
        .to.emit(care, "Transfer")
        .withArgs(ethers.ZeroAddress, alice.address, HOUR)
        .and.to.emit(care, "DelegateVotesChanged")
        .withArgs(alice.address, 30n * HOUR, 31n * HOUR);
    });

    it("rejects arrays of different lengths", async function () {
      const { care, minter, alice } = await loadFixture(deployCareReputation);
      await expect(care.connect(minter).mint([alice.address], [1n, 2n]))
        .to.be.revertedWithCustomError(care, "CareReputationLengthMismatch")
        .withArgs(1n, 2n);
    });

    it("rejects a zero amount", async function () {
      const { care, minter, alice } = await loadFixture(deployCareReputation);
      await expect(care.connect(minter).mint([alice.address], [0n]))
        .to.be.revertedWithCustomError(care, "CareReputationZeroAmount")
        .withArgs(alice.address);
    });

    it("rejects the zero address", async function () {
      const { care, minter } = await loadFixture(deployCareReputation);
      await expect(care.connect(minter).mint([ethers.ZeroAddress], [1n]))
        .to.be.revertedWithCustomError(care, "ERC20InvalidReceiver")
        .withArgs(ethers.ZeroAddress);
    });

    it("keeps one checkpoint for repeated accounts in one batch", async function () {
      const { care, minter, alice } = await loadFixture(deployCareReputation);
      await care.connect(minter).mint([alice.address, alice.address], [HOUR, 2n * HOUR]);
      expect(await care.balanceOf(alice.address)).to.equal(3n * HOUR);
      expect(await care.numCheckpoints(alice.address)).to.equal(1n);
      expect(await care.checkpoints(alice.address, 0)).to.deep.equal([
        BigInt(await time.latest()),
        3n * HOUR,
      ]);
    });

    it("rejects a supply above MAX_SUPPLY (2^160 - 1)", async function () {
      const { care, minter, alice, bob } = await loadFixture(deployCareReputation);
      const cap = 2n ** 160n - 1n;
      expect(await care.MAX_SUPPLY()).to.equal(cap);
      await care.connect(minter).mint([alice.address], [cap - 1n]);
      await care.connect(minter).mint([bob.address], [1n]);
      expect(await care.totalSupply()).to.equal(cap);
      await expect(care.connect(minter).mint([bob.address], [1n]))
        .to.be.revertedWithCustomError(care, "CareReputationExceededSupply")
        .withArgs(cap, 1n, cap);
      await expect(care.connect(minter).mint([bob.address], [ethers.MaxUint256]))
        .to.be.revertedWithCustomError(care, "CareReputationExceededSupply")
        .withArgs(cap, ethers.MaxUint256, cap);
    });

    it("rejects anyone but the registry (attack: mint by anyone but the registry)", async function () {
      const { care, admin, revoker, alice } = await loadFixture(deployCareReputation);
      const role = await care.MINTER_ROLE();
      for (const caller of [alice, admin, revoker]) {
        await expect(care.connect(caller).mint([caller.address], [HOUR]))
          .to.be.revertedWithCustomError(care, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, role);
      }
      expect(await care.totalSupply()).to.equal(0n);
    });
  });

  describe("revoke", function () {
    it("burns reputation and records the reason", async function () {
      const { care, revoker, alice } = await loadFixture(deployFundedCareReputation);
      const before = await time.latest();
      await time.increase(10);
      await expect(care.connect(revoker).revoke(alice.address, 10n * HOUR, "duplicate claim"))
        .to.emit(care, "ReputationRevoked")
        .withArgs(alice.address, 10n * HOUR, "duplicate claim")
        .and.to.emit(care, "Transfer")
        .withArgs(alice.address, ethers.ZeroAddress, 10n * HOUR);
      expect(await care.balanceOf(alice.address)).to.equal(20n * HOUR);
      expect(await care.totalSupply()).to.equal(40n * HOUR);
      await time.increase(1);
      expect(await care.getPastVotes(alice.address, before)).to.equal(30n * HOUR);
      expect(await care.getPastTotalSupply(before)).to.equal(50n * HOUR);
    });

    it("rejects more than the balance", async function () {
      const { care, revoker, alice } = await loadFixture(deployFundedCareReputation);
      await expect(care.connect(revoker).revoke(alice.address, 31n * HOUR, "too much"))
        .to.be.revertedWithCustomError(care, "ERC20InsufficientBalance")
        .withArgs(alice.address, 30n * HOUR, 31n * HOUR);
    });

    it("rejects a zero amount", async function () {
      const { care, revoker, alice } = await loadFixture(deployFundedCareReputation);
      await expect(care.connect(revoker).revoke(alice.address, 0n, "nothing"))
        .to.be.revertedWithCustomError(care, "CareReputationZeroAmount")
        .withArgs(alice.address);
    });

    it("rejects anyone but governance", async function () {
      const { care, minter, alice } = await loadFixture(deployFundedCareReputation);
      const role = await care.REVOKER_ROLE();
      for (const caller of [alice, minter]) {
        await expect(care.connect(caller).revoke(alice.address, HOUR, "no"))
          .to.be.revertedWithCustomError(care, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, role);
      }
    });
  });
});
