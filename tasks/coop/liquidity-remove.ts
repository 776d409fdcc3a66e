import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { formatHours } from "../../lib/claims.js";
import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parsePercent } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { removeLiquidity } from "../../lib/coop/market.js";
import { gas } from "../../lib/coop/report.js";

interface Args {
  shares: string;
  slippage: string;
  from: string;
}

export default async function liquidityRemove(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const shares = args.shares === "" ? undefined : parseAmount(args.shares, "--shares");
    const slippageBps = parsePercent(args.slippage, "--slippage", 50);
    const coop = await openSession(hre, args.from);
    const result = await removeLiquidity(coop, { shares, slippageBps });
    console.log(`removed ${formatHours(result.shares)} pool shares (${gas(result)})`);
  });
}
