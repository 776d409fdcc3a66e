import hre from "hardhat";
import { expect } from "chai";

import { shouldBehaveLikeERC20 } from "./ERC20.behavior.js";
import {
  HOUR,
  Work,
  deployFundedWorkHours,
  deployReference,
  deployWorkHours,
  ethers,
  networkHelpers,
} from "./fixtures.js";
import { shouldBehaveLikeTimestampVotes } from "./Votes.behavior.js";

const { loadFixture, time } = networkHelpers;

/** The ERC-20 suite's view of WorkHours: alice holds her 100 earned hours. */
async function workHoursERC20() {
  const { work, alice, carol, dave } = await deployFundedWorkHours();
  return { token: work, holder: alice, recipient: carol, spender: dave, balance: 100n * HOUR };
}

/** The same suite against a plain OpenZeppelin token, to show the suite itself is sound. */
async function referenceERC20() {
  const { reference } = await deployReference();
  const [holder, recipient, spender] = await ethers.getSigners();
  await reference.mint(holder.address, 100n);
  return { token: reference, holder, recipient, spender, balance: 100n };
}

/** The votes suite's view of an empty WorkHours, minted through mintForWork. */
async function workHoursVotes() {
  const { work, minter, alice, bob } = await deployWorkHours();
  const mint = (to: string, amount: bigint) =>
    work.connect(minter).mintForWork([to], [amount], [0n]);
  return { token: work, mint, holder: alice, other: bob };
}

