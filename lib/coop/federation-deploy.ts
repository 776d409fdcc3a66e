/**
 * A local federation of cooperatives in one call: the federation (Ignition module `Federation`),
 * several cooperatives (module `Cooperative`, each with its founder), each cooperative's own vote
 * to join, the federation's genesis admission of the founders through its timelock, the
 * deployer's renunciation, and each cooperative's vote appointing its founder as liaison.
 *
 * Proposals pass by moving the clock (`evm_increaseTime`), so this runs on the in-process network
 * or a local node only; on RSK the same steps are the CLI's proposals, voted at human pace.
 */
import { rm } from "node:fs/promises";
import path from "node:path";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { DeploymentParameters } from "@nomicfoundation/ignition-core";
import { ZeroHash, id } from "ethers";
import type { DefaultChainType, NetworkConnection } from "hardhat/types/network";

import CooperativeModule from "../../deploy/modules/Cooperative.js";
import { deploymentsDir } from "../cli/deployment.js";
import FederationModule from "../../deploy/modules/Federation.js";
import {
  ClearingUnion__factory,
  CoopPairFactory__factory,
  CoopRouter__factory,
  CoopTimelock__factory,
  FederationVotes__factory,
  HolisticGovernor__factory,
  RedemptionTreasury__factory,
  WorkHours__factory,
  type ClearingUnion,
  type CoopPairFactory,
  type CoopRouter,
  type CoopTimelock,
  type FederationVotes,
  type HolisticGovernor,
  type RedemptionTreasury,
  type WorkHours,
} from "../../typechain-types/index.js";
import { type Proposal, Support, executionArgs, proposalId, proposeArgs } from "../proposals.js";
import {
  type Candidate,
  type FederationLimits,
  INDEX_ONE,
  admitAction,
  appointLiaisonProposal,
  joinProposal,
} from "./federation-proposals.js";

type Connection = NetworkConnection<DefaultChainType>;

const HOUR = 10n ** 18n;
const DAY = 86_400n;

/** Short governance times for a local federation (seconds). */
export const LOCAL_GOVERNANCE = {
  timelockMinDelay: 3_600n,
  votingDelay: 600n,
  votingPeriod: 3_600n,
  lateQuorumExtension: 600n,
  queueGracePeriod: 7n * DAY,
} as const;

/** Default limits of a founding cooperative: 100 hours each way, 80 hours a period. */
export const LOCAL_LIMITS: FederationLimits = {
  debitLimit: 100n * HOUR,
  outflowAllowance: 80n * HOUR,
  surplusCap: 100n * HOUR,
  inflowAllowance: 80n * HOUR,
};

/** One cooperative of the federation, bound to the deployer. */
export interface FederatedCoop {
  name: string;
  symbol: string;
  founder: HardhatEthersSigner;
  work: WorkHours;
  timelock: CoopTimelock;
  governor: HolisticGovernor;
  treasury: RedemptionTreasury;
  hours: string;
}

/** The federation's contracts and its cooperatives. */
export interface LocalFederation {
  union: ClearingUnion;
  votes: FederationVotes;
  governor: HolisticGovernor;
  timelock: CoopTimelock;
  factory: CoopPairFactory;
  router: CoopRouter;
  coops: FederatedCoop[];
  deployer: HardhatEthersSigner;
}

