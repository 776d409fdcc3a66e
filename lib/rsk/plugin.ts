import type { HardhatPlugin } from "hardhat/types/plugins";

/**
 * Makes every transaction sent to an RSK chain (ids 30, 31, 33) a legacy
 * (type 0) transaction with an explicit `gasPrice` from `eth_gasPrice`, and
 * hides `baseFeePerGas` from RSK blocks so that ethers and Ignition never
 * price with EIP-1559 fields. It works at the provider, below every caller:
 * ethers signers, Ignition, the CLI and the demo.
 */
const rskLegacyTransactions: HardhatPlugin = {
  id: "confoederatio-rsk-legacy-transactions",
  hookHandlers: {
    network: () => import("./legacy-transactions.js"),
  },
};

export default rskLegacyTransactions;
