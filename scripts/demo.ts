/**
 * `npm run demo`: the life of a cooperative on the in-process network, or on
 * a node with `npm run demo -- --network localhost`.
 */
import { network } from "hardhat";

import { runCommand } from "../lib/cli/errors.js";
import { runDemo } from "../lib/coop/demo.js";

const connection = await network.getOrCreate();
// Local nodes have their own parameters (rskLocal: the WRBTC that `npm run e2e` deploys first).
const parametersName = ["localhost", "rskLocal"].includes(connection.networkName)
  ? connection.networkName
  : "default";
console.log(`Confoederatio demo on network "${connection.networkName}"`);
await runCommand(async () => {
  await runDemo(connection, { parametersName });
});
