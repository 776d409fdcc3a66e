import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CliError, runCommand } from "../../lib/cli/errors.js";
import {
  parseAmount,
  parseDuration,
  parsePercent,
  required,
  type OptionText,
} from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { propose } from "../../lib/coop/governance.js";
import { proposed } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";
import { chainNow } from "../../lib/coop/time.js";
import { formatPrice } from "../../lib/format/units.js";
import { bandProposal } from "../../lib/coop/treasury-proposals.js";
import { bandDepthWarnings } from "../../lib/coop/treasury.js";

interface Args {
  floor: OptionText;
  ceiling: OptionText;
  budget: OptionText;
  emission: OptionText;
  period: string;
  slippage: string;
  from: OptionText;
}

export default async function proposeBand(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    // the reserve's decimals are known only once connected: check the form first
    parseAmount(args.floor, "--floor");
    parseAmount(args.ceiling, "--ceiling");
    parseAmount(args.budget, "--budget");
    const emissionCap = parseAmount(args.emission, "--emission");
    const periodLength = parseDuration(args.period, "--period");
    const maxSlippage = parsePercent(args.slippage, "--slippage", 20);
    const coop = await openSession(hre, args.from);
    const reserve = await reserveOf(coop);
    const floor = parseAmount(args.floor, "--floor", reserve.decimals);
    const ceiling = parseAmount(args.ceiling, "--ceiling", reserve.decimals);
    if (floor >= ceiling) throw new CliError("--floor must be below --ceiling");
    const oracle = coop.addresses.oracle;
    if (oracle === undefined) throw new CliError("this deployment has no TWAP oracle for the pool");
    const buybackBudget = parseAmount(args.budget, "--budget", reserve.decimals);
    for (const warning of await bandDepthWarnings(coop, reserve, { buybackBudget, emissionCap }))
      console.error(`warning: ${warning}`);
    const proposal = bandProposal(
      coop.addresses.treasury,
      reserve,
      {
        oracle,
        router: coop.addresses.router,
        floor,
        ceiling,
        buybackBudget,
        emissionCap,
        periodLength,
        maxSlippage,
      },
      coop.signer.address,
    );
    const current = (await coop.treasury.band()).params;
    if (BigInt(current.oracle) !== 0n) {
      console.log(
        `warning: the band in force (${formatPrice(reserve, current.floor)} to ${formatPrice(reserve, current.ceiling)}) is replaced when this proposal executes`,
      );
    }
    const result = await propose(coop, proposal);
    for (const line of proposed(result, await chainNow(coop))) console.log(line);
  });
}
