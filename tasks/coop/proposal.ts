import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { proposalStatus, resolveProposal } from "../../lib/coop/governance.js";
import { proposalLines } from "../../lib/coop/report.js";
import { chainNow } from "../../lib/coop/time.js";

interface Args {
  ref: string;
  from: OptionText;
}

export default async function proposal(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    required(args.ref, "the proposal reference");
    const coop = await openSession(hre, args.from);
    const id = await resolveProposal(coop, args.ref);
    const [status, now] = await Promise.all([proposalStatus(coop, id), chainNow(coop)]);
    for (const line of proposalLines(status, now)) console.log(line);
    console.log("");
    console.log(status.description.replace(/\n*#proposer=0x[0-9a-fA-F]{40}\s*$/, ""));
  });
}
