import { Transaction, Wallet, getAddress } from "ethers";
import type { EIP1193Provider } from "hardhat/types/providers";

import { RSK_CHAIN_IDS } from "../../constants.js";
import { RpcError, invalidParams, methodNotFound, transactionError } from "./errors.js";
import { rskBlock, rskReceipt, rskTransaction } from "./shape.js";

/*
 * An RSK-shaped JSON-RPC node for tests and e2e. It fronts an Ethereum
 * development backend (the in-process EDR network) and answers as rskj does
 * wherever ethers, Hardhat, Ignition and the CLI look: see docs/rsk.md for
 * each behaviour and the rskj class or RSKIP it follows. It keeps its own
 * transaction pool and decides which transactions go into each block; the
 * backend only executes them.
 */

/** How blocks are made. */
export type BlockMode =
  /** A block as soon as a transaction arrives (rskj regtest with instant mining). */
  | { kind: "instant" }
  /** A block every `chainSeconds` of chain time, made every `realMs` of wall time. */
  | { kind: "interval"; chainSeconds: number; realMs: number }
  /**
   * A block every `realMs` of wall time, stamped with the wall clock, as rskj's miners stamp
   * theirs (RSK: about every 30 s): between two blocks the latest is older than the clock.
   */
  | { kind: "clock"; realMs: number };

export interface RskNodeOptions {
  /** 31 (testnet mode: no managed accounts) or 33 (regtest mode: managed accounts). */
  chainId: 31 | 33;
  /** Private keys of the accounts the node manages (regtest mode only). */
  managedKeys?: readonly string[];
  /** The genesis block's minimum gas price, wei per gas. */
  minimumGasPrice: bigint;
  /** The miners' target minimum; each block moves toward it by at most 1% (RSKIP-09). */
  targetMinimumGasPrice?: bigint;
  /** `eth_gasPrice` = latest minimum × this (rskj `gasPriceMultiplier`, 1.1 by default). */
  gasPriceMultiplier?: number;
  blockMode?: BlockMode;
  /** Called with every transaction the node receives, accepted or not. */
  onReceived?: (received: ReceivedTransaction) => void;
}

/** One transaction as the node received it. */
export interface ReceivedTransaction {
  method: "eth_sendRawTransaction" | "eth_sendTransaction";
  /** The raw bytes' type byte: 0 for legacy, 1/2/... for typed envelopes; null if unsigned. */
  type: number | null;
  /** The EIP-155 chain id in the signature; 0 for a pre-EIP-155 legacy transaction. */
  chainId: number | null;
  gasPrice: string | null;
  /** The latest block's minimum gas price when it arrived. */
  latestMinimum: string;
  hash: string | null;
  /** Why it was refused, if it was. */
  refused?: string;
}

interface Pending {
  raw: string;
  tx: Transaction;
  from: string;
}

type RpcObject = Record<string, unknown>;

/** Block tags rskj accepts (`org.ethereum.core.genesis.BlockTag`). */
const BLOCK_TAGS = new Set(["latest", "earliest", "pending", "finalized", "safe"]);

/** Methods forwarded to the backend unchanged, with a block parameter at this index. */
const FORWARDED: Record<string, number | null> = {
  eth_blockNumber: null,
  eth_getBalance: 1,
  eth_getCode: 1,
  eth_getStorageAt: 2,
  eth_call: 1,
  eth_estimateGas: 1,
  eth_getLogs: null,
  eth_getBlockTransactionCountByNumber: 0,
  eth_getBlockTransactionCountByHash: null,
  debug_traceTransaction: null,
};

/** rskj reference.conf `transaction.accountSlots`: how far past its nonce an account may queue. */
const ACCOUNT_SLOTS = 16;

/** `web3_clientVersion` of the release running on testnet and mainnet (VETIVER-9.0.x). */
export const RSKJ_CLIENT_VERSION = "RskJ/9.0.3/Linux/Java1.8/VETIVER-confoederatio-shaped";

const hex = (value: bigint | number) => `0x${value.toString(16)}`;

