import { expect } from "chai";

import type { CareReputation } from "../../typechain-types/index.js";
import { ethers, networkHelpers } from "./fixtures.js";

type Signer = Awaited<ReturnType<typeof ethers.getSigners>>[number];

/** What the suite needs: a token in which `holder` owns `balance`, and another account. */
export interface NonTransferableContext {
  token: CareReputation;
  holder: Signer;
  other: Signer;
  balance: bigint;
}

/**
 * The behaviour of a token that no one can move: every ERC-20 write reverts with a named error,
 * and balances and votes stay where they were minted.
 */
export function shouldBehaveLikeNonTransferable(fixture: () => Promise<NonTransferableContext>) {
  const load = () => networkHelpers.loadFixture(fixture);

  async function expectUnmoved({ token, holder, other, balance }: NonTransferableContext) {
    expect(await token.balanceOf(holder.address)).to.equal(balance);
    expect(await token.getVotes(holder.address)).to.equal(balance);
    expect(await token.balanceOf(other.address)).to.equal(0n);
    expect(await token.getVotes(other.address)).to.equal(0n);
  }

  describe("non-transferable behaviour", function () {
    it("rejects transfer", async function () {
      const context = await load();
      const { token, holder, other, balance } = context;
      await expect(
        token.connect(holder).transfer(other.address, balance),
      ).to.be.revertedWithCustomError(token, "CareReputationNonTransferable");
      await expectUnmoved(context);
    });

    it("rejects transferFrom by the holder", async function () {
      const context = await load();
      const { token, holder, other } = context;
      await expect(
        token.connect(holder).transferFrom(holder.address, other.address, 1n),
      ).to.be.revertedWithCustomError(token, "CareReputationNonTransferable");
      await expectUnmoved(context);
    });

    it("rejects transferFrom by anyone else", async function () {
      const context = await load();
      const { token, holder, other } = context;
      await expect(
        token.connect(other).transferFrom(holder.address, other.address, 1n),
      ).to.be.revertedWithCustomError(token, "CareReputationNonTransferable");
      await expectUnmoved(context);
    });

    it("rejects approve, so approve plus transferFrom moves nothing", async function () {
      const context = await load();
      const { token, holder, other, balance } = context;
      await expect(
        token.connect(holder).approve(other.address, balance),
      ).to.be.revertedWithCustomError(token, "CareReputationNonTransferable");
      expect(await token.allowance(holder.address, other.address)).to.equal(0n);
      await expect(
        token.connect(other).transferFrom(holder.address, other.address, balance),
      ).to.be.revertedWithCustomError(token, "CareReputationNonTransferable");
      await expectUnmoved(context);
    });

    it("rejects delegating the votes elsewhere", async function () {
      const context = await load();
      const { token, holder, other } = context;
      await expect(token.connect(holder).delegate(other.address))
        .to.be.revertedWithCustomError(token, "CareReputationNonDelegable")
        .withArgs(other.address);
      await expectUnmoved(context);
    });

    it("accepts delegating to oneself as a no-op", async function () {
      const context = await load();
      const { token, holder } = context;
      await expect(token.connect(holder).delegate(holder.address)).to.not.emit(
        token,
        "DelegateChanged",
      );
      expect(await token.delegates(holder.address)).to.equal(holder.address);
      await expectUnmoved(context);
    });

    it("rejects a delegation by signature", async function () {
      const context = await load();
      const { token, holder, other } = context;
      const expiry = (await networkHelpers.time.latest()) + 3600;
      const { chainId } = await ethers.provider.getNetwork();
      const signature = await holder.signTypedData(
        {
          name: await token.name(),
          version: "1",
          chainId,
          verifyingContract: await token.getAddress(),
        },
        {
          Delegation: [
            { name: "delegatee", type: "address" },
            { name: "nonce", type: "uint256" },
            { name: "expiry", type: "uint256" },
          ],
        },
        { delegatee: other.address, nonce: 0n, expiry },
      );
      const { v, r, s } = ethers.Signature.from(signature);
      await expect(token.connect(other).delegateBySig(other.address, 0n, expiry, v, r, s))
        .to.be.revertedWithCustomError(token, "CareReputationNonDelegable")
        .withArgs(other.address);
      await expectUnmoved(context);
    });
  });
}
