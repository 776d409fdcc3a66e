/**
 * Custom errors of the cooperative's contracts in words, with figures in
 * hours, the reserve's symbol, percentages and durations: never a raw error
 * name or a wei figure. Pure, shared by the CLI and the web app; the caller
 * passes the interfaces whose errors a call may raise.
 */
import { getAddress, Interface, type ErrorDescription, type Result } from "ethers";

import { durationText, timestampText } from "../format/durations.js";
import {
  formatBps,
  formatDecimal,
  formatPrice,
  formatReserve,
  formatWeight,
  hoursText,
  type ReserveUnit,
} from "../format/units.js";

/** Errors that OpenZeppelin's libraries and bases raise inside the cooperative's contracts. */
export const LIBRARY_ERRORS = [
  "error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)",
  "error SafeCastOverflowedIntDowncast(uint8 bits, int256 value)",
  "error SafeCastOverflowedUintToInt(uint256 value)",
  "error SafeCastOverflowedIntToUint(int256 value)",
  "error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)",
  "error TimelockUnexpectedOperationState(bytes32 operationId, bytes32 expectedStates)",
  "error TimelockInsufficientDelay(uint256 delay, uint256 minDelay)",
  "error TimelockUnauthorizedCaller(address caller)",
  "error GovernorUnexpectedProposalState(uint256 proposalId, uint8 current, bytes32 expectedStates)",
  "error GovernorAlreadyCastVote(address voter)",
  "error GovernorInsufficientProposerVotes(address proposer, uint256 votes, uint256 threshold)",
  "error GovernorNonexistentProposal(uint256 proposalId)",
  "error GovernorRestrictedProposer(address proposer)",
  "error GovernorOnlyExecutor(address account)",
  "error GovernorInvalidVotingPeriod(uint256 votingPeriod)",
  "error GovernorInvalidProposalLength(uint256 targets, uint256 calldatas, uint256 values)",
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
  "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
  "error ERC5805FutureLookup(uint256 timepoint, uint48 clock)",
  "error ReentrancyGuardReentrantCall()",
  "error SafeERC20FailedOperation(address token)",
  "error FailedCall()",
  "error Error(string message)",
  "error Panic(uint256 code)",
] as const;

/** An interface that decodes the library errors above. */
export const libraryErrors = new Interface(LIBRARY_ERRORS);

/** What the words need: the reserve's unit, and names of accounts when known. */
export interface ExplainContext {
  readonly reserve: ReserveUnit;
  readonly accountName?: (address: string) => string | undefined;
}

/** A decoded error: its name and arguments (an ethers ErrorDescription fits). */
export interface ErrorLike {
  readonly name: string;
  readonly args: Result | readonly unknown[];
}

const PROPOSAL_STATES = [
  "pending",
  "active",
  "canceled",
  "defeated",
  "succeeded",
  "queued",
  "expired",
  "executed",
];
const CATEGORIES = ["commons", "subsistence", "care"];
const CLAIM_STATUSES = ["unknown", "pending", "approved", "rejected", "withdrawn"];

function big(value: unknown): bigint {
  return BigInt(value as bigint);
}

/** A generic figure in an unknown error: grouped, and in scientific form when huge. */
export function figureText(value: bigint): string {
  const digits = (value < 0n ? -value : value).toString();
  if (digits.length <= 12) return formatDecimal(value, 0);
  return `${value < 0n ? "-" : ""}${digits[0]}.${digits.slice(1, 4)}e${digits.length - 1}`;
}

/** An error name in words: "TreasuryInvalidSaleCaps" → "treasury invalid sale caps". */
export function errorNameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

