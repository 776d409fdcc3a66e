import { expect } from "chai";
import { Transaction, Wallet } from "ethers";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import { developmentKeys } from "../../lib/rsk/node/accounts.js";
import { nextMinimumGasPrice, type RskNodeOptions } from "../../lib/rsk/node/node.js";
import { startRskNode, type RunningRskNode } from "../../lib/rsk/node/start.js";

const MINIMUM = 60_000_000n;
const KEYS = developmentKeys(2);

interface Setup {
  running: RunningRskNode;
  client: NetworkConnection;
}

/** JSON-RPC straight to the node, without any Hardhat handler in between. */
async function rpc(url: string, method: string, params: unknown[] = []) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
}

describe("RSK-shaped node", function () {
  let open: Setup[] = [];

  /**
   * An RSK-shaped node and a connection configured as `rskTestnet` is (URL +
   * private keys), or as `localhost` is (no chain id: the hook must ask).
   */
  async function rskOn(
    options: Partial<RskNodeOptions> = {},
    networkName: "rskTestnet" | "localhost" = "rskTestnet",
  ): Promise<Setup> {
    const running = await startRskNode(network, {
      chainId: 31,
      minimumGasPrice: MINIMUM,
      gasPriceMultiplier: 1,
      ...options,
    });
    const client = await network.create({
      network: networkName,
      override: { url: running.url, accounts: KEYS },
    });
    const setup = { running, client };
    open.push(setup);
    return setup;
  }

  afterEach(async function () {
    for (const { running, client } of open) {
      await client.close();
      await running.close();
    }
    open = [];
  });

  describe("when an account is configured by private key (as rskTestnet)", function () {
    for (const networkName of ["rskTestnet", "localhost"] as const) {
      it(`receives a signed type-0 chain-31 transaction with no gas price set (${networkName})`, async function () {
        const { running, client } = await rskOn({}, networkName);
        const [from, to] = await client.ethers.getSigners();
        const sent = await from.sendTransaction({ to: to.address, value: 1n });
        expect((await sent.wait())?.status).to.equal(1);
        const received = running.node.received;
        expect(received).to.have.length(1);
        expect(received[0]).to.deep.include({
          method: "eth_sendRawTransaction",
          type: 0,
          chainId: 31,
          hash: sent.hash,
        });
        expect(received[0].refused).to.equal(undefined);
      });
    }

    it("prices at least 1% over the latest minimum when eth_gasPrice returns the minimum", async function () {
      const { running, client } = await rskOn();
      expect(BigInt((await rpc(running.url, "eth_gasPrice")).result as string)).to.equal(MINIMUM);
      const [from, to] = await client.ethers.getSigners();
      await (await from.sendTransaction({ to: to.address, value: 1n })).wait();
      expect(BigInt(running.node.received[0].gasPrice as string)).to.be.at.least(60_600_000n);
    });

    it("keeps a gas price the sender set", async function () {
      const { running, client } = await rskOn();
      const [from, to] = await client.ethers.getSigners();
      await (
        await from.sendTransaction({ to: to.address, value: 1n, gasPrice: 70_000_000n })
      ).wait();
      expect(running.node.received[0].gasPrice).to.equal("70000000");
    });

    it("still gets mined while the minimum rises 1% a block", async function () {
      const { running, client } = await rskOn({ targetMinimumGasPrice: 2n * MINIMUM });
      const [from, to] = await client.ethers.getSigners();
      for (let i = 0; i < 3; i++) {
        const sent = await from.sendTransaction({ to: to.address, value: 1n });
        const receipt = await sent.wait();
        const block = await rpc(running.url, "eth_getBlockByNumber", [receipt?.blockNumber, false]);
        const minimum = BigInt((block.result as { minimumGasPrice: string }).minimumGasPrice);
        expect(sent.gasPrice).to.be.at.least(minimum);
      }
      expect(running.node.minimumGasPriceAt(3)).to.equal(
        nextMinimumGasPrice(
          nextMinimumGasPrice(nextMinimumGasPrice(MINIMUM, 2n * MINIMUM), 2n * MINIMUM),
          2n * MINIMUM,
        ),
      );
    });
  });

  describe("eth_sendRawTransaction", function () {
    const wallet = new Wallet(KEYS[0]);
    const base = { to: wallet.address, value: 1n, gasLimit: 21_000n, nonce: 0 };

    it("refuses a transaction priced under the latest block's minimum", async function () {
      const { running } = await rskOn();
      const raw = await wallet.signTransaction({
        ...base,
        type: 0,
        chainId: 31,
        gasPrice: MINIMUM - 1n,
      });
      const answer = await rpc(running.url, "eth_sendRawTransaction", [raw]);
      expect(answer.error).to.deep.equal({
        code: -32010,
        message: "transaction's gas price lower than block's minimum",
      });
    });

    it("leaves a transaction priced at exactly the minimum pending when the next block's minimum is higher", async function () {
      const { running } = await rskOn({ targetMinimumGasPrice: 2n * MINIMUM });
      const raw = await wallet.signTransaction({
        ...base,
        type: 0,
        chainId: 31,
        gasPrice: MINIMUM,
      });
      const hash = (await rpc(running.url, "eth_sendRawTransaction", [raw])).result as string;
      const tx = (await rpc(running.url, "eth_getTransactionByHash", [hash])).result as {
        blockNumber: unknown;
      };
      expect(tx.blockNumber).to.equal(null);
      expect((await rpc(running.url, "eth_getTransactionReceipt", [hash])).result).to.equal(null);
    });

    it("refuses an EIP-1559 (type 2) transaction as VETIVER-9.0 does: not an RLP list", async function () {
      const { running } = await rskOn();
      const raw = await wallet.signTransaction({
        ...base,
        type: 2,
        chainId: 31,
        maxFeePerGas: 2n * MINIMUM,
        maxPriorityFeePerGas: 0n,
      });
      const answer = await rpc(running.url, "eth_sendRawTransaction", [raw]);
      expect(answer.error?.code).to.equal(-32602);
      expect(running.node.received[0]).to.deep.include({ type: 2 });
    });

    it("refuses a transaction signed for another chain", async function () {
      const { running } = await rskOn();
      const raw = await wallet.signTransaction({
        ...base,
        type: 0,
        chainId: 30,
        gasPrice: 2n * MINIMUM,
      });
      const answer = await rpc(running.url, "eth_sendRawTransaction", [raw]);
      expect(answer.error).to.deep.equal({ code: -32602, message: "Invalid chainId: 30" });
    });

    it("records the type, chain id and gas price it received", async function () {
      const { running } = await rskOn();
      const raw = await wallet.signTransaction({
        ...base,
        type: 0,
        chainId: 31,
        gasPrice: 2n * MINIMUM,
      });
      await rpc(running.url, "eth_sendRawTransaction", [raw]);
      expect(running.node.received[0]).to.deep.include({
        type: 0,
        chainId: 31,
        gasPrice: (2n * MINIMUM).toString(),
        hash: Transaction.from(raw).hash,
      });
    });
  });

  describe("in testnet mode (chain 31)", function () {
    it("refuses eth_sendTransaction for an account it does not manage", async function () {
      const { running } = await rskOn();
      const from = new Wallet(KEYS[0]).address;
      const answer = await rpc(running.url, "eth_sendTransaction", [
        { from, to: from, value: "0x1" },
      ]);
      expect(answer.error).to.deep.equal({
        code: -32602,
        message: `Could not find account for address: ${from}`,
      });
      expect((await rpc(running.url, "eth_accounts")).result).to.deep.equal([]);
    });

    it("answers no fee-market methods", async function () {
      const { running } = await rskOn();
      for (const method of ["eth_feeHistory", "eth_maxPriorityFeePerGas", "eth_blobBaseFee"]) {
        expect((await rpc(running.url, method, ["0x1", "latest", []])).error).to.deep.equal({
          code: -32601,
          message: `the method ${method} does not exist/is not available`,
        });
      }
    });

    it("shapes blocks and receipts as rskj: minimumGasPrice, no baseFeePerGas, type 0", async function () {
      const { running, client } = await rskOn();
      const [from, to] = await client.ethers.getSigners();
      const receipt = await (await from.sendTransaction({ to: to.address, value: 1n })).wait();
      const block = (await rpc(running.url, "eth_getBlockByNumber", ["latest", true]))
        .result as Record<string, unknown>;
      expect(block).to.not.have.property("baseFeePerGas");
      expect(block).to.not.have.property("withdrawals");
      expect(BigInt(block.minimumGasPrice as string)).to.equal(MINIMUM);
      expect((block.transactions as { type: string }[])[0].type).to.equal("0x0");
      const shaped = (await rpc(running.url, "eth_getTransactionReceipt", [receipt?.hash]))
        .result as Record<string, unknown>;
      expect(shaped).to.deep.include({ type: "0x0", status: "0x1" });
      expect(shaped).to.not.have.property("blobGasUsed");
    });

    it("refuses a block tag rskj does not know", async function () {
      const { running } = await rskOn();
      const answer = await rpc(running.url, "eth_getBalance", [
        new Wallet(KEYS[0]).address,
        "latestish",
      ]);
      expect(answer.error?.code).to.equal(-32602);
    });
  });

  describe("in regtest mode (chain 33)", function () {
    it("signs eth_sendTransaction for an account it manages, as a legacy EIP-155 chain-33 transaction", async function () {
      const { running } = await rskOn({ chainId: 33, managedKeys: KEYS }, "localhost");
      const from = new Wallet(KEYS[0]).address.toLowerCase();
      expect((await rpc(running.url, "eth_accounts")).result).to.include(from);
      const answer = await rpc(running.url, "eth_sendTransaction", [
        { from, to: from, value: "0x1" },
      ]);
      expect(answer.error).to.equal(undefined);
      expect(running.node.received[0]).to.deep.include({
        method: "eth_sendTransaction",
        type: 0,
        chainId: 33,
      });
    });
  });

  describe("when the node manages the accounts (as rskRegtest)", function () {
    it("prices at least 1% over the latest minimum when eth_gasPrice returns the minimum", async function () {
      const running = await startRskNode(network, {
        chainId: 33,
        managedKeys: KEYS,
        minimumGasPrice: MINIMUM,
        gasPriceMultiplier: 1,
      });
      const client = await network.create({
        network: "rskRegtest",
        override: { url: running.url },
      });
      open.push({ running, client });
      const [from, to] = await client.ethers.getSigners();
      await (await from.sendTransaction({ to: to.address, value: 1n })).wait();
      expect(running.node.received[0].method).to.equal("eth_sendTransaction");
      expect(BigInt(running.node.received[0].gasPrice as string)).to.be.at.least(60_600_000n);
    });
  });

  describe("in 30-second block mode", function () {
    it("mines a block every 30 s of chain time, with no request from the client", async function () {
      const { running, client } = await rskOn({
        blockMode: { kind: "interval", chainSeconds: 30, realMs: 50 },
      });
      const [from, to] = await client.ethers.getSigners();
      const sent = await from.sendTransaction({ to: to.address, value: 1n });
      const receipt = await sent.wait();
      const block = await client.ethers.provider.getBlock(receipt!.blockNumber);
      const parent = await client.ethers.provider.getBlock(receipt!.blockNumber - 1);
      expect(block!.timestamp - parent!.timestamp).to.equal(30);
    });
  });
});
