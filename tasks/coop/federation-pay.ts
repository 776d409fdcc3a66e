import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAddress, parseAmount, parsePercent, required } from "../../lib/cli/parse.js";
import { paidLine, pay, resolveCoop } from "../../lib/coop/federation.js";
import { openFederationSession } from "../../lib/coop/federation-session.js";

interface Args {
  fromCoop: string | undefined;
  toCoop: string | undefined;
  to: string | undefined;
  hours: string | undefined;
  slippage: string;
  from: string | undefined;
}

export default async function federationPay(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const recipient = parseAddress(args.to, "--to");
    const amount = parseAmount(args.hours, "--hours");
    const slippageBps = parsePercent(args.slippage, "--slippage", 50);
    const fromCoop = required(args.fromCoop, "--from-coop");
    const toCoop = required(args.toCoop, "--to-coop");
    const fed = await openFederationSession(hre, args.from);
    const from = resolveCoop(fed, fromCoop, "--from-coop");
    const to = resolveCoop(fed, toCoop, "--to-coop");
    console.log(paidLine(fed, await pay(fed, { from, to, recipient, amount, slippageBps })));
  });
}
