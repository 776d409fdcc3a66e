/**
 * A local cooperative for the app: a `hardhat node` on its own port, the demo
 * run against it (deployment plus some history: claims, a vote, redemptions,
 * swaps, the sale and a band defence), and the addresses the demo deployed.
 * Or, for the Federation page, a local federation of three cooperatives
 * (`npm run federation:local`) with the app serving one of them.
 * Used by `npm run app` and by the app's browser tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";

import { addressesFromIgnition, type CoopAddresses } from "../lib/cli/deployment.js";
import type { FederationRecord } from "../lib/federation/view.js";

const root = path.resolve(import.meta.dirname, "..");
const hardhat = path.join(root, "node_modules", ".bin", "hardhat");

export interface LocalCoop {
  rpcUrl: string;
  addresses: CoopAddresses;
  /** `deployments/chain-31337.json` as the app loads it. */
  deploymentJson: string;
  /** The federation the cooperative belongs to, when the node runs one. */
  federation?: FederationRecord;
  /**
   * What the app's server answers for the deployment files: the cooperative's
   * addresses, and the federation's record or not found (a folder's leftover
   * record of an earlier chain must not show).
   */
  files: Map<string, string | null>;
  stop(): Promise<void>;
}

const DEPLOYMENT_PATH = "/deployments/chain-31337.json";
const FEDERATION_PATH = "/deployments/federation-31337.json";

/** One JSON-RPC call to the node. */
export async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(hardhat, args, { cwd: root, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`hardhat ${args.join(" ")}:\n${output}`)),
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("close", () => resolve());
    child.kill("SIGTERM");
  });
}

interface LocalNode {
  rpcUrl: string;
  journal: string;
  stop(): Promise<void>;
}

/** Starts a `hardhat node` on `port`, with no deployment record of an earlier chain. */
async function startNode(port: number, log: (line: string) => void): Promise<LocalNode> {
  const rpcUrl = `http://127.0.0.1:${port}`;
  const alreadyUp = await rpc(rpcUrl, "eth_chainId").then(
    () => true,
    () => false,
  );
  if (alreadyUp) throw new Error(`port ${port} is already in use`);
  const node = spawn(hardhat, ["node", "--port", String(port)], {
    cwd: root,
    stdio: "ignore",
  });
  const deployments = path.join(root, "deploy", "deployments");
  const journal = path.join(deployments, "chain-31337");
  // The node's chain ends with it: so do the deployment records of it (the cooperative's and,
  // for a federation, the federation's and its cooperatives').
  const forget = async () => {
    const names = await readdir(deployments).catch(() => [] as string[]);
    for (const name of names.filter((n) => n === "chain-31337" || n.startsWith("federation-31337")))
      await rm(path.join(deployments, name), { recursive: true, force: true });
  };
  const stop = async () => {
    await stopChild(node);
    await forget();
  };
  try {
    for (let attempt = 0; ; attempt++) {
      if (
        await rpc(rpcUrl, "eth_chainId").then(
          () => true,
          () => false,
        )
      )
        break;
      if (attempt > 240 || node.exitCode !== null) throw new Error("the node did not start");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    log(`node: ${rpcUrl}`);
    // A new node is a new chain: forget what an earlier one recorded.
    await forget();
    return { rpcUrl, journal, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, "utf8")) as T;
}

/** Starts the node on `port`, runs the demo on it and returns its addresses. */
export async function startLocalCoop(
  port: number,
  log: (line: string) => void = () => {},
): Promise<LocalCoop> {
  const node = await startNode(port, log);
  try {
    log("demo: deploying the cooperative and giving it some history…");
    await run(["run", "scripts/demo.ts", "--network", "localhost"], {
      COOP_LOCALHOST_URL: node.rpcUrl,
    });
    const file = path.join(node.journal, "deployed_addresses.json");
    const addresses = addressesFromIgnition(await readJson<Record<string, string>>(file), file);
    const deploymentJson = `${JSON.stringify(addresses, null, 2)}\n`;
    return {
      rpcUrl: node.rpcUrl,
      addresses,
      deploymentJson,
      files: new Map([
        [DEPLOYMENT_PATH, deploymentJson],
        [FEDERATION_PATH, null],
      ]),
      stop: node.stop,
    };
  } catch (error) {
    await node.stop();
    throw error;
  }
}

/**
 * Starts the node on `port`, deploys a federation of three cooperatives on it
 * (`npm run federation:local`: Bakery BAKE, Clinic CARE, Workshop TOOL, their
 * founders Hardhat's accounts #1, #2 and #3 with 100 hours each) and returns
 * the cooperative `symbol` as the app's deployment, with the federation's
 * record. The cooperative's market is the federation's shared one.
 */
export async function startLocalFederation(
  port: number,
  log: (line: string) => void = () => {},
  symbol = "BAKE",
): Promise<LocalCoop> {
  const node = await startNode(port, log);
  try {
    log("federation: deploying three cooperatives and their federation…");
    await run(["run", "scripts/federation-local.ts", "--network", "localhost"], {
      COOP_LOCALHOST_URL: node.rpcUrl,
    });
    const federation = await readJson<FederationRecord>(path.join(node.journal, "federation.json"));
    const coop = federation.coops.find((c) => c.symbol.toLowerCase() === symbol.toLowerCase());
    if (coop === undefined) {
      const known = federation.coops.map((c) => c.symbol).join(", ");
      throw new Error(`the local federation has no cooperative ${symbol} (it has ${known})`);
    }
    const deployments = path.dirname(node.journal);
    const journal = (id: string) => path.join(deployments, id, "deployed_addresses.json");
    // The cooperative's own contracts from its deployment, the market from the federation's.
    const file = journal(`federation-31337-${coop.symbol}`);
    const addresses = addressesFromIgnition(
      {
        ...(await readJson<Record<string, string>>(journal("federation-31337"))),
        ...(await readJson<Record<string, string>>(file)),
      },
      file,
    );
    const deploymentJson = `${JSON.stringify(addresses, null, 2)}\n`;
    return {
      rpcUrl: node.rpcUrl,
      addresses,
      deploymentJson,
      federation,
      files: new Map([
        [DEPLOYMENT_PATH, deploymentJson],
        [FEDERATION_PATH, `${JSON.stringify(federation, null, 2)}\n`],
      ]),
      stop: node.stop,
    };
  } catch (error) {
    await node.stop();
    throw error;
  }
}

/**
 * Builds the app into app/dist (the ABIs are generated first). `deployments` takes the chains'
 * deployment files from another folder than deploy/deployments (an empty one when the server
 * gives them, so that a build beside a deployment in progress reads no half-written journal).
 */
export async function buildApp(deployments?: string): Promise<string> {
  await run(
    ["run", "scripts/app-contracts.ts"],
    deployments === undefined ? {} : { COOP_DEPLOYMENTS_DIR: deployments },
  );
  await new Promise<void>((resolve, reject) => {
    const vite = spawn(path.join(root, "node_modules", ".bin", "vite"), ["build", "app"], {
      cwd: root,
      // The production build whatever the caller's environment: under `hardhat test` NODE_ENV
      // is "test", with which Vite would bundle React's development build.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    vite.on("error", reject);
    vite.on("close", (code) => (code === 0 ? resolve() : reject(new Error("vite build failed"))));
  });
  return path.join(root, "app", "dist");
}
