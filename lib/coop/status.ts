import { ZeroAddress } from "ethers";

import type { Coop } from "./context.js";
import { recentProposalIds, proposalStatus, type ProposalStatus } from "./governance.js";
import { reserveBalance, reserveOf, type Reserve } from "./reserve.js";
import { chainNow } from "./time.js";

export interface AccountStatus {
  account: string;
  hours: bigint;
  care: bigint;
  reserveBalance: bigint;
  commonsCredit: bigint;
  subsistenceCredit: bigint;
  holdingSince: bigint;
  voteWeight: bigint;
  feeBps: bigint;
  reserve: Reserve;
}

/** Balances, credit per category, vote weight now and the redemption fee that applies now. */
export async function accountStatus(coop: Coop, account: string): Promise<AccountStatus> {
  const now = await chainNow(coop);
  const reserve = await reserveOf(coop);
  const [hours, care, held, commons, subsistence, since, weight, feeBps] = await Promise.all([
    coop.work.balanceOf(account),
    coop.care.balanceOf(account),
    reserveBalance(coop, reserve, account),
    coop.work.earnedCredit(account, 0),
    coop.work.earnedCredit(account, 1),
    coop.work.holdingSince(account),
    coop.governor.voteWeight(account, now - 1n),
    coop.treasury.feeOf(account),
  ]);
  return {
    account,
    hours,
    care,
    reserveBalance: held,
    commonsCredit: commons,
    subsistenceCredit: subsistence,
    holdingSince: since,
    voteWeight: weight,
    feeBps,
    reserve,
  };
}

export interface CoopStatus {
  reserve: Reserve;
  pools: { subsistence: bigint; commons: bigint };
  rate: bigint;
  fees: { maxFee: bigint; minFee: bigint; holdPeriod: bigint };
  supply: { hours: bigint; care: bigint };
  sale: Awaited<ReturnType<Coop["treasury"]["sale"]>>;
  band: Awaited<ReturnType<Coop["treasury"]["band"]>>;
  /** Reserve per hour at the pool's current reserves; undefined without liquidity. */
  spotPrice?: bigint;
  /** Reserve per hour over the oracle's last window; undefined until it has one. */
  twap?: bigint;
  twapUnavailable?: string;
  claims: { total: bigint; pending: bigint };
}

const HOUR = 10n ** 18n;

/** The cooperative's pools, rate, fees, sale, band, and the pool's price and TWAP. */
export async function coopStatus(coop: Coop): Promise<CoopStatus> {
  const reserve = await reserveOf(coop);
  const [pools, rate, fees, hours, care, sale, band, total, pending] = await Promise.all([
    coop.treasury.pools(),
    coop.treasury.rate(),
    coop.treasury.feeParameters(),
    coop.work.totalSupply(),
    coop.care.totalSupply(),
    coop.treasury.sale(),
    coop.treasury.band(),
    coop.registry.claimCount(),
    coop.registry.claimCountByStatus(1),
  ]);
  const status: CoopStatus = {
    reserve,
    pools: { subsistence: pools.subsistence, commons: pools.commons },
    rate,
    fees: { maxFee: fees.maxFee, minFee: fees.minFee, holdPeriod: fees.holdPeriod },
    supply: { hours, care },
    sale,
    band,
    claims: { total, pending },
  };
  const pair = await coop.factory.getPair(coop.addresses.workHours, reserve.quoteToken);
  if (pair !== ZeroAddress) {
    const [rHours, rQuote] = await coop.router.getReserves(
      coop.addresses.workHours,
      reserve.quoteToken,
    );
    if (rHours > 0n) status.spotPrice = (rQuote * HOUR) / rHours;
  }
  const oracleAddress = coop.addresses.oracle ?? band.params.oracle;
  if (oracleAddress !== undefined && oracleAddress !== ZeroAddress) {
    const oracle = await coop.ethers.getContractAt("CoopTwapOracle", oracleAddress);
    try {
      status.twap = await oracle.consult(coop.addresses.workHours, HOUR);
    } catch {
      status.twapUnavailable = `the oracle has not observed a full ${await oracle.window()} s window yet`;
    }
  }
  return status;
}

/** The latest `limit` proposals with their state, tallies and deadlines. */
export async function proposalsStatus(coop: Coop, limit: number): Promise<ProposalStatus[]> {
  const ids = await recentProposalIds(coop, limit);
  return Promise.all(ids.map((id) => proposalStatus(coop, id)));
}
