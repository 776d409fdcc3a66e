import { errorDeploymentResultToExceptionMessage } from "@nomicfoundation/hardhat-ignition/helpers";
import { DeploymentResultType } from "@nomicfoundation/ignition-core";
import { expect } from "chai";

import { errorLine } from "../../lib/cli/errors.js";
import { Interface } from "ethers";

import {
  explainError,
  errorNameWords,
  explainRevertData,
  revertDataOf,
} from "../../lib/errors/explain.js";
import {
  clockNow,
  durationText,
  parseDuration,
  relativeText,
  whenText,
} from "../../lib/format/durations.js";
import {
  formatBps,
  formatDecimal,
  formatHours,
  formatPrice,
  formatReserve,
  hoursText,
  parseDecimal,
  RBTC,
} from "../../lib/format/units.js";
import { decodeAction, governanceInterface } from "../../lib/governance/actions.js";
import { parseProposalRef, proposalRef, resolveProposalRef } from "../../lib/governance/refs.js";

const E18 = 10n ** 18n;
const LONG_RUN = /\d{10,}/;

describe("shared lib (CLI and app)", function () {
  describe("units", function () {
    it("shows hours with sensible precision and grouped thousands", function () {
      expect(formatHours(10_016_576_269_028_905_917n)).to.equal("10.0165");
      expect(formatHours(16n * E18 + E18 / 2n)).to.equal("16.5");
      expect(formatHours(10n ** 39n)).to.equal("1,000,000,000,000,000,000,000");
      expect(formatHours(10n ** 39n)).not.to.match(LONG_RUN);
      expect(formatHours(0n)).to.equal("0");
    });

    it("says 1 hour, not 1 hours", function () {
      expect(hoursText(E18)).to.equal("1 hour");
      expect(hoursText(2n * E18)).to.equal("2 hours");
    });

    it("keeps significant digits of small reserve amounts", function () {
      expect(formatReserve(RBTC, 99_253_000_000_000n)).to.equal("0.00009925 RBTC");
      expect(formatPrice({ symbol: "DOC", decimals: 18 }, E18 / 1000n)).to.equal(
        "0.001 DOC per hour",
      );
      expect(formatDecimal(1_234_567n, 2)).to.equal("12,345.67");
    });

    it("shows basis points as a percentage", function () {
      expect(formatBps(250n)).to.equal("2.5%");
      expect(formatBps(10_000n)).to.equal("100%");
    });

    it("parses .5 and refuses what it cannot read exactly", function () {
      expect(parseDecimal(".5", 18)).to.deep.equal({ ok: true, value: E18 / 2n });
      expect(parseDecimal("7.", 18)).to.deep.equal({ ok: true, value: 7n * E18 });
      expect(parseDecimal("1,000", 18)).to.deep.equal({ ok: true, value: 1000n * E18 });
      expect(parseDecimal("-1", 18).ok).to.equal(false);
      expect(parseDecimal(".", 18).ok).to.equal(false);
      expect(parseDecimal("0.001", 2).ok).to.equal(false);
    });
  });

  describe("durations", function () {
    it("writes durations in words with two units", function () {
      expect(durationText(86_400n)).to.equal("1 day");
      expect(durationText(93_784n)).to.equal("1 day 2 hours");
      expect(durationText(61n)).to.equal("1 minute 1 second");
      expect(durationText(3_600n)).to.equal("1 hour");
      expect(durationText(0n)).to.equal("0 seconds");
    });

    it("says now rather than in 0 seconds", function () {
      expect(relativeText(100n, 100n)).to.equal("now");
      expect(relativeText(160n, 100n)).to.equal("in 1 minute");
      expect(relativeText(40n, 100n)).to.equal("1 minute ago");
      expect(whenText(0n, 7_200n)).to.equal("1970-01-01 00:00:00 UTC (2 hours ago)");
    });

    it("judges time by the later of the latest block and the wall clock", function () {
      expect(clockNow(1_000n, 1_500_000)).to.equal(1_500n);
      expect(clockNow(2_000n, 1_500_000)).to.equal(2_000n);
    });

    it("parses durations in several forms", function () {
      expect(parseDuration("3600")).to.equal(3_600n);
      expect(parseDuration("30m")).to.equal(1_800n);
      expect(parseDuration("1.5h")).to.equal(5_400n);
      expect(parseDuration("2 days")).to.equal(172_800n);
      expect(parseDuration("1d12h")).to.equal(129_600n);
      expect(parseDuration("soon")).to.equal(undefined);
      expect(parseDuration("1.5s")).to.equal(undefined);
    });
  });

  describe("proposal references", function () {
    const id = 0x3f9a01c2_00000000_00000000_00000000_00000000_00000000_00000000_0000abcdn;
    const other = 0x3f9a01c3_00000000_00000000_00000000_00000000_00000000_00000000_0000abcdn;

    it("is p and the first eight hex digits of the id", function () {
      expect(proposalRef(id)).to.equal("p3f9a01c2");
      expect(proposalRef(1n)).to.equal("p00000000");
    });

    it("resolves a reference, a longer prefix or a full id", function () {
      for (const text of ["p3f9a01c2", "3F9A01C2", id.toString(), `0x${id.toString(16)}`]) {
        const input = parseProposalRef(text);
        expect(input, text).not.to.equal(undefined);
        expect(resolveProposalRef(input!, [id, other])).to.deep.equal({ ok: true, id });
      }
    });

    it("refuses an ambiguous or unknown reference and text that is none", function () {
      expect(resolveProposalRef(parseProposalRef("p3f9a01")!, [id, other])).to.include({
        ok: false,
        reason: "ambiguous",
      });
      expect(resolveProposalRef(parseProposalRef("pdeadbeef")!, [id, other])).to.include({
        ok: false,
        reason: "unknown",
      });
      expect(parseProposalRef("last")).to.equal(undefined);
    });
  });

  describe("decoded actions", function () {
    const treasury = "0x00000000000000000000000000000000000000aa";
    const context = { names: { [treasury]: "treasury" }, reserve: RBTC };

    it("decodes a sale with every term", function () {
      const calldata = governanceInterface.encodeFunctionData("openSale", [
        E18 / 1000n,
        10n * E18,
        20n * E18,
        1_800_000_000n,
        1_800_086_400n,
      ]);
      const { text, method } = decodeAction({ target: treasury, calldata }, context);
      expect(method).to.equal("openSale");
      expect(text).to.equal(
        "treasury: open a sale of 10 hours at 0.001 RBTC per hour, at most 20 hours per account, from 2027-01-15 08:00:00 UTC to 2027-01-16 08:00:00 UTC (replaces any open sale)",
      );
    });

    it("decodes fees with the hold period in words", function () {
      const calldata = governanceInterface.encodeFunctionData("setFees", [1000, 200, 86_400]);
      expect(decodeAction({ target: treasury, calldata }, context).text).to.equal(
        "treasury: set the redemption fee to 10% falling to 2% over 1 day of holding",
      );
    });

    it("shows unknown calldata by its selector", function () {
      expect(decodeAction({ target: treasury, calldata: "0x12345678" }, context).text).to.equal(
        "treasury: call 0x12345678",
      );
    });
  });

  describe("error explanations", function () {
    const context = { reserve: RBTC };
    const iface = new Interface([
      "error TreasuryAccountCapExceeded(address account, uint256 bought, uint256 amount, uint256 accountCap)",
      "error TreasuryPayoutBelowMinimum(uint256 payout, uint256 minOut)",
    ]);

    it("explains in hours and the reserve's symbol", function () {
      const account = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
      const data = iface.encodeErrorResult("TreasuryAccountCapExceeded", [
        account,
        0n,
        11n * E18,
        10n * E18,
      ]);
      expect(explainRevertData(data, [iface], context)).to.equal(
        `${account} has bought 0 hours of at most 10 hours per account; asked for 11 hours more`,
      );
      const payout = iface.encodeErrorResult("TreasuryPayoutBelowMinimum", [
        99_253_000_000_000n,
        E18,
      ]);
      const words = explainRevertData(payout, [iface], context);
      expect(words).to.equal("the payout 0.00009925 RBTC is below the minimum 1 RBTC you accept");
    });

    it("names an unknown error in words with readable figures", function () {
      const text = explainError({ name: "SomeNewError", args: [10n ** 30n] }, context);
      expect(text).to.equal("some new error (1.000e30)");
      expect(errorNameWords("SafeCastOverflowedUintDowncast")).to.equal(
        "safe cast overflowed uint downcast",
      );
    });

    it("finds revert data nested in a provider error", function () {
      expect(revertDataOf({ error: { cause: { data: "0x12345678" } } })).to.equal("0x12345678");
      expect(revertDataOf(new Error("plain"))).to.equal(undefined);
    });
  });

  describe("Ignition's reasons", function () {
    it("keeps every reconciliation reason on the one line, and says what to do", function () {
      const message = errorDeploymentResultToExceptionMessage({
        type: DeploymentResultType.RECONCILIATION_ERROR,
        errors: {
          "Cooperative#CoopTimelock": ["Argument at index 0 has been changed"],
          "Cooperative#HolisticGovernor": ["Argument at index 3 has been changed"],
        },
      });
      const line = errorLine(new Error(`HHE10702: Hardhat Ignition deployment error: ${message}`));
      expect(line).to.equal(
        "Hardhat Ignition deployment error: The deployment wasn't run because of the following reconciliation errors: Cooperative#CoopTimelock: Argument at index 0 has been changed; Cooperative#HolisticGovernor: Argument at index 3 has been changed (the deployment recorded in deploy/deployments/chain-<id> was made with other parameters or contracts: use it as it is with npm run deploy and the coop commands, or remove that folder, or restart the local node, to deploy afresh)",
      );
      expect(line).not.to.include("\n");
    });
  });
});
