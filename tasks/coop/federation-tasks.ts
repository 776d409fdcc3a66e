import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

/**
 * The `coop federation …` commands: a federation of cooperatives that pay each other in their
 * own hours through a clearing union. Definitions only; each action is imported lazily from
 * `./federation-*.js`. Every option is a string, checked by the action, so that a bad value
 * gets one line and no transaction.
 */
const FROM = {
  name: "from",
  description: "Signer: an index into the network's accounts (default 0) or one of their addresses",
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
} as const;

const COOP = {
  name: "coop",
  description: "The cooperative: its symbol (e.g. BAKE) or its hours' address",
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
} as const;

const DEBIT = {
  name: "debit",
  description: "Debit limit in hours: how far it may spend into the others, net",
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
} as const;
const SURPLUS = {
  name: "surplus",
  description: "Surplus cap in hours: how much it accepts from the others, net",
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
} as const;
const OUTFLOW = {
  name: "outflow",
  description: "Hours its members may pay out per period",
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
} as const;
const INFLOW = {
  name: "inflow",
  description: "Hours its members may receive per period",
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
} as const;

export const federationTasks = [
  emptyTask(
    ["coop", "federation"],
    "Pay other cooperatives of the federation, and govern it",
  ).build(),

  task(
    ["coop", "federation", "status"],
    "Members, balances against limits, allowances left, indices",
  )
    .addOption(FROM)
    .setAction(() => import("./federation-status.js"))
    .build(),

  task(["coop", "federation", "pay"], "Pay a member of another cooperative in its own hours")
    .addOption({
      name: "fromCoop",
      description: "The cooperative whose hours you pay with",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "toCoop",
      description: "The recipient's cooperative",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "to",
      description: "The recipient's address",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "hours",
      description: "Hours you pay, e.g. 7.5",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "slippage",
      description: "Largest acceptable change of the output, in percent (default 0)",
      defaultValue: "0",
    })
    .addOption(FROM)
    .setAction(() => import("./federation-pay.js"))
    .build(),

  emptyTask(["coop", "federation", "propose"], "Propose a decision to the federation").build(),

  task(["coop", "federation", "propose", "admit"], "Propose admitting a cooperative")
    .addOption({
      name: "hours",
      description: "The cooperative's WorkHours address",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "timelock",
      description: "The cooperative's timelock",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "treasury",
      description: "The cooperative's treasury",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "name",
      description: "The cooperative's name, for the description",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "index",
      description: "Exchange index: federation hours per hour of it (default 1)",
      defaultValue: "1",
    })
    .addOption(DEBIT)
    .addOption(SURPLUS)
    .addOption(OUTFLOW)
    .addOption(INFLOW)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-admit.js"))
    .build(),

  task(["coop", "federation", "propose", "limits"], "Propose new limits for a cooperative")
    .addOption(COOP)
    .addOption(DEBIT)
    .addOption(SURPLUS)
    .addOption(OUTFLOW)
    .addOption(INFLOW)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-limits.js"))
    .build(),

  task(["coop", "federation", "propose", "index"], "Propose a cooperative's exchange index")
    .addOption(COOP)
    .addOption({
      name: "index",
      description: "Federation hours per hour, e.g. 1.02",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(FROM)
    .setAction(() => import("./federation-propose-index.js"))
    .build(),

  task(
    ["coop", "federation", "propose", "freeze"],
    "Propose freezing a cooperative (it may still receive)",
  )
    .addOption(COOP)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-freeze.js"))
    .build(),

  task(["coop", "federation", "propose", "unfreeze"], "Propose lifting a cooperative's freeze")
    .addOption(COOP)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-unfreeze.js"))
    .build(),

  task(["coop", "federation", "propose", "retire"], "Propose retiring a cooperative (not in debt)")
    .addOption(COOP)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-retire.js"))
    .build(),

  task(
    ["coop", "federation", "propose", "settlement"],
    "Propose the asset and rate at which a cooperative in debt may settle with reserve",
  )
    .addOption({
      name: "rate",
      description: "Federation hours per whole unit of the asset (0 closes settlement)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "asset",
      description: "The reserve token's address (RBTC when empty)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(FROM)
    .setAction(() => import("./federation-propose-settlement.js"))
    .build(),

  task(
    ["coop", "federation", "settle"],
    "Propose to your cooperative's own governance paying reserve to settle its federation debit",
  )
    .addOption(COOP)
    .addOption({
      name: "reserve",
      description: "How much reserve to pay (RBTC or the token), split pro rata among creditors",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(FROM)
    .setAction(() => import("./federation-settle.js"))
    .build(),

  task(["coop", "federation", "vote"], "Cast your cooperative's federation vote (as its liaison)")
    .addOption({
      name: "proposal",
      description: "The federation proposal: its reference (p3f9a01c2) or id",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "support",
      description: "for, against or abstain",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(FROM)
    .setAction(() => import("./federation-vote.js"))
    .build(),

  task(["coop", "federation", "queue"], "Queue a succeeded federation proposal")
    .addOption({
      name: "proposal",
      description: "The federation proposal: its reference (p3f9a01c2) or id",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(FROM)
    .setAction(() => import("./federation-queue.js"))
    .build(),

  task(["coop", "federation", "execute"], "Execute a queued federation proposal")
    .addOption({
      name: "proposal",
      description: "The federation proposal: its reference (p3f9a01c2) or id",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(FROM)
    .setAction(() => import("./federation-execute.js"))
    .build(),
];
