import type { NetworkHooks } from "hardhat/types/hooks";
import type { NetworkConnection } from "hardhat/types/network";
import type { JsonRpcRequest, JsonRpcResponse } from "hardhat/types/providers";

import { isRskChain } from "../constants.js";
import { withMinimumGasPriceMargin } from "./gas-price.js";

const EIP1559_FIELDS = ["maxFeePerGas", "maxPriorityFeePerGas"] as const;
const BLOCK_METHODS = new Set(["eth_getBlockByNumber", "eth_getBlockByHash"]);
const SEND_METHODS = new Set(["eth_sendTransaction", "eth_estimateGas", "eth_call"]);

type Next = (request: JsonRpcRequest) => Promise<JsonRpcResponse>;
type Connection = NetworkConnection<string>;

interface TransactionFields extends Record<string, unknown> {
  gasPrice?: string;
  type?: string;
}

/*
 * Every handler below calls `next` exactly once per request. Hardhat runs a
 * request's handler chain with one shared position: a second `next` from the
 * same handler starts from where the first one ended and skips every later
 * handler (gas, sender, local signing), so an account configured by private
 * key would send its transaction unsigned. Side queries (chain id, gas price,
 * latest block) are new requests on `connection.provider`, each with its own
 * full chain.
 */

/** Whether each connection talks to an RSK chain, asked once per connection. */
const rskByConnection = new WeakMap<object, Promise<boolean>>();

async function side(connection: Connection, method: string, params: unknown[] = []) {
  return connection.provider.request({ method, params });
}

async function talksToRsk(connection: Connection): Promise<boolean> {
  let known = rskByConnection.get(connection);
  if (known === undefined) {
    const configured = connection.networkConfig.chainId;
    known =
      configured !== undefined
        ? Promise.resolve(isRskChain(configured))
        : side(connection, "eth_chainId").then((id) => isRskChain(BigInt(id as string)));
    rskByConnection.set(connection, known);
  }
  return known;
}

function isTransactionObject(value: unknown): value is TransactionFields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * RSK's gas price with the margin over the minimum: the node's `eth_gasPrice`
 * or the latest block's `minimumGasPrice` plus 1% (rounded up), whichever is
 * higher. Under RSKIP-09 the next block's minimum may be 1% above the latest
 * one, and a transaction priced below it is not mined.
 */
async function rskGasPrice(connection: Connection, next: Next, request: JsonRpcRequest) {
  const [response, block] = await Promise.all([
    next(request),
    side(connection, "eth_getBlockByNumber", ["latest", false]),
  ]);
  if (!("result" in response)) return response;
  const minimum = isTransactionObject(block) ? block.minimumGasPrice : undefined;
  const price = withMinimumGasPriceMargin(
    BigInt(response.result as string),
    typeof minimum === "string" ? BigInt(minimum) : undefined,
  );
  return { ...response, result: `0x${price.toString(16)}` };
}

/**
 * Rewrites a transaction for RSK: no EIP-1559 fields, type 0 and, when the
 * caller set none, the gas price of `rskGasPrice`. Returns a new request; the
 * caller's object is not changed.
 */
async function toLegacy(connection: Connection, request: JsonRpcRequest): Promise<JsonRpcRequest> {
  const params = Array.isArray(request.params) ? [...request.params] : [];
  const tx = params[0];
  if (!isTransactionObject(tx)) return request;
  const legacy: TransactionFields = { ...tx };
  for (const field of EIP1559_FIELDS) delete legacy[field];
  if (request.method === "eth_sendTransaction") {
    legacy.gasPrice ??= (await side(connection, "eth_gasPrice")) as string;
    legacy.type = "0x0";
  } else if (legacy.type !== undefined && legacy.type !== "0x0") {
    delete legacy.type;
  }
  params[0] = legacy;
  return { ...request, params };
}

export default async (): Promise<Partial<NetworkHooks>> => ({
  async onRequest(context, connection, request, next) {
    const forward: Next = (req) => next(context, connection, req);
    const isBlock = BLOCK_METHODS.has(request.method);
    const isSend = SEND_METHODS.has(request.method);
    const isGasPrice = request.method === "eth_gasPrice";
    if (!isBlock && !isSend && !isGasPrice) return forward(request);
    if (!(await talksToRsk(connection))) return forward(request);

    if (isGasPrice) return rskGasPrice(connection, forward, request);
    if (isSend) return forward(await toLegacy(connection, request));

    const response = await forward(request);
    if ("result" in response && isTransactionObject(response.result)) {
      const { baseFeePerGas: _hidden, ...block } = response.result;
      return { ...response, result: block };
    }
    return response;
  },
});
