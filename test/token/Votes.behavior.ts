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
