import type { Server } from "node:http";

import type { NetworkConnection, NetworkManager } from "hardhat/types/network";

import { RskShapedNode, type RskNodeOptions } from "./node.js";
import { serve } from "./server.js";

export interface RunningRskNode {
  node: RskShapedNode;
  url: string;
  /** The EDR network behind the node: transactions sent to it go into the node's next block. */
  backend: NetworkConnection;
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
    override: {
      chainId: options.chainId,
      initialBaseFeePerGas: 0n,
      // a chain stamped by the wall clock has an hour of history before now (whatever
      // SIMULATED_START says); its first block of its own carries the wall clock
      ...(options.blockMode?.kind === "clock"
        ? { initialDate: new Date(Date.now() - 3_600_000) }
        : {}),
    },
  });
  const node = new RskShapedNode(backend.provider, options);
  await node.start();
  const { server, url }: { server: Server; url: string } = await serve(node, port);
  return {
    node,
    url,
    backend,
    async close() {
      node.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
