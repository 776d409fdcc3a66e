/**
 * Checks the transactions an RSK-shaped node received (its RSK_NODE_LOG) as
 * RSK testnet would take them: every one raw (signed here, not by the node),
 * legacy type 0, EIP-155 with chain id 31, accepted, mined, and priced at or
 * above the minimum gas price of the block that includes it.
 * `node scripts/e2e-rsk-check.ts <log> <rpc url> <at least this many>`.
 * Plain, erasable TypeScript: Node 22 runs it directly.
 */
import { readFileSync } from "node:fs";

interface Received {
  method: string;
  type: number | null;
  chainId: number | null;
  gasPrice: string | null;
  hash: string | null;
  refused?: string;
}

const [logFile, url, least] = process.argv.slice(2);

async function rpc(method: string, params: unknown[]): Promise<Record<string, string> | null> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: Record<string, string> | null };
  return body.result ?? null;
}

const received = readFileSync(logFile, "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => JSON.parse(line) as Received);
const failures: string[] = [];
for (const [i, tx] of received.entries()) {
  const what = `transaction ${i + 1} (${tx.hash ?? "no hash"})`;
  if (tx.method !== "eth_sendRawTransaction") failures.push(`${what}: sent by ${tx.method}`);
  if (tx.type !== 0) failures.push(`${what}: type ${tx.type}`);
  if (tx.chainId !== 31) failures.push(`${what}: chain id ${tx.chainId}`);
  if (tx.refused !== undefined) failures.push(`${what}: refused: ${tx.refused}`);
  if (tx.hash === null || tx.gasPrice === null) continue;
  const mined = await rpc("eth_getTransactionByHash", [tx.hash]);
  if (mined === null || mined.blockNumber === null) {
    failures.push(`${what}: not mined`);
    continue;
  }
  const block = await rpc("eth_getBlockByNumber", [mined.blockNumber, false]);
  const minimum = BigInt(block?.minimumGasPrice ?? "0x0");
  if (BigInt(tx.gasPrice) < minimum) {
    failures.push(`${what}: gas price ${tx.gasPrice} under the block's minimum ${minimum}`);
  }
}
if (received.length < Number(least)) {
  failures.push(`only ${received.length} transactions received; expected at least ${least}`);
}
for (const failure of failures) console.log(`e2e FAILED: ${failure}`);
if (failures.length > 0) process.exit(1);
console.log(
  `e2e ok: all ${received.length} transactions raw, type 0, EIP-155 chain 31, mined at or above the block minimum`,
);
