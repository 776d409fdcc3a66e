import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { hoursText } from "../../lib/claims.js";
import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { gas, money } from "../../lib/coop/report.js";
import { buy } from "../../lib/coop/treasury.js";

interface Args {
  hours: OptionText;
  from: OptionText;
}

export default async function buyCommand(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const amount = parseAmount(args.hours, "--hours");
    const coop = await openSession(hre, args.from);
    const result = await buy(coop, amount);
    console.log(
      `bought ${hoursText(amount)} for ${money(result.reserve, result.cost)} (${gas(result)})`,
    );
  });
}
