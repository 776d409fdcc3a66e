import { expect } from "chai";

import { CliError } from "../../lib/cli/errors.js";
import { parseAddress, parseAmount, parseChoice, parseIds } from "../../lib/cli/parse.js";

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error("expected a CliError");
}

describe("CLI input parsing", function () {
  describe("parseAmount", function () {
    it("reads human units into 18-decimal base units", function () {
      expect(parseAmount("7.5", "hours")).to.equal(7_500_000_000_000_000_000n);
      expect(parseAmount("0.01", "amount")).to.equal(10_000_000_000_000_000n);
      expect(parseAmount("3", "amount", 6)).to.equal(3_000_000n);
    });

    it("rejects negative, zero, malformed and over-precise amounts", function () {
      expect(failure(() => parseAmount("-1", "hours"))).to.equal("hours must be positive, got -1");
      expect(failure(() => parseAmount("0", "hours"))).to.equal("hours must be greater than zero");
      expect(failure(() => parseAmount("abc", "amount"))).to.match(/amount must be a number/);
      expect(failure(() => parseAmount("1e3", "amount"))).to.match(/amount must be a number/);
      expect(failure(() => parseAmount("0.1234567", "amount", 6))).to.match(/more than 6/);
    });
  });

  describe("parseAddress", function () {
    const lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    const eip55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    it("accepts lower case, EIP-55 and EIP-1191 (RSK) checksums alike", function () {
      // The RSK mainnet (chain 30) EIP-1191 checksum of the same address.
      const eip1191 = "0x5aaEB6053f3e94c9b9a09f33669435E7ef1bEAeD";
      for (const form of [lower, eip55, eip1191, lower.toUpperCase().replace("0X", "0x")]) {
        expect(parseAddress(form)).to.equal(eip55);
      }
    });

    it("rejects anything that is not 20 bytes of hex", function () {
      expect(failure(() => parseAddress("0x1234", "to"))).to.match(/^to is not an address/);
      expect(failure(() => parseAddress(lower.slice(2)))).to.match(/is not an address/);
      expect(failure(() => parseAddress(lower.replace("a", "g")))).to.match(/is not an address/);
    });
  });

  describe("parseChoice", function () {
    const categories = ["commons", "subsistence", "care"] as const;

    it("returns the index of a case-insensitive match", function () {
      expect(parseChoice("Care", "category", categories)).to.equal(2);
    });

    it("lists the choices when the input matches none", function () {
      expect(failure(() => parseChoice("leisure", "category", categories))).to.equal(
        'category must be one of commons, subsistence, care; got "leisure"',
      );
    });
  });

  describe("parseIds", function () {
    it("reads a comma-separated list", function () {
      expect(parseIds("1, 2,7")).to.deep.equal([1n, 2n, 7n]);
    });

    it("rejects empty lists and non-integers", function () {
      expect(failure(() => parseIds(" , "))).to.match(/at least one id/);
      expect(failure(() => parseIds("1,x"))).to.match(/whole numbers, got "x"/);
      expect(failure(() => parseIds("-3"))).to.match(/whole numbers/);
    });
  });
});