/** Error words for a decoded custom error. Unknown errors get their name in words and grouped figures. */
export function explainError(error: ErrorLike, context: ExplainContext): string {
  const a = error.args as readonly unknown[];
  const r = context.reserve;
  const who = (value: unknown) => {
    const address = getAddress(value as string);
    const name = context.accountName?.(address);
    return name === undefined ? address : `${name} (${address})`;
  };
  const h = (value: unknown) => hoursText(big(value));
  const money = (value: unknown) => formatReserve(r, big(value));
  const price = (value: unknown) => formatPrice(r, big(value));
  const category = (value: unknown) => CATEGORIES[Number(value)] ?? `category ${value}`;
  switch (error.name) {
    case "RegistryInvalidAmount":
      return `hours must be above 0 and at most the claim cap of ${h(a[1])}; got ${h(a[0])}`;
    case "RegistryUnknownClaim":
      return `claim ${a[0]} does not exist`;
    case "RegistryClaimNotPending":
      return `claim ${a[0]} is ${CLAIM_STATUSES[Number(a[1])] ?? "closed"}, not pending`;
    case "RegistryNotClaimant":
      return `claim ${a[0]} belongs to someone else, not ${who(a[1])}`;
    case "RegistryEmptyBatch":
      return "no claims were given";
    case "RegistryInvalidClaimCap":
      return `the claim cap must be above 0 hours; got ${h(a[0])}`;
    case "WorkHoursInsufficientCredit":
    case "TreasuryInsufficientCredit":
      return `${who(a[0])} has ${h(a[2])} of ${category(a[1])} credit, needs ${h(a[3])}`;
    case "ERC20InsufficientBalance":
    case "TreasuryInsufficientBalance":
      return `${who(a[0])} holds ${h(a[1])}, needs ${h(a[2])}`;
    case "ERC20InsufficientAllowance":
      return `the allowance given to ${who(a[0])} is too small`;
    case "WorkHoursZeroAmount":
    case "CareReputationZeroAmount":
    case "TreasuryZeroAmount":
      return "the amount must be above 0";
    case "CareReputationNonTransferable":
      return "care reputation cannot be transferred";
    case "CareReputationExceededSupply":
      return `care supply would exceed its cap of ${h(a[2])}`;
    case "TreasuryInsufficientPool":
      return `the ${category(a[0])} pool holds ${money(a[1])}, the payout needs ${money(a[2])}`;
    case "TreasuryPayoutBelowMinimum":
      return `the payout ${money(a[0])} is below the minimum ${money(a[1])} you accept`;
    case "TreasuryRedemptionClosed":
      return "redemption is closed (the rate is 0)";
    case "TreasuryNoReserve":
      return "the treasury holds no reserve";
    case "TreasuryWrongPayment":
      return `the payment must be ${money(a[0])}; got ${money(a[1])}`;
    case "TreasuryCostAboveMaximum":
      return `the cost ${money(a[0])} is above the most you accept, ${money(a[1])}`;
    case "TreasurySaleNotActive":
      return big(a[2]) === 0n
        ? "no sale is open"
        : `sale ${a[0]} is not open now (it runs from ${timestampText(big(a[1]))} to ${timestampText(big(a[2]))})`;
    case "TreasurySaleCapExceeded":
      return `the sale has ${h(big(a[2]) - big(a[0]))} left; asked for ${h(a[1])}`;
    case "TreasuryAccountCapExceeded":
      return `${who(a[0])} has bought ${h(a[1])} of at most ${h(a[3])} per account; asked for ${h(a[2])} more`;
    case "TreasuryInvalidSaleCaps":
      return `the per-account cap (${h(a[1])}) must be above 0 and at most the sale's cap (${h(a[0])})`;
    case "TreasuryInvalidSalePrice":
      return "the sale price must be above 0";
    case "TreasuryInvalidSaleWindow":
      return `the sale must end after it starts and in the future (${timestampText(big(a[0]))} to ${timestampText(big(a[1]))})`;
    case "TreasuryInvalidFees":
      return `fees must satisfy minimum ≤ maximum ≤ 100%; got ${formatBps(big(a[0]))} falling to ${formatBps(big(a[1]))}`;
    case "TreasuryInvalidBandPrices":
      return `the floor (${price(a[0])}) must be below the ceiling (${price(a[1])})`;
    case "TreasuryInvalidBandPeriod":
      return "the band's period must be longer than 0 seconds";
    case "TreasuryInvalidSlippage":
      return `the band's slippage ${formatBps(big(a[0]))} is above the limit ${formatBps(big(a[1]))}`;
    case "TreasuryTwapWindowTooShort":
      return `the oracle's window of ${durationText(big(a[0]))} is shorter than the minimum ${durationText(big(a[1]))}`;
    case "TreasuryOraclePairMismatch":
      return "the oracle does not watch the router's pool of hours against the reserve";
    case "TreasuryFloorNotBreached":
      return `the TWAP ${price(a[0])} is not below the floor ${price(a[1])}`;
    case "TreasuryCeilingNotBreached":
      return `the TWAP ${price(a[0])} is not above the ceiling ${price(a[1])}`;
    case "TreasuryBandDisabled":
      return "the price band is not configured";
    case "TreasuryBandDefendedThisBlock":
      return `a band defence already ran in block ${a[0]}; one runs per block, try again in the next`;
    case "TreasurySpotFarFromTwap":
      return `the pool's price ${price(a[0])} is too far from the TWAP ${price(a[1])} for a trade within the band's slippage; try again once the pool has settled`;
    case "TreasuryBuybackBudgetSpent":
      return `this period's buy-back budget of ${money(a[1])} is spent; period ${big(a[0]) + 1n} brings a new one`;
    case "TreasuryEmissionCapReached":
      return `this period's emission cap of ${h(a[1])} is reached; period ${big(a[0]) + 1n} brings a new one`;
    case "TreasuryZeroTwap":
      return "the TWAP is 0: the pool has no price yet";
    case "TreasuryNoSurplus":
      return `the treasury holds no surplus beyond its pools (${money(a[1])})`;
    case "TwapOracleNotReady":
      return `the TWAP oracle has not observed a full ${durationText(big(a[1]))} window yet`;
    case "TwapOracleNoReserves":
      return "the pool has no liquidity yet";
    case "HolisticGovernorInvalidCareWeight":
      return `the care weight ${formatWeight(big(a[0]))} is above the maximum ${formatWeight(big(a[1]))}`;
    case "HolisticGovernorInvalidQuorumFraction":
      return `the quorum ${formatBps(big(a[0]))} is above 100%`;
    case "HolisticGovernorInvalidVoterShare":
      return `the voter cap ${formatBps(big(a[0]))} is above 100%`;
    case "HolisticGovernorInvalidLateQuorumExtension":
      return `the late-quorum extension ${durationText(big(a[0]))} must not exceed the voting period ${durationText(big(a[1]))}`;
    case "HolisticGovernorNonVotingHolderUnchanged":
      return `${who(a[0])} is already ${a[1] ? "left out of" : "counted in"} the weight that can vote`;
    case "HolisticGovernorNonVotingHolderNotContract":
      return `${who(a[0])} is not a contract: only a contract's hours (a pool's, the treasury's) can be left out of the weight that can vote`;
    case "HolisticGovernorTooManyNonVotingHolders":
      return `at most ${big(a[0])} holders can ever be left out of the weight that can vote`;
    case "GovernorInvalidVotingPeriod":
      return "the voting period must be longer than 0 seconds";
    case "GovernorUnexpectedProposalState":
      return `the proposal is ${PROPOSAL_STATES[Number(a[1])] ?? "in another state"}`;
    case "GovernorAlreadyCastVote":
      return `${who(a[0])} has already voted on this proposal`;
    case "GovernorInsufficientProposerVotes":
      return `${who(a[0])} has ${formatDecimal(big(a[1]), 18)} vote hours; proposing needs ${formatDecimal(big(a[2]), 18)}`;
    case "GovernorNonexistentProposal":
      return "the proposal does not exist";
    case "GovernorRestrictedProposer":
      return `only ${who(a[0])} may submit this proposal (its description names that proposer)`;
    case "GovernorOnlyExecutor":
      return "only the timelock may do this: it takes a proposal";
    case "AccessControlUnauthorizedAccount":
      return `${who(a[0])} lacks the role this needs; only a proposal can do it`;
    case "TimelockUnexpectedOperationState":
      return "the timelock is not ready for this operation (its delay has not passed, or it ran already)";
    case "CoopTimelockExpiredOperation":
      return "the decision expired: it was not executed within the grace period after it became ready";
    case "TimelockInsufficientDelay":
      return `the delay ${durationText(big(a[0]))} is below the timelock's minimum ${durationText(big(a[1]))}`;
    case "SafeCastOverflowedUintDowncast":
      return `a value (${figureText(big(a[1]))} base units) is too large: it must fit in ${a[0]} bits`;
    case "RouterExpired":
      return `the deadline ${timestampText(big(a[0]))} has passed`;
    case "RouterInsufficientOutputAmount":
      return `the trade would pay out less than the minimum you accept (price moved beyond the slippage)`;
    case "RouterExcessiveInputAmount":
      return "the trade would take more than the most you accept (price moved beyond the slippage)";
    case "RouterInsufficientAAmount":
    case "RouterInsufficientBAmount":
      return "the pool's price moved beyond the slippage you accept";
    case "RouterInsufficientLiquidity":
      return "the pool has no liquidity";
    case "PairInsufficientLiquidityBurned":
      return "too few pool shares to withdraw anything";
    case "PairInsufficientInitialLiquidity":
      return "the first deposit into the pool is too small";
    case "Error":
      return String(a[0]);
    case "Panic":
      return `the contract failed (panic ${Number(a[0])})`;
    default: {
      const figures = a.map((v) => (typeof v === "bigint" ? figureText(v) : String(v))).join(", ");
      return `${errorNameWords(error.name)}${figures === "" ? "" : ` (${figures})`}`;
    }
  }
}

