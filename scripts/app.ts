/**
 * `npm run app`: a local try of the member app. Starts a `hardhat node`,
 * deploys the demo cooperative with some history, builds and serves the app,
 * and prints where to open it. Ctrl-C stops everything.
 *
 * `npm run app:federation` (APP_FEDERATION=1) deploys a federation of three
 * cooperatives instead (`npm run federation:local`) and serves the app for the
 * Bakery; APP_FEDERATION=CARE or TOOL serves the Clinic or the Workshop.
 *
 * APP_PORT (default 5173) and NODE_PORT (default 8545) move the two ports.
 */
import { serveStatic } from "./app-server.js";
import { buildApp, startLocalCoop, startLocalFederation } from "./app-local.js";

const nodePort = Number(process.env.NODE_PORT ?? 8545);
const appPort = Number(process.env.APP_PORT ?? 5173);
const federation = process.env.APP_FEDERATION;
const symbol =
  federation === undefined || federation === "" || federation === "0"
    ? undefined
    : /^(1|true|yes)$/i.test(federation)
      ? "BAKE"
      : federation;

const log = (line: string) => console.log(`app: ${line}`);
console.log("app: building…");
const dist = await buildApp();
const coop =
  symbol === undefined
    ? await startLocalCoop(nodePort, log)
    : await startLocalFederation(nodePort, log, symbol);
const server = await serveStatic(dist, appPort, coop.files);
const accounts =
  coop.federation === undefined
    ? "#1 is the demo's Alice, #2 Bob, #3 Carol"
    : `${coop.federation.coops
        .map((c, k) => `#${k + 1} is the founder of the ${c.name} (${c.symbol})`)
        .join(", ")}; the app shows the ${
        coop.federation.coops.find((c) => c.hours === coop.addresses.workHours)?.name ??
        "cooperative"
      }, and its Federation page the others`;
console.log(`
The member app is at ${server.url}

In the browser wallet, add the network "Hardhat local": RPC ${coop.rpcUrl}, chain id 31337,
currency RBTC; import one of Hardhat's documented test accounts: ${accounts}.
Ctrl-C stops the app and the node.`);

const shutdown = async () => {
  await server.close();
  await coop.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
