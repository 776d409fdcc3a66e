/**
 * `npm run app`: a local try of the member app. Starts a `hardhat node`,
 * deploys the demo cooperative with some history, builds and serves the app,
 * and prints where to open it. Ctrl-C stops everything.
 *
 * APP_PORT (default 5173) and NODE_PORT (default 8545) move the two ports.
 */
import { serveStatic } from "./app-server.js";
import { buildApp, startLocalCoop } from "./app-local.js";

const nodePort = Number(process.env.NODE_PORT ?? 8545);
const appPort = Number(process.env.APP_PORT ?? 5173);

console.log("app: building…");
const dist = await buildApp();
const coop = await startLocalCoop(nodePort, (line) => console.log(`app: ${line}`));
const server = await serveStatic(
  dist,
  appPort,
  new Map([["/deployments/chain-31337.json", coop.deploymentJson]]),
);
console.log(`
The member app is at ${server.url}

In the browser wallet, add the network "Hardhat local": RPC ${coop.rpcUrl}, chain id 31337,
currency RBTC; import one of Hardhat's documented test accounts: #1 is the demo's Alice,
#2 Bob, #3 Carol. Ctrl-C stops the app and the node.`);

const shutdown = async () => {
  await server.close();
  await coop.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
