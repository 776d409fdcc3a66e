/**
 * Child-process CLI tests: a `hardhat node` on a free port, and JSON-RPC to it. Shared by the
 * walkthrough and the deploy-then-demo tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const root = path.join(import.meta.dirname, "..", "..");
const hardhatBin = path.join(root, "node_modules", ".bin", "hardhat");

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One JSON-RPC call to `url`; its result. */
export async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

/** Starts `hardhat node` on `port` and waits until it answers. */
export async function startNode(port: number): Promise<ChildProcess> {
  const node = spawn(hardhatBin, ["node", "--port", String(port)], {
    cwd: root,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await rpc(url, "eth_chainId")) !== undefined) return node;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  node.kill();
  throw new Error("hardhat node did not start");
}

/** Stops a node that `startNode` started, and waits for it to exit. */
export async function stopNode(node: ChildProcess | undefined): Promise<void> {
  if (node === undefined || node.exitCode !== null || node.signalCode !== null) return;
  const exited = new Promise((resolve) => node.once("exit", resolve));
  node.kill("SIGTERM");
  await exited;
}

/** Non-empty lines of a process's output. */
export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() !== "");
}
