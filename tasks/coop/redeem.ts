import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { WORK_CATEGORIES } from "../../lib/claims.js";
import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parseChoice, given, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { redeemed } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";
import { redeem } from "../../lib/coop/treasury.js";

interface Args {
  category: OptionText;
  hours: OptionText;
  minOut: OptionText;
  from: OptionText;
}

export default async function redeemCommand(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const category = parseChoice(args.category, "--category", WORK_CATEGORIES);
    const amount = parseAmount(args.hours, "--hours");
    if (given(args.minOut) !== undefined) parseAmount(args.minOut, "--min-out");
    const coop = await openSession(hre, args.from);
    const reserve = await reserveOf(coop);
    const minOut =
      given(args.minOut) === undefined
        ? undefined
        : parseAmount(args.minOut, "--min-out", reserve.decimals);
    const result = await redeem(coop, { category, amount, minOut });
    console.log(redeemed(result, amount, WORK_CATEGORIES[category].toLowerCase()));
  });
}
