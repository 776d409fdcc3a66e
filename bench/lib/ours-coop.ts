/** Our cooperative: the tokens, the treasury and the membership the scale rows grow. */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { ZeroAddress, ethers } from "ethers";

import type { CareReputation, RedemptionTreasury, WorkHours } from "../../typechain-types/index.js";

import type { Chain } from "./chain.js";
import { progress } from "./chain.js";
import { HOLDER_BALANCE } from "./settings.js";

/** Treasury settings as a cooperative would start: 0.0001 RBTC per hour, a fee falling from
 * 10% to 2% over 180 days. They do not change the gas. */
export const RATE = 10n ** 14n;
export const MAX_FEE = 1_000;
export const MIN_FEE = 200;
export const HOLD_PERIOD = 180 * 24 * 60 * 60;

/** How many accounts one set-up credit transaction pays. */
const CREDIT_BATCH = 50;

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

export interface Coop {
  work: WorkHours;
  care: CareReputation;
  treasury: RedemptionTreasury | null;
  cast: Cast;
  /** Every account credited for work so far. */
  members: string[];
  /** Credits `hours` (half commons, half subsistence) to each account, as approved work does. */
  credit(accounts: readonly string[], hours: bigint): Promise<void>;
  /** Mints care reputation to each account, as approved care work does. */
  giveCare(accounts: readonly string[], amount: bigint): Promise<void>;
  /** How the set-up credits accounts, for the report. */
  creditPath: string;
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

/** Deploys WorkHours, CareReputation and, when it has landed, the RBTC treasury, with `admin`
 * holding every role (it stands in for the timelock), and credits the cast. */
export async function deployCoopDirect(chain: Chain, withTreasury: boolean): Promise<Coop> {
  progress("ours: tokens and treasury (direct deployment)");
  const [deployer] = await chain.ethers.getSigners();
  const admin = deployer.address;
  const work = await chain.deploy<WorkHours>("ours", "WorkHours", ["Work Hours", "HOURS", admin]);
  const care = await chain.deploy<CareReputation>("ours", "CareReputation", [
    "Care Reputation",
    "CARE",
    admin,
  ]);
  await chain.send(work.grantRole(await work.MINTER_ROLE(), admin));
  await chain.send(care.grantRole(await care.MINTER_ROLE(), admin));
  let treasury: RedemptionTreasury | null = null;
  if (withTreasury) {
    treasury = await chain.deploy<RedemptionTreasury>("ours", "RedemptionTreasury", [
      await work.getAddress(),
      ZeroAddress,
      admin,
      RATE,
      MAX_FEE,
      MIN_FEE,
      HOLD_PERIOD,
    ]);
    const address = await treasury.getAddress();
    await chain.send(work.grantRole(await work.CAPITAL_ROLE(), address));
    await chain.send(work.grantRole(await work.REDEEMER_ROLE(), address));
  }
  const coop: Coop = {
    work,
    care,
    treasury,
    cast: await castOf(chain),
    members: [],
    async credit(accounts, hours) {
      for (let i = 0; i < accounts.length; i += CREDIT_BATCH) {
        const batch = accounts.slice(i, i + CREDIT_BATCH);
        const commons = hours / 2n;
        await chain.send(
          work.mintForWork(
            batch,
            batch.map(() => commons),
            batch.map(() => hours - commons),
          ),
        );
      }
      coop.members.push(...accounts);
    },
    async giveCare(accounts, amount) {
      await chain.send(
        care.mint(
          [...accounts],
          accounts.map(() => amount),
        ),
      );
    },
    creditPath: "WorkHours.mintForWork by a stand-in minter (the registry has not landed)",
  };
  return coop;
}

/** Credits the cast: everyone holds hours; the two both-token voters also hold care. */
export async function creditCast(coop: Coop) {
  const cast = coop.cast;
  await coop.credit(
    Object.values(cast).map((s) => s.address),
    HOLDER_BALANCE,
  );
  await coop.giveCare([cast.bothVoter.address, cast.bothVoterLater.address], HOLDER_BALANCE);
}

/** Accounts that join only to hold hours, deterministic per index. */
export function extraMembers(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    ethers.getAddress(ethers.dataSlice(ethers.id(`bench:member:${from + i}`), 12)),
  );
}
