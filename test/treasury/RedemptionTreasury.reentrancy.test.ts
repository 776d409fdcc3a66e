import { expect } from "chai";

import type {
  HookedReserveToken,
  RedemptionTreasury,
  ReentrantRedeemer,
  WorkHours,
} from "../../typechain-types/index.js";
import {
  CAPITAL_ROLE,
  Category,
  HOLD_PERIOD,
  HOUR,
  MAX_FEE,
  MIN_FEE,
  MINTER_ROLE,
  RATE,
  REDEEMER_ROLE,
  ethers,
  networkHelpers,
  type ReserveKind,
} from "./fixtures.js";

const ONE = 10n ** 18n;
/** 1 hour at 1e14 and the 10% fee. */
const PAYOUT = 90_000_000_000_000n;

interface AttackFixture {
  kind: ReserveKind;
  treasury: RedemptionTreasury;
  work: WorkHours;
  attacker: ReentrantRedeemer;
  token: HookedReserveToken | null;
  reserveOf(who: string): Promise<bigint>;
}

/** A funded treasury, an open sale, and a member contract that earned 10 subsistence hours
 * and re-enters the treasury when paid: natively, or through a hooked ERC20 reserve. */
async function deployAttackWith(kind: ReserveKind): Promise<AttackFixture> {
  const [admin, donor] = await ethers.getSigners();
  const work = await ethers.deployContract("WorkHours", ["Work Hours", "HOURS", admin.address]);
  await work.grantRole(MINTER_ROLE, admin.address);
  const token = kind === "ERC20" ? await ethers.deployContract("HookedReserveToken") : null;
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
  const attacker = await ethers.deployContract("ReentrantRedeemer", [treasuryAddress]);
  const attackerAddress = await attacker.getAddress();
  await work.mintForWork([attackerAddress], [0n], [10n * HOUR]);

  if (token === null) {
    await treasury.connect(donor).deposit(ONE, { value: ONE });
  } else {
    await token.mint(donor.address, ONE);
    await token.connect(donor).approve(treasuryAddress, ONE);
    await treasury.connect(donor).deposit(ONE);
    await token.mint(attackerAddress, ONE);
    const iface = token.interface;
    await attacker.call(await token.getAddress(), iface.encodeFunctionData("setHooked", [true]));
    await attacker.call(
      await token.getAddress(),
      iface.encodeFunctionData("approve", [treasuryAddress, ethers.MaxUint256]),
    );
  }
  const now = BigInt(await networkHelpers.time.latest());
  await treasury.openSale(RATE, 100n * HOUR, 100n * HOUR, now, now + 3600n);
  const reserveOf = (who: string) =>
    token === null ? ethers.provider.getBalance(who) : token.balanceOf(who);
  return { kind, treasury, work, attacker, token, reserveOf };
}

const deployNativeAttack = () => deployAttackWith("RBTC");
const deployErc20Attack = () => deployAttackWith("ERC20");

/** The treasury functions the attacker re-enters from inside the payout. */
const TARGETS = [
  "redeem",
  "deposit",
  "depositSurplus",
  "buy",
  "defendFloor",
  "defendCeiling",
  "receive",
] as const;
type Target = (typeof TARGETS)[number];

/** The calldata and value of a re-entry into `target`. */
function reentry(f: AttackFixture, target: Target): [string, bigint] {
  const i = f.treasury.interface;
  const native = f.kind === "RBTC";
  switch (target) {
    case "redeem":
      return [i.encodeFunctionData("redeem", [Category.Subsistence, HOUR, 0n]), 0n];
    case "deposit":
      return [i.encodeFunctionData("deposit", [1n]), native ? 1n : 0n];
    case "depositSurplus":
      return [i.encodeFunctionData("depositSurplus"), 0n];
    case "buy":
      return [i.encodeFunctionData("buy", [HOUR, RATE]), native ? RATE : 0n];
    case "defendFloor":
      return [i.encodeFunctionData("defendFloor"), 0n];
    case "defendCeiling":
      return [i.encodeFunctionData("defendCeiling"), 0n];
    case "receive":
      return ["0x", 1n];
  }
}

function shouldRefuseReentry(fixture: () => Promise<AttackFixture>, kind: ReserveKind) {
  // an ERC20 treasury rejects plain RBTC anyway; the native one books it under the guard
  const targets = TARGETS.filter((t) => kind === "RBTC" || t !== "receive");
  for (const name of targets) {
    describe(`when the payout re-enters ${name}`, function () {
      it("reverts the whole redemption when the attacker bubbles the error", async function () {
        const f = await networkHelpers.loadFixture(fixture);
        const [data, value] = reentry(f, name);
        await f.attacker.arm(data, value, true, { value });
        await expect(f.attacker.redeem(Category.Subsistence, HOUR)).to.be.revertedWithCustomError(
          f.treasury,
          "ReentrancyGuardReentrantCall",
        );
        expect(
          await f.work.earnedCredit(await f.attacker.getAddress(), Category.Subsistence),
        ).to.equal(10n * HOUR);
      });

      it("pays once and refuses the inner call when the attacker swallows it", async function () {
        const f = await networkHelpers.loadFixture(fixture);
        const [data, value] = reentry(f, name);
        const attacker = await f.attacker.getAddress();
        await f.attacker.arm(data, value, false, { value });
        const before = await f.reserveOf(attacker);
        const pools = await f.treasury.pools();
        await f.attacker.redeem(Category.Subsistence, HOUR);
        expect(await f.attacker.attempts()).to.equal(1n);
        expect(await f.attacker.reentrySucceeded()).to.equal(false);
        expect(await f.attacker.reentryError()).to.equal(
          f.treasury.interface.getError("ReentrancyGuardReentrantCall")!.selector,
        );
        expect(await f.reserveOf(attacker)).to.equal(before + PAYOUT);
        expect(await f.treasury.pools()).to.deep.equal([pools[0] - PAYOUT, pools[1]]);
        expect(await f.work.earnedCredit(attacker, Category.Subsistence)).to.equal(9n * HOUR);
        expect(await f.work.balanceOf(attacker)).to.equal(9n * HOUR);
      });
    });
  }
}

describe("RedemptionTreasury reentrancy", function () {
  describe("with an RBTC reserve (the receiver's fallback)", function () {
    shouldRefuseReentry(deployNativeAttack, "RBTC");
  });

  describe("with a hooked ERC20 reserve (a transfer callback)", function () {
    shouldRefuseReentry(deployErc20Attack, "ERC20");
  });
});
