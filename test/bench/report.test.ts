import { expect } from "chai";

import { markdownTable, operationTables, renderReport } from "../../bench/lib/report.js";
import { checkTargets } from "../../bench/lib/targets.js";
import type { BenchResults } from "../../bench/lib/types.js";

function results(): BenchResults {
  const base: BenchResults = {
    meta: {
      generatedAt: "2026-01-01T00:00:00.000Z",
      hardfork: "cancun",
      blockGasLimit: 6_800_000,
      solc: "0.8.30",
      seconds: 42,
      notMeasured: ["dex: CoopPair not in the build"],
    },
    operations: [
      {
        id: "token.transfer.existing",
        section: "Tokens",
        operation: "transfer to an existing holder",
        ours: 90_000,
        anchor: 100_000,
        anchorName: "OZ ERC20Votes",
        oursRsk: 80_000,
        anchorRsk: 100_000,
      },
      { id: "dex.swap", section: "DEX", operation: "pair swap", ours: null, anchor: 73_562 },
    ],
    batches: [
      { claimants: "new", size: 10, gas: 1_000_000, perClaim: 100_000, rskGas: 900_000 },
      { claimants: "new", size: 100, gas: null, perClaim: null },
    ],
    largestBatches: [
      { claimants: "holders", path: "timelock call", size: 108, gas: 6_667_398, ceiling: false },
      { claimants: "new", path: "timelock call", size: 83, gas: 6_000_000, ceiling: true },
      {
        claimants: "holders",
        schedule: "RSK",
        path: "timelock call",
        size: 112,
        gas: 6_720_000,
        ceiling: false,
      },
    ],
    scale: [],
    contracts: [{ name: "WorkHours", side: "ours", runtimeBytes: 12_288, deployGas: 3_000_000 }],
    storage: [],
    targets: [],
  };
  base.targets = checkTargets(base);
  return base;
}

describe("bench report", function () {
  it("writes a markdown table with escaped pipes", function () {
    expect(markdownTable(["a", "b"], [["x|y", "1"]])).to.equal(
      "| a | b |\n| --- | --- |\n| x\\|y | 1 |",
    );
  });

  it("gives each section its table of ours, the anchor and the ratio, on both schedules", function () {
    const text = operationTables(results().operations);
    expect(text).to.include("### Tokens");
    expect(text).to.include(
      "| transfer to an existing holder | 90,000 | 100,000 (OZ ERC20Votes) | 0.900 | 80,000 | 100,000 | 0.800 |",
    );
    expect(text).to.include("| pair swap | — | 73,562 (anchor) | — | — | — | — |");
  });

  it("states the gas schedule, the RSK difference and what was not measured", function () {
    const text = renderReport(results());
    expect(text).to.include("Ethereum's schedule");
    expect(text).to.include("every write of a slot costs\n5,000");
    expect(text).to.include("- dex: CoopPair not in the build");
    expect(text).to.include("| WorkHours | ours | 12,288 | 50.0% | 3,000,000 |");
    expect(text).to.include("| **total, ours** | ours | — | — | 3,000,000 |");
  });

  it("shows a batch that does not fit a block, and a search that hit its ceiling", function () {
    const text = renderReport(results());
    expect(text).to.include("| first-time holders | 10 | 1,000,000 | 100,000 | 900,000 | 90,000 |");
    expect(text).to.include(
      "| first-time holders | 100 | does not fit a 6,800,000 block | — | — | — |",
    );
    expect(text).to.include(
      "| already hold hours | Ethereum | timelock call | 108 | 6,667,398 | 61,735 |",
    );
    expect(text).to.include(
      "| first-time holders | Ethereum | timelock call | >= 83 (search ceiling) |",
    );
    expect(text).to.include(
      "| already hold hours | RSK | timelock call | 112 | 6,720,000 | 60,000 |",
    );
  });

  it("marks missed and unmeasured targets", function () {
    const text = renderReport(results());
    expect(text).to.include(
      "| pair swap <= 1.00 x Uniswap V2 pair swap | dex.swap: not measured (ours) | **not measured** |",
    );
    expect(text).to.match(/transfer between two holders.*\| pass \|/);
  });
});
