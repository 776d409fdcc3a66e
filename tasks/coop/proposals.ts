import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseCount, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { proposalLines } from "../../lib/coop/report.js";
import { proposalsStatus } from "../../lib/coop/status.js";
import { chainNow } from "../../lib/coop/time.js";

interface Args {
  limit: string;
  from: OptionText;
}

export default async function proposals(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const limit = parseCount(args.limit, "--limit", 1, 100);
    const coop = await openSession(hre, args.from);
    const [found, now] = await Promise.all([proposalsStatus(coop, limit), chainNow(coop)]);
    if (found.length === 0) console.log("no proposals yet");
    for (const p of found) for (const line of proposalLines(p, now)) console.log(line);
  });
}
