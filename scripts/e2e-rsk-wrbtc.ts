/**
 * `npm run e2e` on the RSK-shaped node: RSK testnet has a canonical WRBTC and
 * the router requires one on chain 31, so the local chain gets its own first,
 * from account 0 at nonce 0: the address deploy/parameters/rskLocal.json names.
 */
import { network } from "hardhat";

const { ethers } = await network.getOrCreate();
const wrbtc = await ethers.deployContract("WRBTC");
await wrbtc.waitForDeployment();
console.log(`WRBTC ${await wrbtc.getAddress()}`);
