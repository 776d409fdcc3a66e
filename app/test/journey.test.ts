/**
 * A member's whole journey through the app in a real browser (Debian's
 * Chromium), against a local node with the demo cooperative, with the
 * figures the page shows checked against the chain; bad input in every form
 * sends nothing; the pages fit a phone; screenshots for the README; the
 * first load and the bundle size, reported.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { expect } from "chai";
import type { Locator } from "playwright-core";
import { createPublicClient, formatUnits, http, keccak256, type Address } from "viem";

import { proposalStateName } from "../../lib/proposals.js";
import {
  governorAbi,
  registryAbi,
  routerAbi,
  treasuryAbi,
  workHoursAbi,
} from "../src/generated/abis.js";
import { hoursText, moneyText, priceText, proposalRef, RBTC } from "../src/domain.js";
import { APP_FIGURES_FILE, type AppFigures } from "../../bench/lib/app.js";
import {
  ACCOUNTS,
  WAIT,
  chainMarks,
  confirmed,
  figure,
  open,
  overflowOf,
  startHarness,
  SCREENSHOTS,
  type Harness,
} from "./browser.js";

const PORT = Number(process.env.APP_TEST_NODE_PORT ?? 8547);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** The production bundle's budget: JavaScript, gzipped. */
const BUNDLE_BUDGET = 400 * 1024;

