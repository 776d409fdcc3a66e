import type { ErrorDescription } from "ethers";

import { claimStatusName, formatHours, WORK_CATEGORIES } from "../claims.js";
import { proposalStateName } from "../proposals.js";

export { proposalStateName };

function category(value: unknown): string {
  return (WORK_CATEGORIES[Number(value)] ?? String(value)).toLowerCase();
}

/**
 * Words for the custom errors a member meets most; other errors keep their
 * name and arguments. Figures in hours are formatted as hours.
 */
export function explainError(error: ErrorDescription): string | undefined {
  const a = error.args;
  switch (error.name) {
    case "RegistryInvalidAmount":
      return `hours must be above 0 and at most the claim cap of ${formatHours(a[1])}; got ${formatHours(a[0])}`;
    case "RegistryUnknownClaim":
      return `claim ${a[0]} does not exist`;
    case "RegistryClaimNotPending":
      return `claim ${a[0]} is ${claimStatusName(a[1]).toLowerCase()}, not pending`;
    case "RegistryNotClaimant":
      return `claim ${a[0]} belongs to someone else, not ${a[1]}`;
    case "WorkHoursInsufficientCredit":
    case "TreasuryInsufficientCredit":
      return `${a[0]} has ${formatHours(a[2])} hours of ${category(a[1])} credit, needs ${formatHours(a[3])}`;
    case "ERC20InsufficientBalance":
    case "TreasuryInsufficientBalance":
      return `${a[0]} holds ${formatHours(a[1])}, needs ${formatHours(a[2])}`;
    case "TreasuryInsufficientPool":
      return `the ${category(a[0])} pool holds ${a[1]}, the payout needs ${a[2]}`;
    case "TreasuryPayoutBelowMinimum":
      return `the payout ${a[0]} is below the minimum ${a[1]}`;
    case "TreasurySaleNotActive":
      return `no sale is open (sale ${a[0]}: ${a[1]}..${a[2]})`;
    case "TreasurySaleCapExceeded":
      return `the sale has ${formatHours(BigInt(a[2]) - BigInt(a[0]))} hours left; asked for ${formatHours(a[1])}`;
    case "TreasuryFloorNotBreached":
      return `the TWAP ${a[0]} is not below the floor ${a[1]}`;
    case "TreasuryCeilingNotBreached":
      return `the TWAP ${a[0]} is not above the ceiling ${a[1]}`;
    case "TreasuryBandDisabled":
      return "the price band is not configured";
    case "TreasuryBandDefendedThisBlock":
      return `a band defence already ran in block ${a[0]}; one runs per block, try again in the next`;
    case "TreasurySpotFarFromTwap":
      return `the pool's price ${a[0]} is too far from the TWAP ${a[1]} for a trade within the band's slippage; try again once the pool has settled`;
    case "TreasuryBuybackBudgetSpent":
      return `this period's buyback budget of ${a[1]} is spent; period ${BigInt(a[0]) + 1n} brings a new one`;
    case "TreasuryEmissionCapReached":
      return `this period's emission cap of ${formatHours(a[1])} hours is reached; period ${BigInt(a[0]) + 1n} brings a new one`;
    case "GovernorUnexpectedProposalState":
      return `proposal ${a[0]} is ${proposalStateName(a[1]).toLowerCase()}`;
    case "GovernorAlreadyCastVote":
      return `${a[0]} has already voted on this proposal`;
    case "GovernorInsufficientProposerVotes":
      return `${a[0]} has ${formatHours(a[1])} vote hours; proposing needs ${formatHours(a[2])}`;
    case "GovernorNonexistentProposal":
      return `proposal ${a[0]} does not exist`;
    case "GovernorRestrictedProposer":
      return `the proposal's description must end with #proposer=${a[0]}: only the account it names may send it`;
    case "CoopTimelockExpiredOperation":
      return "the decision expired: it was not executed within the grace period after it became ready";
    case "TimelockUnexpectedOperationState":
      return "the timelock delay has not passed yet";
    case "RouterExpired":
      return `the deadline ${a[0]} has passed`;
    case "RouterInsufficientOutputAmount":
      return `the swap would pay ${a[0]}, below the minimum ${a[1]}`;
    default:
      return undefined;
  }
}
