import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { federationStatus, statusLines } from "../../lib/coop/federation.js";
import { openFederationSession } from "../../lib/coop/federation-session.js";

interface Args {
  from: string | undefined;
}

export default async function federationStatusCommand(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const fed = await openFederationSession(hre, args.from);
    for (const line of statusLines(await federationStatus(fed))) console.log(line);
  });
}
