import { emptyTask, task } from "hardhat/config";

import { federationTasks } from "./coop/federation-tasks.js";
import { FROM, option, required } from "./coop/options.js";

/**
 * The `coop` commands: what members and treasurers do with a deployed
 * cooperative. Each definition here only declares its options; its action
 * is imported lazily from `./coop/<command>.js`, so `--help` stays fast.
 * Every option is a string, parsed and checked by the action before it
 * connects, so that a bad value gets one clear line and no transaction.
 * Each description ends with one example; units are in the option's words.
 */

const PROPOSAL = required(
  "proposal",
  "The proposal's reference, e.g. p3f9a01c2 (coop proposals lists them)",
);

const WAIT = {
  name: "wait",
  description: "Wait until the step is possible (by the clock) instead of saying when",
} as const;

const SLIPPAGE = {
  name: "slippage",
  description: "Largest acceptable price move, in percent",
  defaultValue: "0.5",
} as const;

export const coopTasks = [
  emptyTask("coop", "Drive a deployed Confoederatio cooperative").build(),

  task(
    ["coop", "claim"],
    "Submit hours of work for approval. Example: npx hardhat coop claim --hours 7.5 --category commons --evidence https://example.org/log --network localhost",
  )
    .addOption(required("hours", "Hours worked, e.g. 7.5 or .5"))
    .addOption(required("category", "commons, subsistence or care"))
    .addOption(required("evidence", "A link to, or a description of, the work"))
    .addOption(FROM)
    .setAction(() => import("./coop/claim.js"))
    .build(),

  task(
    ["coop", "claims"],
    "List claims, newest first. Example: npx hardhat coop claims --status pending --network localhost",
  )
    .addOption(option("account", "Only this member's claims (an address); everyone's when omitted"))
    .addOption(
      option(
        "status",
        "Only claims in this state: pending, approved, rejected or withdrawn; all when omitted",
      ),
    )
    .addOption({ name: "limit", description: "At most this many claims", defaultValue: "20" })
    .addOption(FROM)
    .setAction(() => import("./coop/claims.js"))
    .build(),

  emptyTask(["coop", "propose"], "Propose a decision to the members").build(),

  task(
    ["coop", "propose", "approve"],
    "Propose approving a batch of pending claims. Example: npx hardhat coop propose approve --claims 1,2,7 --network localhost",
  )
    .addOption(required("claims", "Claim numbers, comma-separated: 1,2,7"))
    .addOption(FROM)
    .setAction(() => import("./coop/propose-approve.js"))
    .build(),

  task(
    ["coop", "propose", "revoke"],
    "Propose revoking care reputation. Example: npx hardhat coop propose revoke --account 0x… --hours 2 --reason 'why' --network localhost",
  )
    .addOption(required("account", "Whose care reputation (an address)"))
    .addOption(required("hours", "How many care hours"))
    .addOption(required("reason", "Why; recorded on chain"))
    .addOption(FROM)
    .setAction(() => import("./coop/propose-revoke.js"))
    .build(),

  task(
    ["coop", "propose", "reject"],
    "Propose rejecting pending claims. Example: npx hardhat coop propose reject --claims 3 --reason 'no evidence' --network localhost",
  )
    .addOption(required("claims", "Claim numbers, comma-separated: 1,2,7"))
    .addOption(required("reason", "Why; recorded on chain"))
    .addOption(FROM)
    .setAction(() => import("./coop/propose-reject.js"))
    .build(),

  task(
    ["coop", "propose", "param"],
    "Propose changing a parameter. Example: npx hardhat coop propose param --name quorum --value 12.5 --network localhost",
  )
    .addOption(
      required(
        "name",
        "careWeight, maxVoterShare, quorum, votingDelay, votingPeriod, lateQuorumExtension, proposalThreshold, claimCap, rate, maxFee, minFee, holdPeriod, nonVotingHolder (leave a contract's hours out of the weight that can vote) or votingHolder (count them again)",
      ),
    )
    .addOption(
      required(
        "value",
        "careWeight a number (1.5); maxVoterShare, quorum, maxFee, minFee in percent (10); times as durations (30m, 12h, 2d); proposalThreshold, claimCap in hours; rate in reserve per hour (0.0001); nonVotingHolder, votingHolder: pool, treasury or a contract's address.",
      ),
    )
    .addOption(FROM)
    .setAction(() => import("./coop/propose-param.js"))
    .build(),

  task(
    ["coop", "propose", "sale"],
    "Propose opening a capital sale of hours. Example: npx hardhat coop propose sale --price 0.001 --cap 100 --account-cap 20 --days 7 --network localhost",
  )
    .addOption(required("price", "Price in the reserve (RBTC or its token) per hour, e.g. 0.001"))
    .addOption(required("cap", "Hours for sale in all"))
    .addOption(required("accountCap", "Hours one account may buy, at most --cap"))
    .addOption({
      name: "days",
      description: "Days the sale stays open, from when the proposal can execute",
      defaultValue: "7",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/propose-sale.js"))
    .build(),

  task(
    ["coop", "propose", "band"],
    "Propose the price band the treasury defends. Example: npx hardhat coop propose band --floor 0.00008 --ceiling 0.00015 --budget 0.001 --emission 20 --network localhost",
  )
    .addOption(
      required("floor", "Price in the reserve per hour below which it buys back, e.g. 0.00008"),
    )
    .addOption(
      required("ceiling", "Price in the reserve per hour above which it emits, e.g. 0.00015"),
    )
    .addOption(required("budget", "Reserve (RBTC or its token) it may spend per period"))
    .addOption(required("emission", "Hours it may mint per period"))
    .addOption({
      name: "period",
      description: "Period length as a duration: 3600 (seconds), 12h, 1d",
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

  task(
    ["coop", "vote"],
    "Vote on a proposal. Example: npx hardhat coop vote --proposal p3f9a01c2 --support for --network localhost",
  )
    .addOption(PROPOSAL)
    .addOption(required("support", "for, against or abstain"))
    .addOption(option("reason", "Why (optional)"))
    .addFlag(WAIT)
    .addOption(FROM)
    .setAction(() => import("./coop/vote.js"))
    .build(),

  task(
    ["coop", "queue"],
    "Queue a succeeded proposal in the timelock. Example: npx hardhat coop queue --proposal p3f9a01c2 --wait --network localhost",
  )
    .addOption(PROPOSAL)
    .addFlag(WAIT)
    .addOption(FROM)
    .setAction(() => import("./coop/queue.js"))
    .build(),

  task(
    ["coop", "execute"],
    "Execute a queued proposal once its delay has passed. Example: npx hardhat coop execute --proposal p3f9a01c2 --wait --network localhost",
  )
    .addOption(PROPOSAL)
    .addFlag(WAIT)
    .addOption(FROM)
    .setAction(() => import("./coop/execute.js"))
    .build(),

  task(
    ["coop", "proposals"],
    "List recent proposals: reference, state, countdown, tallies, actions. Example: npx hardhat coop proposals --network localhost",
  )
    .addOption({ name: "limit", description: "At most this many proposals", defaultValue: "10" })
    .addOption(FROM)
    .setAction(() => import("./coop/proposals.js"))
    .build(),

  task(
    ["coop", "proposal"],
    "Show one proposal in full, its actions decoded. Example: npx hardhat coop proposal p3f9a01c2 --network localhost",
  )
    .addPositionalArgument({
      name: "ref",
      description: "The proposal's reference, e.g. p3f9a01c2",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/proposal.js"))
    .build(),

  task(
    ["coop", "withdraw"],
    "Withdraw one of your pending claims. Example: npx hardhat coop withdraw --claim 5 --network localhost",
  )
    .addOption(required("claim", "The claim's number, e.g. 5"))
    .addOption(FROM)
    .setAction(() => import("./coop/withdraw.js"))
    .build(),

  task(
    ["coop", "delegate"],
    "Delegate your work-hour votes (care cannot be delegated). Example: npx hardhat coop delegate --to 0x… --network localhost",
  )
    .addOption(required("to", "The member's address; your own address takes them back"))
    .addOption(FROM)
    .setAction(() => import("./coop/delegate.js"))
    .build(),

  emptyTask(["coop", "oracle"], "The pool's TWAP oracle").build(),

  task(
    ["coop", "oracle", "update"],
    "Record a TWAP observation of the pool (anyone may; the band reads it). Example: npx hardhat coop oracle update --network localhost",
  )
    .addOption(FROM)
    .setAction(() => import("./coop/oracle-update.js"))
    .build(),

  task(
    ["coop", "status"],
    "Show an account, the cooperative, and proposals. Example: npx hardhat coop status --from 1 --network localhost",
  )
    .addOption(option("account", "Whose status; the signer when omitted"))
    .addOption(
      option(
        "proposal",
        "Only this proposal (its reference, e.g. p3f9a01c2); the account, the cooperative and recent proposals when omitted",
      ),
    )
    .addOption({
      name: "proposals",
      description: "How many recent proposals",
      defaultValue: "5",
    })
    .addOption(FROM)
    .setAction(() => import("./coop/status.js"))
    .build(),

  task(
    ["coop", "fund"],
    "Deposit revenue into the treasury (split 75/25). Example: npx hardhat coop fund --amount 0.01 --network localhost",
  )
    .addOption(required("amount", "Reserve (RBTC or its token) to deposit, e.g. 0.01"))
    .addOption(FROM)
    .setAction(() => import("./coop/fund.js"))
    .build(),

  task(
    ["coop", "redeem"],
    "Redeem earned hours for reserve from the category's pool. Example: npx hardhat coop redeem --category commons --hours 2 --network localhost",
  )
    .addOption(required("category", "commons or subsistence"))
    .addOption(required("hours", "Hours to redeem"))
    .addOption(
      option("minOut", "Least reserve (RBTC or its token) to accept; the quote when omitted"),
    )
    .addOption(FROM)
    .setAction(() => import("./coop/redeem.js"))
    .build(),

  task(
    ["coop", "buy"],
    "Buy hours in the open capital sale. Example: npx hardhat coop buy --hours 2 --network localhost",
  )
    .addOption(required("hours", "Hours to buy"))
    .addOption(FROM)
    .setAction(() => import("./coop/buy.js"))
    .build(),

  task(
    ["coop", "swap"],
    "Swap hours and reserve in the pool. Example: npx hardhat coop swap --sell hours --amount 1 --network localhost",
  )
    .addOption(required("sell", "hours or reserve: what you pay in"))
    .addOption(required("amount", "How much you pay in: hours, or reserve (RBTC or its token)"))
    .addOption(SLIPPAGE)
    .addOption(FROM)
    .setAction(() => import("./coop/swap.js"))
    .build(),

  emptyTask(["coop", "liquidity"], "Provide or withdraw pool liquidity").build(),

  task(
    ["coop", "liquidity", "add"],
    "Add hours and reserve to the pool. Example: npx hardhat coop liquidity add --hours 10 --amount 0.001 --network localhost",
  )
    .addOption(required("hours", "Hours to add"))
    .addOption(required("amount", "Reserve (RBTC or its token) to add"))
    .addOption(SLIPPAGE)
    .addOption(FROM)
    .setAction(() => import("./coop/liquidity-add.js"))
    .build(),

  task(
    ["coop", "liquidity", "remove"],
    "Withdraw liquidity from the pool. Example: npx hardhat coop liquidity remove --network localhost",
  )
    .addOption(option("shares", "Pool shares to burn; all of them when omitted"))
    .addOption(SLIPPAGE)
    .addOption(FROM)
    .setAction(() => import("./coop/liquidity-remove.js"))
    .build(),

  task(
    ["coop", "band"],
    "Show the price band, or defend it. Example: npx hardhat coop band --defend floor --network localhost",
  )
    .addOption(option("defend", "floor or ceiling (omit to only show)"))
    .addOption(FROM)
    .setAction(() => import("./coop/band.js"))
    .build(),

  ...federationTasks,
];
