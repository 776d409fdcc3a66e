/**
 * `npm run demo`: the life of a cooperative on the in-process network, or on
 * a node with `npm run demo -- --network localhost`.
 */
import { network } from "hardhat";

import { runCommand } from "../lib/cli/errors.js";
import { runDemo } from "../lib/coop/demo.js";

const connection = await network.getOrCreate();
const parametersName = connection.networkName === "localhost" ? "localhost" : "default";
console.log(`Confoederatio demo on network "${connection.networkName}"`);
await runCommand(async () => {
  await runDemo(connection, { parametersName });
});
