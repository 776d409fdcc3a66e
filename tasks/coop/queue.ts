import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { queueProposal, resolveProposal } from "../../lib/coop/governance.js";
import { gas } from "../../lib/coop/report.js";
import { chainNow, waitUntil, when } from "../../lib/coop/time.js";
import { proposalRef } from "../../lib/governance/refs.js";

interface Args {
  proposal: OptionText;
  wait: boolean;
  from: OptionText;
}

export default async function queue(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const wanted = required(args.proposal, "--proposal");
    const coop = await openSession(hre, args.from);
    const id = await resolveProposal(coop, wanted);
    const wait = args.wait
      ? (until: bigint, now: bigint) => waitUntil(coop, until, now, console.log)
      : undefined;
    const result = await queueProposal(coop, id, wait);
    const ref = proposalRef(id);
    console.log(
      `proposal ${ref} queued; executable from ${when(result.eta, await chainNow(coop))} (${gas(result)})`,
    );
    console.log(`  next: coop execute --proposal ${ref}`);
  });
}
