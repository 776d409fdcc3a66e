import { expect } from "chai";

import {
  evaluate,
  isCounted,
  parseArgs,
  parseLcov,
  summarize,
} from "../../scripts/coverage-check.js";

const LCOV = `TN:
SF:contracts/token/WorkHours.sol
DA:10,3
DA:11,0
DA:12,1
LH:2
LF:3
end_of_record
SF:contracts/bench/ReferenceGovernor.sol
DA:41,0
LH:0
LF:1
end_of_record
SF:contracts/mocks/MockOracle.sol
DA:5,0
end_of_record
SF:test/token/WorkHours.t.sol
DA:1,0
end_of_record
SF:contracts/token/WorkHours.sol
DA:11,1
end_of_record
`;

describe("coverage check", function () {
  it("merges a file's records: a line is hit when any record hit it", function () {
    const files = parseLcov(LCOV);
    expect(files.find((f) => f.file === "contracts/token/WorkHours.sol")).to.deep.equal({
      file: "contracts/token/WorkHours.sol",
      found: 3,
      hit: 3,
    });
  });

  it("counts contracts/ but not bench contracts, mocks or tests", function () {
    expect(
      [
        "contracts/a/A.sol",
        "./contracts/B.sol",
        "contracts/bench/R.sol",
        "contracts/mocks/M.sol",
        "contracts/token/mocks/ERC20VotesReference.sol",
        "test/A.t.sol",
      ].map(isCounted),
    ).to.deep.equal([true, true, false, false, false, false]);
  });

  it("passes at the minimum and fails just below it, printing the figure", function () {
    const exact = summarize([{ file: "contracts/A.sol", found: 20, hit: 19 }]);
    expect(evaluate(exact, 95).ok).to.equal(true);
    expect(evaluate(exact, 95).lines[0]).to.include("95.00% (19/20 lines, 1 files)");
    const below = summarize([{ file: "contracts/A.sol", found: 200, hit: 189 }]);
    const verdict = evaluate(below, 95);
    expect(verdict.ok).to.equal(false);
    expect(verdict.lines[0]).to.include("94.50%");
    expect(verdict.lines.at(-1)).to.equal("coverage: below the minimum of 95%");
  });

  it("lists the least covered files first", function () {
    const summary = summarize([
      { file: "contracts/A.sol", found: 10, hit: 9 },
      { file: "contracts/B.sol", found: 10, hit: 5 },
      { file: "contracts/C.sol", found: 10, hit: 10 },
    ]);
    expect(evaluate(summary, 50).lines.slice(1)).to.deep.equal([
      "   50.00%  contracts/B.sol",
      "   90.00%  contracts/A.sol",
    ]);
  });

  it("fails when no counted line is in the report", function () {
    const verdict = evaluate(summarize(parseLcov("TN:\nSF:contracts/bench/R.sol\nDA:1,1\n")), 95);
    expect(verdict.ok).to.equal(false);
    expect(verdict.lines[0]).to.match(/nothing was measured/);
  });

  it("rejects a malformed line", function () {
    expect(() => parseLcov("SF:contracts/A.sol\nDA:x,1\n")).to.throw(/malformed/);
    expect(() => parseLcov("DA:1,1\n")).to.throw(/outside a source record/);
  });

  it("reads the lcov path and --min", function () {
    expect(parseArgs([])).to.deep.equal({ lcov: "coverage/lcov.info", minimum: 95 });
    expect(parseArgs(["x.info", "--min", "90"])).to.deep.equal({ lcov: "x.info", minimum: 90 });
    expect(() => parseArgs(["--min", "abc"])).to.throw(/percentage/);
    expect(() => parseArgs(["--bogus"])).to.throw(/unknown option/);
  });
});
