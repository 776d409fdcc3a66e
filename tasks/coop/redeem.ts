import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { WORK_CATEGORIES } from "../../lib/claims.js";
import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parseChoice } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { redeemed } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";
import { redeem } from "../../lib/coop/treasury.js";

interface Args {
  category: string;
  hours: string;
  minOut: string;
  from: string;
}

export default async function redeemCommand(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const category = parseChoice(args.category, "--category", WORK_CATEGORIES);
    const amount = parseAmount(args.hours, "--hours");
    if (args.minOut !== "") parseAmount(args.minOut, "--min-out");
    const coop = await openSession(hre, args.from);
    const reserve = await reserveOf(coop);
    const minOut =
      args.minOut === "" ? undefined : parseAmount(args.minOut, "--min-out", reserve.decimals);
    const result = await redeem(coop, { category, amount, minOut });
    console.log(redeemed(result, amount, WORK_CATEGORIES[category].toLowerCase()));
  });
}
