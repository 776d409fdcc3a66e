/** Our cooperative: the tokens, the claim registry and the treasury, and the membership that the
 * scale rows grow. Every member gets their hours as a member does: a claim, approved in a batch
 * by the approver (the timelock once governance has landed). */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { Signer, Wallet } from "ethers";
import { ZeroAddress, ethers } from "ethers";

import type {
  CareReputation,
  ContributionRegistry,
  RedemptionTreasury,
  WorkHours,
} from "../../typechain-types/index.js";

import type { Chain, Measured } from "./chain.js";
import { progress } from "./chain.js";
import { HOLDER_BALANCE } from "./settings.js";
import { BLOCK_GAS_LIMIT } from "./targets.js";

/** Treasury settings as a cooperative would start: 0.0001 RBTC per hour, a fee falling from
 * 10% to 2% over 180 days. They do not change the gas. */
export const RATE = 10n ** 14n;
export const MAX_FEE = 1_000;
export const MIN_FEE = 200;
export const HOLD_PERIOD = 180 * 24 * 60 * 60;

/** The largest claim: 1,000 hours. */
export const CLAIM_CAP = ethers.parseEther("1000");

/** The registry's claim categories. */
export const Claim = { Commons: 0, Subsistence: 1, Care: 2 } as const;
export type ClaimCategory = (typeof Claim)[keyof typeof Claim];

/** How many claims one set-up approval settles. */
const SETUP_BATCH = 40;

/** The members that act in the measured operations; the rest of the membership only holds. */
export interface Cast {
  /** Sends the measured transfers and feeds the busy voter's checkpoints. */
  alice: HardhatEthersSigner;
  /** Receives the transfer to an existing holder. */
  bob: HardhatEthersSigner;
  proposer: HardhatEthersSigner;
  /** Votes first on each proposal, so that the measured votes add to a tally. */
  filler: HardhatEthersSigner;
  /** Holds hours only; one checkpoint. */
  hoursVoter: HardhatEthersSigner;
  /** Holds hours and care; votes at the small membership. */
  bothVoter: HardhatEthersSigner;
  /** Holds hours and care like `bothVoter`; votes at the large membership. */
  bothVoterLater: HardhatEthersSigner;
  /** Redeems at the small membership. */
  redeemer: HardhatEthersSigner;
  /** Redeems at the large membership, from the same history as `redeemer`. */
  redeemerLater: HardhatEthersSigner;
  /** Holds hours only, with many checkpoints. */
  busy: HardhatEthersSigner;
}

/** One claim to submit. */
export interface ClaimSpec {
  member: Signer;
  category: ClaimCategory;
  amount: bigint;
}

export class Coop {
  /** Every account credited for work so far, in order. */
  readonly members: string[] = [];
  /** Members with keys, beyond the cast, for batches of claims from holders. */
  readonly memberWallets: Wallet[] = [];

  constructor(
    readonly chain: Chain,
    readonly work: WorkHours,
    readonly care: CareReputation,
    readonly registry: ContributionRegistry,
    readonly treasury: RedemptionTreasury | null,
    readonly cast: Cast,
    /** Holds the approver role: the timelock (impersonated for set-up and for the batches
     * measured as timelock calls), or the deployer until governance has landed. */
    public approver: Signer,
  ) {}

  /** Submits claims, one transaction each, and returns their ids in order. */
  async submit(claims: readonly ClaimSpec[]): Promise<bigint[]> {
    const first = (await this.registry.claimCount()) + 1n;
    for (const { member, category, amount } of claims) {
      await this.chain.send(
        this.registry.connect(member).submitClaim(amount, category, ethers.ZeroHash, ""),
      );
    }
    return claims.map((_, i) => first + BigInt(i));
  }

  /** Approves `ids` in one call from the approver, measured. The gas limit is the block's:
   * an estimate made at the previous block's timestamp can fall short, since the first mint
   * at a new timestamp pushes a total-supply checkpoint instead of updating one. */
  async approve(ids: readonly bigint[]): Promise<Measured> {
    return this.chain.measure(
      this.registry.connect(this.approver).approveClaims([...ids], { gasLimit: BLOCK_GAS_LIMIT }),
    );
  }

  /** Sends the approval of `ids` with the whole block gas limit as its gas limit, then restores
   * the chain: its `gasUsed`, or null when it runs out of gas (it does not fit a block). */
  async tryApproval(ids: readonly bigint[]): Promise<number | null> {
    const registry = this.registry.connect(this.approver);
    return this.chain.tryInBlock(() =>
      registry.approveClaims([...ids], { gasLimit: BLOCK_GAS_LIMIT }),
    );
  }

