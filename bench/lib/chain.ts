import type {
  BaseContract,
  ContractTransactionResponse,
  Signer,
  TransactionResponse,
} from "ethers";
import { Wallet, id } from "ethers";
import type { ArtifactManager } from "hardhat/types/artifacts";
import type { NetworkConnection } from "hardhat/types/network";

import { type OperationId, SCALES, type ScaleId, emptyOperations } from "./rows.js";
import { RSK_BLOCK_GAS_LIMIT } from "../../lib/constants.js";

import { rskGas } from "./rsk-gas.js";
import { type StructLog, storageAccesses, summarizeStorage, writtenSlots } from "./storage.js";
import type {
  BatchRow,
  ContractRow,
  LargestBatch,
  OperationRow,
  ScaleRow,
  StorageRow,
} from "./types.js";

export type Connection = NetworkConnection;

const RSK_BLOCK_GAS = Number(RSK_BLOCK_GAS_LIMIT);

/** A sent transaction, measured. */
export interface Measured {
  gas: number;
  hash: string;
}

/** Everything the bench records, in the order it was measured. */
export class Recorder {
  readonly operations: OperationRow[] = emptyOperations();
  readonly batches: BatchRow[] = [];
  readonly largestBatches: LargestBatch[] = [];
  readonly scale: ScaleRow[] = (Object.keys(SCALES) as ScaleId[]).map((id) => ({
    id,
    ...SCALES[id],
    side: "ours",
    small: null,
    large: null,
  }));
  readonly contracts: ContractRow[] = [];
  readonly storage: StorageRow[] = [];
  readonly notMeasured: string[] = [];

  /** Records one side's gas for the catalogued operation `id`. */
  record(id: OperationId, side: "ours" | "anchor", gas: number, rskGas?: number) {
    const row = this.operations.find((r) => r.id === id);
    if (row === undefined) throw new Error(`bench: no operation row ${id}`);
    row[side] = gas;
    if (rskGas !== undefined) row[side === "ours" ? "oursRsk" : "anchorRsk"] = rskGas;
  }

  /** Records the small or large figure of the catalogued scale pair `id` for one side. */
  scalePoint(id: ScaleId, side: "ours" | "anchor", point: "small" | "large", gas: number) {
    let row = this.scale.find((r) => r.id === id && r.side === side);
    if (row === undefined) {
      row = { id, ...SCALES[id], side, small: null, large: null };
      this.scale.push(row);
    }
    row[point] = gas;
  }

  contract(row: ContractRow) {
    const existing = this.contracts.find((r) => r.name === row.name && r.side === row.side);
    if (existing === undefined) this.contracts.push(row);
    else Object.assign(existing, row);
  }

  skip(piece: string) {
    this.notMeasured.push(piece);
  }
}

