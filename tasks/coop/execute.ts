import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { executeProposal, resolveProposal } from "../../lib/coop/governance.js";
import { executed } from "../../lib/coop/report.js";
import { waitUntil } from "../../lib/coop/time.js";
import { proposalRef } from "../../lib/governance/refs.js";

interface Args {
  proposal: OptionText;
  wait: boolean;
  from: OptionText;
}

export default async function execute(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const ref = required(args.proposal, "--proposal");
    const coop = await openSession(hre, args.from);
    const id = await resolveProposal(coop, ref);
    const wait = args.wait
      ? (until: bigint, now: bigint) => waitUntil(coop, until, now, console.log)
      : undefined;
    const result = await executeProposal(coop, id, wait);
    for (const line of executed(result, proposalRef(id))) console.log(line);
  });
}
