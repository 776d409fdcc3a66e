/** Shared numbers and helpers for the DEX (contracts/dex). */

/** The pair's swap fee: 3 / 1000 of every input. */
export const FEE_NUMERATOR = 3n;
export const FEE_DENOMINATOR = 1000n;

/** Shares locked forever at a pair's first deposit. */
export const MINIMUM_LIQUIDITY = 1000n;

/** Holder of the locked minimum liquidity. */
export const DEAD_ADDRESS = "0x000000000000000000000000000000000000dEaD";

/** 2**112: the scale of UQ112x112 prices. */
export const Q112 = 1n << 112n;

/** The pair's tokens in its order (token0 has the lower address). */
export function sortTokens(a: string, b: string): [string, string] {
  return BigInt(a) < BigInt(b) ? [a, b] : [b, a];
}

/** What a swap of `amountIn` pays out after the fee, rounded down (as the router computes). */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  const inWithFee = amountIn * (FEE_DENOMINATOR - FEE_NUMERATOR);
  return (inWithFee * reserveOut) / (reserveIn * FEE_DENOMINATOR + inWithFee);
}

/** The least input that pays out `amountOut` after the fee, rounded up (as the router computes). */
export function getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  const numerator = reserveIn * amountOut * FEE_DENOMINATOR;
  const denominator = (reserveOut - amountOut) * (FEE_DENOMINATOR - FEE_NUMERATOR);
  return (numerator + denominator - 1n) / denominator;
}

/** Integer square root, rounded down. */
export function sqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}
