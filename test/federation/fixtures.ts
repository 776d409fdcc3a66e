/**
 * Fixtures of the federation's contracts: three cooperatives' hours tokens, each administered by
 * a signer that stands for the cooperative's timelock, and a clearing union governed by a signer
 * that stands for the federation's timelock. The governance tests replace both stand-ins with
 * real governors (see `Federation.module.test.ts`).
 */
import { network } from "hardhat";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import {
  ClearingUnion__factory,
  FederationVotes__factory,
  RedemptionTreasury__factory,
  WorkHours__factory,
  type ClearingUnion,
  type RedemptionTreasury,
  type WorkHours,
} from "../../typechain-types/index.js";

export const { ethers, networkHelpers } = await network.getOrCreate();

/** One hour, the token unit and the federation's unit. */
export const HOUR = 10n ** 18n;
/** An exchange index of one hour per hour. */
export const ONE = 10n ** 18n;
/** The period of the allowances and of the index bound. */
export const PERIOD = 86_400n;
/** How far an index may move in a period: 5%. */
export const MAX_INDEX_CHANGE_BPS = 500n;

/** `IFederationRegistry.Status`. */
export const Status = { None: 0n, Active: 1n, Frozen: 2n, Retired: 3n } as const;

/** Limits used by the fixture, in hours of the federation's unit. */
export const LIMITS = {
  debitLimit: 100n * HOUR,
  outflowAllowance: 80n * HOUR,
  surplusCap: 100n * HOUR,
  inflowAllowance: 80n * HOUR,
} as const;

export const FEDERATION_ROLE = ethers.id("FEDERATION_ROLE");

/** A cooperative's hours token, administered by `timelock`, with the union's role granted. */
async function cooperative(
  name: string,
  symbol: string,
  timelock: Awaited<ReturnType<typeof ethers.getSigners>>[number],
  union: ClearingUnion | null,
): Promise<WorkHours> {
  const work = await new WorkHours__factory(timelock).deploy(name, symbol, timelock.address);
  await work.grantRole(await work.MINTER_ROLE(), timelock.address);
  await work.grantRole(await work.REDEEMER_ROLE(), timelock.address);
  if (union !== null) await work.grantRole(FEDERATION_ROLE, await union.getAddress());
  return work;
}

/**
 * A clearing union governed by `federation`, deployed a minute into a fresh period (so that a
 * test's allowances are not split by a period boundary).
 */
export async function unionAtPeriodStart(federation: HardhatEthersSigner): Promise<ClearingUnion> {
  const now = BigInt(await networkHelpers.time.latest());
  await networkHelpers.time.increaseTo((now / PERIOD + 1n) * PERIOD + 60n);
  return new ClearingUnion__factory(federation).deploy(
    federation.address,
    PERIOD,
    MAX_INDEX_CHANGE_BPS,
    "Confoederatio Federation",
  );
}

/** A cooperative with a real treasury, as its own votes would set it up. */
export interface TreasuryCoop {
  work: WorkHours;
  treasury: RedemptionTreasury;
  timelock: HardhatEthersSigner;
  hours: string;
}

/**
 * A cooperative's hours (`symbol`, administered by `timelock`, the union's role granted) and its
 * treasury keeping `asset` (zero: RBTC) with `REDEEMER_ROLE` on the hours; not yet admitted.
 */
export async function cooperativeWithTreasury(
  symbol: string,
  timelock: HardhatEthersSigner,
  union: ClearingUnion,
  asset: string,
): Promise<TreasuryCoop> {
  const work = await new WorkHours__factory(timelock).deploy(symbol, symbol, timelock.address);
  await work.grantRole(await work.MINTER_ROLE(), timelock.address);
  await work.grantRole(FEDERATION_ROLE, await union.getAddress());
  const treasury = await new RedemptionTreasury__factory(timelock).deploy(
    await work.getAddress(),
    asset,
    timelock.address,
    0n,
    0,
    0,
    0,
  );
  await work.grantRole(await work.REDEEMER_ROLE(), await treasury.getAddress());
  return { work, treasury, timelock, hours: await work.getAddress() };
}

/** Admits `coop` at index one with the fixture's limits. */
export async function admitWithTreasury(union: ClearingUnion, coop: TreasuryCoop): Promise<void> {
  await union.admit(
    coop.hours,
    coop.timelock.address,
    await coop.treasury.getAddress(),
    ONE,
    LIMITS,
  );
}

/** Mints `amount` hours for commons work to each of `accounts`. */
export async function earn(work: WorkHours, accounts: string[], amount: bigint): Promise<void> {
  await work.mintForWork(
    accounts,
    accounts.map(() => amount),
    accounts.map(() => 0n),
  );
}

/**
 * A union with three admitted cooperatives A, B and C (index one, {@link LIMITS}); alice and
 * dave hold 200 hours of A, bob 200 of B, carol 200 of C, all earned with credit.
 */
export async function deployFederation() {
  // start on a period boundary, so that a test's payments fall in one period whatever the hour
  const now = BigInt(await networkHelpers.time.latest());
  await networkHelpers.time.increaseTo((now / PERIOD + 1n) * PERIOD + 60n);

  const [federation, timelockA, timelockB, timelockC, alice, bob, carol, dave, eve] =
    await ethers.getSigners();
  const union = await new ClearingUnion__factory(federation).deploy(
    federation.address,
    PERIOD,
    MAX_INDEX_CHANGE_BPS,
    "Confoederatio Federation",
  );
  const votes = FederationVotes__factory.connect(await union.votes(), federation);
  const hoursA = await cooperative("Hours A", "HA", timelockA, union);
  const hoursB = await cooperative("Hours B", "HB", timelockB, union);
  const hoursC = await cooperative("Hours C", "HC", timelockC, union);
  for (const [work, timelock] of [
    [hoursA, timelockA],
    [hoursB, timelockB],
    [hoursC, timelockC],
  ] as const) {
    await union.admit(await work.getAddress(), timelock.address, ethers.ZeroAddress, ONE, LIMITS);
  }
  await earn(hoursA.connect(timelockA), [alice.address, dave.address], 200n * HOUR);
  await earn(hoursB.connect(timelockB), [bob.address], 200n * HOUR);
  await earn(hoursC.connect(timelockC), [carol.address], 200n * HOUR);
  const [a, b, c] = await Promise.all([
    hoursA.getAddress(),
    hoursB.getAddress(),
    hoursC.getAddress(),
  ]);
  return {
    union,
    votes,
    hoursA,
    hoursB,
    hoursC,
    a,
    b,
    c,
    federation,
    timelockA,
    timelockB,
    timelockC,
    alice,
    bob,
    carol,
    dave,
    eve,
  };
}

/** A fourth cooperative D (its own signer as timelock) that granted the union its role but was
 * not admitted. */
export async function deployFederationWithCandidate() {
  const base = await deployFederation();
  const signers = await ethers.getSigners();
  const timelockD = signers[9];
  const hoursD = await cooperative("Hours D", "HD", timelockD, base.union);
  await earn(hoursD.connect(timelockD), [base.eve.address], 1_000_000n * HOUR);
  return { ...base, hoursD, d: await hoursD.getAddress(), timelockD };
}

/** Sum of the clearing balances of `cooperatives`. */
export async function balanceSum(union: ClearingUnion, cooperatives: string[]): Promise<bigint> {
  let sum = 0n;
  for (const c of cooperatives) sum += await union.clearingBalance(c);
  return sum;
}
