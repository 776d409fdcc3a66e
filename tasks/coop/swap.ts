import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parseChoice, parsePercent, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { swap } from "../../lib/coop/market.js";
import { swapped } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";

interface Args {
  sell: OptionText;
  amount: OptionText;
  slippage: string;
  from: OptionText;
}

const SIDES = ["hours", "reserve"] as const;

export default async function swapCommand(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const sell = SIDES[parseChoice(args.sell, "--sell", SIDES)];
    parseAmount(args.amount, "--amount");
    const slippageBps = parsePercent(args.slippage, "--slippage", 50);
    const coop = await openSession(hre, args.from);
    const decimals = sell === "hours" ? 18 : (await reserveOf(coop)).decimals;
    const amount = parseAmount(args.amount, "--amount", decimals);
    console.log(swapped(await swap(coop, { sell, amount, slippageBps })));
  });
}
