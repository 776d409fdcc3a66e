import { getAddress, keccak256, toUtf8Bytes } from "ethers";

import { RSK_CHAIN_IDS } from "../constants.js";

/** Chains whose addresses carry an EIP-1191 checksum (RSKIP-60): RSK mainnet and testnet. */
export const EIP1191_CHAIN_IDS = [RSK_CHAIN_IDS.mainnet, RSK_CHAIN_IDS.testnet] as const;

/**
 * The EIP-1191 checksummed form of a 20-byte hex address on `chainId`: the
 * case of each letter follows keccak256(`${chainId}0x${lower hex}`) as in
 * EIP-55, so that an address checksummed for one chain fails on another.
 */
export function toEip1191Address(address: string, chainId: number): string {
  const lower = address.toLowerCase().replace(/^0x/, "");
  const hash = keccak256(toUtf8Bytes(`${chainId}0x${lower}`)).slice(2);
  let out = "0x";
  for (let i = 0; i < 40; i++) {
    out += parseInt(hash[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return out;
}

/**
 * Whether the letters' case of `address` (0x + 40 hex digits) is acceptable:
 * all lower case, all upper case, or a valid EIP-55 checksum, or a valid
 * EIP-1191 checksum for RSK mainnet (30) or testnet (31). Any other mixed
 * case is a mistyped address.
 */
export function hasValidChecksum(address: string): boolean {
  const digits = address.slice(2);
  if (digits === digits.toLowerCase() || digits === digits.toUpperCase()) return true;
  if (getAddress(address.toLowerCase()) === address) return true;
  return EIP1191_CHAIN_IDS.some((chainId) => toEip1191Address(address, chainId) === address);
}
