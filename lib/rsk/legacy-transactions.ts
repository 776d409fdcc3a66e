import type { NetworkHooks } from "hardhat/types/hooks";
import type { NetworkConnection } from "hardhat/types/network";
import type { JsonRpcRequest, JsonRpcResponse } from "hardhat/types/providers";

import { isRskChain } from "../constants.js";

const EIP1559_FIELDS = ["maxFeePerGas", "maxPriorityFeePerGas"] as const;
const BLOCK_METHODS = new Set(["eth_getBlockByNumber", "eth_getBlockByHash"]);
const SEND_METHODS = new Set(["eth_sendTransaction", "eth_estimateGas", "eth_call"]);

type Next = (request: JsonRpcRequest) => Promise<JsonRpcResponse>;

interface TransactionFields extends Record<string, unknown> {
  gasPrice?: string;
  type?: string;
}

/** Whether each connection talks to an RSK chain, asked once per connection. */
const rskByConnection = new WeakMap<object, Promise<boolean>>();

async function talksToRsk(connection: NetworkConnection<string>, next: Next): Promise<boolean> {
  let known = rskByConnection.get(connection);
  if (known === undefined) {
    const configured = connection.networkConfig.chainId;
    known =
      configured !== undefined
        ? Promise.resolve(isRskChain(configured))
        : next({ jsonrpc: "2.0", id: 0, method: "eth_chainId", params: [] }).then(
            (response) => "result" in response && isRskChain(BigInt(response.result as string)),
          );
    rskByConnection.set(connection, known);
  }
  return known;
}

function isTransactionObject(value: unknown): value is TransactionFields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Rewrites a transaction for RSK: no EIP-1559 fields, type 0 and an explicit
 * gasPrice. Returns a new request; the caller's object is not changed.
 */
async function toLegacy(request: JsonRpcRequest, next: Next): Promise<JsonRpcRequest> {
  const params = Array.isArray(request.params) ? [...request.params] : [];
  const tx = params[0];
  if (!isTransactionObject(tx)) return request;
  const legacy: TransactionFields = { ...tx };
  for (const field of EIP1559_FIELDS) delete legacy[field];
  if (request.method === "eth_sendTransaction") {
    if (legacy.gasPrice === undefined) {
      const price = await next({ jsonrpc: "2.0", id: 0, method: "eth_gasPrice", params: [] });
      if (!("result" in price)) return request;
      legacy.gasPrice = price.result as string;
    }
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
    if (!isBlock && !isSend) return forward(request);
    if (!(await talksToRsk(connection, forward))) return forward(request);

    if (isSend) return forward(await toLegacy(request, forward));

    const response = await forward(request);
    if ("result" in response && isTransactionObject(response.result)) {
      const { baseFeePerGas: _hidden, ...block } = response.result;
      return { ...response, result: block };
    }
    return response;
  },
});
