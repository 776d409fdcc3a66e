import { zeroAddress, erc20Abi } from "viem";
import { useReadContract, useReadContracts } from "wagmi";

import { RBTC, type Money } from "../domain.js";
import { treasuryAbi } from "../generated/abis.js";
import { useAddresses } from "./deployment.js";

/** The treasury's reserve: native RBTC, or an ERC20 with its symbol and decimals. */
export function useReserve(): (Money & { native: boolean; token?: `0x${string}` }) | undefined {
  const at = useAddresses();
  const { data: asset } = useReadContract({
    address: at.treasury,
    abi: treasuryAbi,
    functionName: "reserveAsset",
  });
  const erc20 = asset !== undefined && asset !== zeroAddress;
  const { data } = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: asset, abi: erc20Abi, functionName: "symbol" },
      { address: asset, abi: erc20Abi, functionName: "decimals" },
    ],
    query: { enabled: erc20 },
  });
  if (asset === undefined) return undefined;
  if (!erc20) return { ...RBTC, native: true };
  if (data === undefined) return undefined;
  return { symbol: data[0], decimals: data[1], native: false, token: asset };
}
