/**
 * Proposal actions decoded into words ("set the care weight to 1.5"), from
 * the calldata alone: the functions that governance calls on the
 * cooperative's contracts, known here as ABI fragments. Pure, shared by the
 * CLI and the web app.
 */
import { AbiCoder, getAddress, Interface, keccak256, type Result } from "ethers";

import { durationText, timestampText } from "../format/durations.js";
import {
  formatBps,
  formatHours,
  formatPrice,
  formatReserve,
  formatWeight,
  hoursText,
  type ReserveUnit,
} from "../format/units.js";
import { proposalRef } from "./refs.js";

/** Every function a proposal may call on the cooperative through the timelock. */
export const GOVERNANCE_ABI = [
  // ContributionRegistry
  "function approveClaims(uint256[] ids)",
  "function rejectClaims(uint256[] ids)",
  "function setClaimCap(uint256 newCap)",
  // CareReputation
  "function revoke(address account, uint256 amount, string reason)",
  // HolisticGovernor
  "function setCareWeight(uint256 newCareWeight)",
  "function setMaxVoterShare(uint256 newMaxVoterShare)",
  "function setQuorumFraction(uint256 newQuorumFraction)",
  "function setLateQuorumVoteExtension(uint48 newVoteExtension)",
  "function setVotingDelay(uint48 newVotingDelay)",
  "function setVotingPeriod(uint32 newVotingPeriod)",
  "function setProposalThreshold(uint256 newProposalThreshold)",
  "function setNonVotingHolder(address holder, bool excluded)",
  "function cancelByVote(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash)",
  // RedemptionTreasury
  "function setRate(uint256 newRate)",
  "function setFees(uint16 maxFee, uint16 minFee, uint32 holdPeriod)",
  "function openSale(uint128 price, uint128 cap, uint128 accountCap, uint40 start, uint40 end)",
  "function closeSale()",
  "function setBand((address oracle, address router, uint128 floor, uint128 ceiling, uint96 buybackBudget, uint96 emissionCap, uint32 periodLength, uint16 maxSlippage) params)",
  // CoopTimelock (AccessControl, TimelockController)
  "function updateDelay(uint256 newDelay)",
  "function grantRole(bytes32 role, address account)",
  "function revokeRole(bytes32 role, address account)",
] as const;

/** The interface that decodes proposal calldata. */
export const governanceInterface = new Interface(GOVERNANCE_ABI);

/** What a decoder needs to know about the cooperative: names of its contracts, the reserve. */
export interface DecodeContext {
  /** Contract names by address (any case): `{ "0xAb…": "treasury" }`. */
  readonly names: Readonly<Record<string, string>>;
  readonly reserve: ReserveUnit;
  /** Names of accounts, when known ("alice"); addresses otherwise. */
  readonly accountName?: (address: string) => string | undefined;
}

/** One action of a proposal, decoded. */
export interface DecodedAction {
  /** The target's name ("treasury") or its address. */
  readonly target: string;
  /** The function called, or undefined when the calldata is not one governance uses. */
  readonly method?: string;
  /** The action in words. */
  readonly text: string;
  /** RBTC sent with the call, in wei (usually 0). */
  readonly value: bigint;
}

function nameOf(context: DecodeContext, address: string): string {
  const wanted = address.toLowerCase();
  const entry = Object.entries(context.names).find(([a]) => a.toLowerCase() === wanted);
  return entry?.[1] ?? getAddress(address);
}

function account(context: DecodeContext, address: string): string {
  const checksummed = getAddress(address);
  const name = context.accountName?.(checksummed);
  return name === undefined ? checksummed : `${name} (${checksummed})`;
}

function oracleNote(context: DecodeContext, oracle: string): string {
  const name = nameOf(context, oracle);
  return name === getAddress(oracle) ? ` of the oracle at ${name}` : ` (${name})`;
}

function ids(list: readonly bigint[]): string {
  return list.map((id) => id.toString()).join(", ");
}

