/**
 * An RSK-shaped JSON-RPC node on 127.0.0.1, for e2e runs and trying the CLI
 * as on RSK testnet: `npx hardhat run scripts/rsk-node.ts`. Settings come from
 * the environment (`hardhat run` passes no arguments):
 *
 * - RSK_NODE_PORT: the port (default 4444, rskj's);
 * - RSK_NODE_CHAIN_ID: 31 (testnet mode, default) or 33 (regtest mode,
 *   Hardhat's development accounts managed by the node);
 * - RSK_NODE_BLOCKS: "30s" (a block every 30 s of chain time, made every
 *   RSK_NODE_TICK_MS of wall time, default 100), "clock" (a block every RSK_NODE_TICK_MS of wall
 *   time, default 30000, stamped with the wall clock, as on RSK) or "instant" (default);
 * - RSK_NODE_MINIMUM_GAS_PRICE / RSK_NODE_TARGET_MINIMUM_GAS_PRICE: wei per gas;
 * - RSK_NODE_GAS_PRICE_MULTIPLIER: eth_gasPrice over the minimum (rskj: 1.1);
 * - RSK_NODE_LOG: a file that receives every transaction the node receives,
 *   one JSON object a line.
 */
import { appendFileSync } from "node:fs";

import { network } from "hardhat";

import { developmentKeys } from "../lib/rsk/node/accounts.js";
import type { BlockMode } from "../lib/rsk/node/node.js";
import { startRskNode } from "../lib/rsk/node/start.js";

const env = process.env;
const chainId = env.RSK_NODE_CHAIN_ID === "33" ? 33 : 31;
const blockMode: BlockMode =
  env.RSK_NODE_BLOCKS === "30s"
    ? { kind: "interval", chainSeconds: 30, realMs: Number(env.RSK_NODE_TICK_MS ?? 100) }
    : env.RSK_NODE_BLOCKS === "clock"
      ? { kind: "clock", realMs: Number(env.RSK_NODE_TICK_MS ?? 30_000) }
      : { kind: "instant" };
const minimumGasPrice = BigInt(env.RSK_NODE_MINIMUM_GAS_PRICE ?? 60_000_000);
const log = env.RSK_NODE_LOG;

const running = await startRskNode(
  network,
  {
    chainId,
    managedKeys: chainId === 33 ? developmentKeys(10) : [],
    minimumGasPrice,
    targetMinimumGasPrice: BigInt(env.RSK_NODE_TARGET_MINIMUM_GAS_PRICE ?? minimumGasPrice),
    gasPriceMultiplier: Number(env.RSK_NODE_GAS_PRICE_MULTIPLIER ?? 1.1),
    blockMode,
    onReceived: (received) => {
      if (log !== undefined) appendFileSync(log, `${JSON.stringify(received)}\n`);
    },
  },
  Number(env.RSK_NODE_PORT ?? 4444),
);
console.log(
  `RSK-shaped node (chain ${chainId}, ${{ interval: "30 s blocks", clock: "blocks on the wall clock", instant: "instant blocks" }[blockMode.kind]}) at ${running.url}`,
);
await new Promise<void>((resolve) => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
});
await running.close();
