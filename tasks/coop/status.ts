import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAddress, parseCount } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import { proposalStatus, resolveProposal } from "../../lib/coop/governance.js";
import { accountLines, coopLines, proposalLines } from "../../lib/coop/report.js";
import { accountStatus, coopStatus, proposalsStatus } from "../../lib/coop/status.js";
import { chainNow } from "../../lib/coop/time.js";

interface Args {
  account: string;
  proposal: string;
  proposals: string;
  from: string;
}

export default async function status(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const account = args.account === "" ? undefined : parseAddress(args.account, "--account");
    const limit = parseCount(args.proposals, "--proposals", 0, 50);
    const coop = await openSession(hre, args.from);
    const now = await chainNow(coop);
    if (args.proposal !== "") {
      const only = await resolveProposal(coop, args.proposal);
      for (const line of proposalLines(await proposalStatus(coop, only), now)) console.log(line);
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
