import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parseCount, required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { propose } from "../../lib/coop/governance.js";
import { proposed } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";
import { chainNow, when } from "../../lib/coop/time.js";
import { hoursText } from "../../lib/format/units.js";
import { saleProposal } from "../../lib/coop/treasury-proposals.js";

interface Args {
  price: OptionText;
  cap: OptionText;
  accountCap: OptionText;
  days: string;
  from: OptionText;
}

export default async function proposeSale(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    required(args.price, "--price");
    const cap = parseAmount(args.cap, "--cap");
    const accountCap = parseAmount(args.accountCap, "--account-cap");
    const days = BigInt(parseCount(args.days, "--days", 1, 365));
    const coop = await openSession(hre, args.from);
    const reserve = await reserveOf(coop);
    const price = parseAmount(args.price, "--price", reserve.decimals);
    // The sale opens when the proposal can first execute: after the vote and the timelock delay.
    const [delay, period, minDelay, now] = await Promise.all([
      coop.governor.votingDelay(),
      coop.governor.votingPeriod(),
      coop.timelock.getMinDelay(),
      chainNow(coop),
    ]);
    const start = now + delay + period + minDelay;
    const proposal = saleProposal(
      coop.addresses.treasury,
      reserve,
      {
        price,
        cap,
        accountCap,
        start,
        end: start + days * 86_400n,
      },
      coop.signer.address,
    );
    const running = await coop.treasury.sale();
    if (running.active && running.end > now) {
      console.log(
        `warning: sale ${running.id} is open until ${when(running.end, now)} with ${hoursText(running.cap - running.sold)} left; this proposal replaces it when executed`,
      );
    }
    const result = await propose(coop, proposal);
    for (const line of proposed(result, now)) console.log(line);
  });
}
