/** Parameters of the bench, shared by our side and the anchors so that both run in the same
 * state. Governance timings do not change gas; they are set as a cooperative would set them. */
import { ethers } from "ethers";

export const DAY = 24 * 60 * 60;

/** Governor settings of the anchor, in seconds (timestamp clock): the defaults of our
 * `Cooperative` module, so that both governors run the same schedule. */
export const VOTING_DELAY = DAY;
export const VOTING_PERIOD = 5 * DAY;
export const TIMELOCK_DELAY = 2 * DAY;
export const QUORUM_PERCENT = 10;
/** One token (one hour), as our module's default threshold: a non-zero threshold makes propose
 * read the proposer's votes. */
export const PROPOSAL_THRESHOLD = ethers.parseEther("1");

/** What each set-up holder holds, and what a measured transfer moves. */
export const HOLDER_BALANCE = ethers.parseEther("100");
export const TRANSFER_AMOUNT = ethers.parseEther("1");

/** Scale: small and large membership, small and large voter history. */
export const MEMBERS_SMALL: number = 10;
export const MEMBERS_LARGE: number = 1_000;
export const CHECKPOINTS_LARGE: number = 1_000;

/** Claim approval batches measured per claim. */
export const BATCH_SIZES = [1, 10, 100] as const;
