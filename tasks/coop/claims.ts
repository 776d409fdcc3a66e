import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import {
  parseAddress,
  parseChoice,
  parseCount,
  given,
  type OptionText,
} from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { CLAIM_STATUS_FILTERS, listClaims } from "../../lib/coop/claims.js";
import { claimLine } from "../../lib/coop/report.js";

interface Args {
  account: OptionText;
  status: OptionText;
  limit: string;
  from: OptionText;
}

export default async function claims(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const account =
      given(args.account) === undefined ? undefined : parseAddress(args.account, "--account");
    const status =
      given(args.status) === undefined
        ? undefined
        : CLAIM_STATUS_FILTERS[parseChoice(args.status, "--status", CLAIM_STATUS_FILTERS)];
    const limit = parseCount(args.limit, "--limit", 1, 500);
    const coop = await openSession(hre, args.from);
    const found = await listClaims(coop, { account, status, limit });
    if (found.length === 0) console.log("no claims");
    for (const claim of found) console.log(claimLine(claim));
  });
}