/** rskj `MinimumGasPriceCalculator`: move toward `target` by at most 1% of `previous`. */
export function nextMinimumGasPrice(previous: bigint, target: bigint): bigint {
  const variation = previous / 100n;
  if (target > previous + variation) return previous + variation;
  if (target < previous - variation) return previous - variation;
  return target;
}

export class RskShapedNode {
  readonly received: ReceivedTransaction[] = [];
  private readonly _backend: EIP1193Provider;
  private readonly _options: Required<Omit<RskNodeOptions, "onReceived">> &
    Pick<RskNodeOptions, "onReceived">;
  private readonly _managed = new Map<string, Wallet>();
  private readonly _minimumByBlock = new Map<number, bigint>();
  private _pool: Pending[] = [];
  private _timeIncrease = 0n;
  private _mining: Promise<unknown> = Promise.resolve();
  private _timer: NodeJS.Timeout | undefined;

  constructor(backend: EIP1193Provider, options: RskNodeOptions) {
    this._backend = backend;
    this._options = {
      managedKeys: [],
      targetMinimumGasPrice: options.minimumGasPrice,
      gasPriceMultiplier: 1.1,
      blockMode: { kind: "instant" },
      ...options,
    };
    if (options.chainId === RSK_CHAIN_IDS.regtest) {
      for (const key of this._options.managedKeys) {
        const wallet = new Wallet(key);
        this._managed.set(wallet.address.toLowerCase(), wallet);
      }
    }
  }

  /** Prepares the backend (its own mining off) and starts the block clock. */
  async start(): Promise<void> {
    await this._backend.request({ method: "evm_setAutomine", params: [false] });
    const head = Number(await this._backend.request({ method: "eth_blockNumber" }));
    for (let n = 0; n <= head; n++) this._minimumByBlock.set(n, this._options.minimumGasPrice);
    const mode = this._options.blockMode;
    if (mode.kind !== "instant") {
      this._timer = setInterval(() => void this.mine().catch(() => {}), mode.realMs);
    }
  }

  stop(): void {
    if (this._timer !== undefined) clearInterval(this._timer);
    this._timer = undefined;
  }

  /** The minimum gas price of block `number` (RSKIP-09), wei per gas. */
  minimumGasPriceAt(number: number): bigint {
    return this._minimumByBlock.get(number) ?? this._options.minimumGasPrice;
  }

  /** Answers one JSON-RPC request; errors are thrown as RpcError. */
  async request(method: string, params: unknown[] = []): Promise<unknown> {
    switch (method) {
      case "eth_chainId":
        return hex(this._options.chainId);
      case "net_version":
        return String(this._options.chainId);
      case "web3_clientVersion":
        return RSKJ_CLIENT_VERSION;
      case "net_listening":
        return true;
      case "net_peerCount":
        return "0x0";
      case "eth_syncing":
        return false;
      case "eth_accounts":
        return [...this._managed.values()].map((w) => w.address.toLowerCase());
      case "eth_gasPrice":
        return hex(await this._gasPrice());
      case "eth_sendRawTransaction":
        return this._sendRaw(String(params[0]), "eth_sendRawTransaction");
      case "eth_sendTransaction":
        return this._sendManaged(params[0] as RpcObject);
      case "eth_getTransactionCount":
        return this._transactionCount(String(params[0]), params[1]);
      case "eth_getBlockByNumber":
        this._checkTag(params[0]);
        return this._block("eth_getBlockByNumber", [this._latestForPending(params[0]), params[1]]);
      case "eth_getBlockByHash":
        return this._block("eth_getBlockByHash", params);
      case "eth_getTransactionByHash":
        return this._transaction(String(params[0]));
      case "eth_getTransactionReceipt": {
        const receipt = (await this._backend.request({ method, params })) as RpcObject | null;
        return receipt === null ? null : rskReceipt(receipt);
      }
      case "evm_increaseTime":
        // rskj EvmModule (regtest): moves the next blocks' clock forward.
        this._timeIncrease += BigInt(params[0] as string | number);
        return this._options.blockMode.kind === "instant"
          ? this._backend.request({ method, params })
          : hex(this._timeIncrease);
      case "evm_mine":
        // rskj EvmModule: mines one block now.
        await this.mine();
        return "0x0";
    }
    if (method in FORWARDED) {
      const at = FORWARDED[method];
      const forwarded = [...params];
      if (at !== null && at < forwarded.length) {
        this._checkTag(forwarded[at]);
        forwarded[at] = this._latestForPending(forwarded[at]);
      }
      return this._backend.request({ method, params: forwarded });
    }
    // eth_feeHistory, eth_maxPriorityFeePerGas, eth_blobBaseFee, hardhat_*, ...:
    // rskj VETIVER-9.0.x has no such method.
    throw methodNotFound(method);
  }

