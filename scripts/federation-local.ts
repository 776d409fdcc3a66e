/**
 * `npm run federation:local [-- --network localhost]`: a local federation of three cooperatives
 * in one command. Deploys the federation and three cooperatives through their Ignition modules,
 * passes each cooperative's vote to join, admits them at the federation's genesis, appoints their
 * founders as liaisons, and records the addresses for `coop federation …`.
 */
import { network } from "hardhat";

import { runCommand } from "../lib/cli/errors.js";
import { saveFederation } from "../lib/coop/federation.js";
import { addressesOf } from "../lib/coop/federation-demo.js";
import { deployLocalFederation } from "../lib/coop/federation-deploy.js";

const connection = await network.getOrCreate();
await runCommand(async () => {
  const local = await deployLocalFederation(connection);
  const addresses = await addressesOf(local);
  const { chainId } = await connection.ethers.provider.getNetwork();
  const file = await saveFederation(chainId, addresses);
  console.log(
    `Federation on network "${connection.networkName}": clearing union ${addresses.union}`,
  );
  for (const c of addresses.coops)
    console.log(`  ${c.name} (${c.symbol}): hours ${c.hours}, timelock ${c.timelock}`);
  console.log(`Recorded in ${file}`);
});
