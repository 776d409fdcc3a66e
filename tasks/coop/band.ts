import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { hoursText } from "../../lib/claims.js";
import { runCommand } from "../../lib/cli/errors.js";
import { parseChoice, given, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { coopLines, gas, money } from "../../lib/coop/report.js";
import { coopStatus } from "../../lib/coop/status.js";
import { chainNow } from "../../lib/coop/time.js";
import { defendBand } from "../../lib/coop/treasury.js";

interface Args {
  defend: OptionText;
  from: OptionText;
}

const SIDES = ["floor", "ceiling"] as const;

export default async function band(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const side =
      given(args.defend) === undefined
        ? undefined
        : SIDES[parseChoice(args.defend, "--defend", SIDES)];
    const coop = await openSession(hre, args.from);
    if (side === undefined) {
      const lines = coopLines(await coopStatus(coop), await chainNow(coop));
      for (const line of lines.filter((l) => /band|pool price|pool:/.test(l))) console.log(line);
      return;
    }
    const result = await defendBand(coop, side);
    const [a, b] = result.amounts;
    console.log(
      side === "floor"
        ? `floor defended: spent ${money(result.reserve, a)} buying back ${hoursText(b)}, burned (${gas(result)})`
        : `ceiling defended: minted ${hoursText(a)} and sold them for ${money(result.reserve, b)} (${gas(result)})`,
    );
  });
}
