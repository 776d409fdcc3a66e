import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseIds } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { withdrawClaim } from "../../lib/coop/claims.js";
import { gas } from "../../lib/coop/report.js";

interface Args {
  claim: string;
  from: string;
}

export default async function withdraw(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const [id] = parseIds(args.claim, "--claim");
    const coop = await openSession(hre, args.from);
    const result = await withdrawClaim(coop, id);
    console.log(`claim ${id} withdrawn (${gas(result)})`);
  });
}
