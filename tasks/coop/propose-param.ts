import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CliError, runCommand } from "../../lib/cli/errors.js";
import {
  parseAddress,
  parseAmount,
  parseDuration,
  parsePercent,
  required,
  type OptionText,
} from "../../lib/cli/parse.js";
import { openSession } from "../../lib/cli/session.js";
import type { Coop } from "../../lib/coop/context.js";
import { parameterProposal, propose } from "../../lib/coop/governance.js";
import { proposed } from "../../lib/coop/report.js";
import { reserveOf } from "../../lib/coop/reserve.js";
import { chainNow } from "../../lib/coop/time.js";
import { feesProposal, rateProposal } from "../../lib/coop/treasury-proposals.js";
import type { ParameterChange, Proposal } from "../../lib/proposals.js";

interface Args {
  name: OptionText;
  value: OptionText;
  from: OptionText;
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
  "maxFee",
  "minFee",
  "holdPeriod",
  "nonVotingHolder",
  "votingHolder",
] as const;

/** `--value` of `nonVotingHolder` / `votingHolder`: "pool", "treasury" or a contract's address. */
function holderOf(coop: Coop, value: string): string {
  const named = value.trim().toLowerCase();
  if (named === "pool") {
    if (coop.addresses.pair === undefined)
      throw new CliError("this deployment has no pool: give the holder's address as --value");
    return coop.addresses.pair;
  }
  if (named === "treasury") return coop.addresses.treasury;
  return parseAddress(value, "--value");
}

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

/** The fee schedule with one of its three terms changed; the other two stay as they are. */
async function feeChange(coop: Coop, name: string, value: string) {
  const current = await coop.treasury.feeParameters();
  const fees = { maxFee: current.maxFee, minFee: current.minFee, holdPeriod: current.holdPeriod };
  if (name === "maxFee") fees.maxFee = parsePercent(value, "--value");
  if (name === "minFee") fees.minFee = parsePercent(value, "--value");
  if (name === "holdPeriod") fees.holdPeriod = parseDuration(value, "--value");
  return feesProposal(coop.addresses.treasury, fees, coop.signer.address);
}

async function build(coop: Coop, name: string, value: string): Promise<Proposal> {
  if (name === "nonVotingHolder" || name === "votingHolder") {
    const excluded = name === "nonVotingHolder";
    return parameterProposal(coop, [
      { kind: "nonVotingHolder", holder: holderOf(coop, value), excluded },
    ]);
  }
  const change = governanceChange(name, value);
  if (change !== undefined) return parameterProposal(coop, [change]);
  if (name === "maxFee" || name === "minFee" || name === "holdPeriod") {
    return feeChange(coop, name, value);
  }
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
    const value = required(args.value, "--value");
    if (name === "maxFee" || name === "minFee") parsePercent(value, "--value");
    else if (name === "holdPeriod") parseDuration(value, "--value");
    else if (name === "nonVotingHolder" || name === "votingHolder") {
      if (!/^(pool|treasury)$/i.test(value)) parseAddress(value, "--value");
    } else if (name === "rate") parseAmount(value, "--value");
    else governanceChange(name, value);
    const coop = await openSession(hre, args.from);
    const result = await propose(coop, await build(coop, name, value));
    for (const line of proposed(result, await chainNow(coop))) console.log(line);
  });
}