  /** As `tryApproval`, but the gas re-priced on RSK's schedule; null when it fails even with
   * twice the block gas limit. The caller compares the figure with RSK's block. */
  async tryApprovalRsk(ids: readonly bigint[]): Promise<number | null> {
    const registry = this.registry.connect(this.approver);
    const room = 2 * BLOCK_GAS_LIMIT; // room to execute a batch that fits only on RSK's schedule
    return this.chain.tryInBlockRsk(
      () => registry.approveClaims([...ids], { gasLimit: room }),
      room,
    );
  }

  /** Makes `members` holders of `hours` each (half commons, half subsistence): two claims per
   * member, approved in set-up batches. */
  async credit(members: readonly Signer[], hours: bigint) {
    const commons = hours / 2n;
    const claims = members.flatMap((member) => [
      { member, category: Claim.Commons, amount: commons },
      { member, category: Claim.Subsistence, amount: hours - commons },
    ]);
    const ids = await this.submit(claims);
    for (let i = 0; i < ids.length; i += SETUP_BATCH) {
      await this.approve(ids.slice(i, i + SETUP_BATCH));
    }
    for (const member of members) this.members.push(await member.getAddress());
  }

  /** Gives `members` care reputation through approved care claims. */
  async giveCare(members: readonly Signer[], amount: bigint) {
    const ids = await this.submit(
      members.map((member) => ({ member, category: Claim.Care, amount })),
    );
    await this.approve(ids);
  }
}

export async function castOf(chain: Chain): Promise<Cast> {
  const s = await chain.ethers.getSigners();
  return {
    alice: s[6],
    bob: s[7],
    proposer: s[8],
    filler: s[9],
    hoursVoter: s[10],
    bothVoter: s[11],
    bothVoterLater: s[12],
    redeemer: s[13],
    redeemerLater: s[14],
    busy: s[15],
  };
}

export interface CoopContracts {
  work: WorkHours;
  care: CareReputation;
  registry: ContributionRegistry;
  treasury: RedemptionTreasury | null;
}

/** Deploys the tokens, the registry and, when it has landed, the RBTC treasury, with `admin`
 * holding every role, and wires the registry and the treasury to the tokens. */
export async function deployCoopContracts(
  chain: Chain,
  admin: HardhatEthersSigner,
  withTreasury: boolean,
): Promise<CoopContracts> {
  const work = await chain.deploy<WorkHours>("ours", "WorkHours", [
    "Work Hours",
    "HOURS",
    admin.address,
  ]);
  const care = await chain.deploy<CareReputation>("ours", "CareReputation", [
    "Care Reputation",
    "CARE",
    admin.address,
  ]);
  const registry = await chain.deploy<ContributionRegistry>("ours", "ContributionRegistry", [
    await work.getAddress(),
    await care.getAddress(),
    CLAIM_CAP,
    admin.address,
  ]);
  const registryAddress = await registry.getAddress();
  await chain.send(work.connect(admin).grantRole(await work.MINTER_ROLE(), registryAddress));
  await chain.send(care.connect(admin).grantRole(await care.MINTER_ROLE(), registryAddress));
  let treasury: RedemptionTreasury | null = null;
  if (withTreasury) {
    treasury = await chain.deploy<RedemptionTreasury>("ours", "RedemptionTreasury", [
      await work.getAddress(),
      ZeroAddress,
      admin.address,
      RATE,
      MAX_FEE,
      MIN_FEE,
      HOLD_PERIOD,
    ]);
    const address = await treasury.getAddress();
    await chain.send(work.connect(admin).grantRole(await work.CAPITAL_ROLE(), address));
    await chain.send(work.connect(admin).grantRole(await work.REDEEMER_ROLE(), address));
  }
  return { work, care, registry, treasury };
}

/** Credits the cast: everyone holds hours; the two both-token voters also hold care. */
export async function creditCast(coop: Coop) {
  progress("ours: crediting the cast");
  const cast = coop.cast;
  await coop.credit(Object.values(cast), HOLDER_BALANCE);
  await coop.giveCare([cast.bothVoter, cast.bothVoterLater], HOLDER_BALANCE);
}

/** Adds `count` members with keys, each credited through approved claims. */
export async function growMembership(chain: Chain, coop: Coop, count: number) {
  progress(`ours: ${count} more members, each through claims`);
  const wallets = await chain.wallets(count, `member:${coop.memberWallets.length}`);
  await coop.credit(wallets, HOLDER_BALANCE);
  coop.memberWallets.push(...wallets);
}
