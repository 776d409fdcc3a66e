import { ZeroAddress } from "ethers";

import { formatHours } from "../claims.js";
import { CliError } from "../cli/errors.js";
import { send, type Sent } from "../cli/tx.js";
import type { Coop } from "./context.js";
import { explainError } from "./explain.js";
import { chainNow } from "./time.js";
import { approveIfNeeded, ensureReserve, reserveOf, type Reserve } from "./reserve.js";

/** Basis points: a slippage of 50 is 0.5%. */
const BPS = 10_000n;
/** How long a market transaction may wait in the mempool before it is void. */
const DEADLINE_SECONDS = 20n * 60n;

export type Side = "hours" | "reserve";

export interface Swapped extends Sent {
  amountIn: bigint;
  amountOut: bigint;
  minOut: bigint;
  sold: Side;
  reserve: Reserve;
}

async function deadline(coop: Coop): Promise<bigint> {
  return (await chainNow(coop)) + DEADLINE_SECONDS;
}

async function ensureHours(coop: Coop, amount: bigint): Promise<void> {
  const held = await coop.work.balanceOf(coop.signer.address);
  if (held < amount) {
    throw new CliError(
      `${coop.signer.address} holds ${formatHours(held)} hours, needs ${formatHours(amount)}`,
    );
  }
}

async function ensurePool(coop: Coop, reserve: Reserve): Promise<void> {
  const pair = await coop.factory.getPair(coop.addresses.workHours, reserve.quoteToken);
  const [r0, r1] =
    pair === ZeroAddress
      ? [0n, 0n]
      : await coop.router.getReserves(coop.addresses.workHours, reserve.quoteToken);
  // a pool without shares holds only dust: it has no price to trade at
  const shares =
    pair === ZeroAddress
      ? 0n
      : await (await coop.ethers.getContractAt("CoopPair", pair)).totalSupply();
  if (r0 === 0n || r1 === 0n || shares === 0n) {
    throw new CliError("the pool has no liquidity yet; add some with coop liquidity add");
  }
}

/**
 * Sells exactly `amount` of hours (or of the reserve) for the other side. The
 * minimum output is the router's quote less `slippageBps`.
 */
export async function swap(
  coop: Coop,
  args: { sell: Side; amount: bigint; slippageBps: bigint },
): Promise<Swapped> {
  const reserve = await reserveOf(coop);
  await ensurePool(coop, reserve);
  const hours = coop.addresses.workHours;
  const path = args.sell === "hours" ? [hours, reserve.quoteToken] : [reserve.quoteToken, hours];
  if (args.sell === "hours") await ensureHours(coop, args.amount);
  else await ensureReserve(coop, reserve, args.amount);
  const quoted = (await coop.router.getAmountsOut(args.amount, path))[1];
  const minOut = (quoted * (BPS - args.slippageBps)) / BPS;
  const router = coop.addresses.router;
  const to = coop.signer.address;
  const until = await deadline(coop);
  let sent: Sent;
  if (args.sell === "hours") {
    await approveIfNeeded(coop, coop.work, router, args.amount);
    sent = reserve.native
      ? await send(
          "swap",
          coop.router.swapExactTokensForRBTC,
          [args.amount, minOut, path, to, until],
          coop.interfaces,
          explainError,
        )
      : await send(
          "swap",
          coop.router.swapExactTokensForTokens,
          [args.amount, minOut, path, to, until],
          coop.interfaces,
          explainError,
        );
  } else if (reserve.native) {
    sent = await send(
      "swap",
      coop.router.swapExactRBTCForTokens,
      [minOut, path, to, until, { value: args.amount }],
      coop.interfaces,
      explainError,
    );
  } else {
    await approveIfNeeded(coop, reserve.token!, router, args.amount);
    sent = await send(
      "swap",
      coop.router.swapExactTokensForTokens,
      [args.amount, minOut, path, to, until],
      coop.interfaces,
      explainError,
    );
  }
  const amountOut = await outputOf(coop, sent, args.sell === "hours" ? reserve.quoteToken : hours);
  return { ...sent, amountIn: args.amount, amountOut, minOut, sold: args.sell, reserve };
}

/** The amount of `token` the pair paid out in `sent`, from the ERC20 Transfer it emitted. */
async function outputOf(coop: Coop, sent: Sent, token: string): Promise<bigint> {
  const transfer = coop.work.interface.getEvent("Transfer");
  let out = 0n;
  for (const log of sent.receipt.logs) {
    if (log.address.toLowerCase() !== token.toLowerCase() || log.topics[0] !== transfer.topicHash)
      continue;
    const parsed = coop.work.interface.parseLog(log);
    if (parsed) out = parsed.args.value as bigint;
  }
  return out;
}

