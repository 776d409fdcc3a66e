import { expect } from "chai";

import type { ERC20VotesReference, WorkHours } from "../../typechain-types/index.js";
import { ethers, networkHelpers } from "./fixtures.js";

type Signer = Awaited<ReturnType<typeof ethers.getSigners>>[number];

/** What the ERC-20 suite needs: a token, a holder of `balance`, a recipient and a spender. */
export interface ERC20Context {
  token: WorkHours | ERC20VotesReference;
  holder: Signer;
  recipient: Signer;
  spender: Signer;
  balance: bigint;
}

/**
 * The ERC-20 behaviour every transferable token of the suite must show. `fixture` returns a
 * token in which `holder` owns `balance` and `recipient` and `spender` own nothing.
 */
export function shouldBehaveLikeERC20(fixture: () => Promise<ERC20Context>) {
  const load = () => networkHelpers.loadFixture(fixture);

  describe("ERC-20 behaviour", function () {
    it("reports the holder's balance and a supply that covers it", async function () {
      const { token, holder, recipient, balance } = await load();
      expect(await token.balanceOf(holder.address)).to.equal(balance);
      expect(await token.balanceOf(recipient.address)).to.equal(0n);
      expect(await token.totalSupply()).to.be.gte(balance);
    });

    describe("transfer", function () {
      it("moves the amount and emits Transfer", async function () {
        const { token, holder, recipient, balance } = await load();
        await expect(token.connect(holder).transfer(recipient.address, balance))
          .to.emit(token, "Transfer")
          .withArgs(holder.address, recipient.address, balance);
        expect(await token.balanceOf(holder.address)).to.equal(0n);
        expect(await token.balanceOf(recipient.address)).to.equal(balance);
      });

      it("keeps the total supply", async function () {
        const { token, holder, recipient } = await load();
        const supply = await token.totalSupply();
        await token.connect(holder).transfer(recipient.address, 1n);
        expect(await token.totalSupply()).to.equal(supply);
      });

      it("allows a zero transfer", async function () {
        const { token, holder, recipient, balance } = await load();
        await expect(token.connect(holder).transfer(recipient.address, 0n))
          .to.emit(token, "Transfer")
          .withArgs(holder.address, recipient.address, 0n);
        expect(await token.balanceOf(holder.address)).to.equal(balance);
      });

      it("leaves a transfer to oneself unchanged", async function () {
        const { token, holder, balance } = await load();
        await token.connect(holder).transfer(holder.address, balance);
        expect(await token.balanceOf(holder.address)).to.equal(balance);
      });

      it("rejects more than the balance", async function () {
        const { token, holder, recipient, balance } = await load();
        await expect(token.connect(holder).transfer(recipient.address, balance + 1n))
          .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
          .withArgs(holder.address, balance, balance + 1n);
      });

      it("rejects the zero address as recipient", async function () {
        const { token, holder } = await load();
        await expect(token.connect(holder).transfer(ethers.ZeroAddress, 1n))
          .to.be.revertedWithCustomError(token, "ERC20InvalidReceiver")
          .withArgs(ethers.ZeroAddress);
      });
    });

    describe("approve", function () {
      it("sets the allowance and emits Approval", async function () {
        const { token, holder, spender } = await load();
        await expect(token.connect(holder).approve(spender.address, 7n))
          .to.emit(token, "Approval")
          .withArgs(holder.address, spender.address, 7n);
        expect(await token.allowance(holder.address, spender.address)).to.equal(7n);
      });

      it("replaces a previous allowance", async function () {
        const { token, holder, spender } = await load();
        await token.connect(holder).approve(spender.address, 7n);
        await token.connect(holder).approve(spender.address, 3n);
        expect(await token.allowance(holder.address, spender.address)).to.equal(3n);
      });

      it("rejects the zero address as spender", async function () {
        const { token, holder } = await load();
        await expect(token.connect(holder).approve(ethers.ZeroAddress, 1n))
          .to.be.revertedWithCustomError(token, "ERC20InvalidSpender")
          .withArgs(ethers.ZeroAddress);
      });
    });

    describe("transferFrom", function () {
      describe("when the spender has enough allowance", function () {
        it("moves the amount and lowers the allowance", async function () {
          const { token, holder, recipient, spender, balance } = await load();
          await token.connect(holder).approve(spender.address, balance);
          await expect(
            token.connect(spender).transferFrom(holder.address, recipient.address, balance - 1n),
          )
            .to.emit(token, "Transfer")
            .withArgs(holder.address, recipient.address, balance - 1n);
          expect(await token.balanceOf(recipient.address)).to.equal(balance - 1n);
          expect(await token.allowance(holder.address, spender.address)).to.equal(1n);
        });

        it("keeps an unlimited allowance", async function () {
          const { token, holder, recipient, spender } = await load();
          await token.connect(holder).approve(spender.address, ethers.MaxUint256);
          await token.connect(spender).transferFrom(holder.address, recipient.address, 5n);
          expect(await token.allowance(holder.address, spender.address)).to.equal(
            ethers.MaxUint256,
          );
        });

        it("rejects more than the balance", async function () {
          const { token, holder, recipient, spender, balance } = await load();
          await token.connect(holder).approve(spender.address, ethers.MaxUint256);
          await expect(
            token.connect(spender).transferFrom(holder.address, recipient.address, balance + 1n),
          )
            .to.be.revertedWithCustomError(token, "ERC20InsufficientBalance")
            .withArgs(holder.address, balance, balance + 1n);
        });
      });

      describe("when the spender lacks allowance", function () {
        it("reverts with the allowance and the amount", async function () {
          const { token, holder, recipient, spender } = await load();
          await token.connect(holder).approve(spender.address, 4n);
          await expect(token.connect(spender).transferFrom(holder.address, recipient.address, 5n))
            .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
            .withArgs(spender.address, 4n, 5n);
        });
      });
    });
  });
}
