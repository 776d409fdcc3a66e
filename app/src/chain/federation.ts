import { useQuery } from "@tanstack/react-query";

import type { FederationRecord } from "../domain.js";

/**
 * The federation recorded on the wallet's chain: `deployments/federation-<id>.json`,
 * written by scripts/app-contracts.ts from what `npm run federation:local` records
 * (`deploy/deployments/chain-<id>/federation.json`). `null` when the chain has none.
 */
export function useFederationRecord(chainId: number) {
  return useQuery({
    // Not refreshed with each block (as the deployment is not): it changes with a deployment.
    queryKey: ["deployment", "federation", chainId],
    staleTime: Infinity,
    queryFn: async (): Promise<FederationRecord | null> => {
      const response = await fetch(`./deployments/federation-${chainId}.json`);
      if (!response.ok) return null;
      return (await response.json()) as FederationRecord;
    },
  });
}