describe("member app in a browser", function () {
  this.timeout(900_000);
  let h: Harness;
  let chain: ReturnType<typeof createPublicClient>;
  let at: Record<string, Address>;
  const read = <T>(
    address: Address,
    abi: readonly unknown[],
    functionName: string,
    args: unknown[] = [],
  ) => chain.readContract({ address, abi, functionName, args } as never) as Promise<T>;

  before(async function () {
    h = await startHarness({ port: PORT, account: ACCOUNTS.bob });
    chain = createPublicClient({ transport: http(h.coop.rpcUrl) });
    at = h.coop.addresses as unknown as Record<string, Address>;
  });

  after(async function () {
    await h?.close();
  });

  describe("a member's journey", function () {
    let claimId: bigint;
    let proposalId: bigint;
    let card: Locator;

    it("shows the member's hours and credit as the chain holds them", async function () {
      await open(h, "account");
      const [hours, commons, subsistence] = await Promise.all([
        read<bigint>(at.workHours, workHoursAbi, "balanceOf", [ACCOUNTS.bob]),
        read<bigint>(at.workHours, workHoursAbi, "earnedCredit", [ACCOUNTS.bob, 0]),
        read<bigint>(at.workHours, workHoursAbi, "earnedCredit", [ACCOUNTS.bob, 1]),
      ]);
      await figure(h.page, "Hours").getByText(hoursText(hours), { exact: true }).waitFor(WAIT);
      expect(await figure(h.page, "Commons credit").innerText()).to.equal(hoursText(commons));
      expect(await figure(h.page, "Subsistence credit").innerText()).to.equal(
        hoursText(subsistence),
      );
      await h.page.screenshot({ path: path.join(SCREENSHOTS, "account.png"), fullPage: true });
    });

    it("submits a claim with a link and the hash of an attached file", async function () {
      await open(h, "claims");
      const { page } = h;
      const file = Buffer.from("minutes of the garden work day\n");
      await page.getByLabel("Hours worked").fill("4");
      await page.getByLabel("Category").selectOption({ label: "Commons" });
      await page
        .getByLabel("Evidence (a link or a description)")
        .fill("https://example.org/garden");
      await page.getByLabel(/Attach a file/).setInputFiles({
        name: "minutes.txt",
        mimeType: "text/plain",
        buffer: file,
      });
      await page.getByTestId("file-hash").getByText(keccak256(file)).waitFor(WAIT);
      await page.getByRole("button", { name: "Submit claim" }).click();
      await confirmed(page, /claim \d+ submitted: 4 hours of commons work/);
      claimId = await read<bigint>(at.registry, registryAbi, "claimCount");
      const claim = await read<{ claimant: string; amount: bigint }>(
        at.registry,
        registryAbi,
        "claim",
        [claimId],
      );
      expect(claim.claimant).to.equal(ACCOUNTS.bob);
      expect(claim.amount).to.equal(4n * 10n ** 18n);
      const logs = await chain.getContractEvents({
        address: at.registry,
        abi: registryAbi,
        eventName: "ClaimSubmitted",
        args: { id: claimId },
        fromBlock: 0n,
      });
      expect(logs[0].args.evidenceHash).to.equal(keccak256(file));
      await page
        .getByRole("table", { name: "My claims" })
        .getByRole("cell", { name: String(claimId), exact: true })
        .waitFor(WAIT);
      await page.screenshot({ path: path.join(SCREENSHOTS, "claims.png"), fullPage: true });
    });

    it("proposes the approval of the new claim", async function () {
      await open(h, "proposals");
      const { page } = h;
      await page.getByLabel(`Select claim ${claimId}`).check();
      await page.getByRole("button", { name: "Propose approval" }).click();
      await confirmed(
        page.getByRole("form", { name: "Propose approval" }),
        /proposal p[0-9a-f]{8} created: Approve 1 contribution claim/,
      );
      const logs = await chain.getContractEvents({
        address: at.governor,
        abi: governorAbi,
        eventName: "ProposalCreated",
        fromBlock: 0n,
      });
      proposalId = logs[logs.length - 1].args.proposalId!;
      card = page.getByRole("article", { name: `Proposal ${proposalRef(proposalId)}` });
      await card.getByTestId("state").getByText("Pending").waitFor(WAIT);
    });

    it("refuses a vote without a choice, and sends nothing", async function () {
      const delay = await read<bigint>(at.governor, governorAbi, "votingDelay");
      await h.wait(delay + 1n);
      await card.getByTestId("state").getByText("Active").waitFor(WAIT);
      const before = await chainMarks(h, [ACCOUNTS.bob]);
      const sent = h.sent.length;
      await card.getByRole("button", { name: "Vote" }).click();
      await card.getByRole("alert").getByText("choose for, against or abstain").waitFor(WAIT);
      expect(await chainMarks(h, [ACCOUNTS.bob])).to.deep.equal(before);
      expect(h.sent.length).to.equal(sent);
    });

    it("votes for the approval with a reason, from two accounts", async function () {
      await card.getByLabel("For").check();
      await card.getByLabel("Reason (optional)").fill("the garden needed it");
      await card.getByRole("button", { name: "Vote" }).click();
      await confirmed(card, /voted for on p[0-9a-f]{8} with a weight of/);
      await h.useAccount(ACCOUNTS.alice);
      await h.page.getByTestId("account").getByText(ACCOUNTS.alice).waitFor(WAIT);
      await card.getByLabel("For").check();
      await card.getByRole("button", { name: "Vote" }).click();
      await confirmed(card, /voted for/);
      const [against, forVotes, abstain] = await read<[bigint, bigint, bigint]>(
        at.governor,
        governorAbi,
        "proposalVotes",
        [proposalId],
      );
      const tallies = card.getByRole("list", { name: "Tallies" });
      await tallies.getByText(`For: ${hoursText(forVotes)}`, { exact: true }).waitFor(WAIT);
      expect(await tallies.innerText()).to.contain(`Against: ${hoursText(against)}`);
      expect(await tallies.innerText()).to.contain(`Abstain: ${hoursText(abstain)}`);
      const quorum = await read<bigint>(at.governor, governorAbi, "proposalQuorum", [proposalId]);
      expect(await tallies.innerText()).to.contain(`of ${hoursText(quorum)} needed`);
      await h.page.screenshot({ path: path.join(SCREENSHOTS, "proposals.png"), fullPage: true });
    });

    it("queues the proposal once the vote has ended, and executes it after the timelock delay", async function () {
      const deadline = await read<bigint>(at.governor, governorAbi, "proposalDeadline", [
        proposalId,
      ]);
      const block = await chain.getBlock();
      await h.wait(deadline - block.timestamp + 1n);
      await card.getByTestId("state").getByText("Succeeded").waitFor(WAIT);
      await card.getByRole("button", { name: `Queue ${proposalRef(proposalId)}` }).click();
      await confirmed(card, /queued in the timelock/);
      await card.getByTestId("state").getByText("Queued").waitFor(WAIT);
      const eta = await read<bigint>(at.governor, governorAbi, "proposalEta", [proposalId]);
      const now = (await chain.getBlock()).timestamp;
      await h.wait(eta - now + 1n);
      await card.getByRole("button", { name: `Execute ${proposalRef(proposalId)}` }).click();
      await confirmed(card, /executed/);
      await card.getByTestId("state").getByText("Executed").waitFor(WAIT);
      const state = await read<number>(at.governor, governorAbi, "state", [proposalId]);
      expect(proposalStateName(state)).to.equal("Executed");
      const claim = await read<{ status: number }>(at.registry, registryAbi, "claim", [claimId]);
      expect(Number(claim.status)).to.equal(2); // Approved
    });

    it("shows the new balance and credit", async function () {
      await h.useAccount(ACCOUNTS.bob);
      await open(h, "account");
      const [hours, commons] = await Promise.all([
        read<bigint>(at.workHours, workHoursAbi, "balanceOf", [ACCOUNTS.bob]),
        read<bigint>(at.workHours, workHoursAbi, "earnedCredit", [ACCOUNTS.bob, 0]),
      ]);
      await figure(h.page, "Hours").getByText(hoursText(hours), { exact: true }).waitFor(WAIT);
      expect(await figure(h.page, "Commons credit").innerText()).to.equal(hoursText(commons));
    });

    it("redeems an hour of commons credit with the quote as the minimum", async function () {
      await open(h, "treasury");
      const { page } = h;
      await page.getByLabel("Credit").selectOption({ label: "Commons" });
      await page.getByLabel("Hours to redeem").fill("1");
      const quote = await read<[bigint, bigint, bigint]>(
        at.treasury,
        treasuryAbi,
        "quoteRedemption",
        [ACCOUNTS.bob, 10n ** 18n],
      );
      await page
        .getByTestId("redemption-quote")
        .getByText(`Quote: ${moneyText(RBTC, quote[0])}`)
        .waitFor(WAIT);
      const before = await read<bigint>(at.workHours, workHoursAbi, "balanceOf", [ACCOUNTS.bob]);
      await page.getByRole("button", { name: "Redeem" }).click();
      await confirmed(page, /redeemed 1 hour of commons credit for [0-9.]+ RBTC/);
      const after = await read<bigint>(at.workHours, workHoursAbi, "balanceOf", [ACCOUNTS.bob]);
      expect(before - after).to.equal(10n ** 18n);
      const [subsistence, commons] = await read<[bigint, bigint]>(
        at.treasury,
        treasuryAbi,
        "pools",
      );
      await figure(page, "Commons pool")
        .getByText(moneyText(RBTC, commons), { exact: true })
        .waitFor(WAIT);
      expect(await figure(page, "Subsistence pool").innerText()).to.equal(
        moneyText(RBTC, subsistence),
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, "treasury.png"), fullPage: true });
    });

    it("swaps an hour for RBTC within a slippage bound", async function () {
      await open(h, "market");
      const { page } = h;
      const [rHours, rReserve] = await read<[bigint, bigint]>(at.router, routerAbi, "getReserves", [
        at.workHours,
        at.wrbtc,
      ]);
      expect(await figure(page, "Price").innerText()).to.equal(
        priceText(RBTC, (rReserve * 10n ** 18n) / rHours),
      );
      const before = await read<bigint>(at.workHours, workHoursAbi, "balanceOf", [ACCOUNTS.bob]);
      await page.getByLabel(/^Sell/).selectOption("hours");
      await page.getByLabel(/Amount to sell/).fill("1");
      await page.getByLabel("Slippage bound (%)").fill("1");
      await page.getByTestId("swap-quote").waitFor(WAIT);
      await page.getByRole("button", { name: "Swap" }).click();
      await confirmed(page, /swapped 1 hour for [0-9.]+ RBTC/);
      const after = await read<bigint>(at.workHours, workHoursAbi, "balanceOf", [ACCOUNTS.bob]);
      expect(before - after).to.equal(10n ** 18n);
      const [h2, r2] = await read<[bigint, bigint]>(at.router, routerAbi, "getReserves", [
        at.workHours,
        at.wrbtc,
      ]);
      await figure(page, "Price")
        .getByText(priceText(RBTC, (r2 * 10n ** 18n) / h2))
        .waitFor(WAIT);
      await page.screenshot({ path: path.join(SCREENSHOTS, "market.png"), fullPage: true });
    });

    it("charts the pool price from the chain's events", async function () {
      await open(h, "charts");
      const { page } = h;
      const figureEl = page.getByRole("figure", { name: "Pool price and TWAP" });
      await figureEl.waitFor(WAIT);
      await figureEl.getByText(/Data of/).click();
      const [rHours, rReserve] = await read<[bigint, bigint]>(at.router, routerAbi, "getReserves", [
        at.workHours,
        at.wrbtc,
      ]);
      const rows = figureEl.getByRole("row");
      const last = rows.last().getByRole("cell").nth(1);
      expect(Number(await last.innerText())).to.equal(
        Number(formatUnits((rReserve * 10n ** 18n) / rHours, 18)),
      );
      const supply = page.getByRole("figure", { name: "Supply of hours and care" });
      await supply.getByText(/Data of/).click();
      const total = await read<bigint>(at.workHours, workHoursAbi, "totalSupply");
      expect(
        Number(await supply.getByRole("row").last().getByRole("cell").nth(1).innerText()),
      ).to.equal(Number(formatUnits(total, 18)));
      await page.screenshot({ path: path.join(SCREENSHOTS, "charts.png"), fullPage: true });
    });
  });

  describe("bad input sends nothing", function () {
    /** Fills the form fields, submits, waits for the refusal, and checks that nothing was sent. */
    async function refused(
      scope: Locator,
      fields: Array<[RegExp | string, string]>,
      button: string,
      message: RegExp | string,
    ): Promise<void> {
      const before = await chainMarks(h, [ACCOUNTS.bob]);
      const sent = h.sent.length;
      for (const [label, value] of fields) await scope.getByLabel(label).fill(value);
      await scope.getByRole("button", { name: button, exact: true }).click();
      await scope.getByRole("alert").filter({ hasText: message }).waitFor(WAIT);
      expect(await chainMarks(h, [ACCOUNTS.bob])).to.deep.equal(before);
      expect(h.sent.length).to.equal(sent);
    }

    it("refuses bad claims", async function () {
      await open(h, "claims");
      const form = h.page.locator("form");
      await refused(form, [["Hours worked", "abc"]], "Submit claim", /is not a number of hours/);
      await refused(form, [["Hours worked", "0"]], "Submit claim", /must be more than 0/);
      await refused(form, [["Hours worked", "100000"]], "Submit claim", /the claim cap/);
      await refused(
        form,
        [
          ["Hours worked", "2"],
          ["Evidence (a link or a description)", ""],
        ],
        "Submit claim",
        /add evidence/,
      );
    });

    it("refuses a proposal without claims", async function () {
      await open(h, "proposals");
      const form = h.page.getByRole("form", { name: "Propose approval" });
      await refused(form, [], "Propose approval", /select at least one pending claim/);
    });

    it("refuses bad redemptions and explains a revert in one sentence", async function () {
      await open(h, "treasury");
      const form = h.page.locator("form").first();
      await refused(form, [["Hours to redeem", "-1"]], "Redeem", /is not a number of hours/);
      await refused(form, [["Hours to redeem", "5000"]], "Redeem", /cannot redeem 5,000 hours/);
      await refused(
        form,
        [
          ["Hours to redeem", "1"],
          [/Minimum payout/, "1e5"],
        ],
        "Redeem",
        /is not an amount of RBTC/,
      );
      // A minimum above the quote passes the form but the chain would revert: nothing is sent.
      await refused(
        form,
        [
          ["Hours to redeem", "1"],
          [/Minimum payout/, "5"],
        ],
        "Redeem",
        /^redeem would fail: [^\n]+$/,
      );
      expect(await form.getByRole("alert").innerText()).not.to.match(/0x[0-9a-f]{8}/);
    });

    it("refuses a bad purchase in the sale", async function () {
      await open(h, "treasury");
      const form = h.page.locator("form").nth(1);
      await refused(form, [["Hours to buy", "lots"]], "Buy", /is not a number of hours/);
    });

    it("refuses bad swaps and liquidity", async function () {
      await open(h, "market");
      const swap = h.page.locator("form").first();
      await refused(swap, [[/Amount to sell/, "1,5"]], "Swap", /is not a number of hours/);
      await refused(
        swap,
        [
          [/Amount to sell/, "1"],
          ["Slippage bound (%)", "80"],
        ],
        "Swap",
        /at most 50%/,
      );
      await refused(
        swap,
        [
          [/Amount to sell/, "100000"],
          ["Slippage bound (%)", "1"],
        ],
        "Swap",
        /cannot sell/,
      );
      const add = h.page.getByRole("form", { name: "Add liquidity" });
      await refused(
        add,
        [
          ["Hours to add", "1"],
          [/RBTC to add/, "abc"],
        ],
        "Add liquidity",
        /is not an amount of RBTC/,
      );
      const remove = h.page.getByRole("form", { name: "Remove liquidity" });
      await refused(
        remove,
        [["Pool shares to remove", "1000000"]],
        "Remove liquidity",
        /cannot remove more/,
      );
    });

    it("refuses a bad delegate", async function () {
      await open(h, "account");
      const form = h.page.locator("form");
      await refused(form, [[/Delegate to/, "0x1234"]], "Delegate", /is not an address/);
    });
  });

  describe("without a federation", function () {
    it("says in one sentence that the chain has no federation, and how to set one up", async function () {
      await open(h, "federation");
      const line = h.page.getByTestId("no-federation");
      await line.waitFor(WAIT);
      expect(await line.innerText()).to.equal(
        "No federation is recorded on chain 31337: set one up on a local node with npm run federation:local -- --network localhost, or try this page with npm run app:federation.",
      );
    });
  });

  describe("reach and weight", function () {
    it("fits a phone's width on every page", async function () {
      await h.page.setViewportSize({ width: 375, height: 740 });
      for (const page of [
        "account",
        "claims",
        "proposals",
        "treasury",
        "market",
        "charts",
        "federation",
      ]) {
        await open(h, page);
        await h.page.getByRole("heading", { level: 1 }).waitFor(WAIT);
        await h.page.waitForLoadState("networkidle");
        const { overflow, widest } = await overflowOf(h.page);
        expect(overflow, `${page} is wider than the phone: ${widest}`).to.be.at.most(0);
      }
      await h.page.screenshot({ path: path.join(SCREENSHOTS, "phone-account.png") });
      await h.page.setViewportSize({ width: 1280, height: 800 });
    });

    it("reports the first load against the local node and the bundle's gzipped size", async function () {
      const page = await h.context.newPage();
      const started = Date.now();
      await page.goto(`${h.server.url}#/account`);
      await page.getByRole("term").getByText("Hours", { exact: true }).waitFor(WAIT);
      await page.locator("dl dd").first().filter({ hasNotText: "…" }).waitFor(WAIT);
      const loadMs = Date.now() - started;
      await page.close();
      const assets = path.join(ROOT, "app", "dist", "assets");
      let gzipped = 0;
      for (const name of await readdir(assets)) {
        if (name.endsWith(".js"))
          gzipped += gzipSync(await readFile(path.join(assets, name))).length;
      }
      console.log(
        `      app: first load ${loadMs} ms against the local node; JavaScript ${(gzipped / 1024).toFixed(1)} kB gzipped`,
      );
      const figures: AppFigures = {
        measuredAt: new Date().toISOString(),
        firstLoadMs: loadMs,
        javascriptGzipBytes: gzipped,
        budgetGzipBytes: BUNDLE_BUDGET,
      };
      await writeFile(APP_FIGURES_FILE, `${JSON.stringify(figures, null, 2)}\n`);
      expect(gzipped).to.be.below(BUNDLE_BUDGET);
    });
  });
});
