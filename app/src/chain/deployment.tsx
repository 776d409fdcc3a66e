import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, type ReactNode } from "react";
import type { Address } from "viem";

/** The contracts of the cooperative on the wallet's chain, by role (from Ignition). */
export interface Addresses {
  workHours: Address;
  careReputation: Address;
  registry: Address;
  timelock: Address;
  governor: Address;
  treasury: Address;
  factory: Address;
  router: Address;
  wrbtc: Address;
  pair?: Address;
  oracle?: Address;
}

const DeploymentContext = createContext<Addresses | undefined>(undefined);

/** The deployment's addresses; only called below {@link DeploymentGate}. */
export function useAddresses(): Addresses {
  const addresses = useContext(DeploymentContext);
  if (addresses === undefined) throw new Error("useAddresses outside a deployment");
  return addresses;
}

/**
 * Loads `deployments/chain-<id>.json`, written from the Ignition deployment
 * of that chain by scripts/app-contracts.ts, and renders its children with
 * the addresses, or says that nothing is deployed on the chain.
 */
export function DeploymentGate({ chainId, children }: { chainId: number; children: ReactNode }) {
  const { data, isPending, isError } = useQuery({
    queryKey: ["deployment", chainId],
    staleTime: Infinity,
    queryFn: async (): Promise<Addresses | null> => {
      const response = await fetch(`./deployments/chain-${chainId}.json`);
      if (!response.ok) return null;
      return (await response.json()) as Addresses;
    },
  });
  if (isPending) return <p role="status">Loading the cooperative…</p>;
  if (isError || data === null || data === undefined) {
    return (
      <p role="alert">
        No cooperative is deployed on chain {chainId}. Switch the wallet to a chain with a
        deployment, or deploy one with <code>npm run deploy</code>.
      </p>
    );
  }
  return <DeploymentContext.Provider value={data}>{children}</DeploymentContext.Provider>;
}
