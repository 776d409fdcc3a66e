/** The `coop federation propose …` actions: each builds one federation proposal and sends it
 * from a liaison. */
import { Contract, ZeroAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CliError, runCommand } from "../../lib/cli/errors.js";
import { given, parseAddress, parseAmount, required } from "../../lib/cli/parse.js";
import {
  type Federation,
  checkAdmission,
  checkFederationChange,
  proposeFederation,
  resolveCoop,
} from "../../lib/coop/federation.js";
import {
  type FederationLimits,
  admitProposal,
  indexProposal,
  limitsProposal,
  settlementRateProposal,
  statusProposal,
} from "../../lib/coop/federation-proposals.js";
import { openFederationSession } from "../../lib/coop/federation-session.js";
import { proposalRef } from "../../lib/governance/refs.js";
import type { Proposal } from "../../lib/proposals.js";
import { ProposalInputError } from "../../lib/proposals.js";

export interface LimitArgs {
  debit: string | undefined;
  surplus: string | undefined;
  outflow: string | undefined;
  inflow: string | undefined;
}

/** Hours, where zero is allowed (a limit of zero closes that direction). */
function parseLimit(text: string | undefined, name: string): bigint {
  return required(text, name) === "0" ? 0n : parseAmount(text, name);
}

export function parseLimits(args: LimitArgs): FederationLimits {
  return {
    debitLimit: parseLimit(args.debit, "--debit"),
    surplusCap: parseLimit(args.surplus, "--surplus"),
    outflowAllowance: parseLimit(args.outflow, "--outflow"),
    inflowAllowance: parseLimit(args.inflow, "--inflow"),
  };
}

/**
 * Parses the options (before connecting, so that a bad value is refused with nothing read or
 * sent), opens the federation, builds the proposal and sends it.
 */
export async function runProposal<T>(
  hre: HardhatRuntimeEnvironment,
  from: string | undefined,
  parse: () => T,
  build: (fed: Federation, input: T) => Proposal | Promise<Proposal>,
): Promise<void> {
  await runCommand(async () => {
    const input = parse();
    const fed = await openFederationSession(hre, from);
    let proposal: Proposal;
    try {
      proposal = await build(fed, input);
    } catch (error) {
      if (error instanceof ProposalInputError) throw new CliError(error.message);
      throw error;
    }
    const sent = await proposeFederation(fed, proposal);
    const ref = proposalRef(sent.proposalId);
    console.log(`Proposed to the federation: proposal ${ref} (transaction ${sent.hash})`);
    console.log(`  next: coop federation vote --proposal ${ref} --support for`);
  });
}

interface AdmitArgs extends LimitArgs {
  hours: string | undefined;
  timelock: string | undefined;
  treasury: string | undefined;
  index: string;
  name: string | undefined;
  from: string | undefined;
}

export default async function proposeAdmit(args: AdmitArgs, hre: HardhatRuntimeEnvironment) {
  await runProposal(
    hre,
    args.from,
    () => ({
      hours: parseAddress(args.hours, "--hours"),
      timelock: parseAddress(args.timelock, "--timelock"),
      treasury: parseAddress(args.treasury, "--treasury"),
      index: parseAmount(args.index, "--index"),
      limits: parseLimits(args),
    }),
    async (fed, candidate) => {
      await checkAdmission(fed, candidate.hours, candidate.treasury);
      return admitProposal(fed.addresses.union, candidate, fed.signer.address, given(args.name));
    },
  );
}

interface CoopArgs {
  coop: string | undefined;
  from: string | undefined;
}

export async function proposeLimits(args: CoopArgs & LimitArgs, hre: HardhatRuntimeEnvironment) {
  await runProposal(
    hre,
    args.from,
    () => ({ coop: required(args.coop, "--coop"), limits: parseLimits(args) }),
    (fed, { coop, limits }) =>
      limitsProposal(
        fed.addresses.union,
        resolveCoop(fed, coop, "--coop"),
        limits,
        fed.signer.address,
      ),
  );
}

export async function proposeIndex(
  args: CoopArgs & { index: string | undefined },
  hre: HardhatRuntimeEnvironment,
) {
  await runProposal(
    hre,
    args.from,
    () => ({
      coop: required(args.coop, "--coop"),
      index: parseAmount(required(args.index, "--index"), "--index"),
    }),
    async (fed, { coop, index }) => {
      const cooperative = resolveCoop(fed, coop, "--coop");
      await checkFederationChange(fed, cooperative, { index });
      return indexProposal(fed.addresses.union, cooperative, index, fed.signer.address);
    },
  );
}

export function proposeStatus(change: "freeze" | "unfreeze" | "retire") {
  return (args: CoopArgs, hre: HardhatRuntimeEnvironment) =>
    runProposal(
      hre,
      args.from,
      () => required(args.coop, "--coop"),
      async (fed, coop) => {
        const cooperative = resolveCoop(fed, coop, "--coop");
        if (change === "retire") await checkFederationChange(fed, cooperative, "retire");
        return statusProposal(fed.addresses.union, cooperative, change, fed.signer.address);
      },
    );
}

/** The decimals of the token at `asset`; a refusal when it has none (not a token). */
async function tokenDecimals(fed: Federation, asset: string): Promise<bigint> {
  const token = new Contract(asset, ["function decimals() view returns (uint8)"], fed.signer);
  try {
    return (await token.decimals()) as bigint;
  } catch {
    throw new CliError(`--asset ${asset} is not a token: it has no decimals()`);
  }
}

/** The federation's settlement asset (`--asset`, a token's address; RBTC when omitted) and rate
 * (`--rate`, federation hours per whole unit of it; 0 closes settlement). */
export async function proposeSettlementRate(
  args: { asset: string | undefined; rate: string | undefined; from: string | undefined },
  hre: HardhatRuntimeEnvironment,
) {
  await runProposal(
    hre,
    args.from,
    () => ({
      asset: given(args.asset) === undefined ? ZeroAddress : parseAddress(args.asset, "--asset"),
      rate: parseLimit(args.rate, "--rate"),
    }),
    async (fed, parsed) => {
      // the chain's rate is the value of 1e18 base units: scale one whole unit of a token to it
      const decimals = parsed.asset === ZeroAddress ? 18n : await tokenDecimals(fed, parsed.asset);
      const rate = (parsed.rate * 10n ** 18n) / 10n ** decimals;
      return settlementRateProposal(fed.addresses.union, parsed.asset, rate, fed.signer.address);
    },
  );
}
