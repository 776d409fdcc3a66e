import { expect } from "chai";
import hre from "hardhat";

import { RSK_CHAIN_IDS, SOLC_VERSION, isRskChain } from "../lib/constants.js";

describe("hardhat config", function () {
  describe("compiler", function () {
    it("uses the pinned npm solc and targets cancun with the optimizer on", function () {
      const compilers = hre.config.solidity.profiles.default.compilers;
      expect(compilers).to.have.length(1);
      const [solc] = compilers;
      expect(solc.version).to.equal(SOLC_VERSION);
      expect(solc.path).to.match(/node_modules\/solc\/soljson\.js$/);
      expect(solc.settings.evmVersion).to.equal("cancun");
      expect(solc.settings.optimizer.enabled).to.equal(true);
    });
  });

  describe("simulated network", function () {
    it("runs cancun with RSK's 6.8M block gas limit", function () {
      // coverage runs lift the limit for instrumented contracts (hardhat.config.ts)
      if (hre.globalOptions.coverage) this.skip();
      const net = hre.config.networks.default;
      expect(net.type).to.equal("edr-simulated");
      if (net.type !== "edr-simulated") return;
      expect(net.hardfork).to.equal("cancun");
      expect(net.blockGasLimit).to.equal(6_800_000n);
    });
  });

  describe("RSK networks", function () {
    const expected = {
      rskMainnet: RSK_CHAIN_IDS.mainnet,
      rskTestnet: RSK_CHAIN_IDS.testnet,
      rskRegtest: RSK_CHAIN_IDS.regtest,
    };
    for (const [name, chainId] of Object.entries(expected)) {
      it(`gives ${name} chain id ${chainId} and an automatic legacy gas price`, function () {
        const net = hre.config.networks[name];
        expect(net.type).to.equal("http");
        expect(net.chainId).to.equal(chainId);
        expect(net.gasPrice).to.equal("auto");
        // No EIP-1559 field exists in the resolved config of any RSK network.
        expect(Object.keys(net)).to.not.include.members([
          "maxFeePerGas",
          "maxPriorityFeePerGas",
          "initialBaseFeePerGas",
        ]);
      });
    }

    it("points regtest at a local rskj node", async function () {
      const net = hre.config.networks.rskRegtest;
      if (net.type !== "http") throw new Error("rskRegtest must be http");
      expect(await net.url.get()).to.equal("http://127.0.0.1:4444");
    });

    it("names the missing variable when a remote network's URL is unset", async function () {
      const net = hre.config.networks.rskTestnet;
      if (net.type !== "http") throw new Error("rskTestnet must be http");
      const saved = process.env.RSK_TESTNET_RPC_URL;
      delete process.env.RSK_TESTNET_RPC_URL;
      let message = "";
      try {
        await net.url.get();
      } catch (error) {
        message = (error as Error).message;
      } finally {
        if (saved !== undefined) process.env.RSK_TESTNET_RPC_URL = saved;
      }
      expect(message).to.include("RSK_TESTNET_RPC_URL");
    });

    it("describes Blockscout explorers for mainnet and testnet", function () {
      for (const id of [RSK_CHAIN_IDS.mainnet, RSK_CHAIN_IDS.testnet]) {
        const descriptor = hre.config.chainDescriptors.get(BigInt(id));
        expect(descriptor?.blockExplorers.blockscout?.apiUrl).to.match(
          /^https:\/\/rootstock(-testnet)?\.blockscout\.com\/api$/,
        );
      }
    });

    it("recognises RSK chain ids and nothing else", function () {
      expect([30, 31, 33].map(isRskChain)).to.deep.equal([true, true, true]);
      expect([1, 31337, 32].map(isRskChain)).to.deep.equal([false, false, false]);
    });
  });
});
