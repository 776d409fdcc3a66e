import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { RpcError, type RskShapedNode } from "./node.js";

interface RpcRequest {
  jsonrpc?: string;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

async function answer(node: RskShapedNode, request: RpcRequest) {
  const id = request.id ?? null;
  if (typeof request.method !== "string") {
    return { jsonrpc: "2.0", id, error: { code: -32600, message: "Invalid Request" } };
  }
  try {
    const params = Array.isArray(request.params) ? request.params : [];
    const result = await node.request(request.method, params);
    return { jsonrpc: "2.0", id, result: result ?? null };
  } catch (error) {
    if (error instanceof RpcError) {
      return { jsonrpc: "2.0", id, error: { code: error.code, message: error.message } };
    }
    // A backend (EVM) error keeps its code and data, e.g. a revert of eth_call.
    const { code, message, data } = error as { code?: number; message?: string; data?: unknown };
    return {
      jsonrpc: "2.0",
      id,
      error: {
        code: typeof code === "number" ? code : -32603,
        message: message ?? "Internal server error",
        data,
      },
    };
  }
}

/** Serves `node` over HTTP JSON-RPC (single and batch requests) on 127.0.0.1. */
export async function serve(
  node: RskShapedNode,
  port = 0,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          body = undefined;
        }
        const reply =
          body === undefined
            ? { jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } }
            : Array.isArray(body)
              ? await Promise.all(body.map((r) => answer(node, r as RpcRequest)))
              : await answer(node, body as RpcRequest);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(reply));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${bound}` };
}