  /**
   * Makes one block from the pool: every transaction priced at or above the
   * new block's minimum (RSKIP-09) goes in, in nonce order per sender; the
   * rest stay pending, as rskj's `BlockToMineBuilder` leaves them.
   */
  mine(): Promise<void> {
    const run = this._mining.then(() => this._mineNow());
    this._mining = run.catch(() => {});
    return run;
  }

  private async _mineNow(): Promise<void> {
    const latest = (await this._backend.request({
      method: "eth_getBlockByNumber",
      params: ["latest", false],
    })) as RpcObject;
    const number = Number(latest.number) + 1;
    const minimum = nextMinimumGasPrice(
      this.minimumGasPriceAt(number - 1),
      this._options.targetMinimumGasPrice,
    );
    // rskj's pool: per sender, the transactions from the account's nonce on, without gaps.
    const included = new Set<Pending>();
    const bySender = new Map<string, Pending[]>();
    for (const pending of this._pool) {
      bySender.set(pending.from, [...(bySender.get(pending.from) ?? []), pending]);
    }
    for (const [from, queue] of bySender) {
      let expected = await this._minedNonce(from);
      for (const pending of queue.sort((x, y) => x.tx.nonce - y.tx.nonce)) {
        if (pending.tx.nonce !== expected || (pending.tx.gasPrice ?? 0n) < minimum) break;
        await this._backend.request({ method: "eth_sendRawTransaction", params: [pending.raw] });
        included.add(pending);
        expected++;
      }
    }
    this._pool = this._pool.filter((pending) => !included.has(pending));
    const mode = this._options.blockMode;
    if (mode.kind === "interval") {
      const timestamp = BigInt(latest.timestamp as string) + BigInt(mode.chainSeconds);
      await this._backend.request({
        method: "evm_mine",
        params: [hex(timestamp + this._timeIncrease)],
      });
      this._timeIncrease = 0n;
    } else if (mode.kind === "clock") {
      // rskj MinerClock: the wall clock plus every increase so far, after the parent's
      const wall = BigInt(Math.floor(Date.now() / 1000)) + this._timeIncrease;
      const parent = BigInt(latest.timestamp as string);
      await this._backend.request({
        method: "evm_mine",
        params: [hex(wall > parent ? wall : parent + 1n)],
      });
    } else {
      await this._backend.request({ method: "evm_mine", params: [] });
    }
    this._minimumByBlock.set(number, minimum);
  }

  private async _latestNumber(): Promise<number> {
    return Number(await this._backend.request({ method: "eth_blockNumber" }));
  }

  /** rskj `EthereumImpl.getGasPrice` on a quiet chain: latest minimum × gasPriceMultiplier. */
  private async _gasPrice(): Promise<bigint> {
    const minimum = this.minimumGasPriceAt(await this._latestNumber());
    const multiplier = BigInt(Math.round(this._options.gasPriceMultiplier * 1_000_000));
    return (minimum * multiplier) / 1_000_000n;
  }

  private _checkTag(tag: unknown): void {
    if (typeof tag === "string" && !BLOCK_TAGS.has(tag) && !/^0x[0-9a-fA-F]+$/.test(tag)) {
      throw invalidParams(`invalid block identifier: ${tag}`);
    }
  }

