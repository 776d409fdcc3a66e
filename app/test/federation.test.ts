/**
 * The Federation page in a real browser (Debian's Chromium), against a local node running a
 * federation of three cooperatives (`npm run federation:local`) with the app serving the
 * Bakery, as `npm run app:federation` does: every cooperative's figures checked against the
 * chain, a payment to a member of the Clinic checked on both tokens and both clearing balances,
 * every kind of bad payment refused in one sentence with nothing sent, a frozen payer and a
 * retired receiver after the federation's vote, the federation's proposals with a liaison
 * casting its cooperative's seat, and the page at a phone's width. (The sentence
 * shown when the chain has no federation is checked in journey.test.ts, on the demo's chain.)
 */
import path from "node:path";

import { expect } from "chai";
import type { Locator } from "playwright-core";
import {
  createPublicClient,
  createWalletClient,
  decodeFunctionData,
  getAddress,
  http,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { hardhat } from "viem/chains";

import { statusProposal } from "../../lib/coop/federation-proposals.js";
import {
  ClaimCategory,
  approveClaimsProposal,
  executionArgs,
  proposalId,
  proposeArgs,
  type Proposal,
} from "../../lib/proposals.js";
import { clearingUnionAbi, governorAbi, registryAbi, workHoursAbi } from "../src/generated/abis.js";
import {
  coopLabel,
  memberRows,
  proposalRef,
  type FederationRecord,
  type MemberState,
  type RecordedCoop,
} from "../src/domain.js";
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

const PORT = Number(process.env.APP_TEST_FEDERATION_PORT ?? 8548);
const HOUR = 10n ** 18n;
/** The local federation's founders: Bakery, Clinic and Workshop (Hardhat's #1, #2, #3). */
const FOUNDERS = [ACCOUNTS.alice, ACCOUNTS.bob, ACCOUNTS.carol] as const;

describe("federation page in a browser", function () {
  this.timeout(600_000);
  let h: Harness;
  let fed: FederationRecord;
  let bakery: RecordedCoop;
  let clinic: RecordedCoop;
  let workshop: RecordedCoop;
  let chain: ReturnType<typeof createPublicClient>;
  let wallet: ReturnType<typeof createWalletClient>;
  const read = <T>(address: string, abi: Abi, functionName: string, args: unknown[] = []) =>
    chain.readContract({
      address: address as Address,
      abi,
      functionName,
      args,
    } as never) as Promise<T>;
  const member = (c: RecordedCoop) =>
    read<MemberState>(fed.union, clearingUnionAbi as Abi, "member", [c.hours]);
  const hoursOf = (c: RecordedCoop, account: string) =>
    read<bigint>(c.hours, workHoursAbi as Abi, "balanceOf", [account]);

  /** A transaction from one of the node's accounts, outside the app (another member's action). */
  async function sendAs(
    account: string,
    address: string,
    abi: Abi,
    functionName: string,
    args: readonly unknown[],
  ): Promise<void> {
    const hash = await wallet.writeContract({
      account: account as Address,
      chain: hardhat,
      address: address as Address,
      abi,
      functionName,
      args,
    } as never);
    const receipt = await chain.waitForTransactionReceipt({ hash });
    expect(receipt.status).to.equal("success");
  }

  /** Proposals passed on `governor` together: proposed, voted for by `voters`, queued, executed. */
  async function pass(governor: string, proposals: Proposal[], voters: string[]): Promise<void> {
    const abi = governorAbi as Abi;
    for (const p of proposals) await sendAs(voters[0], governor, abi, "propose", proposeArgs(p));
    const ids = proposals.map(proposalId);
    const until = async (fn: string) => {
      const times = await Promise.all(ids.map((id) => read<bigint>(governor, abi, fn, [id])));
      const latest = times.reduce((a, b) => (a > b ? a : b));
      const now = (await chain.getBlock()).timestamp;
      if (latest >= now) await h.wait(latest - now + 1n);
    };
    await until("proposalSnapshot");
    for (const id of ids)
      for (const v of voters) await sendAs(v, governor, abi, "castVote", [id, 1]);
    await until("proposalDeadline");
    for (const p of proposals) await sendAs(voters[0], governor, abi, "queue", executionArgs(p));
    await until("proposalEta");
    for (const p of proposals) await sendAs(voters[0], governor, abi, "execute", executionArgs(p));
  }

  /** Fills the payment form, submits, waits for the refusal, and checks that nothing was sent. */
  async function refused(
    fields: Array<[RegExp | string, string]>,
    message: RegExp | string,
  ): Promise<void> {
    const form = h.page.getByRole("form", { name: "Pay a member of another cooperative" });
    const before = await chainMarks(h, FOUNDERS);
    const sent = h.sent.length;
    for (const [label, value] of fields) await form.getByLabel(label).fill(value);
    await form.getByRole("button", { name: "Pay", exact: true }).click();
    const alert = form.getByRole("alert");
    await alert.filter({ hasText: message }).waitFor(WAIT);
    // One sentence, no hex error data, no base units.
    expect(await alert.innerText()).not.to.match(
      /0x[0-9a-f]{8}\b|\d{19}|ClearingUnion|Federation[A-Z]/,
    );
    expect(await chainMarks(h, FOUNDERS)).to.deep.equal(before);
    expect(h.sent.length).to.equal(sent);
  }

  /** Checks every figure of every cooperative against `ClearingUnion.member`. */
  async function figuresMatchChain(): Promise<void> {
    for (const coop of fed.coops) {
      const state = await member(coop);
      const card: Locator = h.page.getByRole("article", { name: coopLabel(coop) });
      const rows = memberRows(coop, state);
      // the first figure to change after a block: wait for it, then read the others
      await figure(card, rows[1][0]).getByText(rows[1][1], { exact: true }).waitFor(WAIT);
      for (const [term, text] of rows) expect(await figure(card, term).innerText()).to.equal(text);
    }
  }

  before(async function () {
    h = await startHarness({ port: PORT, account: ACCOUNTS.alice, federation: true });
    chain = createPublicClient({ chain: hardhat, transport: http(h.coop.rpcUrl) });
    wallet = createWalletClient({ chain: hardhat, transport: http(h.coop.rpcUrl) });
    fed = h.coop.federation as FederationRecord;
    [bakery, clinic, workshop] = fed.coops;
    expect(getAddress(h.coop.addresses.workHours)).to.equal(getAddress(bakery.hours));
  });

  after(async function () {
    await h?.close();
  });

  it("shows each cooperative with its status, balance against its limits, allowances and index, as the chain holds them", async function () {
    await open(h, "federation");
    const { page } = h;
    await page
      .getByTestId("federation-intro")
      .getByText(/Your cooperative, the Bakery \(BAKE\), is one of the 3 cooperatives/)
      .waitFor(WAIT);
    await figuresMatchChain();
    // In words and hours, as the local federation admitted them.
    const card = page.getByRole("article", { name: "Clinic (CARE)" });
    expect(await figure(card, "Status").innerText()).to.equal("active");
    expect(await figure(card, "Debit limit").innerText()).to.equal(
      "may owe up to 100 hours; 100 hours left",
    );
    expect(await figure(card, "May still receive this period").innerText()).to.equal(
      "80 hours of 80 hours",
    );
    expect(await figure(card, "Exchange index").innerText()).to.equal(
      "1 CARE hour = 1 federation hour",
    );
    await page.getByText(/Allowances renew every 1 day; the next period starts in/).waitFor(WAIT);
    await page.getByText("No federation proposal yet.").waitFor(WAIT);
  });

  it("pays 5 hours to a member of the Clinic, with the quote and a slippage bound", async function () {
    const { page } = h;
    const form = page.getByRole("form", { name: "Pay a member of another cooperative" });
    const [aliceBefore, bobBefore] = await Promise.all([
      hoursOf(bakery, ACCOUNTS.alice),
      hoursOf(clinic, ACCOUNTS.bob),
    ]);
    await form.getByTestId("federation-held").getByText("You hold 100 BAKE hours.").waitFor(WAIT);
    await form.getByLabel("To a member of").selectOption({ label: "Clinic (CARE)" });
    await form.getByLabel("Recipient's address").fill(ACCOUNTS.bob);
    await form.getByLabel("Hours to pay").fill("5");
    await form.getByLabel("Slippage bound (%)").fill("1");
    await form
      .getByTestId("federation-quote")
      .getByText(
        "The recipient receives 5 CARE hours (worth 5 hours in the federation), and at least 4.95 CARE hours if an exchange index changes first.",
      )
      .waitFor(WAIT);
    await form.getByRole("button", { name: "Pay", exact: true }).click();
    await confirmed(
      form,
      `paid 5 BAKE hours; ${ACCOUNTS.bob} received 5 CARE hours of the Clinic \\(CARE\\)`,
    );
    // Sent once, to the union, with the minimum from the slippage the member saw.
    const tx = h.sent[h.sent.length - 1];
    expect(getAddress(tx.to as string)).to.equal(getAddress(fed.union));
    const call = decodeFunctionData({ abi: clearingUnionAbi, data: tx.data as Hex });
    expect(call.functionName).to.equal("pay");
    expect(call.args).to.deep.equal([
      getAddress(bakery.hours),
      getAddress(clinic.hours),
      getAddress(ACCOUNTS.bob),
      5n * HOUR,
      (5n * HOUR * 99n) / 100n,
    ]);
    expect(aliceBefore - (await hoursOf(bakery, ACCOUNTS.alice))).to.equal(5n * HOUR);
    expect((await hoursOf(clinic, ACCOUNTS.bob)) - bobBefore).to.equal(5n * HOUR);
    const balances = await Promise.all(
      fed.coops.map((c) =>
        read<bigint>(fed.union, clearingUnionAbi as Abi, "clearingBalance", [c.hours]),
      ),
    );
    expect(balances).to.deep.equal([-5n * HOUR, 5n * HOUR, 0n]);
    await figure(page.getByRole("article", { name: "Bakery (BAKE)" }), "Clearing balance")
      .getByText("-5 hours: owes the federation", { exact: true })
      .waitFor(WAIT);
    await figuresMatchChain();
    await form.getByTestId("federation-held").getByText("You hold 95 BAKE hours.").waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOTS, "federation.png"), fullPage: true });
  });

  describe("bad payments send nothing", function () {
    it("refuses a bad address, a mistyped checksum, bad hours and a bad slippage bound", async function () {
      await refused([["Recipient's address", "0x1234"]], '"0x1234" is not an address');
      // Bob's address with one letter's case flipped: a typo the checksum catches.
      const typo = ACCOUNTS.bob.replace("C44", "c44");
      await refused(
        [["Recipient's address", typo]],
        /has a mistyped letter: its checksum does not match/,
      );
      await refused(
        [
          ["Recipient's address", ACCOUNTS.bob],
          ["Hours to pay", "five"],
        ],
        /"five" is not a number of hours/,
      );
      await refused(
        [
          ["Hours to pay", "1"],
          ["Slippage bound (%)", "80"],
        ],
        "the slippage must be at most 50%",
      );
    });

    it("refuses more hours than the member holds, and more than the period's allowance", async function () {
      await refused(
        [
          ["Slippage bound (%)", "1"],
          ["Hours to pay", "1000"],
        ],
        "you hold 95 BAKE hours, not enough to pay 1,000 BAKE hours",
      );
      await refused(
        [["Hours to pay", "76"]],
        "Bakery (BAKE) may pay 75 hours more this period (of 80 hours), and this payment is worth 76 hours",
      );
    });

    it("refuses a payment past the Bakery's debit limit once its members hold more hours", async function () {
      // The Bakery approves 50 hours of Alice's work by its own vote: she now holds more than its
      // debit limit leaves room for.
      await sendAs(ACCOUNTS.alice, h.coop.addresses.registry, registryAbi as Abi, "submitClaim", [
        50n * HOUR,
        ClaimCategory.Commons,
        `0x${"00".repeat(32)}`,
        "bread for the clinic's night shift",
      ]);
      const id = await read<bigint>(h.coop.addresses.registry, registryAbi as Abi, "claimCount");
      await pass(
        h.coop.addresses.governor,
        [
          approveClaimsProposal(
            h.coop.addresses.registry,
            [{ id, claimant: ACCOUNTS.alice, amount: 50n * HOUR, category: ClaimCategory.Commons }],
            { proposer: ACCOUNTS.alice },
          ),
        ],
        [ACCOUNTS.alice],
      );
      expect(await hoursOf(bakery, ACCOUNTS.alice)).to.equal(145n * HOUR);
      await h.page
        .getByTestId("federation-held")
        .getByText("You hold 145 BAKE hours.")
        .waitFor(WAIT);
      await refused(
        [["Hours to pay", "96"]],
        "Bakery (BAKE) would pass its debit limit: it owes 5 hours of the 100 hours it may owe, and this payment is worth 96 hours",
      );
    });

    it("refuses to pay a retired cooperative and to pay from a frozen one, after the federation's vote", async function () {
      // The federation's liaisons (the founders) vote to retire the Clinic and freeze the Workshop.
      await pass(
        fed.governor,
        [
          statusProposal(fed.union, clinic.hours, "retire", ACCOUNTS.alice),
          statusProposal(fed.union, workshop.hours, "freeze", ACCOUNTS.alice),
        ],
        [ACCOUNTS.alice, ACCOUNTS.bob],
      );
      expect(Number((await member(clinic)).status)).to.equal(3);
      expect(Number((await member(workshop)).status)).to.equal(2);
      await open(h, "federation");
      await figure(h.page.getByRole("article", { name: "Workshop (TOOL)" }), "Status")
        .getByText("frozen: it can receive payments but not pay", { exact: true })
        .waitFor(WAIT);
      await figuresMatchChain();
      // Both proposals, listed read-only with their state, seats and actions in words.
      const [retire, freeze] = [
        statusProposal(fed.union, clinic.hours, "retire", ACCOUNTS.alice),
        statusProposal(fed.union, workshop.hours, "freeze", ACCOUNTS.alice),
      ].map(proposalId);
      for (const [id, action] of [
        [retire, "retire Clinic (CARE) from the federation"],
        [freeze, "freeze Workshop (TOOL): its members can receive payments but not pay"],
      ] as const) {
        const card = h.page.getByRole("article", {
          name: `Federation proposal ${proposalRef(id)}`,
        });
        await figure(card, "State").getByText("Executed", { exact: true }).waitFor(WAIT);
        const [against, forVotes, abstain] = await read<[bigint, bigint, bigint]>(
          fed.governor,
          governorAbi as Abi,
          "proposalVotes",
          [id],
        );
        expect([against, forVotes, abstain]).to.deep.equal([0n, 2n, 0n]);
        expect(await figure(card, "Votes").innerText()).to.equal(
          "for 2 seats, against 0 seats, abstain 0 seats",
        );
        expect(await card.getByRole("list", { name: "Actions" }).innerText()).to.equal(action);
      }
      const form = h.page.getByRole("form", { name: "Pay a member of another cooperative" });
      await form.getByLabel("To a member of").selectOption({ label: "Clinic (CARE)" });
      await refused(
        [
          ["Recipient's address", ACCOUNTS.bob],
          ["Hours to pay", "1"],
        ],
        "Clinic (CARE) is retired from the federation: it cannot receive payments",
      );
      // Carol, the Workshop's founder, tries to pay with its hours.
      await h.useAccount(ACCOUNTS.carol);
      await h.page.getByTestId("account").getByText(ACCOUNTS.carol).waitFor(WAIT);
      await form.getByLabel("Pay with hours of").selectOption({ label: "Workshop (TOOL)" });
      await form.getByLabel("To a member of").selectOption({ label: "Bakery (BAKE)" });
      await refused(
        [
          ["Recipient's address", ACCOUNTS.alice],
          ["Hours to pay", "1"],
        ],
        "Workshop (TOOL) is frozen by the federation: its members can receive payments but not pay",
      );
      await h.useAccount(ACCOUNTS.alice);
    });
  });

  describe("federation proposals", function () {
    it("lets a liaison cast the cooperative's seat, and refuses a member who holds none", async function () {
      // Alice, the Bakery's liaison, proposes to lift the Workshop's freeze.
      const unfreeze = statusProposal(fed.union, workshop.hours, "unfreeze", ACCOUNTS.alice);
      const id = proposalId(unfreeze);
      await sendAs(
        ACCOUNTS.alice,
        fed.governor,
        governorAbi as Abi,
        "propose",
        proposeArgs(unfreeze),
      );
      const snapshot = await read<bigint>(fed.governor, governorAbi as Abi, "proposalSnapshot", [
        id,
      ]);
      await h.wait(snapshot - (await chain.getBlock()).timestamp + 1n);
      await open(h, "federation");
      const card = h.page.getByRole("article", { name: `Federation proposal ${proposalRef(id)}` });
      await figure(card, "State").getByText("Active", { exact: true }).waitFor(WAIT);
      expect(await card.getByRole("list", { name: "Actions" }).innerText()).to.equal(
        "lift the freeze of Workshop (TOOL)",
      );
      const vote = card.getByRole("form", { name: `Vote on ${proposalRef(id)}` });
      // No choice: refused, nothing sent.
      let before = await chainMarks(h, FOUNDERS);
      let sent = h.sent.length;
      await vote.getByRole("button", { name: "Vote" }).click();
      await card
        .getByRole("alert")
        .getByText("choose for, against or abstain before voting")
        .waitFor(WAIT);
      expect(await chainMarks(h, FOUNDERS)).to.deep.equal(before);
      expect(h.sent.length).to.equal(sent);
      // Bob's Clinic retired before the snapshot: he casts no seat.
      await h.useAccount(ACCOUNTS.bob);
      await h.page.getByTestId("account").getByText(ACCOUNTS.bob).waitFor(WAIT);
      await vote.getByLabel("For").check();
      await vote.getByRole("button", { name: "Vote" }).click();
      await card
        .getByRole("alert")
        .getByText(/^you cast no seat in the federation on this proposal/)
        .waitFor(WAIT);
      expect(await chainMarks(h, FOUNDERS)).to.deep.equal(before);
      expect(h.sent.length).to.equal(sent);
      // Alice casts the Bakery's seat.
      await h.useAccount(ACCOUNTS.alice);
      await h.page.getByTestId("account").getByText(ACCOUNTS.alice).waitFor(WAIT);
      before = await chainMarks(h, FOUNDERS);
      sent = h.sent.length;
      await vote.getByLabel("For").check();
      await vote.getByRole("button", { name: "Vote" }).click();
      await confirmed(card, `voted for on ${proposalRef(id)} with your cooperative's seat`);
      expect(h.sent.length).to.equal(sent + 1);
      expect(
        await read<boolean>(fed.governor, governorAbi as Abi, "hasVoted", [id, ACCOUNTS.alice]),
      ).to.equal(true);
      const [, forVotes] = await read<[bigint, bigint, bigint]>(
        fed.governor,
        governorAbi as Abi,
        "proposalVotes",
        [id],
      );
      expect(forVotes).to.equal(1n);
      await figure(card, "Votes")
        .getByText("for 1 seat, against 0 seats, abstain 0 seats", { exact: true })
        .waitFor(WAIT);
      await card.getByText("You have cast your seat on this proposal.").waitFor(WAIT);
    });
  });

  describe("reach", function () {
    it("fits a phone's width", async function () {
      await h.page.setViewportSize({ width: 375, height: 740 });
      await open(h, "federation");
      await h.page.getByRole("article", { name: "Bakery (BAKE)" }).waitFor(WAIT);
      await h.page.waitForLoadState("networkidle");
      const { overflow, widest } = await overflowOf(h.page);
      expect(overflow, `the federation page is wider than the phone: ${widest}`).to.be.at.most(0);
      await h.page.evaluate("window.scrollTo(0, 0)");
      await h.page.screenshot({ path: path.join(SCREENSHOTS, "phone-federation.png") });
      await h.page.setViewportSize({ width: 1280, height: 800 });
    });
  });
});
