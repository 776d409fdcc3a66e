import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseIds, required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { propose, rejectionProposal } from "../../lib/coop/governance.js";
import { proposed } from "../../lib/coop/report.js";
import { chainNow } from "../../lib/coop/time.js";

interface Args {
  claims: OptionText;
  reason: OptionText;
  from: OptionText;
}

export default async function proposeReject(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const ids = parseIds(args.claims, "--claims");
    const reason = required(args.reason, "--reason");
    const coop = await openSession(hre, args.from);
    const result = await propose(coop, await rejectionProposal(coop, ids, reason));
    for (const line of proposed(result, await chainNow(coop))) console.log(line);
  });
}
