import { custom, type EIP1193Provider } from "viem";
import { hardhat, rootstock, rootstockTestnet } from "viem/chains";
import { createConfig } from "wagmi";
import { injected } from "wagmi/connectors";

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
  }
}

/** RSK mainnet and testnet (viem's Rootstock definitions) and the local node. */
export const chains = [rootstock, rootstockTestnet, hardhat] as const;

/** Chains where every transaction is legacy (type 0) with an explicit gas price. */
export const RSK_CHAIN_IDS: ReadonlySet<number> = new Set([rootstock.id, rootstockTestnet.id]);

/**
 * Every request, reads included, goes through the member's own wallet: no
 * RPC service, no WalletConnect project, no third party. Without a wallet
 * the app says so instead of reading.
 */
const wallet = custom({
  request: (args: { method: string; params?: unknown }) => {
    if (window.ethereum === undefined) {
      return Promise.reject(new Error("no browser wallet found; install one set up for RSK"));
    }
    return window.ethereum.request(args as Parameters<EIP1193Provider["request"]>[0]);
  },
});

export const config = createConfig({
  chains,
  connectors: [injected({ shimDisconnect: true })],
  transports: {
    [rootstock.id]: wallet,
    [rootstockTestnet.id]: wallet,
    [hardhat.id]: wallet,
  },
  // RSK makes a block about every 30 s; a local node on demand.
  pollingInterval: 2_000,
  multiInjectedProviderDiscovery: false,
});

declare module "wagmi" {
  interface Register {
    config: typeof config;
  }
}
