import { expect } from "chai";

import type { CareReputation, WorkHours } from "../../typechain-types/index.js";
import { ethers, networkHelpers } from "./fixtures.js";

type Signer = Awaited<ReturnType<typeof ethers.getSigners>>[number];

/** What the votes suite needs: an empty token, a way to mint, and two accounts. */
export interface VotesContext {
  token: WorkHours | CareReputation;
  mint: (to: string, amount: bigint) => Promise<unknown>;
  holder: Signer;
  other: Signer;
}

/**
 * The IERC5805 behaviour shared by WorkHours and CareReputation, which a governor combines:
 * the timestamp clock, votes without a delegate transaction, and frozen snapshots.
 */
export function shouldBehaveLikeTimestampVotes(fixture: () => Promise<VotesContext>) {
  const load = () => networkHelpers.loadFixture(fixture);
  const { time } = networkHelpers;

  describe("timestamp votes behaviour", function () {
    it("uses the block timestamp as clock", async function () {
      const { token } = await load();
      expect(await token.clock()).to.equal(await time.latest());
      expect(await token.CLOCK_MODE()).to.equal("mode=timestamp");
    });

    it("counts tokens as votes without a delegate transaction", async function () {
      const { token, mint, holder } = await load();
      await mint(holder.address, 5n);
      expect(await token.delegates(holder.address)).to.equal(holder.address);
      expect(await token.getVotes(holder.address)).to.equal(5n);
    });

    it("freezes past votes and supply after a later mint", async function () {
      const { token, mint, holder } = await load();
      await mint(holder.address, 5n);
      const before = await time.latest();
      await time.increase(10);
      await mint(holder.address, 7n);
      await time.increase(1);
      expect(await token.getPastVotes(holder.address, before)).to.equal(5n);
      expect(await token.getPastTotalSupply(before)).to.equal(5n);
      expect(await token.getPastVotes(holder.address, (await time.latest()) - 1)).to.equal(12n);
    });

    it("loses no checkpoint across many timepoints", async function () {
      const { token, mint, holder, other } = await load();
      const history: { at: number; holder: bigint; supply: bigint }[] = [];
      let held = 0n;
      let supply = 0n;
      const start = await time.latest();
      for (let i = 1n; i <= 8n; i++) {
        await mint(holder.address, i);
        await mint(other.address, 1n);
        held += i;
        supply += i + 1n;
        history.push({ at: await time.latest(), holder: held, supply });
        await time.increase(3);
      }
      await time.increase(1);
      for (const point of history) {
        expect(await token.getPastVotes(holder.address, point.at)).to.equal(point.holder);
        expect(await token.getPastVotes(holder.address, point.at + 1)).to.equal(point.holder);
        expect(await token.getPastTotalSupply(point.at)).to.equal(point.supply);
      }
      expect(await token.getPastVotes(holder.address, start)).to.equal(0n);
    });

    it("sums every holder's votes to the supply", async function () {
      const { token, mint, holder, other } = await load();
      await mint(holder.address, 3n);
      await mint(other.address, 4n);
      const votes = (await token.getVotes(holder.address)) + (await token.getVotes(other.address));
      expect(votes).to.equal(await token.totalSupply());
    });

    describe("when reading past votes", function () {
      it("returns zero for an account without checkpoints", async function () {
        const { token, mint, holder, other } = await load();
        await mint(holder.address, 5n);
        await time.increase(1);
        const past = (await time.latest()) - 1;
        expect(await token.numCheckpoints(other.address)).to.equal(0n);
        expect(await token.getPastVotes(other.address, past)).to.equal(0n);
        expect(await token.getPastVotes(holder.address, past)).to.equal(5n);
      });

      it("answers at the latest checkpoint's own timepoint and after it", async function () {
        const { token, mint, holder } = await load();
        await mint(holder.address, 5n);
        const at = await time.latest();
        await time.increase(10);
        expect(await token.getPastVotes(holder.address, at)).to.equal(5n);
        expect(await token.getPastVotes(holder.address, at + 5)).to.equal(5n);
        expect(await token.getPastTotalSupply(at)).to.equal(5n);
        expect(await token.getPastTotalSupply(at + 5)).to.equal(5n);
      });

      it("answers before the latest checkpoint from the earlier ones", async function () {
        const { token, mint, holder } = await load();
        await mint(holder.address, 5n);
        const first = await time.latest();
        await time.increase(10);
        await mint(holder.address, 7n);
        const second = await time.latest();
        await time.increase(1);
        expect(await token.getPastVotes(holder.address, first - 1)).to.equal(0n);
        expect(await token.getPastVotes(holder.address, first)).to.equal(5n);
        expect(await token.getPastVotes(holder.address, second - 1)).to.equal(5n);
        expect(await token.getPastVotes(holder.address, second)).to.equal(12n);
        expect(await token.getPastTotalSupply(first - 1)).to.equal(0n);
        expect(await token.getPastTotalSupply(second - 1)).to.equal(5n);
        expect(await token.getPastTotalSupply(second)).to.equal(12n);
      });

      it("answers every timepoint of a long history", async function () {
        const { token, mint, holder } = await load();
        const history: { at: number; votes: bigint }[] = [];
        let held = 0n;
        for (let i = 1n; i <= 20n; i++) {
          await mint(holder.address, i);
          held += i;
          history.push({ at: await time.latest(), votes: held });
          await time.increase(1);
        }
        await time.increase(1);
        expect(await token.numCheckpoints(holder.address)).to.equal(20n);
        for (const [i, point] of history.entries()) {
          expect(await token.getPastVotes(holder.address, point.at)).to.equal(point.votes);
          expect(await token.getPastVotes(holder.address, point.at - 1)).to.equal(
            i === 0 ? 0n : history[i - 1].votes,
          );
        }
      });

      it("lists the checkpoints, oldest first", async function () {
        const { token, mint, holder } = await load();
        await mint(holder.address, 5n);
        const first = await time.latest();
        await time.increase(10);
        await mint(holder.address, 7n);
        const second = await time.latest();
        expect(await token.numCheckpoints(holder.address)).to.equal(2n);
        expect(await token.checkpoints(holder.address, 0)).to.deep.equal([BigInt(first), 5n]);
        expect(await token.checkpoints(holder.address, 1)).to.deep.equal([BigInt(second), 12n]);
        await expect(token.checkpoints(holder.address, 2)).to.be.revertedWithPanic(0x32);
      });
    });

    it("rejects a lookup at the current or a future timepoint", async function () {
      const { token, holder } = await load();
      const now = await token.clock();
      await expect(token.getPastVotes(holder.address, now))
        .to.be.revertedWithCustomError(token, "ERC5805FutureLookup")
        .withArgs(now, now);
      await expect(token.getPastTotalSupply(now + 1n))
        .to.be.revertedWithCustomError(token, "ERC5805FutureLookup")
        .withArgs(now + 1n, now);
    });
  });
}
