import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { formatHours, hoursText } from "../../lib/claims.js";
import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parsePercent, given, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { removeLiquidity } from "../../lib/coop/market.js";
import { gas, money } from "../../lib/coop/report.js";

interface Args {
  shares: OptionText;
  slippage: string;
  from: OptionText;
}

export default async function liquidityRemove(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const shares =
      given(args.shares) === undefined ? undefined : parseAmount(args.shares, "--shares");
    const slippageBps = parsePercent(args.slippage, "--slippage", 50);
    const coop = await openSession(hre, args.from);
    const result = await removeLiquidity(coop, { shares, slippageBps });
    const pair = await coop.ethers.getContractAt(
      "CoopPair",
      await coop.factory.getPair(coop.addresses.workHours, result.reserve.quoteToken),
    );
    const hoursFirst =
      (await pair.token0()).toLowerCase() === coop.addresses.workHours.toLowerCase();
    const burn = result.receipt.logs
      .filter((log) => log.address.toLowerCase() === (pair.target as string).toLowerCase())
      .map((log) => pair.interface.parseLog(log))
      .find((parsed) => parsed?.name === "Burned");
    const got =
      burn === undefined || burn === null
        ? ""
        : ` for ${hoursText(burn.args[hoursFirst ? 1 : 2] as bigint)} and ${money(result.reserve, burn.args[hoursFirst ? 2 : 1] as bigint)}`;
    console.log(`removed ${formatHours(result.shares)} pool shares${got} (${gas(result)})`);
  });
}
