import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseChoice, required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { castVote, resolveProposal, SUPPORT } from "../../lib/coop/governance.js";
import { voted } from "../../lib/coop/report.js";
import { waitUntil } from "../../lib/coop/time.js";
import { proposalRef } from "../../lib/governance/refs.js";

interface Args {
  proposal: OptionText;
  support: OptionText;
  reason: OptionText;
  wait: boolean;
  from: OptionText;
}

export default async function vote(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const ref = required(args.proposal, "--proposal");
    const support = parseChoice(args.support, "--support", SUPPORT);
    const coop = await openSession(hre, args.from);
    const proposalId = await resolveProposal(coop, ref);
    const result = await castVote(coop, {
      proposalId,
      support,
      reason: args.reason,
      wait: args.wait ? (until, now) => waitUntil(coop, until, now, console.log) : undefined,
    });
    console.log(voted(result, SUPPORT[support], coop.signer.address, proposalRef(proposalId)));
  });
}
