import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseIds } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { executeProposal } from "../../lib/coop/governance.js";
import { gas } from "../../lib/coop/report.js";

interface Args {
  proposal: string;
  from: string;
}

export default async function execute(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const [id] = parseIds(args.proposal, "--proposal");
    const coop = await openSession(hre, args.from);
    const result = await executeProposal(coop, id);
    console.log(`proposal ${id} executed (${gas(result)})`);
  });
}
