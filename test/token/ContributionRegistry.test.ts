import { expect } from "chai";

import {
  CLAIM_CAP,
  Category,
  HOUR,
  Status,
  Work,
  deployRegistry,
  deployRegistryWithClaims,
  ethers,
  networkHelpers,
} from "./fixtures.js";

const { loadFixture } = networkHelpers;
const EVIDENCE = ethers.id("evidence");

describe("ContributionRegistry", function () {
  describe("deployment", function () {
    it("wires the tokens, the cap and governance's roles", async function () {
      const { registry, work, care, governance } = await loadFixture(deployRegistry);
      expect(await registry.workHours()).to.equal(await work.getAddress());
      expect(await registry.careReputation()).to.equal(await care.getAddress());
      expect(await registry.claimCap()).to.equal(CLAIM_CAP);
      const approver = await registry.APPROVER_ROLE();
      const admin = await registry.DEFAULT_ADMIN_ROLE();
      expect(await registry.hasRole(approver, governance.address)).to.equal(true);
      expect(await registry.hasRole(admin, governance.address)).to.equal(true);
      expect(await registry.claimCount()).to.equal(0n);
    });

    it("rejects a zero cap", async function () {
      const { registry, work, care, governance } = await loadFixture(deployRegistry);
      const factory = await ethers.getContractFactory("ContributionRegistry");
      await expect(factory.deploy(work, care, 0n, governance.address))
        .to.be.revertedWithCustomError(registry, "RegistryInvalidClaimCap")
        .withArgs(0n);
    });
  });

  describe("submitClaim", function () {
    it("returns the next id and stores the claim as pending", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const submit = registry.connect(alice);
      expect(await submit.submitClaim.staticCall(HOUR, Category.Care, EVIDENCE, "x")).to.equal(1n);
      await submit.submitClaim(HOUR, Category.Care, EVIDENCE, "x");
      expect(await submit.submitClaim.staticCall(HOUR, Category.Care, EVIDENCE, "x")).to.equal(2n);
      const claim = await registry.claim(1n);
      expect(claim.claimant).to.equal(alice.address);
      expect(claim.amount).to.equal(HOUR);
      expect(claim.category).to.equal(Category.Care);
      expect(claim.status).to.equal(Status.Pending);
    });

    it("emits the evidence hash and URI", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expect(
        registry.connect(alice).submitClaim(2n * HOUR, Category.Commons, EVIDENCE, "ipfs://cid"),
      )
        .to.emit(registry, "ClaimSubmitted")
        .withArgs(1n, alice.address, Category.Commons, 2n * HOUR, EVIDENCE, "ipfs://cid");
    });

    it("counts and indexes the claim", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistryWithClaims);
      expect(await registry.claimCount()).to.equal(4n);
      expect(await registry.claimCountByStatus(Status.Pending)).to.equal(4n);
      expect(await registry.claimCountOf(alice.address)).to.equal(3n);
      expect(await registry.claimsOf(alice.address, 0n, 10n)).to.deep.equal([1n, 2n, 3n]);
      expect(await registry.claimsOf(bob.address, 0n, 10n)).to.deep.equal([4n]);
    });

    it("accepts exactly the cap", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expect(registry.connect(alice).submitClaim(CLAIM_CAP, Category.Commons, EVIDENCE, ""))
        .to.emit(registry, "ClaimSubmitted")
        .withArgs(1n, alice.address, Category.Commons, CLAIM_CAP, EVIDENCE, "");
    });

    it("rejects zero hours", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expect(registry.connect(alice).submitClaim(0n, Category.Commons, EVIDENCE, ""))
        .to.be.revertedWithCustomError(registry, "RegistryInvalidAmount")
        .withArgs(0n, CLAIM_CAP);
    });

    it("rejects more than the cap", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expect(
        registry.connect(alice).submitClaim(CLAIM_CAP + 1n, Category.Subsistence, EVIDENCE, ""),
      )
        .to.be.revertedWithCustomError(registry, "RegistryInvalidAmount")
        .withArgs(CLAIM_CAP + 1n, CLAIM_CAP);
    });

    it("rejects a category outside the enum", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expect(registry.connect(alice).submitClaim(HOUR, 3n, EVIDENCE, "")).to.revert(ethers);
    });
  });

  describe("withdrawClaim", function () {
    it("withdraws the caller's pending claim", async function () {
      const { registry, alice } = await loadFixture(deployRegistryWithClaims);
      await expect(registry.connect(alice).withdrawClaim(2n))
        .to.emit(registry, "ClaimWithdrawn")
        .withArgs(2n, alice.address);
      expect((await registry.claim(2n)).status).to.equal(Status.Withdrawn);
      expect(await registry.claimCountByStatus(Status.Pending)).to.equal(3n);
      expect(await registry.claimCountByStatus(Status.Withdrawn)).to.equal(1n);
    });

    it("rejects someone else's claim", async function () {
      const { registry, bob } = await loadFixture(deployRegistryWithClaims);
      await expect(registry.connect(bob).withdrawClaim(1n))
        .to.be.revertedWithCustomError(registry, "RegistryNotClaimant")
        .withArgs(1n, bob.address);
    });

    it("rejects an unknown id", async function () {
      const { registry, alice } = await loadFixture(deployRegistryWithClaims);
      for (const id of [0n, 5n]) {
        await expect(registry.connect(alice).withdrawClaim(id))
          .to.be.revertedWithCustomError(registry, "RegistryUnknownClaim")
          .withArgs(id);
      }
    });

    it("rejects a claim that is no longer pending", async function () {
      const { registry, governance, alice } = await loadFixture(deployRegistryWithClaims);
      await registry.connect(alice).withdrawClaim(1n);
      await expect(registry.connect(alice).withdrawClaim(1n))
        .to.be.revertedWithCustomError(registry, "RegistryClaimNotPending")
        .withArgs(1n, Status.Withdrawn);
      await registry.connect(governance).approveClaims([2n]);
      await expect(registry.connect(alice).withdrawClaim(2n))
        .to.be.revertedWithCustomError(registry, "RegistryClaimNotPending")
        .withArgs(2n, Status.Approved);
      await registry.connect(governance).rejectClaims([3n]);
      await expect(registry.connect(alice).withdrawClaim(3n))
        .to.be.revertedWithCustomError(registry, "RegistryClaimNotPending")
        .withArgs(3n, Status.Rejected);
    });
  });

  describe("approveClaims", function () {
    it("mints hours with credit per category, and care reputation", async function () {
      const { registry, work, care, governance, alice, bob } =
        await loadFixture(deployRegistryWithClaims);
      await registry.connect(governance).approveClaims([1n, 2n, 3n, 4n]);
      expect(await work.balanceOf(alice.address)).to.equal(15n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Commons)).to.equal(10n * HOUR);
      expect(await work.earnedCredit(alice.address, Work.Subsistence)).to.equal(5n * HOUR);
      expect(await work.getVotes(alice.address)).to.equal(15n * HOUR);
      expect(await care.balanceOf(alice.address)).to.equal(3n * HOUR);
      expect(await work.balanceOf(bob.address)).to.equal(8n * HOUR);
      expect(await care.balanceOf(bob.address)).to.equal(0n);
      expect(await work.totalSupply()).to.equal(23n * HOUR);
      expect(await care.totalSupply()).to.equal(3n * HOUR);
    });

    it("marks the claims approved and counts them", async function () {
      const { registry, governance } = await loadFixture(deployRegistryWithClaims);
      const tx = registry.connect(governance).approveClaims([4n, 1n]);
      const [, alice, bob] = await ethers.getSigners();
      await expect(tx)
        .to.emit(registry, "ClaimApproved")
        .withArgs(4n, bob.address)
        .and.to.emit(registry, "ClaimApproved")
        .withArgs(1n, alice.address);
      expect((await registry.claim(1n)).status).to.equal(Status.Approved);
      expect((await registry.claim(2n)).status).to.equal(Status.Pending);
      expect(await registry.claimCountByStatus(Status.Approved)).to.equal(2n);
      expect(await registry.claimCountByStatus(Status.Pending)).to.equal(2n);
    });

    it("mints once per claimant per batch", async function () {
      const { registry, work, care, governance, alice } = await loadFixture(deployRegistry);
      for (let i = 0; i < 6; i++) {
        const category = [Category.Commons, Category.Subsistence, Category.Care][i % 3];
        await registry.connect(alice).submitClaim(HOUR, category, EVIDENCE, "");
      }
      const tx = registry.connect(governance).approveClaims([1n, 2n, 3n, 4n, 5n, 6n]);
      await expect(tx)
        .to.emit(work, "Transfer")
        .withArgs(ethers.ZeroAddress, alice.address, 4n * HOUR)
        .and.to.emit(care, "Transfer")
        .withArgs(ethers.ZeroAddress, alice.address, 2n * HOUR);
      const receipt = await (await tx).wait();
      const mints = receipt!.logs.filter(
        (log) =>
          work.interface.parseLog(log)?.name === "Transfer" ||
          care.interface.parseLog(log)?.name === "Transfer",
      );
      expect(mints).to.have.length(2);
    });

    it("rejects an empty batch", async function () {
      const { registry, governance } = await loadFixture(deployRegistryWithClaims);
      await expect(registry.connect(governance).approveClaims([])).to.be.revertedWithCustomError(
        registry,
        "RegistryEmptyBatch",
      );
    });

    it("rejects an unknown id, and approves nothing of the batch", async function () {
      const { registry, work, governance } = await loadFixture(deployRegistryWithClaims);
      await expect(registry.connect(governance).approveClaims([1n, 9n]))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownClaim")
        .withArgs(9n);
      expect((await registry.claim(1n)).status).to.equal(Status.Pending);
      expect(await work.totalSupply()).to.equal(0n);
    });

    it("skips a rejected or withdrawn claim and approves the rest", async function () {
      const { registry, work, care, governance, alice } =
        await loadFixture(deployRegistryWithClaims);
      await registry.connect(governance).rejectClaims([1n]);
      await registry.connect(alice).withdrawClaim(2n);
      await expect(registry.connect(governance).approveClaims([3n, 1n]))
        .to.emit(registry, "ClaimApproved")
        .withArgs(3n, alice.address)
        .and.to.emit(registry, "ClaimSkipped")
        .withArgs(1n, Status.Rejected);
      expect((await registry.claim(1n)).status).to.equal(Status.Rejected);
      expect(await care.balanceOf(alice.address)).to.equal(3n * HOUR);
      // a batch of only skipped claims mints nothing and does not revert
      await expect(registry.connect(governance).approveClaims([2n]))
        .to.emit(registry, "ClaimSkipped")
        .withArgs(2n, Status.Withdrawn)
        .and.not.to.emit(registry, "ClaimApproved");
      expect(await work.totalSupply()).to.equal(0n);
      expect(await registry.claimCountByStatus(Status.Approved)).to.equal(1n);
      expect(await registry.claimCountByStatus(Status.Pending)).to.equal(1n);
    });

    describe("attack: approval by anyone but governance", function () {
      it("rejects the claimant, a member and the token minter", async function () {
        const { registry, work, alice, outsider } = await loadFixture(deployRegistryWithClaims);
        const role = await registry.APPROVER_ROLE();
        for (const caller of [alice, outsider]) {
          await expect(registry.connect(caller).approveClaims([1n]))
            .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
            .withArgs(caller.address, role);
          await expect(registry.connect(caller).rejectClaims([4n]))
            .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
            .withArgs(caller.address, role);
        }
        expect(await work.totalSupply()).to.equal(0n);
        expect((await registry.claim(1n)).status).to.equal(Status.Pending);
      });
    });

    describe("attack: double approval of a claim", function () {
      it("mints an id listed twice in one batch once", async function () {
        const { registry, work, governance, alice, bob } =
          await loadFixture(deployRegistryWithClaims);
        await expect(registry.connect(governance).approveClaims([1n, 4n, 1n]))
          .to.emit(registry, "ClaimSkipped")
          .withArgs(1n, Status.Approved);
        expect(await work.balanceOf(alice.address)).to.equal(10n * HOUR);
        expect(await work.balanceOf(bob.address)).to.equal(8n * HOUR);
        expect(await work.totalSupply()).to.equal(18n * HOUR);
        expect(await registry.claimCountByStatus(Status.Approved)).to.equal(2n);
      });

      it("does not mint again an id approved in an earlier batch", async function () {
        const { registry, work, governance, alice } = await loadFixture(deployRegistryWithClaims);
        await registry.connect(governance).approveClaims([1n]);
        await expect(registry.connect(governance).approveClaims([2n, 1n]))
          .to.emit(registry, "ClaimSkipped")
          .withArgs(1n, Status.Approved);
        expect(await work.balanceOf(alice.address)).to.equal(15n * HOUR);
        expect(await work.earnedCredit(alice.address, Work.Commons)).to.equal(10n * HOUR);
        expect(await work.earnedCredit(alice.address, Work.Subsistence)).to.equal(5n * HOUR);
      });
    });
  });

  describe("rejectClaims", function () {
    it("rejects pending claims without minting", async function () {
      const { registry, work, care, governance, alice } =
        await loadFixture(deployRegistryWithClaims);
      await expect(registry.connect(governance).rejectClaims([1n, 3n]))
        .to.emit(registry, "ClaimRejected")
        .withArgs(1n, alice.address)
        .and.to.emit(registry, "ClaimRejected")
        .withArgs(3n, alice.address);
      expect((await registry.claim(3n)).status).to.equal(Status.Rejected);
      expect(await registry.claimCountByStatus(Status.Rejected)).to.equal(2n);
      expect(await registry.claimCountByStatus(Status.Pending)).to.equal(2n);
      expect(await work.totalSupply()).to.equal(0n);
      expect(await care.totalSupply()).to.equal(0n);
    });

    it("rejects an empty batch", async function () {
      const { registry, governance } = await loadFixture(deployRegistryWithClaims);
      await expect(registry.connect(governance).rejectClaims([])).to.be.revertedWithCustomError(
        registry,
        "RegistryEmptyBatch",
      );
    });

    it("skips a claim that is not pending, or listed twice, and rejects an unknown id", async function () {
      const { registry, governance, alice } = await loadFixture(deployRegistryWithClaims);
      await registry.connect(governance).approveClaims([1n]);
      await expect(registry.connect(governance).rejectClaims([1n]))
        .to.emit(registry, "ClaimSkipped")
        .withArgs(1n, Status.Approved);
      expect((await registry.claim(1n)).status).to.equal(Status.Approved);
      await expect(registry.connect(governance).rejectClaims([2n, 2n]))
        .to.emit(registry, "ClaimRejected")
        .withArgs(2n, alice.address)
        .and.to.emit(registry, "ClaimSkipped")
        .withArgs(2n, Status.Rejected);
      expect(await registry.claimCountByStatus(Status.Rejected)).to.equal(1n);
      await expect(registry.connect(governance).rejectClaims([9n]))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownClaim")
        .withArgs(9n);
    });
  });

  describe("setClaimCap", function () {
    it("sets the cap for later submissions", async function () {
      const { registry, governance, alice } = await loadFixture(deployRegistryWithClaims);
      await expect(registry.connect(governance).setClaimCap(5n * HOUR))
        .to.emit(registry, "ClaimCapUpdated")
        .withArgs(CLAIM_CAP, 5n * HOUR);
      expect(await registry.claimCap()).to.equal(5n * HOUR);
      await expect(registry.connect(alice).submitClaim(6n * HOUR, Category.Commons, EVIDENCE, ""))
        .to.be.revertedWithCustomError(registry, "RegistryInvalidAmount")
        .withArgs(6n * HOUR, 5n * HOUR);
    });

    it("keeps the counters", async function () {
      const { registry, governance } = await loadFixture(deployRegistryWithClaims);
      await registry.connect(governance).approveClaims([1n]);
      await registry.connect(governance).setClaimCap(5n * HOUR);
      expect(await registry.claimCount()).to.equal(4n);
      expect(await registry.claimCountByStatus(Status.Approved)).to.equal(1n);
      expect(await registry.claimCountByStatus(Status.Pending)).to.equal(3n);
    });

    it("still lets governance approve a pending claim above the new cap", async function () {
      const { registry, work, governance, alice } = await loadFixture(deployRegistryWithClaims);
      await registry.connect(governance).setClaimCap(HOUR);
      await registry.connect(governance).approveClaims([1n]);
      expect(await work.balanceOf(alice.address)).to.equal(10n * HOUR);
    });

    it("rejects zero and more than 2^80 - 1", async function () {
      const { registry, governance } = await loadFixture(deployRegistry);
      for (const cap of [0n, 2n ** 80n]) {
        await expect(registry.connect(governance).setClaimCap(cap))
          .to.be.revertedWithCustomError(registry, "RegistryInvalidClaimCap")
          .withArgs(cap);
      }
      await registry.connect(governance).setClaimCap(2n ** 80n - 1n);
      expect(await registry.claimCap()).to.equal(2n ** 80n - 1n);
    });

    it("rejects anyone but governance", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expect(registry.connect(alice).setClaimCap(HOUR))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, await registry.DEFAULT_ADMIN_ROLE());
    });
  });

  describe("views", function () {
    it("pages a claimant's claims", async function () {
      const { registry, alice, dave } = await loadFixture(deployRegistryWithClaims);
      expect(await registry.claimsOf(alice.address, 1n, 1n)).to.deep.equal([2n]);
      expect(await registry.claimsOf(alice.address, 1n, 5n)).to.deep.equal([2n, 3n]);
      expect(await registry.claimsOf(alice.address, 2n, ethers.MaxUint256)).to.deep.equal([3n]);
      expect(await registry.claimsOf(alice.address, 3n, 5n)).to.deep.equal([]);
      expect(await registry.claimsOf(alice.address, 0n, 0n)).to.deep.equal([]);
      expect(await registry.claimsOf(dave.address, 0n, 5n)).to.deep.equal([]);
      expect(await registry.claimCountOf(dave.address)).to.equal(0n);
    });

    it("counts every status", async function () {
      const { registry, governance, alice } = await loadFixture(deployRegistryWithClaims);
      await registry.connect(governance).approveClaims([1n]);
      await registry.connect(governance).rejectClaims([4n]);
      await registry.connect(alice).withdrawClaim(3n);
      const counts = await Promise.all(
        Object.values(Status).map((status) => registry.claimCountByStatus(status)),
      );
      expect(counts).to.deep.equal([0n, 1n, 1n, 1n, 1n]);
      expect(await registry.claimCount()).to.equal(4n);
    });

    it("rejects an unknown claim", async function () {
      const { registry } = await loadFixture(deployRegistryWithClaims);
      await expect(registry.claim(0n))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownClaim")
        .withArgs(0n);
      await expect(registry.claim(5n))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownClaim")
        .withArgs(5n);
    });
  });
});
