import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAddress, parseAmount, required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { propose, revocationProposal } from "../../lib/coop/governance.js";
import { proposed } from "../../lib/coop/report.js";
import { chainNow } from "../../lib/coop/time.js";

interface Args {
  account: OptionText;
  hours: OptionText;
  reason: OptionText;
  from: OptionText;
}

export default async function proposeRevoke(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const account = parseAddress(args.account, "--account");
    const amount = parseAmount(args.hours, "--hours");
    const reason = required(args.reason, "--reason");
    const coop = await openSession(hre, args.from);
    const result = await propose(coop, await revocationProposal(coop, { account, amount, reason }));
    for (const line of proposed(result, await chainNow(coop))) console.log(line);
  });
}
