import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CliError, runCommand } from "../../lib/cli/errors.js";
import { parseIds, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { withdrawClaim } from "../../lib/coop/claims.js";
import { gas } from "../../lib/coop/report.js";

interface Args {
  claim: OptionText;
  from: OptionText;
}

export default async function withdraw(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const ids = parseIds(args.claim, "--claim");
    if (ids.length !== 1) throw new CliError(`--claim takes one claim number; got "${args.claim}"`);
    const [id] = ids;
    const coop = await openSession(hre, args.from);
    const result = await withdrawClaim(coop, id);
    console.log(`claim ${id} withdrawn (${gas(result)})`);
  });
}
