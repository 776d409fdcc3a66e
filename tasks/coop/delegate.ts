import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAddress, type OptionText } from "../../lib/cli/parse.js";
import { send } from "../../lib/cli/tx.js";
import { openSession } from "../../lib/cli/session.js";
import { explainError } from "../../lib/coop/explain.js";
import { gas } from "../../lib/coop/report.js";

interface Args {
  to: OptionText;
  from: OptionText;
}

export default async function delegate(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runCommand(async () => {
    const to = parseAddress(args.to, "--to");
    const coop = await openSession(hre, args.from);
    const result = await send("delegate", coop.work.delegate, [to], coop.interfaces, explainError);
    const self = to === coop.signer.address;
    console.log(
      self
        ? `${coop.signer.address} votes with its own work hours again (${gas(result)})`
        : `${coop.signer.address} delegated its work-hour votes to ${to}; care still votes with you (${gas(result)})`,
    );
  });
}
