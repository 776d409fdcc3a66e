/**
 * JSON-RPC errors as rskj's `RskJsonRpcRequestException` and
 * `RskErrorResolver` give them (codes and message forms).
 */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** `RskJsonRpcRequestException.invalidParamError`: -32602. */
export const invalidParams = (message: string) => new RpcError(-32602, message);

/** `RskJsonRpcRequestException.transactionError`: -32010, the pool's refusal. */
export const transactionError = (message: string) => new RpcError(-32010, message);

/** `RskErrorResolver` for an unknown or disabled method: -32601. */
export const methodNotFound = (method: string) =>
  new RpcError(-32601, `the method ${method} does not exist/is not available`);
