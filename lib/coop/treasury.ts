import { formatHours } from "../claims.js";
import { CliError } from "../cli/errors.js";
import { send, type Sent } from "../cli/tx.js";
import type { Coop } from "./context.js";
import { explainError } from "./explain.js";
import {
  approveIfNeeded,
  ensureReserve,
  formatReserve,
  reserveOf,
  type Reserve,
} from "./reserve.js";

/** Deposits `amount` of the reserve as revenue; the treasury splits it 75/25. */
export async function fund(
  coop: Coop,
  amount: bigint,
): Promise<Sent & { subsistence: bigint; commons: bigint; reserve: Reserve }> {
  const reserve = await reserveOf(coop);
  await ensureReserve(coop, reserve, amount);
  if (!reserve.native) {
    await approveIfNeeded(coop, reserve.token!, coop.addresses.treasury, amount);
  }
  const before = await coop.treasury.pools();
  const sent = await send(
    "fund",
    coop.treasury.deposit,
    [amount, { value: reserve.native ? amount : 0n }],
    coop.interfaces,
    explainError,
  );
  const after = await coop.treasury.pools();
  return {
    ...sent,
    reserve,
    subsistence: after.subsistence - before.subsistence,
    commons: after.commons - before.commons,
  };
}

export interface Redeemed extends Sent {
  payout: bigint;
  fee: bigint;
  feeBps: bigint;
  reserve: Reserve;
}

/**
 * Redeems `amount` hours of the signer's `category` credit (0 commons,
 * 1 subsistence) from that category's pool. The minimum payout defaults to
 * the quote: the fee can only fall while the transaction waits.
 */
export async function redeem(
  coop: Coop,
  args: { category: number; amount: bigint; minOut?: bigint },
): Promise<Redeemed> {
  const me = coop.signer.address;
  const [balance, credit, pools, reserve] = await Promise.all([
    coop.work.balanceOf(me),
    coop.work.earnedCredit(me, args.category),
    coop.treasury.pools(),
    reserveOf(coop),
  ]);
  const name = args.category === 0 ? "commons" : "subsistence";
  if (balance < args.amount) {
    throw new CliError(
      `${me} holds ${formatHours(balance)} hours, cannot redeem ${formatHours(args.amount)}`,
    );
  }
  if (credit < args.amount) {
    throw new CliError(
      `${me} has ${formatHours(credit)} hours of ${name} credit, cannot redeem ${formatHours(args.amount)}`,
    );
  }
  const quote = await coop.treasury.quoteRedemption(me, args.amount);
  const pool = args.category === 0 ? pools.commons : pools.subsistence;
  if (pool < quote.payout) {
    throw new CliError(
      `the ${name} pool holds ${formatReserve(reserve, pool)}, the payout needs ${formatReserve(reserve, quote.payout)}`,
    );
  }
  const minOut = args.minOut ?? quote.payout;
  const sent = await send(
    "redeem",
    coop.treasury.redeem,
    [args.category, args.amount, minOut],
    coop.interfaces,
    explainError,
  );
  const event = sent.receipt.logs
    .map((log) => coop.treasury.interface.parseLog(log))
    .find((parsed) => parsed?.name === "Redeemed");
  const payout = (event?.args.payout as bigint | undefined) ?? quote.payout;
  return { ...sent, reserve, payout, fee: quote.fee, feeBps: quote.feeBps };
}

/** Buys `amount` newly minted hours in the open sale, paying at most the quote. */
export async function buy(
  coop: Coop,
  amount: bigint,
): Promise<Sent & { cost: bigint; reserve: Reserve }> {
  const [sale, reserve] = await Promise.all([coop.treasury.sale(), reserveOf(coop)]);
  if (!sale.active) throw new CliError("no sale is open; governance opens one by proposal");
  const left = sale.cap - sale.sold;
  if (amount > left) {
    throw new CliError(
      `the sale has ${formatHours(left)} hours left; asked for ${formatHours(amount)}`,
    );
  }
  const cost = await coop.treasury.quotePurchase(amount);
  await ensureReserve(coop, reserve, cost);
  if (!reserve.native) await approveIfNeeded(coop, reserve.token!, coop.addresses.treasury, cost);
  const sent = await send(
    "buy",
    coop.treasury.buy,
    [amount, cost, { value: reserve.native ? cost : 0n }],
    coop.interfaces,
    explainError,
  );
  return { ...sent, cost, reserve };
}