describe("WorkHours", function () {
  describe("deployment", function () {
    it("sets name, symbol, decimals and the admin", async function () {
      const { work, admin, minter } = await loadFixture(deployWorkHours);
      expect(await work.name()).to.equal("Work Hours");
      expect(await work.symbol()).to.equal("HOUR");
      expect(await work.decimals()).to.equal(18n);
      expect(await work.hasRole(await work.DEFAULT_ADMIN_ROLE(), admin.address)).to.equal(true);
      expect(await work.hasRole(await work.DEFAULT_ADMIN_ROLE(), minter.address)).to.equal(false);
      expect(await work.totalSupply()).to.equal(0n);
    });
  });

  shouldBehaveLikeERC20(workHoursERC20);

  describe("against OpenZeppelin ERC20Votes", function () {
    shouldBehaveLikeERC20(referenceERC20);
  });

  shouldBehaveLikeTimestampVotes(workHoursVotes);

  describe("mintForWork", function () {
    it("mints the hours of both categories and records the credit", async function () {
      const { work, alice, bob } = await loadFixture(deployFundedWorkHours);
      expect(await work.balanceOf(alice.address)).to.equal(100n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Commons)).to.equal(60n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Subsistence)).to.equal(40n * HOUR);
      expect(await work.earnedCredit(bob.address, Work.Commons)).to.equal(50n * HOUR);
      expect(await work.earnedCredit(bob.address, Work.Subsistence)).to.equal(0n);
      expect(await work.totalSupply()).to.equal(150n * HOUR);
    });

    it("emits Transfer and one WorkCredited per non-zero category", async function () {
      const { work, minter, alice } = await loadFixture(deployWorkHours);
      const tx = work.connect(minter).mintForWork([alice.address], [3n], [0n]);
      await expect(tx)
        .to.emit(work, "Transfer")
        .withArgs(ethers.ZeroAddress, alice.address, 3n)
        .and.to.emit(work, "WorkCredited")
        .withArgs(alice.address, Work.Commons, 3n);
      const receipt = await (await tx).wait();
      const credited = receipt!.logs.filter(
        (log) => work.interface.parseLog(log)?.name === "WorkCredited",
      );
      expect(credited).to.have.length(1);
    });

    it("starts the holding clock at the first credit only", async function () {
      const { work, minter, alice } = await loadFixture(deployWorkHours);
      expect(await work.holdingSince(alice.address)).to.equal(0n);
      await work.connect(minter).mintForWork([alice.address], [HOUR], [0n]);
      const first = await time.latest();
      await time.increase(1000);
      await work.connect(minter).mintForWork([alice.address], [0n], [HOUR]);
      expect(await work.holdingSince(alice.address)).to.equal(first);
    });

    it("adds up repeated accounts in one batch", async function () {
      const { work, minter, alice } = await loadFixture(deployWorkHours);
      await work
        .connect(minter)
        .mintForWork([alice.address, alice.address], [HOUR, 2n * HOUR], [0n, 3n * HOUR]);
      expect(await work.balanceOf(alice.address)).to.equal(6n * HOUR);
      expect(await work.getVotes(alice.address)).to.equal(6n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Commons)).to.equal(3n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Subsistence)).to.equal(3n * HOUR);
      expect(await work.numCheckpoints(alice.address)).to.equal(1n);
      expect(await work.checkpoints(alice.address, 0)).to.deep.equal([
        BigInt(await time.latest()),
        6n * HOUR,
      ]);
    });

    it("rejects arrays of different lengths", async function () {
      const { work, minter, alice } = await loadFixture(deployWorkHours);
      await expect(work.connect(minter).mintForWork([alice.address], [1n, 2n], [3n]))
        .to.be.revertedWithCustomError(work, "WorkHoursLengthMismatch")
        .withArgs(1n, 2n, 1n);
      await expect(work.connect(minter).mintForWork([alice.address], [1n], []))
        .to.be.revertedWithCustomError(work, "WorkHoursLengthMismatch")
        .withArgs(1n, 1n, 0n);
    });

    it("rejects zero hours", async function () {
      const { work, minter, alice } = await loadFixture(deployWorkHours);
      await expect(work.connect(minter).mintForWork([alice.address], [0n], [0n]))
        .to.be.revertedWithCustomError(work, "WorkHoursZeroAmount")
        .withArgs(alice.address);
    });

    it("rejects the zero address", async function () {
      const { work, minter } = await loadFixture(deployWorkHours);
      await expect(work.connect(minter).mintForWork([ethers.ZeroAddress], [1n], [0n]))
        .to.be.revertedWithCustomError(work, "ERC20InvalidReceiver")
        .withArgs(ethers.ZeroAddress);
    });

    it("rejects a supply above 2^96 - 1", async function () {
      const { work, minter, alice } = await loadFixture(deployWorkHours);
      const cap = 2n ** 96n - 1n;
      await work.connect(minter).mintForWork([alice.address], [cap - 1n], [0n]);
      await expect(work.connect(minter).mintForWork([alice.address], [1n], [1n]))
        .to.be.revertedWithCustomError(work, "ERC20ExceededSafeSupply")
        .withArgs(cap + 1n, cap);
    });

    describe("when the caller is not the registry", function () {
      it("rejects the mint (attack: mint by anyone but the registry)", async function () {
        const { work, admin, treasury, alice } = await loadFixture(deployWorkHours);
        const role = await work.MINTER_ROLE();
        for (const caller of [alice, admin, treasury]) {
          await expect(work.connect(caller).mintForWork([caller.address], [HOUR], [0n]))
            .to.be.revertedWithCustomError(work, "AccessControlUnauthorizedAccount")
            .withArgs(caller.address, role);
        }
        expect(await work.totalSupply()).to.equal(0n);
      });
    });
  });

  describe("mintCapital", function () {
    it("mints without credit or holding clock", async function () {
      const { work, treasury, carol } = await loadFixture(deployWorkHours);
      await expect(work.connect(treasury).mintCapital(carol.address, 5n * HOUR))
        .to.emit(work, "CapitalMinted")
        .withArgs(carol.address, 5n * HOUR)
        .and.to.emit(work, "Transfer")
        .withArgs(ethers.ZeroAddress, carol.address, 5n * HOUR);
      expect(await work.balanceOf(carol.address)).to.equal(5n * HOUR);
      expect(await work.getVotes(carol.address)).to.equal(5n * HOUR);
      expect(await work.earnedCredit(carol.address, Work.Commons)).to.equal(0n);
      expect(await work.earnedCredit(carol.address, Work.Subsistence)).to.equal(0n);
      expect(await work.holdingSince(carol.address)).to.equal(0n);
    });

    it("rejects a caller without the capital role", async function () {
      const { work, minter, carol } = await loadFixture(deployWorkHours);
      await expect(work.connect(minter).mintCapital(carol.address, 1n))
        .to.be.revertedWithCustomError(work, "AccessControlUnauthorizedAccount")
        .withArgs(minter.address, await work.CAPITAL_ROLE());
    });
  });

  describe("redeemBurn", function () {
    it("burns tokens and credit of one category", async function () {
      const { work, treasury, alice } = await loadFixture(deployFundedWorkHours);
      await expect(work.connect(treasury).redeemBurn(alice.address, Work.Subsistence, 15n * HOUR))
        .to.emit(work, "CreditRedeemed")
        .withArgs(alice.address, Work.Subsistence, 15n * HOUR)
        .and.to.emit(work, "Transfer")
        .withArgs(alice.address, ethers.ZeroAddress, 15n * HOUR);
      expect(await work.balanceOf(alice.address)).to.equal(85n * HOUR);
      expect(await work.getVotes(alice.address)).to.equal(85n * HOUR);
      expect(await work.totalSupply()).to.equal(135n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Subsistence)).to.equal(25n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Commons)).to.equal(60n * HOUR);
    });

    it("restarts the holding clock", async function () {
      const { work, treasury, alice } = await loadFixture(deployFundedWorkHours);
      await time.increase(5000);
      await work.connect(treasury).redeemBurn(alice.address, Work.Commons, HOUR);
      expect(await work.holdingSince(alice.address)).to.equal(await time.latest());
    });

    it("rejects more than the credit of the category", async function () {
      const { work, treasury, alice } = await loadFixture(deployFundedWorkHours);
      await expect(work.connect(treasury).redeemBurn(alice.address, Work.Subsistence, 41n * HOUR))
        .to.be.revertedWithCustomError(work, "WorkHoursInsufficientCredit")
        .withArgs(alice.address, Work.Subsistence, 40n * HOUR, 41n * HOUR);
    });

    it("rejects more than the balance, even with credit", async function () {
      const { work, treasury, alice, carol } = await loadFixture(deployFundedWorkHours);
      await work.connect(alice).transfer(carol.address, 90n * HOUR);
      await expect(work.connect(treasury).redeemBurn(alice.address, Work.Commons, 20n * HOUR))
        .to.be.revertedWithCustomError(work, "ERC20InsufficientBalance")
        .withArgs(alice.address, 10n * HOUR, 20n * HOUR);
    });

    it("rejects a caller without the redeemer role", async function () {
      const { work, minter, alice } = await loadFixture(deployFundedWorkHours);
      await expect(work.connect(alice).redeemBurn(alice.address, Work.Commons, 1n))
        .to.be.revertedWithCustomError(work, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, await work.REDEEMER_ROLE());
      await expect(work.connect(minter).redeemBurn(alice.address, Work.Commons, 1n))
        .to.be.revertedWithCustomError(work, "AccessControlUnauthorizedAccount")
        .withArgs(minter.address, await work.REDEEMER_ROLE());
    });
  });

  describe("burn", function () {
    it("burns the caller's tokens and leaves the credit", async function () {
      const { work, alice } = await loadFixture(deployFundedWorkHours);
      await expect(work.connect(alice).burn(30n * HOUR))
        .to.emit(work, "Transfer")
        .withArgs(alice.address, ethers.ZeroAddress, 30n * HOUR);
      expect(await work.balanceOf(alice.address)).to.equal(70n * HOUR);
      expect(await work.getVotes(alice.address)).to.equal(70n * HOUR);
      expect(await work.totalSupply()).to.equal(120n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Commons)).to.equal(60n * HOUR);
    });

    it("rejects more than the balance", async function () {
      const { work, carol } = await loadFixture(deployFundedWorkHours);
      await expect(work.connect(carol).burn(1n))
        .to.be.revertedWithCustomError(work, "ERC20InsufficientBalance")
        .withArgs(carol.address, 0n, 1n);
    });
  });

  describe("earned credit", function () {
    it("survives transfers and is not given to the recipient", async function () {
      const { work, alice, carol } = await loadFixture(deployFundedWorkHours);
      await work.connect(alice).transfer(carol.address, 100n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Commons)).to.equal(60n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Subsistence)).to.equal(40n * HOUR);
      expect(await work.earnedCredit(carol.address, Work.Commons)).to.equal(0n);
      expect(await work.holdingSince(carol.address)).to.equal(0n);
    });

    describe("attack: a redemption-credit increase without a mint", function () {
      it("gets no credit from transfer, transferFrom, self-transfer or permit", async function () {
        const { work, alice, bob, carol } = await loadFixture(deployFundedWorkHours);
        const credits = async (account: string) => [
          await work.earnedCredit(account, Work.Commons),
          await work.earnedCredit(account, Work.Subsistence),
          await work.holdingSince(account),
        ];
        const before = {
          alice: await credits(alice.address),
          bob: await credits(bob.address),
          carol: await credits(carol.address),
        };
        await work.connect(bob).transfer(alice.address, 50n * HOUR);
        await work.connect(alice).transfer(alice.address, 150n * HOUR);
        await work.connect(alice).approve(carol.address, ethers.MaxUint256);
        await work.connect(carol).transferFrom(alice.address, carol.address, 150n * HOUR);
        await work.connect(carol).transfer(alice.address, 150n * HOUR);
        await work.connect(alice).delegate(carol.address);
        await work.connect(alice).burn(HOUR);
        expect(await credits(alice.address)).to.deep.equal(before.alice);
        expect(await credits(bob.address)).to.deep.equal(before.bob);
        expect(await credits(carol.address)).to.deep.equal(before.carol);
      });

      it("cannot redeem credit that was transferred with the tokens", async function () {
        const { work, treasury, alice, carol } = await loadFixture(deployFundedWorkHours);
        await work.connect(alice).transfer(carol.address, 100n * HOUR);
        await expect(work.connect(treasury).redeemBurn(carol.address, Work.Commons, HOUR))
          .to.be.revertedWithCustomError(work, "WorkHoursInsufficientCredit")
          .withArgs(carol.address, Work.Commons, 0n, HOUR);
      });
    });
  });

  describe("delegation", function () {
    it("moves votes with transfers between self-delegated holders", async function () {
      const { work, alice, carol } = await loadFixture(deployFundedWorkHours);
      await expect(work.connect(alice).transfer(carol.address, 30n * HOUR))
        .to.emit(work, "DelegateVotesChanged")
        .withArgs(carol.address, 0n, 30n * HOUR);
      expect(await work.getVotes(alice.address)).to.equal(70n * HOUR);
      expect(await work.getVotes(carol.address)).to.equal(30n * HOUR);
      expect(await work.delegates(carol.address)).to.equal(carol.address);
    });

    it("freezes past votes after a transfer", async function () {
      const { work, alice, carol } = await loadFixture(deployFundedWorkHours);
      const before = await time.latest();
      await time.increase(60);
      await work.connect(alice).transfer(carol.address, 30n * HOUR);
      const after = await time.latest();
      await time.increase(1);
      expect(await work.getPastVotes(alice.address, before)).to.equal(100n * HOUR);
      expect(await work.getPastVotes(carol.address, before)).to.equal(0n);
      expect(await work.getPastVotes(alice.address, after)).to.equal(70n * HOUR);
      expect(await work.getPastVotes(carol.address, after)).to.equal(30n * HOUR);
      expect(await work.getPastTotalSupply(after)).to.equal(150n * HOUR);
    });

    it("delegates elsewhere and follows later transfers", async function () {
      const { work, alice, bob, carol } = await loadFixture(deployFundedWorkHours);
      await expect(work.connect(alice).delegate(bob.address))
        .to.emit(work, "DelegateChanged")
        .withArgs(alice.address, alice.address, bob.address);
      expect(await work.delegates(alice.address)).to.equal(bob.address);
      expect(await work.getVotes(alice.address)).to.equal(0n);
      expect(await work.getVotes(bob.address)).to.equal(150n * HOUR);
      await work.connect(alice).transfer(carol.address, 10n * HOUR);
      expect(await work.getVotes(bob.address)).to.equal(140n * HOUR);
      expect(await work.getVotes(carol.address)).to.equal(10n * HOUR);
      await work.connect(carol).transfer(alice.address, 10n * HOUR);
      expect(await work.getVotes(bob.address)).to.equal(150n * HOUR);
      expect(await work.balanceOf(alice.address)).to.equal(100n * HOUR);
    });

    it("returns to self-delegation", async function () {
      const { work, alice, bob } = await loadFixture(deployFundedWorkHours);
      await work.connect(alice).delegate(bob.address);
      await expect(work.connect(alice).delegate(alice.address))
        .to.emit(work, "DelegateChanged")
        .withArgs(alice.address, bob.address, alice.address);
      expect(await work.delegates(alice.address)).to.equal(alice.address);
      expect(await work.getVotes(alice.address)).to.equal(100n * HOUR);
      expect(await work.getVotes(bob.address)).to.equal(50n * HOUR);
    });

    it("rejects delegating to the zero address", async function () {
      const { work, alice } = await loadFixture(deployFundedWorkHours);
      await expect(work.connect(alice).delegate(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(work, "WorkHoursInvalidDelegatee")
        .withArgs(ethers.ZeroAddress);
    });

    it("delegates by signature", async function () {
      const { work, alice, bob } = await loadFixture(deployFundedWorkHours);
      const expiry = (await time.latest()) + 3600;
      const { chainId } = await ethers.provider.getNetwork();
      const signature = await alice.signTypedData(
        { name: "Work Hours", version: "1", chainId, verifyingContract: await work.getAddress() },
        {
          Delegation: [
            { name: "delegatee", type: "address" },
            { name: "nonce", type: "uint256" },
            { name: "expiry", type: "uint256" },
          ],
        },
        { delegatee: bob.address, nonce: 0n, expiry },
      );
      const { v, r, s } = ethers.Signature.from(signature);
      await work.connect(bob).delegateBySig(bob.address, 0n, expiry, v, r, s);
      expect(await work.delegates(alice.address)).to.equal(bob.address);
      expect(await work.getVotes(bob.address)).to.equal(150n * HOUR);
      expect(await work.nonces(alice.address)).to.equal(1n);
    });

    it("keeps the sum of votes equal to the supply", async function () {
      const { work, minter, alice, bob, carol, dave } = await loadFixture(deployFundedWorkHours);
      await work.connect(alice).delegate(dave.address);
      await work.connect(bob).transfer(carol.address, 20n * HOUR);
      await work.connect(carol).delegate(alice.address);
      await work.connect(minter).mintForWork([carol.address, dave.address], [HOUR, 0n], [0n, HOUR]);
      let votes = 0n;
      for (const account of [alice, bob, carol, dave])
        votes += await work.getVotes(account.address);
      expect(votes).to.equal(await work.totalSupply());
      expect(await work.getVotes(alice.address)).to.equal(21n * HOUR);
      expect(await work.getVotes(dave.address)).to.equal(101n * HOUR);
    });
  });

  describe("permit", function () {
    it("sets an allowance from a signature", async function () {
      const { work, alice, bob } = await loadFixture(deployFundedWorkHours);
      const deadline = (await time.latest()) + 3600;
      const { chainId } = await ethers.provider.getNetwork();
      const signature = await alice.signTypedData(
        { name: "Work Hours", version: "1", chainId, verifyingContract: await work.getAddress() },
        {
          Permit: [
            { name: "owner", type: "address" },
            { name: "spender", type: "address" },
            { name: "value", type: "uint256" },
            { name: "nonce", type: "uint256" },
            { name: "deadline", type: "uint256" },
          ],
        },
        { owner: alice.address, spender: bob.address, value: 9n, nonce: 0n, deadline },
      );
      const { v, r, s } = ethers.Signature.from(signature);
      await work.permit(alice.address, bob.address, 9n, deadline, v, r, s);
      expect(await work.allowance(alice.address, bob.address)).to.equal(9n);
    });
  });

  describe("gas", function () {
    it("transfers between self-delegated holders for at most OZ ERC20Votes' gas", async function () {
      // Coverage instruments the bytecode: its gas and size are not the deployed ones.
      if (hre.globalOptions.coverage) this.skip();
      const { work, minter, alice, bob } = await loadFixture(deployWorkHours);
      const { reference } = await loadFixture(deployReference);
      await work.connect(minter).mintForWork([alice.address, bob.address], [HOUR, HOUR], [0n, 0n]);
      await reference.mint(alice.address, HOUR);
      await reference.mint(bob.address, HOUR);
      await reference.connect(alice).delegate(alice.address);
      await reference.connect(bob).delegate(bob.address);
      await time.increase(100);
      const ours = await (await work.connect(alice).transfer(bob.address, 1n)).wait();
      await time.increase(100);
      const theirs = await (await reference.connect(alice).transfer(bob.address, 1n)).wait();
      console.log(
        `      transfer gas: WorkHours ${ours!.gasUsed}, OZ ERC20Votes ${theirs!.gasUsed}`,
      );
      expect(ours!.gasUsed).to.be.lte(theirs!.gasUsed);
    });
  });
});