/** Runs proposals on several governors side by side, each carried by its voters. */
export async function passTogether(
  connection: Connection,
  items: { governor: HolisticGovernor; proposal: Proposal; voters: HardhatEthersSigner[] }[],
): Promise<void> {
  const { networkHelpers } = connection;
  const ids = items.map((i) => proposalId(i.proposal));
  for (const { governor, proposal, voters } of items)
    await (await governor.connect(voters[0]).propose(...proposeArgs(proposal))).wait();
  let latest = 0n;
  for (const [k, { governor }] of items.entries())
    latest = max(latest, await governor.proposalSnapshot(ids[k]));
  await networkHelpers.time.increaseTo(latest + 1n);
  for (const [k, { governor, voters }] of items.entries())
    for (const voter of voters)
      await (await governor.connect(voter).castVote(ids[k], Support.For)).wait();
  latest = 0n;
  for (const [k, { governor }] of items.entries())
    latest = max(latest, await governor.proposalDeadline(ids[k]));
  await networkHelpers.time.increaseTo(latest + 1n);
  for (const { governor, proposal } of items)
    await (await governor.queue(...executionArgs(proposal))).wait();
  latest = 0n;
  for (const [k, { governor }] of items.entries())
    latest = max(latest, await governor.proposalEta(ids[k]));
  await networkHelpers.time.increaseTo(latest);
  for (const { governor, proposal } of items)
    await (await governor.execute(...executionArgs(proposal))).wait();
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/**
 * The genesis of the federation: the deployer (the timelock's only proposer besides the
 * governor, from the module) schedules the founders' admission as one batch, waits the
 * timelock's delay, executes it, then renounces the timelock's proposer, canceller and admin
 * roles. Afterwards only the federation's governor can change the federation.
 */
export async function admitFounders(
  connection: Connection,
  timelock: CoopTimelock,
  union: string,
  founders: readonly Candidate[],
  deployer: HardhatEthersSigner,
): Promise<void> {
  const actions = founders.map((f) => admitAction(union, f));
  const targets = actions.map((a) => a.target);
  const values = actions.map(() => 0n);
  const payloads = actions.map((a) => a.calldata);
  const salt = id("Confoederatio federation genesis");
  const delay = await timelock.getMinDelay();
  const t = timelock.connect(deployer);
  await (await t.scheduleBatch(targets, values, payloads, ZeroHash, salt, delay)).wait();
  await connection.networkHelpers.time.increase(delay);
  await (await t.executeBatch(targets, values, payloads, ZeroHash, salt)).wait();
  await completeGenesis(timelock, deployer);
}

/** The deployer renounces every role it holds on the federation's timelock. */
export async function completeGenesis(
  timelock: CoopTimelock,
  deployer: HardhatEthersSigner,
): Promise<void> {
  const t = timelock.connect(deployer);
  for (const role of [id("PROPOSER_ROLE"), id("CANCELLER_ROLE"), ZeroHash]) {
    if (await t.hasRole(role, deployer.address))
      await (await t.renounceRole(role, deployer.address)).wait();
  }
}

/**
 * Deploys a federation of `names.length` cooperatives (three by default) on a local network and
 * admits them all. Each founder (signers 1, 2, 3, …) holds 100 commons hours and 10 care hours of
 * its cooperative and is its liaison.
 */
export async function deployLocalFederation(
  connection: Connection,
  options: { names?: readonly [string, string][]; limits?: FederationLimits; period?: bigint } = {},
): Promise<LocalFederation> {
  const { ethers, ignition } = connection;
  const names = options.names ?? [
    ["Bakery", "BAKE"],
    ["Clinic", "CARE"],
    ["Workshop", "TOOL"],
  ];
  const signers = await ethers.getSigners();
  const deployer = signers[0];
  // On a node, Ignition keeps a journal per deployment id: one for the federation and one per
  // cooperative, started afresh each time (this deployment is local and passes its votes by
  // moving the clock, so there is nothing to resume). In process, nothing is kept.
  const { chainId } = await ethers.provider.getNetwork();
  const persistent = connection.networkConfig.type !== "edr-simulated";
  const idOf = (suffix: string) =>
    persistent ? { deploymentId: `federation-${chainId}${suffix}` } : {};
  if (persistent) {
    for (const suffix of ["", ...names.map(([, symbol]) => `-${symbol}`)]) {
      await rm(path.join(deploymentsDir(), `federation-${chainId}${suffix}`), {
        recursive: true,
        force: true,
      });
    }
  }
  const federationParameters: DeploymentParameters = {
    Federation: {
      ...LOCAL_GOVERNANCE,
      period: options.period ?? DAY,
      maxIndexChangeBps: 500n,
      quorumFraction: 5_000n,
    },
  };
  const fed = await ignition.deploy(FederationModule, {
    parameters: federationParameters,
    displayUi: false,
    ...idOf(""),
  });
  const union = ClearingUnion__factory.connect(await fed.union.getAddress(), deployer);
  const votes = FederationVotes__factory.connect(await fed.votes.getAddress(), deployer);
  const governor = HolisticGovernor__factory.connect(await fed.governor.getAddress(), deployer);
  const timelock = CoopTimelock__factory.connect(await fed.timelock.getAddress(), deployer);
  const factory = CoopPairFactory__factory.connect(await fed.factory.getAddress(), deployer);
  const router = CoopRouter__factory.connect(await fed.router.getAddress(), deployer);

  const coops: FederatedCoop[] = [];
  for (const [k, [name, symbol]] of names.entries()) {
    const founder = signers[k + 1];
    const deployed = await ignition.deploy(CooperativeModule, {
      parameters: {
        Cooperative: {
          ...LOCAL_GOVERNANCE,
          workName: `${name} Hours`,
          workSymbol: symbol,
          careName: `${name} Care`,
          careSymbol: `${symbol}C`,
          governorName: `${name} Governor`,
          genesisWorkAccounts: [founder.address],
          genesisCommons: [100n * HOUR],
          genesisSubsistence: [0n],
          genesisCareAccounts: [founder.address],
          genesisCare: [10n * HOUR],
        },
      },
      displayUi: false,
      ...idOf(`-${symbol}`),
    });
    const work = WorkHours__factory.connect(await deployed.work.getAddress(), deployer);
    coops.push({
      name,
      symbol,
      founder,
      work,
      hours: await work.getAddress(),
      timelock: CoopTimelock__factory.connect(await deployed.timelock.getAddress(), deployer),
      governor: HolisticGovernor__factory.connect(await deployed.governor.getAddress(), deployer),
      treasury: RedemptionTreasury__factory.connect(await deployed.treasury.getAddress(), deployer),
    });
  }

  const unionAddress = await union.getAddress();
  // each cooperative's own vote to join
  await passTogether(
    connection,
    coops.map((c) => ({
      governor: c.governor,
      proposal: joinProposal(c.hours, unionAddress, c.founder.address),
      voters: [c.founder],
    })),
  );
  // the federation's genesis: admit the founders, then the deployer renounces
  await admitFounders(
    connection,
    timelock,
    unionAddress,
    await Promise.all(
      coops.map(async (c) => ({
        hours: c.hours,
        timelock: await c.timelock.getAddress(),
        treasury: await c.treasury.getAddress(),
        index: INDEX_ONE,
        limits: options.limits ?? LOCAL_LIMITS,
      })),
    ),
    deployer,
  );
  // each cooperative appoints its founder as its liaison
  const votesAddress = await votes.getAddress();
  await passTogether(
    connection,
    coops.map((c) => ({
      governor: c.governor,
      proposal: appointLiaisonProposal(votesAddress, c.founder.address, c.founder.address),
      voters: [c.founder],
    })),
  );
  // start the members' first period afresh, so that what follows falls in one period of the
  // allowances whatever the hour (the proposals above moved the clock by hours)
  const period = await union.period();
  const latest = BigInt(await connection.networkHelpers.time.latest());
  await connection.networkHelpers.time.increaseTo((latest / period + 1n) * period + 60n);
  return { union, votes, governor, timelock, factory, router, coops, deployer };
}
