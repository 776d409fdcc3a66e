import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseChoice, parseIds } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { castVote, SUPPORT } from "../../lib/coop/governance.js";
import { voted } from "../../lib/coop/report.js";

interface Args {
  proposal: string;
  support: string;
  reason: string;
  from: string;
}

export default async function vote(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const [proposalId] = parseIds(args.proposal, "--proposal");
    const support = parseChoice(args.support, "--support", SUPPORT);
    const coop = await openSession(hre, args.from);
    const result = await castVote(coop, { proposalId, support, reason: args.reason });
    console.log(voted(result, SUPPORT[support], coop.signer.address));
  });
}