/** Logs progress to stderr, so that stdout holds only the report. */
export function progress(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The in-process chain, with the helpers every scenario uses. */
export class Chain {
  constructor(
    readonly connection: Connection,
    readonly recorder: Recorder,
    readonly artifacts: ArtifactManager,
  ) {}

  get ethers() {
    return this.connection.ethers;
  }

  get helpers() {
    return this.connection.networkHelpers;
  }

  /** Waits for a transaction and returns its `gasUsed`. Throws when it reverted. */
  async measure(
    sent: Promise<ContractTransactionResponse | TransactionResponse>,
  ): Promise<Measured> {
    const response = await sent;
    const receipt = await response.wait();
    if (receipt === null || receipt.status !== 1) {
      throw new Error(`transaction ${response.hash} failed`);
    }
    return { gas: Number(receipt.gasUsed), hash: response.hash };
  }

  /** Records the catalogued operation `id` for one side: the measured gas and the same
   * transaction re-priced on RSK's schedule. */
  async recordOp(id: OperationId, side: "ours" | "anchor", measured: Measured) {
    this.recorder.record(id, side, measured.gas, await this.rskGasOf(measured.hash));
  }

  /** The gas of a mined transaction on RSK's schedule, re-priced from its trace
   * (bench/lib/rsk-gas.ts). It must be alone in its block (automine), so the state before it is
   * the previous block's. */
  async rskGasOf(hash: string): Promise<number> {
    const provider = this.ethers.provider;
    const [tx, receipt] = await Promise.all([
      provider.getTransaction(hash),
      provider.getTransactionReceipt(hash),
    ]);
    if (tx?.blockNumber == null || receipt === null) throw new Error(`rsk gas: ${hash}?`);
    const trace = (await this.connection.provider.request({
      method: "debug_traceTransaction",
      params: [hash, { disableMemory: true, disableStorage: true }],
    })) as { structLogs: StructLog[] };
    const accesses = storageAccesses(trace.structLogs, tx.to ?? "create:top");
    const original = new Map<string, bigint>();
    for (const { key, contract, slot } of writtenSlots(accesses)) {
      original.set(key, BigInt(await provider.getStorage(contract, slot, tx.blockNumber - 1)));
    }
    return rskGas({
      logs: trace.structLogs,
      gasUsed: Number(receipt.gasUsed),
      from: tx.from,
      to: tx.to,
      original,
    });
  }

  /** As `tryInBlock`, but the gas on RSK's schedule, re-priced before the chain is restored.
   * With `blockGasLimit`, the block may hold more than RSK's for this one transaction: a batch
   * that is cheaper on RSK than here must execute before it can be re-priced. */
  async tryInBlockRsk(
    send: () => Promise<ContractTransactionResponse | TransactionResponse>,
    blockGasLimit?: number,
  ): Promise<number | null> {
    const snapshot = await this.helpers.takeSnapshot();
    const limit = (gas: number) =>
      this.connection.provider.request({
        method: "evm_setBlockGasLimit",
        params: [`0x${gas.toString(16)}`],
      });
    if (blockGasLimit !== undefined) await limit(blockGasLimit);
    try {
      let measured: Measured;
      try {
        measured = await this.measure(send());
      } catch {
        return null;
      }
      return await this.rskGasOf(measured.hash);
    } finally {
      if (blockGasLimit !== undefined) await limit(RSK_BLOCK_GAS);
      await snapshot.restore();
    }
  }

  /** Sends and waits, for set-up transactions whose gas we do not record. */
  async send(sent: Promise<ContractTransactionResponse | TransactionResponse>) {
    await this.measure(sent);
  }

  /** Sends a transaction, then restores the chain to before it: its `gasUsed`, or null when it
   * failed (reverted or ran out of gas). */
  async tryInBlock(
    send: () => Promise<ContractTransactionResponse | TransactionResponse>,
  ): Promise<number | null> {
    const snapshot = await this.helpers.takeSnapshot();
    try {
      return (await this.measure(send())).gas;
    } catch {
      return null;
    } finally {
      await snapshot.restore();
    }
  }

  /** Deploys an artifact of this project and records its deployment gas and runtime size. */
  async deploy<T extends BaseContract = BaseContract>(
    side: "ours" | "anchor",
    name: string,
    args: readonly unknown[] = [],
    options: { signer?: Signer; record?: boolean; label?: string } = {},
  ): Promise<T> {
    const contract = await this.ethers.deployContract(name, [...args], options.signer);
    const sent = contract.deploymentTransaction();
    if (sent === null) throw new Error(`${name}: no deployment transaction`);
    const { gas } = await this.measure(Promise.resolve(sent));
    if (options.record !== false) {
      await this.recordDeployment(side, options.label ?? name, await contract.getAddress(), gas);
    }
    return contract as unknown as T;
  }

  /** Records a contract that some transaction (a deployment or a factory call) created. */
  async recordDeployment(side: "ours" | "anchor", name: string, address: string, gas: number) {
    const code = await this.ethers.provider.getCode(address);
    this.recorder.contract({ name, side, runtimeBytes: (code.length - 2) / 2, deployGas: gas });
  }

  /** Traces a mined transaction and records its storage opcodes, priced both ways. The
   * transaction must be alone in its block (automine), so the state before it is the previous
   * block's. */
  async traceStorage(id: string, operation: string, measured: Measured) {
    const provider = this.ethers.provider;
    const tx = await provider.getTransaction(measured.hash);
    if (tx?.blockNumber == null || tx.to === null) throw new Error(`trace: ${measured.hash}?`);
    const block = await provider.getBlock(tx.blockNumber);
    if (block?.transactions.length !== 1) {
      throw new Error(`trace: ${measured.hash} shares its block; cannot read the state before it`);
    }
    const trace = (await this.connection.provider.request({
      method: "debug_traceTransaction",
      params: [measured.hash, { disableMemory: true, disableStorage: true }],
    })) as { structLogs: StructLog[] };
    const accesses = storageAccesses(trace.structLogs, tx.to);
    const original = new Map<string, bigint>();
    for (const { key, contract, slot } of writtenSlots(accesses)) {
      original.set(key, BigInt(await provider.getStorage(contract, slot, tx.blockNumber - 1)));
    }
    this.recorder.storage.push({
      id,
      operation,
      gas: measured.gas,
      ...summarizeStorage(accesses, original),
    });
  }

  /** `count` fresh accounts with 100 ETH each, deterministic per `tag`. */
  async wallets(count: number, tag: string): Promise<Wallet[]> {
    const wallets: Wallet[] = [];
    for (let i = 0; i < count; i++) {
      const wallet = new Wallet(id(`bench:${tag}:${i}`), this.ethers.provider);
      await this.helpers.setBalance(wallet.address, 10n ** 20n);
      wallets.push(wallet);
    }
    return wallets;
  }

  /** Moves the clock forward by `seconds` and mines a block. */
  async advance(seconds: number) {
    await this.helpers.time.increase(seconds);
  }

  /** Whether this build has the artifact `name`, i.e. whether that piece has landed. */
  async has(name: string): Promise<boolean> {
    return this.artifacts.artifactExists(name);
  }
}
