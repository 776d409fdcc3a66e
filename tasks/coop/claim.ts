import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CLAIM_CATEGORIES } from "../../lib/claims.js";
import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parseChoice, required, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { submitClaim } from "../../lib/coop/claims.js";
import { claimSubmitted } from "../../lib/coop/report.js";

interface Args {
  hours: OptionText;
  category: OptionText;
  evidence: OptionText;
  from: OptionText;
}

export default async function claim(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const amount = parseAmount(args.hours, "--hours");
    const category = parseChoice(args.category, "--category", CLAIM_CATEGORIES);
    const evidence = required(args.evidence, "--evidence");
    const coop = await openSession(hre, args.from);
    const submitted = await submitClaim(coop, { amount, category, evidence });
    console.log(claimSubmitted(submitted, amount, CLAIM_CATEGORIES[category].toLowerCase()));
  });
}