/** Decodes revert data with `interfaces` (and the library errors); undefined when none knows it. */
export function decodeRevertData(
  data: string,
  interfaces: readonly Interface[],
): ErrorDescription | undefined {
  for (const iface of [...interfaces, libraryErrors]) {
    try {
      const decoded = iface.parseError(data);
      if (decoded !== null) return decoded;
    } catch {
      // not this interface's error
    }
  }
  return undefined;
}

/** Revert data in words; undefined when the data carries no known error. */
export function explainRevertData(
  data: string,
  interfaces: readonly Interface[],
  context: ExplainContext,
): string | undefined {
  if (data === "0x" || data.length < 10) return undefined;
  const decoded = decodeRevertData(data, interfaces);
  return decoded === undefined ? undefined : explainError(decoded, context);
}

/**
 * The revert data carried by an error thrown by ethers, viem or a provider
 * (it may sit in `data`, `error.data` or `cause.data`, a few levels deep).
 */
export function revertDataOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const data = (current as { data?: unknown }).data;
    if (typeof data === "string" && data.startsWith("0x") && data.length >= 10) return data;
    if (typeof data === "object" && data !== null) {
      const inner = (data as { data?: unknown }).data;
      if (typeof inner === "string" && inner.startsWith("0x") && inner.length >= 10) return inner;
    }
    current = (current as { cause?: unknown }).cause ?? (current as { error?: unknown }).error;
  }
  return undefined;
}
