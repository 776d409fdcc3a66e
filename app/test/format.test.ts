/**
 * What the app's components show: amounts, durations, decoded proposals and
 * reverts, through the app's one door into lib/ (app/src/domain.ts). These
 * are the functions every page renders with, so their words are tested here
 * once, without a browser.
 */
import { expect } from "chai";
import { encodeErrorResult, encodeFunctionData, type Abi, type Address } from "viem";

import {
  actionText,
  approveClaimsProposal,
  bpsText,
  duration,
  hoursText,
  moneyText,
  parseHoursInput,
  parseMoneyInput,
  parsePercentInput,
  proposalRef,
  revertSentence,
  RBTC,
  type ContractNames,
} from "../src/domain.js";
import { governorAbi, registryAbi, treasuryAbi } from "../src/generated/abis.js";

const HOUR = 10n ** 18n;
const REGISTRY: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const GOVERNOR: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const NAMES: ContractNames = new Map<string, { name: string; abi: Abi }>([
  [REGISTRY.toLowerCase(), { name: "ContributionRegistry", abi: registryAbi }],
  [GOVERNOR.toLowerCase(), { name: "HolisticGovernor", abi: governorAbi }],
]);

describe("app formatting", function () {
  describe("amounts", function () {
    it("shows hours in words, singular for one", function () {
      expect(hoursText(HOUR)).to.equal("1 hour");
      expect(hoursText((15n * HOUR) / 10n)).to.equal("1.5 hours");
      expect(hoursText(0n)).to.equal("0 hours");
    });

    it("shows the reserve in its own unit, never in wei", function () {
      expect(moneyText(RBTC, 125n * 10n ** 14n)).to.equal("0.0125 RBTC");
      expect(moneyText(RBTC, HOUR)).to.equal("1 RBTC");
      expect(moneyText({ symbol: "USDRIF", decimals: 6 }, 2_500_000n)).to.equal("2.5 USDRIF");
    });

    it("shows basis points as a percentage", function () {
      expect(bpsText(50n)).to.equal("0.5%");
      expect(bpsText(300n)).to.equal("3%");
      expect(bpsText(10_000n)).to.equal("100%");
    });
  });

  describe("form input", function () {
    it("reads decimal hours and hours with minutes", function () {
      expect(parseHoursInput("1.5")).to.deep.equal({ ok: true, value: (15n * HOUR) / 10n });
      expect(parseHoursInput("1:30")).to.deep.equal({ ok: true, value: (15n * HOUR) / 10n });
    });

    it("refuses hours that are empty, zero, negative or not numbers, with one sentence", function () {
      expect(parseHoursInput("")).to.deep.equal({ ok: false, error: "enter the hours" });
      expect(parseHoursInput("0")).to.deep.equal({
        ok: false,
        error: "the hours must be more than 0",
      });
      expect(parseHoursInput("-1")).to.deep.include({ ok: false });
      expect(parseHoursInput("1,5")).to.deep.equal({
        ok: false,
        error: '"1,5" is not a number of hours (e.g. 1.5 or 1:30)',
      });
    });

    it("reads the reserve at its decimals and refuses more digits", function () {
      expect(parseMoneyInput("0.01", RBTC)).to.deep.equal({ ok: true, value: 10n ** 16n });
      expect(parseMoneyInput("0.1234567", { symbol: "USDRIF", decimals: 6 })).to.deep.equal({
        ok: false,
        error: '"0.1234567" is not an amount of USDRIF',
      });
      expect(parseMoneyInput("1e5", RBTC)).to.deep.include({ ok: false });
    });

    it("reads a slippage bound within its limit", function () {
      expect(parsePercentInput("0.5", 50)).to.deep.equal({ ok: true, value: 50n });
      expect(parsePercentInput("80", 50)).to.deep.equal({
        ok: false,
        error: "the slippage must be at most 50%",
      });
      expect(parsePercentInput("-1", 50)).to.deep.include({ ok: false });
    });
  });

  describe("durations", function () {
    it("says a countdown in at most two units", function () {
      expect(duration(0n)).to.equal("0 s");
      expect(duration(65n)).to.equal("1 min 5 s");
      expect(duration(90_061n)).to.equal("1 d 1 h");
      expect(duration(300n)).to.equal("5 min");
    });
  });

  describe("decoded proposals", function () {
    it("says what an approval proposal does, claim by claim", function () {
      const proposal = approveClaimsProposal(REGISTRY, [
        { id: 1n, claimant: GOVERNOR, amount: 4n * HOUR, category: 0 },
        { id: 2n, claimant: GOVERNOR, amount: HOUR, category: 2 },
      ]);
      expect(proposal.description.split("\n")[0]).to.equal("# Approve 2 contribution claims");
      expect(
        actionText(proposal.targets[0] as Address, proposal.calldatas[0] as `0x${string}`, NAMES),
      ).to.equal("ContributionRegistry: approve claims 1, 2");
    });

    it("shows amounts of hours in an action as hours", function () {
      const data = encodeFunctionData({
        abi: registryAbi,
        functionName: "setClaimCap",
        args: [40n * HOUR],
      });
      expect(actionText(REGISTRY, data, NAMES)).to.equal(
        "ContributionRegistry: set claim cap 40 hours",
      );
    });

    it("names an unknown target by its address and selector", function () {
      const stranger: Address = "0x000000000000000000000000000000000000bEEF";
      expect(actionText(stranger, "0x12345678", NAMES)).to.equal(
        `call ${stranger} with 0x12345678`,
      );
    });

    it("gives each proposal a short reference of 8 hex digits", function () {
      expect(proposalRef(0xabcdef0123456789n << 192n)).to.equal("abcdef01");
      expect(proposalRef(1n)).to.equal("00000000");
    });
  });

  describe("reverts", function () {
    it("explains a custom error in one sentence with hours", function () {
      const raw = encodeErrorResult({
        abi: registryAbi,
        errorName: "RegistryInvalidAmount",
        args: [50n * HOUR, 40n * HOUR],
      });
      // viem nests the revert data in the error's causes.
      const error = { shortMessage: "reverted", cause: { cause: { raw } } };
      expect(revertSentence(error)).to.equal(
        "hours must be above 0 and at most the claim cap of 40; got 50",
      );
    });

    it("names an error without words by its name and arguments", function () {
      const raw = encodeErrorResult({
        abi: treasuryAbi,
        errorName: "TreasuryInvalidSlippage",
        args: [1n, 2n],
      });
      expect(revertSentence({ cause: { data: raw } })).to.equal("TreasuryInvalidSlippage(1, 2)");
    });

    it("says when the wallet refused", function () {
      expect(revertSentence(new Error("User rejected the request."))).to.equal(
        "the wallet refused to sign",
      );
    });
  });
});
