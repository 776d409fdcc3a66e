/**
 * `npm run demo:federation`: three cooperatives and their federation on the in-process network.
 */
import { network } from "hardhat";

import { runCommand } from "../lib/cli/errors.js";
import { runFederationDemo } from "../lib/coop/federation-demo.js";

const connection = await network.getOrCreate();
console.log(`Confoederatio federation demo on network "${connection.networkName}"`);
await runCommand(async () => {
  await runFederationDemo(connection);
});
