import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseIds } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { queueProposal } from "../../lib/coop/governance.js";
import { gas } from "../../lib/coop/report.js";
import { chainNow, when } from "../../lib/coop/time.js";

interface Args {
  proposal: string;
  from: string;
}

export default async function queue(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const [id] = parseIds(args.proposal, "--proposal");
    const coop = await openSession(hre, args.from);
    const result = await queueProposal(coop, id);
    console.log(
      `proposal ${id} queued; executable from ${when(result.eta, await chainNow(coop))} (${gas(result)})`,
    );
  });
}
