/**
 * The app's browser test harness: Debian's Chromium driven by playwright-core,
 * a local cooperative (scripts/app-local.ts), the built app served beside it,
 * and a test wallet injected into the page. The wallet is an EIP-1193
 * provider that forwards every request to the node, which signs with its own
 * unlocked accounts; it records what it was asked to send.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "playwright-core";

import { serveStatic, type StaticServer } from "../../scripts/app-server.js";
import {
  buildApp,
  rpc,
  startLocalCoop,
  startLocalFederation,
  type LocalCoop,
} from "../../scripts/app-local.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Hardhat's default accounts (the node's): deployer, then the demo's Alice, Bob, Carol. */
export const ACCOUNTS = {
  deployer: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  alice: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  bob: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  carol: "0x90F79bf6EB2c279b3Fe8D030cE4A5C6de4c2E6Aa",
} as const;

/** The page side of the test wallet: window.ethereum, forwarding to `__testWallet`. */
const WALLET_SCRIPT = `(() => {
  const listeners = {};
  window.ethereum = {
    isTestWallet: true,
    async request({ method, params }) {
      const reply = await window.__testWallet(method, params ?? []);
      if (reply.error) {
        const error = new Error(reply.error.message);
        error.code = reply.error.code;
        error.data = reply.error.data;
        throw error;
      }
      return reply.result;
    },
    on(event, fn) { (listeners[event] ??= []).push(fn); },
    removeListener(event, fn) { listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn); },
  };
  window.__emitWallet = (event, value) => (listeners[event] ?? []).forEach((fn) => fn(value));
})();`;

export interface Harness {
  coop: LocalCoop;
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every eth_sendTransaction the wallet was asked for, in order. */
  sent: Array<Record<string, unknown>>;
  /** The account the wallet signs with. */
  account: string;
  /** Switches the wallet to `account`, as a member switching accounts would. */
  useAccount(account: string): Promise<void>;
  /** Advances the node's clock by `seconds` and mines a block, as waiting would. */
  wait(seconds: bigint | number): Promise<void>;
  rpc<T>(method: string, params?: unknown[]): Promise<T>;
  close(): Promise<void>;
}

type RpcReply = { result?: unknown; error?: { code: number; message: string; data?: unknown } };

async function forward(url: string, method: string, params: unknown[]): Promise<RpcReply> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as RpcReply;
  return body.error !== undefined ? { error: body.error } : { result: body.result };
}

export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The app is built once for all the test files of a run. */
let built: Promise<string> | undefined;

/**
 * Starts node, demo (or, with `federation`, a local federation of three cooperatives with the
 * app serving the Bakery), server and browser; the page is open on the app, connected as
 * `account`.
 */