/** The amounts the router will take of an offer: all of one side, the pool's ratio of the other. */
async function amountsAtPoolRatio(
  coop: Coop,
  reserve: Reserve,
  offer: { hours: bigint; reserveAmount: bigint },
): Promise<[bigint, bigint]> {
  const pair = await coop.factory.getPair(coop.addresses.workHours, reserve.quoteToken);
  if (pair === ZeroAddress) return [offer.hours, offer.reserveAmount];
  // A pool without shares has no price (dust synced into it must not set one): the router
  // takes the whole offer, as for a new pool.
  const shares = await (await coop.ethers.getContractAt("CoopPair", pair)).totalSupply();
  if (shares === 0n) return [offer.hours, offer.reserveAmount];
  const [rHours, rReserve] = await coop.router.getReserves(
    coop.addresses.workHours,
    reserve.quoteToken,
  );
  if (rHours === 0n || rReserve === 0n) return [offer.hours, offer.reserveAmount];
  const reserveForHours = (offer.hours * rReserve) / rHours;
  if (reserveForHours <= offer.reserveAmount) return [offer.hours, reserveForHours];
  return [(offer.reserveAmount * rHours) / rReserve, offer.reserveAmount];
}

export interface LiquidityAdded extends Sent {
  hours: bigint;
  reserveAmount: bigint;
  liquidity: bigint;
  reserve: Reserve;
}

/** Adds up to `hours` and `reserveAmount` to the pool, at its current ratio less slippage. */
export async function addLiquidity(
  coop: Coop,
  args: { hours: bigint; reserveAmount: bigint; slippageBps: bigint },
): Promise<LiquidityAdded> {
  const reserve = await reserveOf(coop);
  await ensureHours(coop, args.hours);
  await ensureReserve(coop, reserve, args.reserveAmount);
  const router = coop.addresses.router;
  // The router adds at the pool's ratio: one side whole, the other as much as that ratio asks.
  // The minimums bound those amounts, not the ones offered, so a pool whose ratio differs from
  // the offer is joined at its own price rather than refused.
  const [used, usedReserve] = await amountsAtPoolRatio(coop, reserve, args);
  const minHours = (used * (BPS - args.slippageBps)) / BPS;
  const minReserve = (usedReserve * (BPS - args.slippageBps)) / BPS;
  const to = coop.signer.address;
  const until = await deadline(coop);
  await approveIfNeeded(coop, coop.work, router, args.hours);
  let sent: Sent;
  if (reserve.native) {
    sent = await send(
      "liquidity add",
      coop.router.addLiquidityRBTC,
      [
        coop.addresses.workHours,
        args.hours,
        minHours,
        minReserve,
        to,
        until,
        { value: args.reserveAmount },
      ],
      coop.interfaces,
      explainError,
    );
  } else {
    await approveIfNeeded(coop, reserve.token!, router, args.reserveAmount);
    sent = await send(
      "liquidity add",
      coop.router.addLiquidity,
      [
        coop.addresses.workHours,
        reserve.address,
        args.hours,
        args.reserveAmount,
        minHours,
        minReserve,
        to,
        until,
      ],
      coop.interfaces,
      explainError,
    );
  }
  const pairAddress = await coop.factory.getPair(coop.addresses.workHours, reserve.quoteToken);
  const pair = await coop.ethers.getContractAt("CoopPair", pairAddress, coop.signer);
  return {
    ...sent,
    reserve,
    hours: used,
    reserveAmount: usedReserve,
    liquidity: await pair.balanceOf(to),
  };
}

/** Removes `shares` of the signer's pool shares (all of them when omitted). */
export async function removeLiquidity(
  coop: Coop,
  args: { shares?: bigint; slippageBps: bigint },
): Promise<Sent & { shares: bigint; reserve: Reserve }> {
  const reserve = await reserveOf(coop);
  const pairAddress = await coop.factory.getPair(coop.addresses.workHours, reserve.quoteToken);
  if (pairAddress === ZeroAddress) {
    throw new CliError("the pool does not exist yet");
  }
  const pair = await coop.ethers.getContractAt("CoopPair", pairAddress, coop.signer);
  const held = await pair.balanceOf(coop.signer.address);
  const shares = args.shares ?? held;
  if (shares === 0n || shares > held) {
    throw new CliError(
      `${coop.signer.address} holds ${formatHours(held)} pool shares, cannot remove ${formatHours(shares)}`,
    );
  }
  const supply = await pair.totalSupply();
  const [rHours, rReserve] = await coop.router.getReserves(
    coop.addresses.workHours,
    reserve.quoteToken,
  );
  const minHours = (((rHours * shares) / supply) * (BPS - args.slippageBps)) / BPS;
  const minReserve = (((rReserve * shares) / supply) * (BPS - args.slippageBps)) / BPS;
  const router = coop.addresses.router;
  await approveIfNeeded(coop, pair, router, shares);
  const to = coop.signer.address;
  const until = await deadline(coop);
  const sent = reserve.native
    ? await send(
        "liquidity remove",
        coop.router.removeLiquidityRBTC,
        [coop.addresses.workHours, shares, minHours, minReserve, to, until],
        coop.interfaces,
        explainError,
      )
    : await send(
        "liquidity remove",
        coop.router.removeLiquidity,
        [coop.addresses.workHours, reserve.address, shares, minHours, minReserve, to, until],
        coop.interfaces,
        explainError,
      );
  return { ...sent, shares, reserve };
}
