import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { network } from "hardhat";

import type {
  MockReserveToken,
  WorkHours,
  RedemptionTreasury,
} from "../../typechain-types/index.js";

export const { ethers, networkHelpers, ignition } = await network.getOrCreate();

/** One whole hour of WorkHours. */
export const HOUR = 10n ** 18n;
/** The initial redemption rate: 0.0001 reserve (1e14 base units) per hour. */
export const RATE = 10n ** 14n;
/** Fee schedule: 10% at once, falling to 2% over 180 days. */
export const MAX_FEE = 1_000n;
export const MIN_FEE = 200n;
export const HOLD_PERIOD = 180n * 24n * 3600n;

export const Category = { Commons: 0, Subsistence: 1 } as const;
export const Inflow = { Revenue: 0, Sale: 1, Band: 2, Surplus: 3 } as const;

export const GOVERNOR_ROLE = ethers.id("GOVERNOR_ROLE");
export const MINTER_ROLE = ethers.id("MINTER_ROLE");
export const CAPITAL_ROLE = ethers.id("CAPITAL_ROLE");
export const REDEEMER_ROLE = ethers.id("REDEEMER_ROLE");

export type ReserveKind = "RBTC" | "ERC20";

export interface CoopFixture {
  admin: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  mallory: HardhatEthersSigner;
  donor: HardhatEthersSigner;
  work: WorkHours;
}

export interface TreasuryFixture extends CoopFixture {
  kind: ReserveKind;
  treasury: RedemptionTreasury;
  /** The ERC20 reserve, or null for RBTC. */
  token: MockReserveToken | null;
  /** The reserve held by `who`. */
  reserveOf(who: string): Promise<bigint>;
  /** The `value` to send with a call that pays `amount` of reserve. */
  valueFor(amount: bigint): bigint;
}

/** WorkHours with a minter (the admin stands in for the registry). Alice has earned 4 commons
 * and 10 subsistence hours, Bob 20 commons hours; their holding clocks start at the fixture's
 * last block. */
export async function deployCoop(): Promise<CoopFixture> {
  const [admin, alice, bob, carol, mallory, donor] = await ethers.getSigners();
  const work = await ethers.deployContract("WorkHours", ["Work Hours", "HOURS", admin.address]);
  await work.grantRole(MINTER_ROLE, admin.address);
  await creditMembers({ admin, alice, bob, work });
  return { admin, alice, bob, carol, mallory, donor, work };
}

async function creditMembers(f: Pick<CoopFixture, "admin" | "alice" | "bob" | "work">) {
  await f.work
    .connect(f.admin)
    .mintForWork([f.alice.address, f.bob.address], [4n * HOUR, 20n * HOUR], [10n * HOUR, 0n]);
}

async function deployTreasuryWith(kind: ReserveKind): Promise<TreasuryFixture> {
  const [admin, alice, bob, carol, mallory, donor] = await ethers.getSigners();
  const work = await ethers.deployContract("WorkHours", ["Work Hours", "HOURS", admin.address]);
  await work.grantRole(MINTER_ROLE, admin.address);
  const coop = { admin, alice, bob, carol, mallory, donor, work };
  let token: MockReserveToken | null = null;
  if (kind === "ERC20") {
    token = await ethers.deployContract("MockReserveToken", ["Stable", "USD", 18]);
  }
  const treasury = await ethers.deployContract("RedemptionTreasury", [
    await work.getAddress(),
    token === null ? ethers.ZeroAddress : await token.getAddress(),
    admin.address,
    RATE,
    MAX_FEE,
    MIN_FEE,
    HOLD_PERIOD,
  ]);
  const treasuryAddress = await treasury.getAddress();
  await work.grantRole(CAPITAL_ROLE, treasuryAddress);
  await work.grantRole(REDEEMER_ROLE, treasuryAddress);

  if (token !== null) {
    for (const signer of await ethers.getSigners()) {
      await token.mint(signer.address, 1_000n * 10n ** 18n);
      await token.connect(signer).approve(treasuryAddress, ethers.MaxUint256);
    }
  }
  const reserveOf = (who: string) =>
    token === null ? ethers.provider.getBalance(who) : token.balanceOf(who);
  const valueFor = (amount: bigint) => (token === null ? amount : 0n);
  return { ...coop, kind, treasury, token, reserveOf, valueFor };
}

export async function deployNativeTreasury(): Promise<TreasuryFixture> {
  return deployTreasuryWith("RBTC");
}

export async function deployErc20Treasury(): Promise<TreasuryFixture> {
  return deployTreasuryWith("ERC20");
}

/** A treasury whose pools hold 0.75 (subsistence) and 0.25 (commons) of one reserve unit. */
export async function deployFundedNativeTreasury(): Promise<TreasuryFixture> {
  const f = await deployNativeTreasury();
  await f.treasury.connect(f.donor).deposit(10n ** 18n, { value: 10n ** 18n });
  await creditMembers(f);
  return f;
}

export async function deployFundedErc20Treasury(): Promise<TreasuryFixture> {
  const f = await deployErc20Treasury();
  await f.treasury.connect(f.donor).deposit(10n ** 18n);
  await creditMembers(f);
  return f;
}
