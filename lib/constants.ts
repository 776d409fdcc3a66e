/** The exact solc version, pinned by the `solc` npm package. */
export const SOLC_VERSION = "0.8.30";

/** RSK (Rootstock) chain ids. */
export const RSK_CHAIN_IDS = {
  mainnet: 30,
  testnet: 31,
  regtest: 33,
} as const;

/** RSK's block gas limit, which every transaction must fit. */
export const RSK_BLOCK_GAS_LIMIT = 6_800_000n;

/** EIP-170 contract size limit, which RSK keeps. */
export const MAX_CONTRACT_SIZE = 24_576;

/** True when `chainId` is one of RSK's networks, where only legacy
 * (type 0) transactions exist. */
export function isRskChain(chainId: bigint | number): boolean {
  const id = Number(chainId);
  return Object.values(RSK_CHAIN_IDS).some((rsk) => rsk === id);
}

/** About how often RSK makes a block, in seconds (its timestamp clock; no fixed slot). */
export const RSK_BLOCK_SECONDS = 30;