  private _latestForPending(tag: unknown): unknown {
    return tag === "pending" ? "latest" : tag;
  }

  private async _block(method: string, params: unknown[]): Promise<unknown> {
    const block = (await this._backend.request({ method, params })) as RpcObject | null;
    if (block === null) return null;
    const number = Number(block.number);
    let paidFees = 0n;
    const txs = (block.transactions ?? []) as unknown[];
    for (const entry of txs) {
      const hash = typeof entry === "string" ? entry : String((entry as RpcObject).hash);
      const receipt = (await this._backend.request({
        method: "eth_getTransactionReceipt",
        params: [hash],
      })) as RpcObject;
      paidFees += BigInt(receipt.gasUsed as string) * BigInt(receipt.effectiveGasPrice as string);
    }
    return rskBlock(block, this.minimumGasPriceAt(number), paidFees);
  }

  private async _transaction(hash: string): Promise<unknown> {
    const found = (await this._backend.request({
      method: "eth_getTransactionByHash",
      params: [hash],
    })) as RpcObject | null;
    if (found !== null) return rskTransaction(found);
    const pending = this._pool.find((p) => p.tx.hash === hash);
    if (pending === undefined) return null;
    const { tx } = pending;
    return {
      hash: tx.hash,
      nonce: hex(tx.nonce),
      blockHash: null,
      blockNumber: null,
      transactionIndex: null,
      from: pending.from.toLowerCase(),
      to: tx.to?.toLowerCase() ?? null,
      gas: hex(tx.gasLimit),
      gasPrice: hex(tx.gasPrice ?? 0n),
      value: hex(tx.value),
      input: tx.data,
      type: "0x0",
      chainId: hex(tx.chainId),
      v: hex(tx.signature?.v ?? 0),
      r: tx.signature?.r ?? "0x0",
      s: tx.signature?.s ?? "0x0",
    };
  }

  private async _transactionCount(address: string, tag: unknown): Promise<string> {
    this._checkTag(tag);
    const mined = BigInt(
      (await this._backend.request({
        method: "eth_getTransactionCount",
        params: [address, this._latestForPending(tag)],
      })) as string,
    );
    if (tag !== "pending") return hex(mined);
    const from = getAddress(address);
    const nonces = new Set(this._pool.filter((p) => p.from === from).map((p) => p.tx.nonce));
    let next = Number(mined);
    while (nonces.has(next)) next++;
    return hex(next);
  }

  private async _minedNonce(address: string): Promise<number> {
    return Number(
      await this._backend.request({
        method: "eth_getTransactionCount",
        params: [address, "latest"],
      }),
    );
  }

  private _record(entry: ReceivedTransaction): void {
    this.received.push(entry);
    this._options.onReceived?.(entry);
  }

  /**
   * rskj `EthModuleTransactionBase.sendRawTransaction`: RLP-decodes a legacy
   * transaction (a typed envelope is not a list: refused), checks the
   * signature's chain id (EIP-155 id or none), then the pool's validators
   * (`TxValidator*`: nonce, balance, minimum gas price).
   */
  private async _sendRaw(raw: string, method: ReceivedTransaction["method"]): Promise<string> {
    const latestMinimum = this.minimumGasPriceAt(await this._latestNumber());
    const typeByte = /^0x[0-9a-fA-F]{2,}$/.test(raw) ? parseInt(raw.slice(2, 4), 16) : null;
    const entry: ReceivedTransaction = {
      method,
      type: typeByte === null ? null : typeByte >= 0xc0 ? 0 : typeByte,
      chainId: null,
      gasPrice: null,
      latestMinimum: latestMinimum.toString(),
      hash: null,
    };
    try {
      if (entry.type !== 0) {
        // rskj decodes with RLP.decodeList: a typed envelope (0x01.., 0x02..) is two items.
        throw invalidParams("Invalid input: Expected one RLP item but got 2");
      }
      let tx: Transaction;
      try {
        tx = Transaction.from(raw);
      } catch (error) {
        throw invalidParams(`Invalid input: ${(error as Error).message.split(" (")[0]}`);
      }
      entry.chainId = Number(tx.chainId);
      entry.gasPrice = (tx.gasPrice ?? 0n).toString();
      entry.hash = tx.hash;
      if (tx.from === null) throw invalidParams("Invalid input: unsigned transaction");
      if (tx.chainId !== 0n && tx.chainId !== BigInt(this._options.chainId)) {
        throw invalidParams(`Invalid chainId: ${tx.chainId}`);
      }
      await this._validate(tx, tx.from, latestMinimum);
      this._pool.push({ raw, tx, from: getAddress(tx.from) });
      this._record(entry);
      if (this._options.blockMode.kind === "instant") await this.mine();
      return tx.hash as string;
    } catch (error) {
      entry.refused = (error as Error).message;
      this._record(entry);
      throw error;
    }
  }

