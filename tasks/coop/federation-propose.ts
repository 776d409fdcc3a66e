/** The `coop federation propose …` actions: each builds one federation proposal and sends it
 * from a liaison. */
import { Contract, ZeroAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { CliError, runCommand } from "../../lib/cli/errors.js";
import { parseAddress, parseAmount, required } from "../../lib/cli/parse.js";
import { type Federation, proposeFederation, resolveCoop } from "../../lib/coop/federation.js";
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

/** Parses the options, opens the federation, builds the proposal and sends it. */
export async function runProposal(
  hre: HardhatRuntimeEnvironment,
  from: string | undefined,
  build: (fed: Federation) => Proposal | Promise<Proposal>,
): Promise<void> {
  await runCommand(async () => {
    const fed = await openFederationSession(hre, from);
    let proposal: Proposal;
    try {
      proposal = await build(fed);
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
  let parsed: {
    hours: string;
    timelock: string;
    treasury: string;
    index: bigint;
    limits: FederationLimits;
  };
  try {
    parsed = {
      hours: parseAddress(args.hours, "--hours"),
      timelock: parseAddress(args.timelock, "--timelock"),
      treasury: parseAddress(args.treasury, "--treasury"),
      index: parseAmount(args.index, "--index"),
      limits: parseLimits(args),
    };
  } catch (error) {
    await runCommand(() => Promise.reject(error));
    return;
  }
  await runProposal(hre, args.from, (fed) =>
    admitProposal(
      fed.addresses.union,
      parsed,
      fed.signer.address,
      args.name === "" ? undefined : args.name,
    ),
  );
}

interface CoopArgs {
  coop: string | undefined;
  from: string | undefined;
}

export async function proposeLimits(args: CoopArgs & LimitArgs, hre: HardhatRuntimeEnvironment) {
  let limits: FederationLimits;
  try {
    limits = parseLimits(args);
  } catch (error) {
    await runCommand(() => Promise.reject(error));
    return;
  }
  await runProposal(hre, args.from, (fed) =>
    limitsProposal(
      fed.addresses.union,
      resolveCoop(fed, args.coop, "--coop"),
      limits,
      fed.signer.address,
    ),
  );
}

export async function proposeIndex(
  args: CoopArgs & { index: string | undefined },
  hre: HardhatRuntimeEnvironment,
) {
  let index: bigint;
  try {
    index = parseAmount(required(args.index, "--index"), "--index");
  } catch (error) {
    await runCommand(() => Promise.reject(error));
    return;
  }
  await runProposal(hre, args.from, (fed) =>
    indexProposal(
      fed.addresses.union,
      resolveCoop(fed, args.coop, "--coop"),
      index,
      fed.signer.address,
    ),
  );
}

export function proposeStatus(change: "freeze" | "unfreeze" | "retire") {
  return (args: CoopArgs, hre: HardhatRuntimeEnvironment) =>
    runProposal(hre, args.from, (fed) =>
      statusProposal(
        fed.addresses.union,
        resolveCoop(fed, args.coop, "--coop"),
        change,
        fed.signer.address,
      ),
    );
}

/** The federation's settlement asset (`--asset`, a token's address; RBTC when empty) and rate
 * (`--rate`, federation hours per whole unit of it; 0 closes settlement). */
export async function proposeSettlementRate(
  args: { asset: string | undefined; rate: string | undefined; from: string | undefined },
  hre: HardhatRuntimeEnvironment,
) {
  let parsed: { asset: string; rate: bigint };
  try {
    parsed = {
      asset: (args.asset ?? "").trim() === "" ? ZeroAddress : parseAddress(args.asset, "--asset"),
      rate: parseLimit(args.rate, "--rate"),
    };
  } catch (error) {
    await runCommand(() => Promise.reject(error));
    return;
  }
  await runProposal(hre, args.from, async (fed) => {
    // the chain's rate is the value of 1e18 base units: scale one whole unit of a token to it
    const decimals =
      parsed.asset === ZeroAddress
        ? 18n
        : ((await new Contract(
            parsed.asset,
            ["function decimals() view returns (uint8)"],
            fed.signer,
          ).decimals()) as bigint);
    const rate = (parsed.rate * 10n ** 18n) / 10n ** decimals;
    return settlementRateProposal(fed.addresses.union, parsed.asset, rate, fed.signer.address);
  });
}