export type BandSide = "floor" | "ceiling";

/** Calls the floor or ceiling defence; refuses inside the band with the TWAP and the bound. */
export async function defendBand(
  coop: Coop,
  side: BandSide,
): Promise<Sent & { side: BandSide; amounts: [bigint, bigint]; reserve: Reserve }> {
  const [band, reserve] = await Promise.all([coop.treasury.band(), reserveOf(coop)]);
  if (band.params.oracle === "0x0000000000000000000000000000000000000000") {
    throw new CliError("the price band is not configured; governance sets it by proposal");
  }
  const defend = side === "floor" ? coop.treasury.defendFloor : coop.treasury.defendCeiling;
  // Simulated in the pending block, where the transaction will run: a defence is allowed once
  // per block, and a call simulated in the latest block would see the last defence's block.
  const method = Object.assign(() => defend(), {
    staticCall: () => defend.staticCall({ blockTag: "pending" }),
  });
  const sent = await send(`band ${side}`, method, [], coop.interfaces, explainError);
  const name = side === "floor" ? "FloorDefended" : "CeilingDefended";
  const event = sent.receipt.logs
    .map((log) => coop.treasury.interface.parseLog(log))
    .find((parsed) => parsed?.name === name);
  if (!event) throw new CliError(`the band ${side} defence sent no ${name} event`);
  return { ...sent, side, reserve, amounts: [event.args[2] as bigint, event.args[3] as bigint] };
}

/** The treasury's `BAND_TRANCHE`: each defence trades at most this share of the pool, in bps. */
const BAND_TRANCHE_BPS = 25n;
/** A period's budget or cap that takes more than this many tranches is large against the pool. */
const TRANCHES_THAT_FIT = 20n;

/**
 * Warnings for a band whose period budget or emission cap is large against the pool's depth:
 * each defence trades at most one tranche (0.25% of the pool's side it sells into), once per
 * block, so a budget of many tranches takes many calls, and the price moves in small steps.
 * Each warning names the figure that fits: 20 tranches (5% of that side of the pool).
 */
export async function bandDepthWarnings(
  coop: Coop,
  reserve: Reserve,
  band: { buybackBudget: bigint; emissionCap: bigint },
): Promise<string[]> {
  const pair = await coop.factory.getPair(coop.addresses.workHours, reserve.quoteToken);
  const [poolHours, poolReserve] =
    pair === "0x0000000000000000000000000000000000000000"
      ? [0n, 0n]
      : await coop.router.getReserves(coop.addresses.workHours, reserve.quoteToken);
  if (poolHours === 0n || poolReserve === 0n) {
    return ["the pool has no liquidity yet: the band cannot trade until it has some"];
  }
  const warnings: string[] = [];
  const fitsReserve = (poolReserve * BAND_TRANCHE_BPS * TRANCHES_THAT_FIT) / 10_000n;
  if (band.buybackBudget > fitsReserve) {
    const tranche = (poolReserve * BAND_TRANCHE_BPS) / 10_000n;
    warnings.push(
      `the buyback budget ${formatReserve(reserve, band.buybackBudget)} is large against the pool's ${formatReserve(reserve, poolReserve)}: each floor defence buys at most ${formatReserve(reserve, tranche)}, so the budget takes about ${ceilDiv(band.buybackBudget, tranche)} defences, one per block; a budget that fits is at most ${formatReserve(reserve, fitsReserve)}`,
    );
  }
  const fitsHours = (poolHours * BAND_TRANCHE_BPS * TRANCHES_THAT_FIT) / 10_000n;
  if (band.emissionCap > fitsHours) {
    const tranche = (poolHours * BAND_TRANCHE_BPS) / 10_000n;
    warnings.push(
      `the emission cap ${formatHours(band.emissionCap)} hours is large against the pool's ${formatHours(poolHours)} hours: each ceiling defence sells at most ${formatHours(tranche)} hours, so the cap takes about ${ceilDiv(band.emissionCap, tranche)} defences, one per block; a cap that fits is at most ${formatHours(fitsHours)} hours`,
    );
  }
  return warnings;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return b === 0n ? 0n : (a + b - 1n) / b;
}
