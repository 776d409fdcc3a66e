import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parsePercent, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { addLiquidity } from "../../lib/coop/market.js";
import { liquidityAdded } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";

interface Args {
  hours: OptionText;
  amount: OptionText;
  slippage: string;
  from: OptionText;
}

export default async function liquidityAdd(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const hours = parseAmount(args.hours, "--hours");
    parseAmount(args.amount, "--amount");
    const slippageBps = parsePercent(args.slippage, "--slippage", 50);
    const coop = await openSession(hre, args.from);
    const reserve = await reserveOf(coop);
    const reserveAmount = parseAmount(args.amount, "--amount", reserve.decimals);
    console.log(liquidityAdded(await addLiquidity(coop, { hours, reserveAmount, slippageBps })));
  });
}
