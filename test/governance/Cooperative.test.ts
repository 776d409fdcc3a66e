import { expect } from "chai";

import { HOUR, networkHelpers } from "../fixtures/governance.js";
import { GENESIS, MEMBER_HOURS, deployCoop, deployCoopWithMembers } from "../fixtures/coop.js";

const { loadFixture } = networkHelpers;

describe("Cooperative deployment", function () {
  it("mints the genesis balances to the founder", async function () {
    const { work, care, founder } = await loadFixture(deployCoop);
    expect(await work.balanceOf(founder.address)).to.equal(GENESIS.commons);
    expect(await care.balanceOf(founder.address)).to.equal(GENESIS.care);
  });

  it("seeds members through an approved claims proposal", async function () {
    const { work, care, members } = await loadFixture(deployCoopWithMembers);
    expect(await work.balanceOf(members[0].address)).to.equal(MEMBER_HOURS.commons + MEMBER_HOURS.subsistence);
    expect(await care.balanceOf(members[24].address)).to.equal(MEMBER_HOURS.care);
    expect(HOUR).to.equal(10n ** 18n);
  });
});
