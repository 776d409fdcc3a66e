import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getAddress, type Address } from "viem";
import { useBlock, useConnection, useReadContracts } from "wagmi";

import { toEip1191Address } from "../../../lib/rsk/checksum.js";
import { governorAbi } from "../generated/abis.js";
import { RSK_CHAIN_IDS } from "./config.js";

/**
 * The chain's clock: the latest block's timestamp, watched. Countdowns are
 * computed from it, never from the browser's clock. Every new block refreshes
 * the reads, so what is shown follows the chain.
 */
export function useChainNow(): bigint | undefined {
  const { data: block } = useBlock({ watch: true });
  const queryClient = useQueryClient();
  const number = block?.number;
  useEffect(() => {
    if (number === undefined) return;
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] !== "deployment" && query.queryKey[0] !== "block",
    });
  }, [number, queryClient]);
  return block?.timestamp;
}

/** The connected account; pages are only shown once there is one. */
export function useAccountAddress(): Address {
  const { address } = useConnection();
  if (address === undefined) throw new Error("no connected account");
  return address;
}

/** An address as the chain writes it: EIP-1191 checksum on RSK (as the CLI), EIP-55 elsewhere. */
export function useChecksum(): (address: string) => string {
  const { chainId } = useConnection();
  return (address: string) =>
    chainId !== undefined && RSK_CHAIN_IDS.has(chainId)
      ? toEip1191Address(address, chainId)
      : getAddress(address);
}

/**
 * What a governor (the cooperative's or the federation's) records of proposal `id`: its state,
 * tallies (against, for, abstain), snapshot, deadline and eta, and whether `voter` has voted;
 * undefined until read.
 */
export function useProposalRecord(governor: Address, id: bigint, voter: Address) {
  const gov = { address: governor, abi: governorAbi } as const;
  return useReadContracts({
    allowFailure: false,
    contracts: [
      { ...gov, functionName: "state", args: [id] },
      { ...gov, functionName: "proposalVotes", args: [id] },
      { ...gov, functionName: "proposalSnapshot", args: [id] },
      { ...gov, functionName: "proposalDeadline", args: [id] },
      { ...gov, functionName: "proposalEta", args: [id] },
      { ...gov, functionName: "hasVoted", args: [id, voter] },
    ],
  }).data;
}