export async function startHarness(options: {
  port: number;
  account: string;
  federation?: boolean;
}): Promise<Harness> {
  // The build and the chain side by side: the server gives the deployment files, so the build
  // reads none.
  built ??= mkdtemp(path.join(os.tmpdir(), "coop-app-no-deployments-")).then(buildApp);
  const [build, started] = await Promise.allSettled([
    built,
    options.federation ? startLocalFederation(options.port) : startLocalCoop(options.port),
  ]);
  if (build.status === "rejected") {
    if (started.status === "fulfilled") await started.value.stop();
    throw build.reason;
  }
  if (started.status === "rejected") throw started.reason;
  const [dist, coop] = [build.value, started.value];
  const server = await serveStatic(dist, 0, coop.files);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), "coop-app-chromium-"));
  const context = await launchChromium(userDataDir);
  const browser = context.browser() as Browser;
  const sent: Array<Record<string, unknown>> = [];
  const harness: Harness = {
    coop,
    server,
    browser,
    context,
    page: undefined as unknown as Page,
    sent,
    account: options.account,
    async useAccount(account) {
      harness.account = account;
      await harness.page.evaluate(
        `window.__emitWallet("accountsChanged", [${JSON.stringify(account)}])`,
      );
    },
    async wait(seconds) {
      await rpc(coop.rpcUrl, "evm_increaseTime", [Number(seconds)]);
      await rpc(coop.rpcUrl, "evm_mine");
    },
    rpc: (method, params = []) => rpc(coop.rpcUrl, method, params),
    async close() {
      await context.close().catch(() => {});
      await server.close();
      await coop.stop();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  await context.exposeFunction("__testWallet", async (method: string, params: unknown[]) => {
    switch (method) {
      case "eth_requestAccounts":
      case "eth_accounts":
        return { result: [harness.account] };
      case "wallet_requestPermissions":
      case "wallet_getPermissions":
        return { result: [{ parentCapability: "eth_accounts" }] };
      case "wallet_revokePermissions":
        return { result: null };
      case "eth_sendTransaction": {
        const tx = { ...(params[0] as Record<string, unknown>), from: harness.account };
        sent.push(tx);
        return forward(coop.rpcUrl, method, [tx]);
      }
      default:
        return forward(coop.rpcUrl, method, params);
    }
  });
  await context.addInitScript({ content: WALLET_SCRIPT });
  harness.page = context.pages()[0] ?? (await context.newPage());
  return harness;
}

/** The node's block number and the nonces of `accounts`: unchanged when nothing was sent. */
export async function chainMarks(h: Harness, accounts: readonly string[]): Promise<string[]> {
  const block = await h.rpc<string>("eth_blockNumber");
  const nonces = await Promise.all(
    accounts.map((a) => h.rpc<string>("eth_getTransactionCount", [a, "latest"])),
  );
  return [block, ...nonces];
}

/**
 * How far the page sticks out of the viewport's width (0 when it fits), and what sticks out,
 * leaving aside what a scrolling box (a wide table) holds.
 */
export async function overflowOf(page: Page): Promise<{ overflow: number; widest: string }> {
  const overflow = await page.evaluate(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  const widest = await page.evaluate(`[...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .filter((e) => { for (let a = e.parentElement; a; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== "visible") return false; return true; })
    .map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + (e.name ? "[" + e.name + "]" : "") + "@" + Math.round(e.getBoundingClientRect().right))
    .join(", ")`);
  return { overflow: overflow as number, widest: widest as string };
}

/** How long a step may take to show (a block, a read, a render). */
export const WAIT = { timeout: 30_000 };

/**
 * Where the tests' screenshots go: the README's pictures in docs/app when APP_SCREENSHOTS=1
 * (`APP_SCREENSHOTS=1 npm run test:app`), else an ignored folder, so that a test run leaves the
 * tracked files as they were.
 */
export const SCREENSHOTS =
  process.env.APP_SCREENSHOTS === "1"
    ? path.resolve(import.meta.dirname, "..", "..", "docs", "app")
    : path.resolve(import.meta.dirname, ".screenshots");

/** Opens the app on `page` (`#/page`), connecting the wallet if it is not yet. */
export async function open(h: Harness, page: string): Promise<void> {
  await h.page.goto(`${h.server.url}#/${page}`);
  const connect = h.page.getByRole("button", { name: "Connect wallet" });
  await Promise.race([connect.waitFor(WAIT), h.page.getByTestId("account").waitFor(WAIT)]);
  if (await connect.isVisible()) await connect.click();
  await h.page.getByTestId("account").waitFor(WAIT);
}

/** The figure shown beside a term ("Hours") in a list of figures, on a page or within a part. */
export function figure(scope: Page | Locator, term: string): Locator {
  // A `has` locator is matched inside each candidate, so it is built from the page's root.
  const page = "page" in scope && typeof scope.page === "function" ? scope.page() : (scope as Page);
  return scope
    .locator("dl div", { has: page.getByRole("term").getByText(term, { exact: true }) })
    .getByRole("definition");
}

/** Waits for the confirmation in `scope` and checks its words. */
export async function confirmed(scope: Page | Locator, text: RegExp | string): Promise<void> {
  const status = scope.getByRole("status").filter({ hasText: "Confirmed" });
  await status.waitFor(WAIT);
  expect(await status.innerText()).to.match(typeof text === "string" ? new RegExp(text) : text);
}
