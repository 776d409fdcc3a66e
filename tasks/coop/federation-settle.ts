import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseAmount, required } from "../../lib/cli/parse.js";
import { resolveCoop } from "../../lib/coop/federation.js";
import { openFederationSession } from "../../lib/coop/federation-session.js";
import { proposeSettlement, settlementTerms } from "../../lib/coop/federation-settlement.js";
import { formatReserve } from "../../lib/format/units.js";
import { formatHours } from "../../lib/proposals.js";

interface Args {
  coop: string | undefined;
  reserve: string | undefined;
  from: string | undefined;
}

export default async function federationSettle(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const coop = required(args.coop, "--coop");
    const reserve = required(args.reserve, "--reserve");
    const fed = await openFederationSession(hre, args.from);
    const cooperative = resolveCoop(fed, coop, "--coop");
    const { asset, rate } = await settlementTerms(fed);
    const amount = parseAmount(reserve, "--reserve", asset.decimals);
    const sent = await proposeSettlement(fed, cooperative, amount, asset, rate);
    const symbol = (hours: string) =>
      fed.addresses.coops.find((c) => c.hours === hours)?.symbol ?? hours;
    console.log(
      `Proposed to the cooperative's own governance: proposal ${sent.ref}, settling ${formatReserve(asset, amount)} (transaction ${sent.hash})`,
    );
    for (const part of sent.parts)
      console.log(
        `  ${formatReserve(asset, part.amount)} to ${symbol(part.creditor)}'s treasury, worth ${formatHours(part.value)} hours`,
      );
    console.log(`  next: its members vote on ${sent.ref} with coop vote`);
  });
}
