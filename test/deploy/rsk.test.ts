import { expect } from "chai";
import hre, { network } from "hardhat";

import { confoederatioModule } from "../../deploy/modules/Confoederatio.js";
import { MAX_CONTRACT_SIZE, RSK_BLOCK_GAS_LIMIT, RSK_CHAIN_IDS } from "../../lib/constants.js";
import { findMissingOpcodes } from "../../lib/rsk/opcodes.js";
import { networkParameters, withParameters } from "../fixtures/confoederatio.js";

interface RpcTransaction {
  hash: string;
  type: string;
  gasPrice?: string;
  maxFeePerGas?: string;
  maxPriorityFeePerGas?: string;
}

/**
 * The whole module deployed on a simulated RSK testnet (chain id 31): every transaction that
 * Ignition sent, read back from the chain, and the runtime code of every contract it created.
 */
async function deployOnRskTestnet() {
  const connection = await network.create({ override: { chainId: RSK_CHAIN_IDS.testnet } });
  const { ethers, ignition } = connection;
  const send = (method: string, params: unknown[]) => ethers.provider.send(method, params);
  // the router refuses a fresh WRBTC on chain 31: stand in for the canonical one
  const wrbtc = await ethers.deployContract("WRBTC");
  const parameters = withParameters(await networkParameters("default"), {
    Dex: { wrbtc: await wrbtc.getAddress() },
  });
  const fromBlock = (await ethers.provider.getBlockNumber()) + 1;
  const deployed = await ignition.deploy(confoederatioModule(parameters), { parameters });
  const toBlock = await ethers.provider.getBlockNumber();

  const transactions: RpcTransaction[] = [];
  const gasUsed: bigint[] = [];
  const addresses = new Set<string>();
  for (const contract of Object.values(deployed)) addresses.add(await contract.getAddress());
  for (let n = fromBlock; n <= toBlock; n++) {
    const block = (await send("eth_getBlockByNumber", [`0x${n.toString(16)}`, false])) as {
      transactions: string[];
    };
    for (const hash of block.transactions) {
      transactions.push((await send("eth_getTransactionByHash", [hash])) as RpcTransaction);
      const receipt = (await send("eth_getTransactionReceipt", [hash])) as {
        gasUsed: string;
        contractAddress: string | null;
      };
      gasUsed.push(BigInt(receipt.gasUsed));
      if (receipt.contractAddress !== null) addresses.add(receipt.contractAddress);
    }
  }
  const codes = new Map<string, string>();
  for (const address of addresses)
    codes.set(address, (await send("eth_getCode", [address, "latest"])) as string);
  await connection.close();
  return { transactions, gasUsed, codes };
}

describe("Confoederatio on an RSK chain (simulated, chain id 31)", function () {
  let rsk: Awaited<ReturnType<typeof deployOnRskTestnet>>;

  before(async function () {
    rsk = await deployOnRskTestnet();
  });

  it("sends every deployment transaction as a legacy (type 0) transaction", async function () {
    expect(rsk.transactions.length).to.be.greaterThan(20);
    for (const tx of rsk.transactions) {
      expect(tx.type, tx.hash).to.equal("0x0");
      expect(tx, tx.hash).to.not.have.property("maxFeePerGas");
      expect(tx, tx.hash).to.not.have.property("maxPriorityFeePerGas");
      expect(BigInt(tx.gasPrice ?? 0), tx.hash).to.be.greaterThan(0n);
    }
  });

  it("fits every transaction in RSK's 6.8M gas block limit", async function () {
    if (hre.globalOptions.coverage) this.skip(); // instrumented code costs more gas
    for (const gas of rsk.gasUsed) expect(gas).to.be.lessThan(RSK_BLOCK_GAS_LIMIT);
  });

  it("deploys no runtime code with an opcode RSK lacks", async function () {
    // Coverage instruments the bytecode: its opcodes and size are not the deployed ones.
    if (hre.globalOptions.coverage) this.skip();
    expect(rsk.codes.size).to.be.greaterThanOrEqual(11);
    for (const [address, code] of rsk.codes) {
      expect(code, address).to.not.equal("0x");
      expect(findMissingOpcodes(code), address).to.deep.equal([]);
    }
  });

  it("keeps every runtime within 24,576 bytes", async function () {
    // Coverage instruments the bytecode: its opcodes and size are not the deployed ones.
    if (hre.globalOptions.coverage) this.skip();
    for (const [address, code] of rsk.codes)
      expect((code.length - 2) / 2, address).to.be.at.most(MAX_CONTRACT_SIZE);
  });
});
