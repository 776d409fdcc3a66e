/**
 * Events of the cooperative's contracts in words, so that a command reports
 * what a transaction changed ("claim 3 approved", "sale 2 opened: …") rather
 * than only its gas. Pure, shared by the CLI and the web app.
 */
import { getAddress, type Result } from "ethers";

import { durationText, timestampText } from "../format/durations.js";
import {
  formatBps,
  formatPrice,
  formatReserve,
  formatWeight,
  hoursText,
  type ReserveUnit,
} from "../format/units.js";

const CATEGORIES = ["commons", "subsistence", "care"];

/** An event in words; undefined for events a person need not see (transfers, checkpoints). */
export function describeEvent(
  name: string,
  args: Result | readonly unknown[],
  context: { readonly reserve: ReserveUnit },
): string | undefined {
  const a = args as readonly unknown[];
  const big = (value: unknown) => BigInt(value as bigint);
  const r = context.reserve;
  switch (name) {
    case "ClaimApproved":
      return `claim ${a[0]} approved: hours minted to ${getAddress(a[1] as string)}`;
    case "ClaimRejected":
      return `claim ${a[0]} rejected`;
    case "ClaimWithdrawn":
      return `claim ${a[0]} withdrawn`;
    case "ClaimCapUpdated":
      return `claim cap changed from ${hoursText(big(a[0]))} to ${hoursText(big(a[1]))}`;
    case "ReputationRevoked":
      return `${hoursText(big(a[1]))} of care reputation revoked from ${getAddress(a[0] as string)}`;
    case "CareWeightUpdated":
      return `care weight changed from ${formatWeight(big(a[0]))} to ${formatWeight(big(a[1]))}`;
    case "MaxVoterShareUpdated":
      return `voter cap changed from ${formatBps(big(a[0]))} to ${formatBps(big(a[1]))} (0% is none)`;
    case "QuorumFractionUpdated":
      return `quorum changed from ${formatBps(big(a[0]))} to ${formatBps(big(a[1]))}`;
    case "LateQuorumVoteExtensionSet":
      return `late-quorum extension changed from ${durationText(big(a[0]))} to ${durationText(big(a[1]))}`;
    case "VotingDelaySet":
      return `voting delay changed from ${durationText(big(a[0]))} to ${durationText(big(a[1]))}`;
    case "VotingPeriodSet":
      return `voting period changed from ${durationText(big(a[0]))} to ${durationText(big(a[1]))}`;
    case "ProposalThresholdSet":
      return `proposal threshold changed from ${hoursText(big(a[0]))} to ${hoursText(big(a[1]))}`;
    case "RateUpdated":
      return `redemption rate changed from ${formatPrice(r, big(a[0]))} to ${formatPrice(r, big(a[1]))}`;
    case "FeesUpdated":
      return `redemption fee now ${formatBps(big(a[0]))} falling to ${formatBps(big(a[1]))} over ${durationText(big(a[2]))} of holding`;
    case "SaleOpened":
      return `sale ${a[0]} opened: ${hoursText(big(a[2]))} at ${formatPrice(r, big(a[1]))}, at most ${hoursText(big(a[3]))} per account, ${timestampText(big(a[4]))} to ${timestampText(big(a[5]))}`;
    case "SaleClosed":
      return `sale ${a[0]} closed after selling ${hoursText(big(a[1]))}`;
    case "BandUpdated": {
      const p = a[0] as readonly unknown[];
      return BigInt(p[0] as string) === 0n
        ? "price band switched off"
        : `price band set: ${formatPrice(r, big(p[2]))} to ${formatPrice(r, big(p[3]))}`;
    }
    case "Deposited":
      return `${formatReserve(r, big(a[2]))} deposited: ${formatReserve(r, big(a[3]))} to subsistence, ${formatReserve(r, big(a[4]))} to commons`;
    case "Redeemed":
      return `${hoursText(big(a[2]))} of ${CATEGORIES[Number(a[1])] ?? "some"} credit redeemed for ${formatReserve(r, big(a[3]))} (fee ${formatReserve(r, big(a[4]))})`;
    case "Purchased":
      return `${hoursText(big(a[2]))} bought in sale ${a[1]} for ${formatReserve(r, big(a[3]))}`;
    case "FloorDefended":
      return `floor defended: ${formatReserve(r, big(a[2]))} spent, ${hoursText(big(a[3]))} bought back and burned`;
    case "CeilingDefended":
      return `ceiling defended: ${hoursText(big(a[2]))} emitted for ${formatReserve(r, big(a[3]))}`;
    default:
      return undefined;
  }
}
