import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseIds, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { approvalProposal, propose } from "../../lib/coop/governance.js";
import { proposed } from "../../lib/coop/report.js";
import { chainNow } from "../../lib/coop/time.js";
import { ensureApprovalFitsBlock } from "../../lib/rsk/approval-fit.js";

interface Args {
  claims: OptionText;
  from: OptionText;
}

export default async function proposeApprove(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const ids = parseIds(args.claims, "--claims");
    const coop = await openSession(hre, args.from);
    await ensureApprovalFitsBlock(coop, ids);
    const result = await propose(coop, await approvalProposal(coop, ids));
    for (const line of proposed(result, await chainNow(coop))) console.log(line);
  });
}
