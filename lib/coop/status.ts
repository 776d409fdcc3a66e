import { ZeroAddress } from "ethers";

import type { Coop } from "./context.js";
import { durationText } from "../format/durations.js";
import { PARAMETER_DENOMINATOR } from "../proposals.js";
import {
  currentVoteWeight,
  recentProposalIds,
  proposalStatus,
  type ProposalStatus,
} from "./governance.js";
import { votingHoursNow } from "./governance.js";
import { reserveBalance, reserveOf, type Reserve } from "./reserve.js";

export interface AccountStatus {
  account: string;
  hours: bigint;
  care: bigint;
  reserveBalance: bigint;
  commonsCredit: bigint;
  subsistenceCredit: bigint;
  holdingSince: bigint;
  /** Vote weight as of the next block (the latest block's changes included). */
  voteWeight: bigint;
  /** The weight before the voter cap; larger than voteWeight when the cap cuts it. */
  uncappedWeight: bigint;
  delegate: string;
  feeBps: bigint;
  reserve: Reserve;
}

/** Balances, credit per category, vote weight now and the redemption fee that applies now. */
export async function accountStatus(coop: Coop, account: string): Promise<AccountStatus> {
  const reserve = await reserveOf(coop);
  const [hours, care, held, commons, subsistence, since, weight, feeBps, delegate] =
    await Promise.all([
      coop.work.balanceOf(account),
      coop.care.balanceOf(account),
      reserveBalance(coop, reserve, account),
      coop.work.earnedCredit(account, 0),
      coop.work.earnedCredit(account, 1),
      coop.work.holdingSince(account),
      currentVoteWeight(coop, account),
      coop.treasury.feeOf(account),
      coop.work.delegates(account),
    ]);
  return {
    account,
    hours,
    care,
    reserveBalance: held,
    commonsCredit: commons,
    subsistenceCredit: subsistence,
    holdingSince: since,
    voteWeight: weight.weight,
    uncappedWeight: weight.uncapped,
    delegate,
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
  claims: { total: bigint; pending: bigint; cap: bigint };
  governance: {
    careWeight: bigint;
    maxVoterShare: bigint;
    quorumFraction: bigint;
    votingDelay: bigint;
    votingPeriod: bigint;
    lateQuorumExtension: bigint;
    proposalThreshold: bigint;
    timelockDelay: bigint;
    /** The quorum a proposal created now would need, in vote hours. */
    quorumNow: bigint;
  };
  /** When the oracle last observed the pool; the TWAP covers the window before it. */
  twapObservedAt?: bigint;
  twapWindow?: bigint;
}

const HOUR = 10n ** 18n;

/** The cooperative's pools, rate, fees, sale, band, and the pool's price and TWAP. */
export async function coopStatus(coop: Coop): Promise<CoopStatus> {
  const reserve = await reserveOf(coop);
  const far = 2n ** 48n - 1n; // reads the parameters in force now
  const [
    [pools, rate, fees, hours, care, sale, band, total, pending],
    [careWeight, maxVoterShare, quorumFraction, votingDelay, votingPeriod, extension],
    [threshold, timelockDelay, claimCap, careSupply, votingHours],
  ] = await Promise.all([
    Promise.all([
      coop.treasury.pools(),
      coop.treasury.rate(),
      coop.treasury.feeParameters(),
      coop.work.totalSupply(),
      coop.care.totalSupply(),
      coop.treasury.sale(),
      coop.treasury.band(),
      coop.registry.claimCount(),
      coop.registry.claimCountByStatus(1),
    ]),
    Promise.all([
      coop.governor.careWeight(far),
      coop.governor.maxVoterShare(far),
      coop.governor.quorumFraction(far),
      coop.governor.votingDelay(),
      coop.governor.votingPeriod(),
      coop.governor.lateQuorumVoteExtension(),
    ]),
    Promise.all([
      coop.governor.proposalThreshold(),
      coop.timelock.getMinDelay(),
      coop.registry.claimCap(),
      coop.care.totalSupply(),
      votingHoursNow(coop),
    ]),
  ]);
  // the weight that can vote, of which the quorum is a fraction
  const combined = votingHours + (careSupply * careWeight) / PARAMETER_DENOMINATOR;
  const status: CoopStatus = {
    reserve,
    pools: { subsistence: pools.subsistence, commons: pools.commons },
    rate,
    fees: { maxFee: fees.maxFee, minFee: fees.minFee, holdPeriod: fees.holdPeriod },
    supply: { hours, care },
    sale,
    band,
    claims: { total, pending, cap: claimCap },
    governance: {
      careWeight,
      maxVoterShare,
      quorumFraction,
      votingDelay,
      votingPeriod,
      lateQuorumExtension: extension,
      proposalThreshold: threshold,
      timelockDelay,
      quorumNow: (combined * quorumFraction) / PARAMETER_DENOMINATOR,
    },
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
    status.twapWindow = await oracle.window();
    status.twapObservedAt = await oracle.observedAt();
    try {
      status.twap = await oracle.consult(coop.addresses.workHours, HOUR);
    } catch {
      status.twapUnavailable = `the oracle has not watched the pool for its full window of ${durationText(await oracle.window())} yet; coop oracle update records an observation`;
    }
  }
  return status;
}

/** The latest `limit` proposals with their state, tallies and deadlines. */
export async function proposalsStatus(coop: Coop, limit: number): Promise<ProposalStatus[]> {
  const ids = await recentProposalIds(coop, limit);
  return Promise.all(ids.map((id) => proposalStatus(coop, id)));
}
