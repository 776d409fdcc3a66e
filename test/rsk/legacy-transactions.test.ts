import { expect } from "chai";
import { network } from "hardhat";

import { RSK_CHAIN_IDS } from "../../lib/constants.js";

// Init code that deploys a contract whose runtime is the single byte 0x00 (STOP).
const TINY_INIT_CODE = "0x600a600c600039600a6000f3" + "00".repeat(10);

async function sendOneOfEach(chainId?: number) {
  const connection = await network.create(
    chainId === undefined ? undefined : { override: { chainId } },
  );
  const { ethers } = connection;
  const [from, to] = await ethers.getSigners();
  const transfer = await from.sendTransaction({ to: to.address, value: 1n });
  const deployment = await from.sendTransaction({ data: TINY_INIT_CODE });
  const receipts = await Promise.all([transfer.wait(), deployment.wait()]);
  const block = await ethers.provider.send("eth_getBlockByNumber", ["latest", false]);
  const txs = await Promise.all(
    receipts.map((r) => ethers.provider.send("eth_getTransactionByHash", [r!.hash])),
  );
  await connection.close();
  return { block, txs };
}

describe("RSK legacy transactions", function () {
  describe("when the simulated network has chain id 31 (RSK testnet)", function () {
    it("sends transfers and deployments as type 0 with an explicit gasPrice", async function () {
      const { txs } = await sendOneOfEach(RSK_CHAIN_IDS.testnet);
      for (const tx of txs) {
        expect(tx.type).to.equal("0x0");
        expect(BigInt(tx.gasPrice)).to.be.greaterThan(0n);
        expect(tx).to.not.have.property("maxFeePerGas");
      }
    });

    it("hides the base fee from blocks", async function () {
      const { block } = await sendOneOfEach(RSK_CHAIN_IDS.testnet);
      expect(block).to.not.have.property("baseFeePerGas");
    });
  });

  describe("when the chain is not RSK", function () {
    it("leaves EIP-1559 pricing alone", async function () {
      const { block, txs } = await sendOneOfEach();
      expect(block).to.have.property("baseFeePerGas");
      expect(txs[0].type).to.equal("0x2");
    });
  });
});
