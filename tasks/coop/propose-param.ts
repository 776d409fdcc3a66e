import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CliError, runCommand } from "../../lib/cli/errors.js";
import { parseAmount, parseDuration, parsePercent, required } from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import type { Coop } from "../../lib/coop/context.js";
import { parameterProposal, propose } from "../../lib/coop/governance.js";
import { proposed } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";
import { chainNow } from "../../lib/coop/time.js";
import { rateProposal } from "../../lib/coop/treasury-proposals.js";
import type { ParameterChange, Proposal } from "../../lib/proposals.js";

interface Args {
  name: string;
  value: string;
  from: string;
}

const NAMES = [
  "careWeight",
  "maxVoterShare",
  "quorum",
  "votingDelay",
  "votingPeriod",
  "lateQuorumExtension",
  "proposalThreshold",
  "claimCap",
  "rate",
] as const;

/** A governance parameter change, read from human units; checked before connecting. */
function governanceChange(name: string, value: string): ParameterChange | undefined {
  switch (name) {
    case "careWeight":
      return { kind: "careWeight", value: parseAmount(value, "--value", 4) };
    case "maxVoterShare":
      return { kind: "maxVoterShare", value: parsePercent(value, "--value") };
    case "quorum":
      return { kind: "quorumFraction", value: parsePercent(value, "--value") };
    case "votingDelay":
      return { kind: "votingDelay", seconds: parseDuration(value, "--value") };
    case "votingPeriod":
      return { kind: "votingPeriod", seconds: parseDuration(value, "--value") };
    case "lateQuorumExtension":
      return { kind: "lateQuorumExtension", seconds: parseDuration(value, "--value") };
    case "proposalThreshold":
      return { kind: "proposalThreshold", value: parseAmount(value, "--value") };
    case "claimCap":
      return { kind: "claimCap", value: parseAmount(value, "--value") };
    default:
      return undefined;
  }
}

async function build(coop: Coop, name: string, value: string): Promise<Proposal> {
  const change = governanceChange(name, value);
  if (change !== undefined) return parameterProposal(coop, [change]);
  const reserve = await reserveOf(coop);
  return rateProposal(
    coop.addresses.treasury,
    reserve,
    parseAmount(value, "--value", reserve.decimals),
    coop.signer.address,
  );
}

export default async function proposeParam(
  args: Args,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runCommand(async () => {
    const name = NAMES.find((n) => n.toLowerCase() === required(args.name, "--name").toLowerCase());
    if (name === undefined)
      throw new CliError(`--name must be one of ${NAMES.join(", ")}; got "${args.name}"`);
    required(args.value, "--value");
    if (name !== "rate") governanceChange(name, args.value);
    const coop = await openSession(hre, args.from);
    const result = await propose(coop, await build(coop, name, args.value));
    for (const line of proposed(result, await chainNow(coop))) console.log(line);
  });
}
