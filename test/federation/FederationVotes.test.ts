import { expect } from "chai";

import { deployFederation, ethers, networkHelpers } from "./fixtures.js";

const { loadFixture } = networkHelpers;

describe("FederationVotes", function () {
  it("gives each admitted cooperative's timelock one vote on the timestamp clock", async function () {
    const { votes, timelockA, timelockB, timelockC } = await loadFixture(deployFederation);
    for (const t of [timelockA, timelockB, timelockC]) {
      expect(await votes.seatOf(t.address)).to.equal(1n);
      expect(await votes.getVotes(t.address)).to.equal(1n);
      expect(await votes.liaisonOf(t.address)).to.equal(t.address);
    }
    expect(await votes.CLOCK_MODE()).to.equal("mode=timestamp");
    expect(await votes.clock()).to.equal(await networkHelpers.time.latest());
  });

  it("moves the seat's vote to the liaison its timelock appoints, and back on revocation", async function () {
    const { votes, timelockA, alice } = await loadFixture(deployFederation);
    await expect(votes.connect(timelockA).appointLiaison(alice.address))
      .to.emit(votes, "LiaisonAppointed")
      .withArgs(timelockA.address, alice.address);
    expect(await votes.getVotes(alice.address)).to.equal(1n);
    expect(await votes.getVotes(timelockA.address)).to.equal(0n);
    const appointedAt = await networkHelpers.time.latest();
    await networkHelpers.mine();
    await votes.connect(timelockA).revokeLiaison();
    expect(await votes.getVotes(alice.address)).to.equal(0n);
    expect(await votes.getVotes(timelockA.address)).to.equal(1n);
    expect(await votes.getPastVotes(alice.address, appointedAt)).to.equal(1n);
  });

  it("lets nobody without a seat appoint a liaison", async function () {
    const { votes, eve, alice } = await loadFixture(deployFederation);
    await expect(votes.connect(eve).appointLiaison(alice.address))
      .to.be.revertedWithCustomError(votes, "FederationVotesNotSeated")
      .withArgs(eve.address);
    await expect(votes.connect(eve).delegate(alice.address))
      .to.be.revertedWithCustomError(votes, "FederationVotesNotSeated")
      .withArgs(eve.address);
  });

  it("rejects the zero address as liaison", async function () {
    const { votes, timelockA } = await loadFixture(deployFederation);
    await expect(votes.connect(timelockA).appointLiaison(ethers.ZeroAddress))
      .to.be.revertedWithCustomError(votes, "FederationVotesInvalidLiaison")
      .withArgs(ethers.ZeroAddress);
  });

  it("has no transfer and no delegation by signature", async function () {
    const { votes, alice } = await loadFixture(deployFederation);
    const names: string[] = [];
    votes.interface.forEachFunction((f) => names.push(f.name));
    for (const transfer of ["transfer", "transferFrom", "approve"])
      expect(names).to.not.include(transfer);
    await expect(
      votes.delegateBySig(alice.address, 0n, 0n, 27, ethers.ZeroHash, ethers.ZeroHash),
    ).to.be.revertedWithCustomError(votes, "FederationVotesBySignatureDisabled");
  });

  it("seats cooperatives only through the registry", async function () {
    const { votes, union, eve, timelockA } = await loadFixture(deployFederation);
    expect(await votes.registry()).to.equal(await union.getAddress());
    await expect(votes.connect(eve).grantSeat(eve.address, 100n))
      .to.be.revertedWithCustomError(votes, "FederationVotesUnauthorized")
      .withArgs(eve.address);
    await expect(votes.connect(eve).withdrawSeat(timelockA.address))
      .to.be.revertedWithCustomError(votes, "FederationVotesUnauthorized")
      .withArgs(eve.address);
  });

  it("keeps past totals at a snapshot when a seat is withdrawn later", async function () {
    const { votes, union, a, b, alice, bob, timelockB } = await loadFixture(deployFederation);
    await union.connect(alice).pay(a, b, bob.address, 1n, 0n);
    const before = await networkHelpers.time.latest();
    await networkHelpers.mine();
    await union.retire(b);
    expect(await votes.getPastTotalSupply(before)).to.equal(3n);
    expect(await votes.getPastVotes(timelockB.address, before)).to.equal(1n);
    expect(await votes.getVotes(timelockB.address)).to.equal(0n);
  });
});