  /** rskj `TransactionPoolImpl` validators, in rskj's messages. */
  private async _validate(tx: Transaction, from: string, latestMinimum: bigint): Promise<void> {
    if ((tx.gasPrice ?? 0n) < latestMinimum) {
      throw transactionError("transaction's gas price lower than block's minimum");
    }
    const latest = (await this._backend.request({
      method: "eth_getBlockByNumber",
      params: ["latest", false],
    })) as RpcObject;
    if (tx.gasLimit > BigInt(latest.gasLimit as string)) {
      throw transactionError(
        `transaction's gas limit of ${tx.gasLimit} is higher than the block's gas limit`,
      );
    }
    // rskj `TxValidatorNonceRangeValidator`: from the account's nonce, at most
    // fewer than `transaction.accountSlots` ahead (queued until the gap closes).
    const mined = await this._minedNonce(from);
    if (tx.nonce < mined) throw transactionError("transaction nonce too low");
    if (tx.nonce >= mined + ACCOUNT_SLOTS) throw transactionError("transaction nonce too high");
    if (this._pool.some((p) => p.from === from && p.tx.nonce === tx.nonce)) {
      throw transactionError("pending transaction with same nonce already exists");
    }
    const balance = BigInt(
      (await this._backend.request({
        method: "eth_getBalance",
        params: [from, "latest"],
      })) as string,
    );
    if (balance < tx.gasLimit * (tx.gasPrice ?? 0n) + tx.value) {
      throw transactionError("insufficient funds");
    }
  }

  /**
   * rskj `EthModuleTransactionBase.sendTransaction`: only for an account the
   * node's wallet holds; the node signs (EIP-155, its chain id) and the
   * transaction then goes the raw path's way.
   */
  private async _sendManaged(args: RpcObject): Promise<string> {
    const from = String(args?.from ?? "");
    const wallet = this._managed.get(from.toLowerCase());
    if (wallet === undefined) {
      const latestMinimum = this.minimumGasPriceAt(await this._latestNumber());
      const refused = `Could not find account for address: ${from}`;
      this._record({
        method: "eth_sendTransaction",
        type: null,
        chainId: null,
        gasPrice: typeof args?.gasPrice === "string" ? BigInt(args.gasPrice).toString() : null,
        latestMinimum: latestMinimum.toString(),
        hash: null,
        refused,
      });
      throw invalidParams(refused);
    }
    const nonce =
      args.nonce !== undefined
        ? Number(args.nonce)
        : Number(await this._transactionCount(wallet.address, "pending"));
    const raw = await wallet.signTransaction({
      type: 0,
      chainId: this._options.chainId,
      nonce,
      to: (args.to as string | undefined) ?? null,
      value: BigInt((args.value as string | undefined) ?? 0),
      data: (args.data as string | undefined) ?? (args.input as string | undefined) ?? "0x",
      gasLimit: BigInt((args.gas as string | undefined) ?? 90_000),
      gasPrice: BigInt((args.gasPrice as string | undefined) ?? (await this._gasPrice())),
    });
    return this._sendRaw(raw, "eth_sendTransaction");
  }
}

export { RpcError };
