/**
 * RSK's minimum gas price may rise by at most 1% from one block to the next
 * (RSKIP-09; rskj `MinimumGasPriceCalculator` and `BlockGasPriceRange`).
 */
export const MINIMUM_GAS_PRICE_DRIFT_PERCENT = 1n;

/** `minimum` raised by the largest step the next block may take, rounded up. */
export function nextBlockMinimumCeiling(minimum: bigint): bigint {
  const scaled = minimum * (100n + MINIMUM_GAS_PRICE_DRIFT_PERCENT);
  return (scaled + 99n) / 100n;
}

/**
 * The gas price to send with on RSK: the node's suggestion (`eth_gasPrice`),
 * but never less than the latest block's minimum gas price plus 1%, so that
 * the transaction still qualifies if the next block's minimum rises.
 * @param suggested wei per gas from `eth_gasPrice`
 * @param latestMinimum the latest block's `minimumGasPrice` in wei, when the node reports one
 */
export function withMinimumGasPriceMargin(suggested: bigint, latestMinimum?: bigint): bigint {
  if (latestMinimum === undefined) return suggested;
  const floor = nextBlockMinimumCeiling(latestMinimum);
  return suggested > floor ? suggested : floor;
}
