import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { gas, money } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";
import { fund } from "../../lib/coop/treasury.js";

interface Args {
  amount: OptionText;
  from: OptionText;
}

export default async function fundCommand(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    parseAmount(required(args.amount, "--amount"), "--amount");
    const coop = await openSession(hre, args.from);
    const reserve = await reserveOf(coop);
    const result = await fund(coop, parseAmount(args.amount, "--amount", reserve.decimals));
    console.log(
      `deposited ${money(reserve, result.subsistence + result.commons)}: subsistence pool +${money(reserve, result.subsistence)}, commons pool +${money(reserve, result.commons)} (${gas(result)})`,
    );
  });
}
