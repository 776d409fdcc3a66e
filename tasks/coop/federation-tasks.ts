import { emptyTask, task } from "hardhat/config";

import { FROM, option, required } from "./options.js";

/**
 * The `coop federation …` commands: a federation of cooperatives that pay each other in their
 * own hours through a clearing union. Definitions only; each action is imported lazily from
 * `./federation-*.js`. Every option is a string, checked by the action, so that a bad value
 * gets one line and no transaction. Each description ends with one example.
 */

const COOP = required("coop", "The cooperative: its symbol (e.g. BAKE) or its hours' address");
const DEBIT = required("debit", "Debit limit in hours: how far it may spend into the others, net");
const SURPLUS = required(
  "surplus",
  "Surplus cap in hours: how much it accepts from the others, net",
);
const OUTFLOW = required("outflow", "Hours its members may pay out per period");
const INFLOW = required("inflow", "Hours its members may receive per period");
const PROPOSAL = required(
  "proposal",
  "The federation proposal: its reference, e.g. p3f9a01c2 (federation propose prints it), or its id",
);

export const federationTasks = [
  emptyTask(
    ["coop", "federation"],
    "Pay other cooperatives of the federation, and govern it",
  ).build(),

  task(
    ["coop", "federation", "status"],
    "Members, balances against limits, allowances left, indices. Example: npx hardhat coop federation status --network localhost",
  )
    .addOption(FROM)
    .setAction(() => import("./federation-status.js"))
    .build(),

  task(
    ["coop", "federation", "pay"],
    "Pay a member of another cooperative in its own hours. Example: npx hardhat coop federation pay --from-coop BAKE --to-coop CARE --to 0x… --hours 7.5 --slippage 1 --network localhost",
  )
    .addOption(required("fromCoop", "The cooperative whose hours you pay with: its symbol"))
    .addOption(required("toCoop", "The recipient's cooperative: its symbol"))
    .addOption(required("to", "The recipient's address"))
    .addOption(required("hours", "Hours you pay, e.g. 7.5"))
    .addOption({
      name: "slippage",
      description: "Largest acceptable fall of the hours received, in percent",
      defaultValue: "0",
    })
    .addOption(FROM)
    .setAction(() => import("./federation-pay.js"))
    .build(),

  emptyTask(["coop", "federation", "propose"], "Propose a decision to the federation").build(),

  task(
    ["coop", "federation", "propose", "admit"],
    "Propose admitting a cooperative. Example: npx hardhat coop federation propose admit --hours 0x… --timelock 0x… --treasury 0x… --name Bakery --debit 100 --surplus 100 --outflow 80 --inflow 80 --network localhost",
  )
    .addOption(required("hours", "The cooperative's WorkHours address"))
    .addOption(required("timelock", "The cooperative's timelock address"))
    .addOption(required("treasury", "The cooperative's treasury address"))
    .addOption(option("name", "The cooperative's name, for the description; none when omitted"))
    .addOption({
      name: "index",
      description: "Exchange index: federation hours per hour of it",
      defaultValue: "1",
    })
    .addOption(DEBIT)
    .addOption(SURPLUS)
    .addOption(OUTFLOW)
    .addOption(INFLOW)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-admit.js"))
    .build(),

  task(
    ["coop", "federation", "propose", "limits"],
    "Propose new limits for a cooperative. Example: npx hardhat coop federation propose limits --coop CARE --debit 50 --surplus 100 --outflow 40 --inflow 80 --network localhost",
  )
    .addOption(COOP)
    .addOption(DEBIT)
    .addOption(SURPLUS)
    .addOption(OUTFLOW)
    .addOption(INFLOW)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-limits.js"))
    .build(),

  task(
    ["coop", "federation", "propose", "index"],
    "Propose a cooperative's exchange index. Example: npx hardhat coop federation propose index --coop CARE --index 1.02 --network localhost",
  )
    .addOption(COOP)
    .addOption(required("index", "Federation hours per hour, e.g. 1.02"))
    .addOption(FROM)
    .setAction(() => import("./federation-propose-index.js"))
    .build(),

  task(
    ["coop", "federation", "propose", "freeze"],
    "Propose freezing a cooperative (it may still receive). Example: npx hardhat coop federation propose freeze --coop TOOL --network localhost",
  )
    .addOption(COOP)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-freeze.js"))
    .build(),

  task(
    ["coop", "federation", "propose", "unfreeze"],
    "Propose lifting a cooperative's freeze. Example: npx hardhat coop federation propose unfreeze --coop TOOL --network localhost",
  )
    .addOption(COOP)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-unfreeze.js"))
    .build(),

  task(
    ["coop", "federation", "propose", "retire"],
    "Propose retiring a cooperative (not in debt). Example: npx hardhat coop federation propose retire --coop TOOL --network localhost",
  )
    .addOption(COOP)
    .addOption(FROM)
    .setAction(() => import("./federation-propose-retire.js"))
    .build(),

  task(
    ["coop", "federation", "propose", "settlement"],
    "Propose the asset and rate at which a cooperative in debt may settle with reserve. Example: npx hardhat coop federation propose settlement --rate 1000 --network localhost",
  )
    .addOption(
      required(
        "rate",
        "Federation hours per whole unit of the asset, e.g. 1000 (0 closes settlement)",
      ),
    )
    .addOption(option("asset", "The reserve token's address; RBTC when omitted"))
    .addOption(FROM)
    .setAction(() => import("./federation-propose-settlement.js"))
    .build(),

  task(
    ["coop", "federation", "settle"],
    "Propose to your cooperative's own governance paying reserve to settle its federation debit. Example: npx hardhat coop federation settle --coop BAKE --reserve 0.15 --network localhost",
  )
    .addOption(COOP)
    .addOption(
      required(
        "reserve",
        "Reserve to pay, in RBTC or the reserve token, split pro rata among the creditors",
      ),
    )
    .addOption(FROM)
    .setAction(() => import("./federation-settle.js"))
    .build(),

  task(
    ["coop", "federation", "vote"],
    "Cast your cooperative's federation vote (as its liaison). Example: npx hardhat coop federation vote --proposal p3f9a01c2 --support for --network localhost",
  )
    .addOption(PROPOSAL)
    .addOption(required("support", "for, against or abstain"))
    .addOption(FROM)
    .setAction(() => import("./federation-vote.js"))
    .build(),

  task(
    ["coop", "federation", "queue"],
    "Queue a succeeded federation proposal. Example: npx hardhat coop federation queue --proposal p3f9a01c2 --network localhost",
  )
    .addOption(PROPOSAL)
    .addOption(FROM)
    .setAction(() => import("./federation-queue.js"))
    .build(),

  task(
    ["coop", "federation", "execute"],
    "Execute a queued federation proposal. Example: npx hardhat coop federation execute --proposal p3f9a01c2 --network localhost",
  )
    .addOption(PROPOSAL)
    .addOption(FROM)
    .setAction(() => import("./federation-execute.js"))
    .build(),
];
