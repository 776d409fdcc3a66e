import type { Server } from "node:http";

import type { NetworkManager } from "hardhat/types/network";

import { RskShapedNode, type RskNodeOptions } from "./node.js";
import { serve } from "./server.js";

export interface RunningRskNode {
  node: RskShapedNode;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an RSK-shaped node on 127.0.0.1:`port` (0: any free port) in front
 * of a new in-process EDR network with the node's chain id and a zero base
 * fee (the node, not the backend, enforces RSK's minimum gas price).
 */
export async function startRskNode(
  network: NetworkManager,
  options: RskNodeOptions,
  port = 0,
): Promise<RunningRskNode> {
  const backend = await network.create({
    network: "default",
    override: { chainId: options.chainId, initialBaseFeePerGas: 0n },
  });
  const node = new RskShapedNode(backend.provider, options);
  await node.start();
  const { server, url }: { server: Server; url: string } = await serve(node, port);
  return {
    node,
    url,
    async close() {
      node.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
