import { expect } from "chai";

import {
  ClaimCategory,
  ProposalInputError,
  approveClaimsProposal,
  descriptionHash,
  mergeProposals,
  parameterChangeProposal,
  proposalId,
  proposeArgs,
  revokeCareProposal,
} from "../../lib/proposals.js";
import { deployCoop } from "../fixtures/coop.js";
import { HOUR, ethers, networkHelpers } from "../fixtures/governance.js";

const { loadFixture } = networkHelpers;

const REGISTRY = "0x00000000000000000000000000000000000000aa";
const ALICE = "0x00000000000000000000000000000000000000a1";
const BOB = "0x00000000000000000000000000000000000000b0";
const BY = { proposer: "0x00000000000000000000000000000000000000c0" };

describe("lib/proposals", function () {
  describe("approveClaimsProposal", function () {
    const claims = [
      {
        id: 1n,
        claimant: ALICE,
        amount: 12n * HOUR,
        category: ClaimCategory.Commons,
        evidenceURI: "ipfs://a",
      },
      { id: 2n, claimant: BOB, amount: 5n * HOUR, category: ClaimCategory.Care },
      { id: 3n, claimant: ALICE, amount: HOUR / 2n, category: ClaimCategory.Subsistence },
    ];

    it("makes one approveClaims call with every id", function () {
      const p = approveClaimsProposal(REGISTRY, claims, BY);
      const iface = new ethers.Interface(["function approveClaims(uint256[] ids)"]);
      expect(p.targets).to.deep.equal([ethers.getAddress(REGISTRY)]);
      expect(p.values).to.deep.equal([0n]);
      expect(iface.decodeFunctionData("approveClaims", p.calldatas[0])[0]).to.deep.equal([
        1n,
        2n,
        3n,
      ]);
    });

    it("describes every claim and the totals per category", function () {
      const { description } = approveClaimsProposal(REGISTRY, claims, BY);
      expect(description).to.match(/^# Approve 3 contribution claims\n/);
      expect(description).to.include("3 claims from 2 members.");
      expect(description).to.include("- commons: 12 hours");
      expect(description).to.include("- subsistence: 0.5 hours");
      expect(description).to.include("- care: 5 hours");
      expect(description).to.include(
        `| 1 | ${ethers.getAddress(ALICE)} | commons | 12 | ipfs://a |`,
      );
      expect(description).to.include(`| 2 | ${ethers.getAddress(BOB)} | care | 5 |  |`);
    });

    it("rejects an empty list and a claim listed twice", function () {
      expect(() => approveClaimsProposal(REGISTRY, [], BY)).to.throw(
        ProposalInputError,
        "no claims given",
      );
      expect(() => approveClaimsProposal(REGISTRY, [claims[0], claims[0]], BY)).to.throw(
        ProposalInputError,
        "claim 1 is listed twice",
      );
    });
  });

  describe("parameterChangeProposal", function () {
    const at = { governor: ALICE, registry: REGISTRY };

    it("encodes each change to its contract, in order", function () {
      const p = parameterChangeProposal(
        at,
        [
          { kind: "careWeight", value: 20_000n },
          { kind: "claimCap", value: 80n * HOUR },
        ],
        BY,
      );
      expect(p.targets).to.deep.equal([ethers.getAddress(ALICE), ethers.getAddress(REGISTRY)]);
      const iface = new ethers.Interface([
        "function setCareWeight(uint256)",
        "function setClaimCap(uint256)",
      ]);
      expect(iface.decodeFunctionData("setCareWeight", p.calldatas[0])[0]).to.equal(20_000n);
      expect(iface.decodeFunctionData("setClaimCap", p.calldatas[1])[0]).to.equal(80n * HOUR);
      expect(p.description).to.include("- Set the care weight to 2.0");
      expect(p.description).to.include("- Set the claim cap to 80 hours");
    });

    it("rejects values the governor would reject", function () {
      expect(() =>
        parameterChangeProposal(at, [{ kind: "quorumFraction", value: 10_001n }], BY),
      ).to.throw(ProposalInputError);
      expect(() =>
        parameterChangeProposal(at, [{ kind: "votingPeriod", seconds: 0n }], BY),
      ).to.throw(ProposalInputError);
      expect(() => parameterChangeProposal(at, [], BY)).to.throw(ProposalInputError);
    });
  });

  describe("revokeCareProposal and mergeProposals", function () {
    it("needs a positive amount and a reason, and merges actions in order", function () {
      expect(() => revokeCareProposal(BOB, ALICE, 0n, "x", BY)).to.throw(ProposalInputError);
      expect(() => revokeCareProposal(BOB, ALICE, 1n, " ", BY)).to.throw(ProposalInputError);
      const revoke = revokeCareProposal(BOB, ALICE, HOUR, "duplicate claim", BY);
      const cap = parameterChangeProposal(
        { governor: ALICE, registry: REGISTRY },
        [{ kind: "claimCap", value: HOUR }],
        BY,
      );
      const merged = mergeProposals([revoke, cap], "Two things", BOB);
      expect(merged.targets).to.deep.equal([...revoke.targets, ...cap.targets]);
      expect(merged.calldatas).to.deep.equal([...revoke.calldatas, ...cap.calldatas]);
      expect(merged.description).to.match(/^# Two things\n/);
      // one suffix, the merged proposal's sender's, at the end
      expect(merged.description.match(/#proposer=/g)).to.have.length(1);
      expect(merged.description).to.match(new RegExp(`\n#proposer=${ethers.getAddress(BOB)}$`));
    });
  });

  describe("on chain", function () {
    it("computes the governor's proposal id and description hash", async function () {
      const { governor, registry } = await loadFixture(deployCoop);
      const p = approveClaimsProposal(
        await registry.getAddress(),
        [{ id: 1n, claimant: ALICE, amount: HOUR, category: ClaimCategory.Commons }],
        BY,
      );
      const [targets, values, calldatas] = proposeArgs(p);
      expect(await governor.hashProposal(targets, values, calldatas, descriptionHash(p))).to.equal(
        proposalId(p),
      );
    });

    it("lets only the named proposer submit a proposal with a #proposer suffix", async function () {
      const { governor, registry, founder, alice } = await loadFixture(deployCoop);
      const claims = [{ id: 1n, claimant: ALICE, amount: HOUR, category: ClaimCategory.Commons }];
      const p = approveClaimsProposal(await registry.getAddress(), claims, {
        proposer: founder.address,
      });
      expect(p.description).to.match(new RegExp(`#proposer=${founder.address}$`));
      await expect(governor.connect(alice).propose(...proposeArgs(p)))
        .to.be.revertedWithCustomError(governor, "GovernorRestrictedProposer")
        .withArgs(alice.address);
      await expect(governor.connect(founder).propose(...proposeArgs(p))).to.emit(
        governor,
        "ProposalCreated",
      );
    });
  });
});
