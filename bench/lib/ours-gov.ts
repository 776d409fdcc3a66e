/** Our governance: the cooperative deployed by its Ignition module (`deploy/modules/Cooperative.ts`)
 * as a user deploys it, the treasury added as governance would add it, and the proposals that the
 * governance rows measure. */
import type { Signer } from "ethers";
import { ZeroAddress } from "ethers";

import { type ClaimSummary, approveClaimsProposal } from "../../lib/proposals.js";
import type {
  CareReputation,
  ContributionRegistry,
  CoopTimelock,
  HolisticGovernor,
  RedemptionTreasury,
  WorkHours,
} from "../../typechain-types/index.js";

import type { Chain, Measured } from "./chain.js";
import { progress } from "./chain.js";
import {
  Claim,
  type ClaimSpec,
  Coop,
  HOLD_PERIOD,
  MAX_FEE,
  MIN_FEE,
  RATE,
  castOf,
} from "./ours-coop.js";
import { type Governance, type Proposal, ProposalRun } from "./scenarios.js";
import { BLOCK_GAS_LIMIT } from "./targets.js";

export interface OurGovernance extends Governance {
  governor: HolisticGovernor;
  timelock: CoopTimelock;
}

/** Runs the `Cooperative` module, records every contract it created with its deployment gas and
 * the module's whole gas, then adds the RBTC treasury (deployed with the timelock as admin, its
 * token roles granted by the timelock). The deployer holds no role afterwards; the set-up acts
 * as the timelock through impersonation, which is what an executed proposal does. */
export async function deployCoopByModule(
  chain: Chain,
  withTreasury: boolean,
): Promise<{ coop: Coop; governance: OurGovernance }> {
  progress("ours: the Cooperative Ignition module");
  const { default: cooperativeModule } = await import("../../deploy/modules/Cooperative.js");
  const provider = chain.ethers.provider;
  const from = await provider.getBlockNumber();
  const deployed = await chain.connection.ignition.deploy(cooperativeModule, { displayUi: false });
  const to = await provider.getBlockNumber();

  const names = new Map<string, string>();
  for (const [key, name] of [
    ["work", "WorkHours"],
    ["care", "CareReputation"],
    ["registry", "ContributionRegistry"],
    ["timelock", "CoopTimelock"],
    ["governor", "HolisticGovernor"],
  ] as const) {
    names.set((await deployed[key].getAddress()).toLowerCase(), name);
  }
  let total = 0;
  let transactions = 0;
  for (let n = from + 1; n <= to; n++) {
    const block = await provider.getBlock(n);
    for (const hash of block?.transactions ?? []) {
      const receipt = await provider.getTransactionReceipt(hash);
      if (receipt === null) continue;
      total += Number(receipt.gasUsed);
      transactions += 1;
      const name = receipt.contractAddress && names.get(receipt.contractAddress.toLowerCase());
      if (name) {
        await chain.recordDeployment(
          "ours",
          name,
          receipt.contractAddress ?? "",
          Number(receipt.gasUsed),
        );
      }
    }
  }
  chain.recorder.record("deploy.cooperative", "ours", total);
  progress(`ours: the module sent ${transactions} transactions, ${total} gas`);

  const work = deployed.work as unknown as WorkHours;
  const care = deployed.care as unknown as CareReputation;
  const registry = deployed.registry as unknown as ContributionRegistry;
  const timelock = deployed.timelock as unknown as CoopTimelock;
  const governor = deployed.governor as unknown as HolisticGovernor;
  const timelockAddress = await timelock.getAddress();
  await chain.helpers.impersonateAccount(timelockAddress);
  await chain.helpers.setBalance(timelockAddress, 10n ** 20n);
  const asTimelock = await chain.ethers.getSigner(timelockAddress);

  let treasury: RedemptionTreasury | null = null;
  if (withTreasury) {
    treasury = await chain.deploy<RedemptionTreasury>("ours", "RedemptionTreasury", [
      await work.getAddress(),
      ZeroAddress,
      timelockAddress,
      RATE,
      MAX_FEE,
      MIN_FEE,
      HOLD_PERIOD,
    ]);
    const address = await treasury.getAddress();
    await chain.send(work.connect(asTimelock).grantRole(await work.CAPITAL_ROLE(), address));
    await chain.send(work.connect(asTimelock).grantRole(await work.REDEEMER_ROLE(), address));
  }
  const coop = new Coop(chain, work, care, registry, treasury, await castOf(chain), asTimelock);
  const governance: OurGovernance = {
    governor,
    timelock,
    as: (signer: Signer) => governor.connect(signer),
    timelockDelay: Number(await timelock.getMinDelay()),
  };
  return { coop, governance };
}

/** The approval proposal of `ids`, as the CLI builds it (lib/proposals.ts). */
export async function approvalProposal(
  coop: Coop,
  claims: readonly ClaimSpec[],
  ids: readonly bigint[],
): Promise<Proposal> {
  const summaries: ClaimSummary[] = [];
  for (let i = 0; i < ids.length; i++) {
    summaries.push({
      id: ids[i],
      claimant: await claims[i].member.getAddress(),
      amount: claims[i].amount,
      category: claims[i].category,
    });
  }
  return approveClaimsProposal(await coop.registry.getAddress(), summaries, {
    proposer: coop.cast.proposer.address,
  });
}

/** Proposes, passes (the filler's vote carries it) and executes `proposal`, measuring each step. */
export async function passProposal(
  chain: Chain,
  coop: Coop,
  governance: OurGovernance,
  proposal: Proposal,
): Promise<{ propose: Measured; queue: Measured; execute: Measured }> {
  const run = new ProposalRun(chain, governance, proposal);
  const propose = await run.propose(coop.cast.proposer);
  await run.vote(coop.cast.filler);
  const queue = await run.queue(coop.cast.proposer);
  const execute = await run.execute(coop.cast.proposer, BLOCK_GAS_LIMIT);
  return { propose, queue, execute };
}

/** Passes a proposal approving `ids` and tries its execution with the whole block gas limit:
 * the execution's `gasUsed`, or null when it does not fit a block. The chain is restored. */
export async function tryApprovalByGovernance(
  chain: Chain,
  coop: Coop,
  governance: OurGovernance,
  claims: readonly ClaimSpec[],
  ids: readonly bigint[],
): Promise<number | null> {
  const snapshot = await chain.helpers.takeSnapshot();
  try {
    const run = new ProposalRun(chain, governance, await approvalProposal(coop, claims, ids));
    await run.propose(coop.cast.proposer);
    await run.vote(coop.cast.filler);
    await run.queue(coop.cast.proposer);
    return await run.tryExecute(coop.cast.proposer, BLOCK_GAS_LIMIT);
  } finally {
    await snapshot.restore();
  }
}

/** Hours per claim of the filler's weight, and how many such claims make the filler outweigh
 * the quorum of a 1,000-member cooperative: the measured votes must not carry a proposal on
 * their own, and the filler's weight changes no measured figure. */
export const FILLER_CLAIM = 160n * 10n ** 18n;
export const FILLER_CLAIMS = 200;

export function fillerClaims(coop: Coop): ClaimSpec[] {
  return Array.from({ length: FILLER_CLAIMS }, () => ({
    member: coop.cast.filler,
    category: Claim.Commons,
    amount: FILLER_CLAIM,
  }));
}
