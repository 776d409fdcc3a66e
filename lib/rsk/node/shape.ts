/**
 * Reshapes the backend's (EDR's) Ethereum objects into rskj's forms.
 * Sources: rskj `org.ethereum.rpc.dto.BlockResultDTO`,
 * `TransactionReceiptDTO` and `TransactionResultDTO`.
 */

type RpcObject = Record<string, unknown>;

/** Fields an Ethereum (London..Cancun) block has and an rskj block does not. */
const NOT_IN_RSK_BLOCKS = [
  "baseFeePerGas",
  "withdrawals",
  "withdrawalsRoot",
  "blobGasUsed",
  "excessBlobGas",
  "parentBeaconBlockRoot",
  "requestsHash",
] as const;

const NOT_IN_RSK_RECEIPTS = ["blobGasUsed", "blobGasPrice", "root"] as const;

const NOT_IN_RSK_TRANSACTIONS = [
  "maxFeePerGas",
  "maxPriorityFeePerGas",
  "accessList",
  "yParity",
  "blobVersionedHashes",
  "maxFeePerBlobGas",
] as const;

const hex = (value: bigint) => `0x${value.toString(16)}`;

function without(object: RpcObject, fields: readonly string[]): RpcObject {
  const copy = { ...object };
  for (const field of fields) delete copy[field];
  return copy;
}

/** A transaction object: legacy fields only, type "0x0" (rskj has no other type). */
export function rskTransaction(tx: RpcObject): RpcObject {
  return { ...without(tx, NOT_IN_RSK_TRANSACTIONS), type: "0x0" };
}

/**
 * A block: no base fee or post-merge fields; `minimumGasPrice` (RSKIP-09),
 * `paidFees` and rskj's merged-mining fields in their place.
 */
export function rskBlock(block: RpcObject, minimumGasPrice: bigint, paidFees: bigint): RpcObject {
  const shaped = without(block, NOT_IN_RSK_BLOCKS);
  const txs = shaped.transactions;
  if (Array.isArray(txs)) {
    shaped.transactions = txs.map((tx: unknown) =>
      typeof tx === "object" && tx !== null ? rskTransaction(tx as RpcObject) : tx,
    );
  }
  return {
    ...shaped,
    minimumGasPrice: hex(minimumGasPrice),
    paidFees: hex(paidFees),
    cumulativeDifficulty: shaped.totalDifficulty ?? "0x0",
    bitcoinMergedMiningHeader: "0x",
    bitcoinMergedMiningCoinbaseTransaction: "0x",
    bitcoinMergedMiningMerkleProof: "0x",
    hashForMergedMining: "0x",
  };
}

/** A receipt: type "0x0", status "0x1" or "0x0", effectiveGasPrice = the gas price. */
export function rskReceipt(receipt: RpcObject): RpcObject {
  return { ...without(receipt, NOT_IN_RSK_RECEIPTS), type: "0x0" };
}