function words(method: string, a: Result, context: DecodeContext): string {
  const r = context.reserve;
  switch (method) {
    case "approveClaims":
      return `approve claim${a[0].length === 1 ? "" : "s"} ${ids(a[0] as bigint[])} (mints their hours and care)`;
    case "rejectClaims":
      return `reject claim${a[0].length === 1 ? "" : "s"} ${ids(a[0] as bigint[])}`;
    case "setClaimCap":
      return `set the claim cap to ${hoursText(a[0] as bigint)}`;
    case "revoke":
      return `revoke ${formatHours(a[1] as bigint)} care hours from ${account(context, a[0] as string)}: "${a[2] as string}"`;
    case "setCareWeight":
      return `set the care weight to ${formatWeight(a[0] as bigint)} (one care hour weighs ${formatWeight(a[0] as bigint)} work hours)`;
    case "setMaxVoterShare":
      return (a[0] as bigint) === 0n
        ? "remove the voter cap"
        : `cap each voter at ${formatBps(a[0] as bigint)} of the weight that can vote`;
    case "setQuorumFraction":
      return `set the quorum to ${formatBps(a[0] as bigint)} of the weight that can vote`;
    case "setLateQuorumVoteExtension":
      return `keep a vote open ${durationText(a[0] as bigint)} after a late quorum`;
    case "setVotingDelay":
      return `set the voting delay to ${durationText(a[0] as bigint)}`;
    case "setVotingPeriod":
      return `set the voting period to ${durationText(a[0] as bigint)}`;
    case "setProposalThreshold":
      return `set the proposal threshold to ${formatHours(a[0] as bigint)} vote ${formatHours(a[0] as bigint) === "1" ? "hour" : "hours"}`;
    case "setNonVotingHolder":
      return (a[1] as boolean)
        ? `leave the hours held by ${nameOf(context, a[0] as string)} out of the weight that can vote (and so out of the quorum)`
        : `count the hours held by ${nameOf(context, a[0] as string)} in the weight that can vote again`;
    case "cancelByVote":
      return `cancel proposal ${proposalRef(governorProposalId(a))}`;
    case "setRate":
      return (a[0] as bigint) === 0n
        ? "close redemption (rate 0)"
        : `set the redemption rate to ${formatPrice(r, a[0] as bigint)}`;
    case "setFees":
      return `set the redemption fee to ${formatBps(a[0] as bigint)} falling to ${formatBps(a[1] as bigint)} over ${durationText(a[2] as bigint)} of holding`;
    case "openSale":
      return `open a sale of ${hoursText(a[1] as bigint)} at ${formatPrice(r, a[0] as bigint)}, at most ${hoursText(a[2] as bigint)} per account, from ${timestampText(a[3] as bigint)} to ${timestampText(a[4] as bigint)} (replaces any open sale)`;
    case "closeSale":
      return "close the open sale";
    case "setBand": {
      const p = a[0] as Result;
      if (BigInt(p[0] as string) === 0n) return "switch the price band off";
      return `keep the hour between ${formatPrice(r, p[2] as bigint)} and ${formatPrice(r, p[3] as bigint)}: per ${durationText(p[6] as bigint)}, buy back with up to ${formatReserve(r, p[4] as bigint)} below the floor and emit up to ${hoursText(p[5] as bigint)} above the ceiling, trading at most ${formatBps(p[7] as bigint)} below the TWAP${oracleNote(context, p[0] as string)}`;
    }
    case "updateDelay":
      return `set the timelock delay to ${durationText(a[0] as bigint)}`;
    case "grantRole":
      return `grant role ${(a[0] as string).slice(0, 10)}… to ${account(context, a[1] as string)}`;
    case "revokeRole":
      return `revoke role ${(a[0] as string).slice(0, 10)}… from ${account(context, a[1] as string)}`;
    default:
      return method;
  }
}

/** OpenZeppelin Governor's `hashProposal` of decoded (targets, values, calldatas, descriptionHash). */
function governorProposalId(a: Result): bigint {
  const encoded = AbiCoder.defaultAbiCoder().encode(
    ["address[]", "uint256[]", "bytes[]", "bytes32"],
    [a[0], a[1], a[2], a[3]],
  );
  return BigInt(keccak256(encoded));
}

/** Decodes one action; calldata that governance does not use is shown by its selector. */
export function decodeAction(
  action: { readonly target: string; readonly value?: bigint; readonly calldata: string },
  context: DecodeContext,
): DecodedAction {
  const target = nameOf(context, action.target);
  const value = action.value ?? 0n;
  const sends =
    value > 0n ? ` and send ${formatReserve({ symbol: "RBTC", decimals: 18 }, value)}` : "";
  let parsed;
  try {
    parsed = governanceInterface.parseTransaction({ data: action.calldata, value });
  } catch {
    parsed = null;
  }
  if (parsed === null) {
    const selector = action.calldata.slice(0, 10);
    return {
      target,
      value,
      text: `${target}: call ${selector === "0x" ? "with no data" : selector}${sends}`,
    };
  }
  return {
    target,
    value,
    method: parsed.name,
    text: `${target}: ${words(parsed.name, parsed.args, context)}${sends}`,
  };
}

/** Decodes every action of a proposal, in order. */
export function decodeActions(
  proposal: {
    readonly targets: readonly string[];
    readonly values: readonly bigint[];
    readonly calldatas: readonly string[];
  },
  context: DecodeContext,
): DecodedAction[] {
  return proposal.targets.map((target, i) =>
    decodeAction({ target, value: proposal.values[i], calldata: proposal.calldatas[i] }, context),
  );
}

/** The title of a proposal description: its first line without the "# ". */
export function descriptionTitle(description: string): string {
  return (description.split("\n").find((line) => line.trim() !== "") ?? "")
    .replace(/^#+\s*/, "")
    .trim();
}
