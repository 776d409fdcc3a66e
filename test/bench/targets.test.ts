import { expect } from "chai";

import {
  EXPECTED_CONTRACTS,
  EXPECTED_SCALE,
  checkTargets,
  failedTargets,
} from "../../bench/lib/targets.js";
import type { BenchResults, ContractRow, OperationRow, ScaleRow } from "../../bench/lib/types.js";

type Input = Pick<BenchResults, "operations" | "scale" | "contracts">;

function row(id: string, ours: number | null, anchor: number | null): OperationRow {
  return { id, section: "S", operation: id, ours, anchor, anchorName: "A" };
}

function scaleRow(id: string, small: number, large: number): ScaleRow {
  return { id, operation: id, smallLabel: "s", largeLabel: "l", small, large, side: "ours" };
}

function contract(name: string, runtimeBytes: number, deployGas: number | null): ContractRow {
  return { name, side: "ours", runtimeBytes, deployGas };
}

/** Every target met, with some margin. */
function passingInput(): Input {
  return {
    operations: [
      row("gov.castVote.both", 110, 100),
      row("token.transfer.existing", 100, 100),
      row("dex.swap", 90, 100),
      row("gov.execute.approve100", 6_000_000, null),
      row("fed.pay.existing", 140_000, 200_000),
      row("fed.pay.floor", 140_000, 135_000),
    ],
    scale: EXPECTED_SCALE.map((id) => scaleRow(id, 100, 105)),
    contracts: EXPECTED_CONTRACTS.map((name) => contract(name, 10_000, 2_000_000)),
  };
}

function outcome(input: Input, prefix: string) {
  const found = checkTargets(input).find((o) => o.target.startsWith(prefix));
  if (found === undefined) throw new Error(`no target starts with "${prefix}"`);
  return found;
}

