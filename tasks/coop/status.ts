import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAddress, parseCount, given, type OptionText } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { proposalStatus, resolveProposal } from "../../lib/coop/governance.js";
import { accountLines, coopLines, proposalLines } from "../../lib/coop/report.js";
import { accountStatus, coopStatus, proposalsStatus } from "../../lib/coop/status.js";
import { chainNow } from "../../lib/coop/time.js";

interface Args {
  account: OptionText;
  proposal: OptionText;
  proposals: string;
  from: OptionText;
}

export default async function status(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const account =
      given(args.account) === undefined ? undefined : parseAddress(args.account, "--account");
    const only = given(args.proposal);
    const limit = parseCount(args.proposals, "--proposals", 0, 50);
    const coop = await openSession(hre, args.from);
    const now = await chainNow(coop);
    if (only !== undefined) {
      const id = await resolveProposal(coop, only);
      for (const line of proposalLines(await proposalStatus(coop, id), now)) console.log(line);
      return;
    }
    const lines = [
      ...accountLines(await accountStatus(coop, account ?? coop.signer.address), now),
      ...coopLines(await coopStatus(coop), now),
    ];
    const proposals = limit === 0 ? [] : await proposalsStatus(coop, limit);
    if (limit > 0) lines.push(proposals.length === 0 ? "proposals: none yet" : "proposals:");
    for (const p of proposals) lines.push(...proposalLines(p, now, false));
    for (const line of lines) console.log(line);
  });
}
