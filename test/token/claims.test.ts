import { expect } from "chai";

import {
  claimCategoryName,
  claimStatusName,
  formatHours,
  parseClaimCategory,
  parseHours,
  parseWorkCategory,
} from "../../lib/claims.js";
import { Category, HOUR, Status, Work } from "./fixtures.js";

describe("lib/claims", function () {
  it("maps category names to the registry's enum", function () {
    expect(parseClaimCategory("commons")).to.equal(Number(Category.Commons));
    expect(parseClaimCategory("Subsistence")).to.equal(Number(Category.Subsistence));
    expect(parseClaimCategory("CARE")).to.equal(Number(Category.Care));
    expect(claimCategoryName(Category.Care)).to.equal("Care");
    expect(parseWorkCategory("subsistence")).to.equal(Number(Work.Subsistence));
  });

  it("names every status", function () {
    expect(claimStatusName(Status.None)).to.equal("None");
    expect(claimStatusName(Status.Withdrawn)).to.equal("Withdrawn");
  });

  it("rejects unknown names and values", function () {
    expect(() => parseClaimCategory("leisure")).to.throw('unknown claim category "leisure"');
    expect(() => claimStatusName(5n)).to.throw("unknown claim status 5");
  });

  it("parses decimal hours and hours:minutes", function () {
    expect(parseHours("1")).to.equal(HOUR);
    expect(parseHours("1.5")).to.equal((3n * HOUR) / 2n);
    expect(parseHours("2h")).to.equal(2n * HOUR);
    expect(parseHours("1:30")).to.equal((3n * HOUR) / 2n);
    expect(parseHours("0:20")).to.equal(HOUR / 3n);
  });

  it("rejects malformed hours", function () {
    for (const bad of ["", "-1", "1.2.3", "abc", "1:75"]) {
      expect(() => parseHours(bad)).to.throw("invalid hours");
    }
  });

  it("formats hours", function () {
    expect(formatHours(2n * HOUR)).to.equal("2");
    expect(formatHours((3n * HOUR) / 2n)).to.equal("1.5");
  });
});