describe("bench targets", function () {
  it("passes every target when every figure is within its limit", function () {
    const outcomes = checkTargets(passingInput());
    expect(outcomes).to.have.length(5 + 1 + 1 + 2 + EXPECTED_SCALE.length);
    expect(failedTargets(outcomes)).to.deep.equal([]);
  });

  describe("when a ratio is over its limit", function () {
    it("misses castVote at 1.16 x OZ and shows both figures", function () {
      const input = passingInput();
      input.operations[0] = row("gov.castVote.both", 116, 100);
      const result = outcome(input, "castVote");
      expect(result.status).to.equal("miss");
      expect(result.figures).to.equal("ours 116 / A 100 = 1.160 (limit 1.15)");
    });

    it("misses a transfer one gas dearer than OZ", function () {
      const input = passingInput();
      input.operations[1] = row("token.transfer.existing", 101, 100);
      expect(outcome(input, "transfer").status).to.equal("miss");
    });

    it("misses a swap dearer than Uniswap V2", function () {
      const input = passingInput();
      input.operations[2] = row("dex.swap", 73_563, 73_562);
      expect(outcome(input, "pair swap").status).to.equal("miss");
    });
  });

  describe("when a figure is missing", function () {
    it("reports our missing side as unmeasured, which fails the check", function () {
      const input = passingInput();
      input.operations[0] = row("gov.castVote.both", null, 100);
      const result = outcome(input, "castVote");
      expect(result.status).to.equal("unmeasured");
      expect(failedTargets(checkTargets(input))).to.deep.equal([result]);
    });

    it("reports a missing row as unmeasured", function () {
      const input = passingInput();
      input.operations = input.operations.filter((r) => r.id !== "dex.swap");
      expect(outcome(input, "pair swap").status).to.equal("unmeasured");
    });

    it("names the contracts that were not built", function () {
      const input = passingInput();
      input.contracts = input.contracts.filter((c) => c.name !== "CoopRouter");
      const result = outcome(input, "every contract");
      expect(result.status).to.equal("unmeasured");
      expect(result.figures).to.equal("not built: CoopRouter");
    });

    it("names the contracts that were built but not deployed", function () {
      const input = passingInput();
      input.contracts[0] = contract("WorkHours", 10_000, null);
      const result = outcome(input, "every deployment");
      expect(result.status).to.equal("unmeasured");
      expect(result.figures).to.equal("not deployed: WorkHours");
    });

    it("reports a missing scale pair as unmeasured", function () {
      const input = passingInput();
      input.scale = input.scale.slice(1);
      expect(failedTargets(checkTargets(input)).map((o) => o.status)).to.deep.equal(["unmeasured"]);
    });
  });

  describe("when a limit is absolute", function () {
    it("reports a clearing-union payment of 150,001 gas as an open aim, not a failed check", function () {
      const input = passingInput();
      input.operations[4] = row("fed.pay.existing", 150_001, 200_000);
      expect(outcome(input, "clearing-union pay between holders <= 150,000").status).to.equal(
        "open",
      );
      expect(outcome(input, "clearing-union pay between holders <= 1.00").status).to.equal("pass");
      expect(failedTargets(checkTargets(input))).to.deep.equal([]);
    });

    it("fails the check when a payment costs more than two swaps", function () {
      const input = passingInput();
      input.operations[4] = row("fed.pay.existing", 200_001, 200_000);
      expect(failedTargets(checkTargets(input)).map((o) => o.target)).to.deep.equal([
        "clearing-union pay between holders <= 1.00 x two swaps through the router",
      ]);
    });

    it("fails the check when a payment costs more than 1.10 x the ERC20Votes burn + mint floor", function () {
      const input = passingInput();
      input.operations[5] = row("fed.pay.floor", 148_501, 135_000);
      expect(failedTargets(checkTargets(input)).map((o) => o.figures)).to.deep.equal([
        "ours 148,501 / A 135,000 = 1.100 (limit 1.10)",
      ]);
      input.operations[5] = row("fed.pay.floor", 148_500, 135_000);
      expect(failedTargets(checkTargets(input))).to.deep.equal([]);
    });

    it("misses an approval proposal of exactly 6,800,000 gas", function () {
      const input = passingInput();
      input.operations[3] = row("gov.execute.approve100", 6_800_000, null);
      expect(outcome(input, "executed proposal").status).to.equal("miss");
    });

    it("misses a contract of 24,576 bytes and lists it with its size", function () {
      const input = passingInput();
      input.contracts[2] = contract("ContributionRegistry", 24_576, 5_000_000);
      const result = outcome(input, "every contract");
      expect(result.status).to.equal("miss");
      expect(result.figures).to.equal("ContributionRegistry 24,576 bytes");
    });

    it("passes a contract of 24,575 bytes and names the largest", function () {
      const input = passingInput();
      input.contracts[2] = contract("ContributionRegistry", 24_575, 5_000_000);
      const result = outcome(input, "every contract");
      expect(result.status).to.equal("pass");
      expect(result.figures).to.equal("largest ContributionRegistry 24,575 bytes");
    });

    it("misses a deployment of 6,800,000 gas", function () {
      const input = passingInput();
      input.contracts[3] = contract("HolisticGovernor", 20_000, 6_800_000);
      const result = outcome(input, "every deployment");
      expect(result.status).to.equal("miss");
      expect(result.figures).to.equal("HolisticGovernor 6,800,000 gas");
    });

    it("ignores the anchors' contracts", function () {
      const input = passingInput();
      input.contracts.push({ name: "Big", side: "anchor", runtimeBytes: 30_000, deployGas: 7e6 });
      expect(failedTargets(checkTargets(input))).to.deep.equal([]);
    });
  });

  describe("when a cost grows with scale", function () {
    it("misses a ratio of 1.11 and passes 1.10", function () {
      const input = passingInput();
      input.scale[0] = scaleRow(EXPECTED_SCALE[0], 100, 111);
      input.scale[1] = scaleRow(EXPECTED_SCALE[1], 100, 110);
      const failed = failedTargets(checkTargets(input));
      expect(failed).to.have.length(1);
      expect(failed[0].figures).to.equal("111 / 100 = 1.110 (limit 1.10)");
    });

    it("does not hold anchor scale rows to the target", function () {
      const input = passingInput();
      input.scale.push({ ...scaleRow(EXPECTED_SCALE[0], 100, 200), side: "anchor" });
      expect(failedTargets(checkTargets(input))).to.deep.equal([]);
    });
  });
});
