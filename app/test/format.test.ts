/**
 * What the app's components show: amounts, durations, decoded proposals and
 * reverts, through the app's one door into lib/ (app/src/domain.ts). These
 * are the functions every page renders with, so their words are tested here
 * once, without a browser.
 */
import { expect } from "chai";
import { encodeErrorResult, encodeFunctionData, type Address } from "viem";

import {
  actionTexts,
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
  memberRows,
  parseRecipient,
  paymentRefusal,
  quoteText,
  type ContractNames,
  type MemberState,
} from "../src/domain.js";
import { clearingUnionAbi, oracleAbi, registryAbi } from "../src/generated/abis.js";
import { toEip1191Address } from "../../lib/rsk/checksum.js";

const HOUR = 10n ** 18n;
const REGISTRY: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const GOVERNOR: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const NAMES: ContractNames = { [REGISTRY]: "registry", [GOVERNOR]: "governor" };

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
      expect(duration(0n)).to.equal("0 seconds");
      expect(duration(65n)).to.equal("1 minute 5 seconds");
      expect(duration(90_061n)).to.equal("1 day 1 hour");
      expect(duration(300n)).to.equal("5 minutes");
    });
  });

  describe("decoded proposals", function () {
    it("says what an approval proposal does, claim by claim", function () {
      const proposal = approveClaimsProposal(
        REGISTRY,
        [
          { id: 1n, claimant: GOVERNOR, amount: 4n * HOUR, category: 0 },
          { id: 2n, claimant: GOVERNOR, amount: HOUR, category: 2 },
        ],
        { proposer: GOVERNOR },
      );
      expect(proposal.description.split("\n")[0]).to.equal("# Approve 2 contribution claims");
      expect(actionTexts(proposal, NAMES)).to.deep.equal([
        "registry: approve claims 1, 2 (mints their hours and care)",
      ]);
    });

    it("shows amounts of hours in an action as hours", function () {
      const data = encodeFunctionData({
        abi: registryAbi,
        functionName: "setClaimCap",
        args: [40n * HOUR],
      });
      expect(
        actionTexts({ targets: [REGISTRY], values: [0n], calldatas: [data] }, NAMES),
      ).to.deep.equal(["registry: set the claim cap to 40 hours"]);
    });

    it("names an unknown target by its address and selector", function () {
      const stranger: Address = "0x000000000000000000000000000000000000bEEF";
      expect(
        actionTexts({ targets: [stranger], values: [0n], calldatas: ["0x12345678"] }, NAMES),
      ).to.deep.equal([`${stranger}: call 0x12345678`]);
    });

    it("gives each proposal a short reference of 8 hex digits", function () {
      expect(proposalRef(0xabcdef0123456789n << 192n)).to.equal("pabcdef01");
      expect(proposalRef(1n)).to.equal("p00000000");
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
        "hours must be above 0 and at most the claim cap of 40 hours; got 50 hours",
      );
    });

    it("words an error it has no sentence for from its name and figures", function () {
      const raw = encodeErrorResult({
        abi: oracleAbi,
        errorName: "TwapOracleInvalidWindow",
        args: [60],
      });
      expect(revertSentence({ cause: { data: raw } })).to.equal("twap oracle invalid window (60)");
    });

    it("says when the wallet refused", function () {
      expect(revertSentence(new Error("User rejected the request."))).to.equal(
        "the wallet refused to sign",
      );
    });
  });

  describe("federation", function () {
    const BAKE = {
      name: "Bakery",
      symbol: "BAKE",
      hours: "0x8A791620dd6260079BF849Dc5567aDC3F2FdC318",
    };
    const CARE = {
      name: "Clinic",
      symbol: "CARE",
      hours: "0xf5059a5D33d5853360D16C683c16e67980206f36",
    };
    const LIMITS = {
      debitLimit: 100n * HOUR,
      outflowAllowance: 80n * HOUR,
      surplusCap: 100n * HOUR,
      inflowAllowance: 80n * HOUR,
    };
    const state = (over: Partial<MemberState> = {}): MemberState => ({
      status: 1,
      balance: 0n,
      index: HOUR,
      limits: LIMITS,
      outflowLeft: 80n * HOUR,
      inflowLeft: 80n * HOUR,
      ...over,
    });
    const payment = (over: Partial<Parameters<typeof paymentRefusal>[0]> = {}) =>
      paymentRefusal({
        from: { coop: BAKE, state: state() },
        to: { coop: CARE, state: state() },
        held: 100n * HOUR,
        hoursIn: 5n * HOUR,
        value: 5n * HOUR,
        hoursOut: 5n * HOUR,
        ...over,
      });

    it("shows a cooperative's standing in hours and words", function () {
      expect(
        memberRows(
          BAKE,
          state({ balance: -30n * HOUR, outflowLeft: 50n * HOUR, index: (105n * HOUR) / 100n }),
        ),
      ).to.deep.equal([
        ["Status", "active"],
        ["Clearing balance", "-30 hours: owes the federation"],
        ["Debit limit", "may owe up to 100 hours; 70 hours left"],
        ["Surplus cap", "may be owed up to 100 hours; 100 hours left"],
        ["May still pay this period", "50 hours of 80 hours"],
        ["May still receive this period", "80 hours of 80 hours"],
        ["Exchange index", "1 BAKE hour = 1.05 federation hours"],
      ]);
    });

    it("quotes what the recipient receives and the least the slippage bound allows", function () {
      expect(quoteText(CARE, 5n * HOUR, 5n * HOUR, 50n)).to.equal(
        "The recipient receives 5 CARE hours (worth 5 hours in the federation), and at least 4.975 CARE hours if an exchange index changes first.",
      );
    });

    it("reads a recipient's address in any valid checksum, RSK's EIP-1191 included", function () {
      const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
      const lower = bob.toLowerCase();
      expect(parseRecipient(` ${bob} `)).to.deep.equal({ ok: true, value: lower });
      expect(parseRecipient(toEip1191Address(bob, 31))).to.deep.equal({ ok: true, value: lower });
      expect(parseRecipient(lower)).to.deep.equal({ ok: true, value: lower });
      expect(parseRecipient("0x3c44CdDdB6a900fa2b585dd299e03d12FA4293BC").ok).to.equal(false);
      expect(parseRecipient("bob")).to.deep.equal({ ok: false, error: '"bob" is not an address' });
      expect(parseRecipient(`0x${"0".repeat(40)}`)).to.deep.equal({
        ok: false,
        error: "the recipient cannot be the zero address",
      });
    });

    it("lets a payment within every rule pass", function () {
      expect(payment()).to.equal(undefined);
    });

    it("refuses a payment in the clearing union's order, with the figures", function () {
      expect(payment({ from: { coop: BAKE, state: state({ status: 2 }) } })).to.equal(
        "Bakery (BAKE) is frozen by the federation: its members can receive payments but not pay",
      );
      expect(payment({ to: { coop: CARE, state: state({ status: 3 }) } })).to.equal(
        "Clinic (CARE) is retired from the federation: it cannot receive payments",
      );
      expect(payment({ to: { coop: CARE, state: state({ status: 0 }) } })).to.equal(
        "Clinic (CARE) is not a member of the federation: it cannot receive payments",
      );
      expect(payment({ held: 4n * HOUR })).to.equal(
        "you hold 4 BAKE hours, not enough to pay 5 BAKE hours",
      );
      expect(payment({ value: 0n, hoursOut: 0n })).to.match(/worth nothing/);
      expect(payment({ from: { coop: BAKE, state: state({ balance: -98n * HOUR }) } })).to.equal(
        "Bakery (BAKE) would pass its debit limit: it owes 98 hours of the 100 hours it may owe, and this payment is worth 5 hours",
      );
      expect(payment({ to: { coop: CARE, state: state({ balance: 97n * HOUR }) } })).to.equal(
        "Clinic (CARE) would pass its surplus cap: it is owed 97 hours of the 100 hours it may be owed, and this payment is worth 5 hours",
      );
      expect(payment({ from: { coop: BAKE, state: state({ outflowLeft: HOUR }) } })).to.equal(
        "Bakery (BAKE) may pay 1 hour more this period (of 80 hours), and this payment is worth 5 hours",
      );
      expect(payment({ to: { coop: CARE, state: state({ inflowLeft: 0n }) } })).to.equal(
        "Clinic (CARE) may receive 0 hours more this period (of 80 hours), and this payment is worth 5 hours",
      );
    });

    it("explains the clearing union's errors in words, naming the cooperatives", function () {
      const raw = encodeErrorResult({
        abi: clearingUnionAbi,
        errorName: "ClearingUnionDebitLimitExceeded",
        args: [BAKE.hours as Address, -98n * HOUR, 5n * HOUR, 100n * HOUR],
      });
      const nameOf = (address: string) =>
        address.toLowerCase() === BAKE.hours.toLowerCase() ? "Bakery (BAKE)" : undefined;
      expect(revertSentence({ cause: { raw } }, RBTC, nameOf)).to.equal(
        "Bakery (BAKE) stands at -98 hours; paying 5 hours more would pass its debit limit of 100 hours",
      );
      const short = encodeErrorResult({
        abi: clearingUnionAbi,
        errorName: "ClearingUnionInsufficientOutput",
        args: [49n * HOUR, 50n * HOUR],
      });
      expect(revertSentence({ cause: { data: short } })).to.equal(
        "the recipient would receive 49 hours, fewer than the 50 the slippage bound allows: an exchange index changed; check the quote and pay again",
      );
    });
  });
});
