/**
 * A local cooperative for the app: a `hardhat node` on its own port, the demo
 * run against it (deployment plus some history: claims, a vote, redemptions,
 * swaps, the sale and a band defence), and the addresses the demo deployed.
 * Used by `npm run app` and by the app's browser tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { addressesFromIgnition, type CoopAddresses } from "../lib/cli/deployment.js";

const root = path.resolve(import.meta.dirname, "..");
const hardhat = path.join(root, "node_modules", ".bin", "hardhat");

export interface LocalCoop {
  rpcUrl: string;
  addresses: CoopAddresses;
  /** `deployments/chain-31337.json` as the app loads it. */
  deploymentJson: string;
  stop(): Promise<void>;
}

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

/** Starts the node on `port`, runs the demo on it and returns its addresses. */
export async function startLocalCoop(
  port: number,
  log: (line: string) => void = () => {},
): Promise<LocalCoop> {
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
  const journal = path.join(root, "deploy", "deployments", "chain-31337");
  // The node's chain ends with it: so does the deployment record of it.
  const stop = async () => {
    await stopChild(node);
    await rm(journal, { recursive: true, force: true });
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
    await rm(journal, { recursive: true, force: true });
    log("demo: deploying the cooperative and giving it some history…");
    await run(["run", "scripts/demo.ts", "--network", "localhost"], {
      COOP_LOCALHOST_URL: rpcUrl,
    });
    const file = path.join(journal, "deployed_addresses.json");
    const addresses = addressesFromIgnition(
      JSON.parse(await readFile(file, "utf8")) as Record<string, string>,
      file,
    );
    return {
      rpcUrl,
      addresses,
      deploymentJson: `${JSON.stringify(addresses, null, 2)}\n`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Builds the app into app/dist (the ABIs are generated first). */
export async function buildApp(): Promise<string> {
  await run(["run", "scripts/app-contracts.ts"], {});
  await new Promise<void>((resolve, reject) => {
    const vite = spawn(path.join(root, "node_modules", ".bin", "vite"), ["build", "app"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    vite.on("error", reject);
    vite.on("close", (code) => (code === 0 ? resolve() : reject(new Error("vite build failed"))));
  });
  return path.join(root, "app", "dist");
}
