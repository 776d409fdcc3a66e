import { emptyTask, task } from "hardhat/config";

/**
 * The `coop` commands: what members and treasurers do with a deployed
 * cooperative. Each definition here only declares its options; its action
 * is imported lazily from `./coop/<command>.js`, so `--help` stays fast.
 * Every option is a string, parsed and checked by the action, so that a bad
 * value gets one clear line and no transaction.
 */
const FROM = {
  name: "from",
  description: "Signer: an index into the network's accounts (default 0) or one of their addresses",
  defaultValue: "",
} as const;

const PROPOSAL = {
  name: "proposal",
  description: "Required. The proposal's reference, e.g. p3f9a01c2 (coop proposals lists them)",
  defaultValue: "",
} as const;

const WAIT = {
  name: "wait",
  description: "Wait until the step is possible (by the clock) instead of saying when",
} as const;

const SLIPPAGE = {
  name: "slippage",
  description: "Largest acceptable price move, in percent (default 0.5)",
  defaultValue: "0.5",
} as const;

export const coopTasks = [
  emptyTask("coop", "Drive a deployed Confoederatio cooperative").build(),

  task(["coop", "claim"], "Submit hours of work for approval")
    .addOption({ name: "hours", description: "Hours worked, e.g. 7.5", defaultValue: "" })
    .addOption({ name: "category", description: "commons, subsistence or care", defaultValue: "" })
    .addOption({
      name: "evidence",
      description: "A link to, or a description of, the work",
      defaultValue: "",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/claim.js"))
    .build(),

  task(["coop", "claims"], "List claims, newest first")
    .addOption({ name: "account", description: "Only this member's claims", defaultValue: "" })
    .addOption({
      name: "status",
      description: "pending, approved, rejected or withdrawn",
      defaultValue: "",
    })
    .addOption({ name: "limit", description: "At most this many (default 20)", defaultValue: "20" })
    .addOption(FROM)
    .setAction(() => import("./coop/claims.js"))
    .build(),

  emptyTask(["coop", "propose"], "Propose a decision to the members").build(),

  task(["coop", "propose", "approve"], "Propose approving a batch of pending claims")
    .addOption({
      name: "claims",
      description: "Claim ids, comma-separated: 1,2,7",
      defaultValue: "",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/propose-approve.js"))
    .build(),

  task(["coop", "propose", "revoke"], "Propose revoking care reputation")
    .addOption({ name: "account", description: "Whose care reputation", defaultValue: "" })
    .addOption({ name: "hours", description: "How many care hours", defaultValue: "" })
    .addOption({ name: "reason", description: "Why; recorded on chain", defaultValue: "" })
    .addOption(FROM)
    .setAction(() => import("./coop/propose-revoke.js"))
    .build(),

  task(["coop", "propose", "reject"], "Propose rejecting pending claims")
    .addOption({
      name: "claims",
      description: "Required. Claim numbers, comma-separated: 1,2,7",
      defaultValue: "",
    })
    .addOption({
      name: "reason",
      description: "Required. Why; recorded on chain",
      defaultValue: "",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/propose-reject.js"))
    .build(),

  task(["coop", "propose", "param"], "Propose changing a parameter")
    .addOption({
      name: "name",
      description:
        "Required. careWeight, maxVoterShare, quorum, votingDelay, votingPeriod, lateQuorumExtension, proposalThreshold, claimCap, rate, maxFee, minFee or holdPeriod",
      defaultValue: "",
    })
    .addOption({
      name: "value",
      description:
        "Required. careWeight a number (1.5); maxVoterShare, quorum, maxFee, minFee in percent (10); times as durations (30m, 12h, 2d); proposalThreshold, claimCap in hours; rate in reserve per hour (0.0001). Example: --name quorum --value 12.5",
      defaultValue: "",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/propose-param.js"))
    .build(),

  task(["coop", "propose", "sale"], "Propose opening a capital sale of hours")
    .addOption({ name: "price", description: "Reserve per hour, e.g. 0.001", defaultValue: "" })
    .addOption({ name: "cap", description: "Hours for sale in all", defaultValue: "" })
    .addOption({ name: "accountCap", description: "Hours one account may buy", defaultValue: "" })
    .addOption({
      name: "days",
      description: "How long the sale stays open, from the vote's end",
      defaultValue: "7",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/propose-sale.js"))
    .build(),

  task(["coop", "propose", "band"], "Propose the price band the treasury defends")
    .addOption({
      name: "floor",
      description: "Reserve per hour below which it buys back",
      defaultValue: "",
    })
    .addOption({
      name: "ceiling",
      description: "Reserve per hour above which it emits",
      defaultValue: "",
    })
    .addOption({ name: "budget", description: "Reserve it may spend per period", defaultValue: "" })
    .addOption({ name: "emission", description: "Hours it may mint per period", defaultValue: "" })
    .addOption({
      name: "period",
      description: "Period length as a duration: 3600, 12h, 1d",
      defaultValue: "1d",
    })
    .addOption({
      name: "slippage",
      description: "Largest trade price below the TWAP, in percent",
      defaultValue: "5",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/propose-band.js"))
    .build(),

  task(["coop", "vote"], "Vote on a proposal")
    .addOption(PROPOSAL)
    .addOption({ name: "support", description: "for, against or abstain", defaultValue: "" })
    .addOption({ name: "reason", description: "Why (optional)", defaultValue: "" })
    .addFlag(WAIT)
    .addOption(FROM)
    .setAction(() => import("./coop/vote.js"))
    .build(),

  task(["coop", "queue"], "Queue a succeeded proposal in the timelock")
    .addOption(PROPOSAL)
    .addFlag(WAIT)
    .addOption(FROM)
    .setAction(() => import("./coop/queue.js"))
    .build(),

  task(["coop", "execute"], "Execute a queued proposal once its delay has passed")
    .addOption(PROPOSAL)
    .addFlag(WAIT)
    .addOption(FROM)
    .setAction(() => import("./coop/execute.js"))
    .build(),

  task(
    ["coop", "proposals"],
    "List recent proposals: reference, state, countdown, tallies, actions",
  )
    .addOption({ name: "limit", description: "At most this many", defaultValue: "10" })
    .addOption(FROM)
    .setAction(() => import("./coop/proposals.js"))
    .build(),

  task(["coop", "proposal"], "Show one proposal in full, its actions decoded")
    .addPositionalArgument({
      name: "ref",
      description: "The proposal's reference, e.g. p3f9a01c2",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/proposal.js"))
    .build(),

  task(["coop", "withdraw"], "Withdraw one of your pending claims")
    .addOption({
      name: "claim",
      description: "Required. The claim's number, e.g. 5",
      defaultValue: "",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/withdraw.js"))
    .build(),

  task(["coop", "delegate"], "Delegate your work-hour votes (care cannot be delegated)")
    .addOption({
      name: "to",
      description: "Required. The member's address; your own address takes them back",
      defaultValue: "",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/delegate.js"))
    .build(),

  emptyTask(["coop", "oracle"], "The pool's TWAP oracle").build(),

  task(["coop", "oracle", "update"], "Record a TWAP observation (anyone may; the band reads it)")
    .addOption(FROM)
    .setAction(() => import("./coop/oracle-update.js"))
    .build(),

  task(["coop", "status"], "Show an account, the cooperative, and proposals")
    .addOption({
      name: "account",
      description: "Whose status (default: the signer)",
      defaultValue: "",
    })
    .addOption({ name: "proposal", description: "Only this proposal", defaultValue: "" })
    .addOption({
      name: "proposals",
      description: "How many recent proposals (default 5)",
      defaultValue: "5",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/status.js"))
    .build(),

  task(["coop", "fund"], "Deposit revenue into the treasury (split 75/25)")
    .addOption({ name: "amount", description: "Reserve to deposit, e.g. 0.01", defaultValue: "" })
    .addOption(FROM)
    .setAction(() => import("./coop/fund.js"))
    .build(),

  task(["coop", "redeem"], "Redeem earned hours for reserve from the category's pool")
    .addOption({ name: "category", description: "commons or subsistence", defaultValue: "" })
    .addOption({ name: "hours", description: "Hours to redeem", defaultValue: "" })
    .addOption({
      name: "minOut",
      description: "Least reserve to accept (default: the quote)",
      defaultValue: "",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/redeem.js"))
    .build(),

  task(["coop", "buy"], "Buy hours in the open capital sale")
    .addOption({ name: "hours", description: "Hours to buy", defaultValue: "" })
    .addOption(FROM)
    .setAction(() => import("./coop/buy.js"))
    .build(),

  task(["coop", "swap"], "Swap hours and reserve in the pool")
    .addOption({ name: "sell", description: "hours or reserve: what you pay in", defaultValue: "" })
    .addOption({ name: "amount", description: "How much you pay in", defaultValue: "" })
    .addOption(SLIPPAGE)
    .addOption(FROM)
    .setAction(() => import("./coop/swap.js"))
    .build(),

  emptyTask(["coop", "liquidity"], "Provide or withdraw pool liquidity").build(),

  task(["coop", "liquidity", "add"], "Add hours and reserve to the pool")
    .addOption({ name: "hours", description: "Hours to add", defaultValue: "" })
    .addOption({ name: "amount", description: "Reserve to add", defaultValue: "" })
    .addOption(SLIPPAGE)
    .addOption(FROM)
    .setAction(() => import("./coop/liquidity-add.js"))
    .build(),

  task(["coop", "liquidity", "remove"], "Withdraw liquidity from the pool")
    .addOption({
      name: "shares",
      description: "Pool shares to burn (default: all)",
      defaultValue: "",
    })
    .addOption(SLIPPAGE)
    .addOption(FROM)
    .setAction(() => import("./coop/liquidity-remove.js"))
    .build(),

  task(["coop", "band"], "Show the price band, or defend it")
    .addOption({
      name: "defend",
      description: "floor or ceiling (omit to only show)",
      defaultValue: "",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/band.js"))
    .build(),
];
