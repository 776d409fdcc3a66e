import "dotenv/config";

import path from "node:path";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

import { RSK_CHAIN_IDS, SOLC_VERSION } from "./lib/constants.js";
import rskLegacyTransactions from "./lib/rsk/plugin.js";
import { coopTasks } from "./tasks/coop.js";
import deployTask from "./tasks/deploy.js";

/** RSK networks that a deployment may reach over JSON-RPC. Their URLs and
 * keys are configuration variables: the environment, `.env` or the Hardhat
 * keystore. Hardhat only asks for them when that network is used. With
 * `keys` > 1 the further keys are `${prefix}_PRIVATE_KEY_1`, `_2`, ... */
function rskNetwork(chainId: number, prefix: string, keys = 1) {
  return {
    type: "http" as const,
    chainType: "l1" as const,
    chainId,
    url: configVariable(`${prefix}_RPC_URL`),
    accounts: Array.from({ length: keys }, (_, i) =>
      configVariable(i === 0 ? `${prefix}_PRIVATE_KEY` : `${prefix}_PRIVATE_KEY_${i}`),
    ),
  };
}

/** `hardhat test --coverage`: the run that measures line coverage with instrumented contracts. */
const COVERAGE = process.argv.includes("--coverage");

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers, rskLegacyTransactions],
  tasks: [deployTask, ...coopTasks],
  solidity: {
    compilers: [
      {
        version: SOLC_VERSION,
        // The wasm compiler from the pinned `solc` package: no download.
        path: path.join(import.meta.dirname, "node_modules/solc/soljson.js"),
        settings: {
          evmVersion: "cancun",
          optimizer: { enabled: true, runs: 200 },
        },
      },
    ],
  },
  paths: {
    // COOP_IGNITION_DIR: a scratch folder for deployments (the CLI walkthrough test)
    ignition: process.env.COOP_IGNITION_DIR ?? "deploy",
  },
  typechain: {
    outDir: "typechain-types",
  },
  test: {
    solidity: {
      fuzz: { runs: 256, seed: "0xc00f" },
      invariant: { runs: 64, depth: 32, failOnRevert: false },
    },
  },
  networks: {
    default: {
      type: "edr-simulated",
      chainType: "l1",
      hardfork: "cancun",
      // Coverage instrumentation (`hardhat test --coverage`) adds code and gas to every
      // contract: the largest then pass RSK's 24,576-byte limit and their deployment its
      // 6.8M block, which the uninstrumented tests enforce.
      blockGasLimit: COVERAGE ? 30_000_000 : 6_800_000,
      allowUnlimitedContractSize: COVERAGE,
      // The simulated chain's clock starts at the wall clock, or at SIMULATED_START (an ISO
      // date) when set: CI runs the suite from fixed dates to show no test depends on the hour.
      ...(process.env.SIMULATED_START === undefined
        ? {}
        : { initialDate: process.env.SIMULATED_START }),
    },
    localhost: {
      type: "http",
      chainType: "l1",
      // COOP_LOCALHOST_URL: another local node (tests run one on a free port)
      url: process.env.COOP_LOCALHOST_URL ?? "http://127.0.0.1:8545",
    },
    rskRegtest: {
      type: "http",
      chainType: "l1",
      chainId: RSK_CHAIN_IDS.regtest,
      url: "http://127.0.0.1:4444",
      accounts: "remote",
    },
    rskTestnet: rskNetwork(RSK_CHAIN_IDS.testnet, "RSK_TESTNET"),
    rskMainnet: rskNetwork(RSK_CHAIN_IDS.mainnet, "RSK_MAINNET"),
    // Configured as rskTestnet is (URL + private keys), for the RSK-shaped
    // node of scripts/rsk-node.ts; `npm run e2e` sets its variables.
    rskLocal: rskNetwork(RSK_CHAIN_IDS.testnet, "RSK_LOCAL", 4),
  },
  chainDescriptors: {
    [RSK_CHAIN_IDS.mainnet]: {
      name: "Rootstock Mainnet",
      chainType: "l1",
      blockExplorers: {
        blockscout: {
          name: "Rootstock Blockscout",
          url: "https://rootstock.blockscout.com",
          apiUrl: "https://rootstock.blockscout.com/api",
        },
      },
    },
    [RSK_CHAIN_IDS.testnet]: {
      name: "Rootstock Testnet",
      chainType: "l1",
      blockExplorers: {
        blockscout: {
          name: "Rootstock Testnet Blockscout",
          url: "https://rootstock-testnet.blockscout.com",
          apiUrl: "https://rootstock-testnet.blockscout.com/api",
        },
      },
    },
  },
  verify: {
    etherscan: { enabled: false },
    blockscout: { enabled: true },
    sourcify: { enabled: false },
  },
});
