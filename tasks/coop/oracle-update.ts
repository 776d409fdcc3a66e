import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { OptionText } from "../../lib/cli/parse.js";
import { CliError, runCommand } from "../../lib/cli/errors.js";
import { send } from "../../lib/cli/tx.js";
import { openSession } from "../../lib/cli/session.js";
import { explainError } from "../../lib/coop/explain.js";
import { gas } from "../../lib/coop/report.js";
import { chainNow, when } from "../../lib/coop/time.js";

interface Args {
  from: OptionText;
}

export default async function oracleUpdate(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const coop = await openSession(hre, args.from);
    const address = coop.addresses.oracle ?? (await coop.treasury.band()).params.oracle;
    if (address === undefined || BigInt(address) === 0n) {
      throw new CliError("this cooperative has no TWAP oracle");
    }
    const oracle = await coop.ethers.getContractAt("CoopTwapOracle", address, coop.signer);
    const interfaces = [...coop.interfaces, oracle.interface];
    // the dry run inside send refuses (in words) a pool without liquidity
    const result = await send("oracle update", oracle.update, [], interfaces, explainError);
    const updated = result.receipt.logs.some(
      (log) => oracle.interface.parseLog(log)?.name === "Observed",
    );
    const observedAt = await oracle.observedAt();
    console.log(
      updated
        ? `TWAP observation recorded at ${when(observedAt, await chainNow(coop))} (${gas(result)})`
        : `no new observation: the last, ${when(observedAt, await chainNow(coop))}, is within the window (${gas(result)})`,
    );
  });
}
