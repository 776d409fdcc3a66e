import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import DexModule from "../../deploy/modules/Dex.js";
import { toStartOfNextPeriod } from "../fixtures/time.js";
import type { IRedemptionTreasury } from "../../typechain-types/treasury/RedemptionTreasury.js";
import {
  CoopPairFactory__factory,
  CoopRouter__factory,
  IWRBTC__factory,
} from "../../typechain-types/index.js";
import type {
  BandManipulator,
  CoopRouter,
  CoopTwapOracle,
  IWRBTC,
  MockReserveToken,
  WorkHours,
  RedemptionTreasury,
} from "../../typechain-types/index.js";
import {
  CAPITAL_ROLE,
  HOLD_PERIOD,
  HOUR,
  MAX_FEE,
  MIN_FEE,
  MINTER_ROLE,
  RATE,
  REDEEMER_ROLE,
  ethers,
  ignition,
  networkHelpers,
  type ReserveKind,
} from "./fixtures.js";

/** The oracle's TWAP window: one hour. */
export const WINDOW = 3600n;
/** The band's period: one day. */
export const PERIOD = 86_400n;
/** The band's slippage tolerance from the TWAP: 3%. */
export const SLIPPAGE = 300n;
/** Hours in the pool at the start. */
export const POOL_HOURS = 10_000n * HOUR;
/** The most the band mints per period. */
export const EMISSION_CAP = 100n * HOUR;

export interface BandFixture {
  kind: ReserveKind;
  admin: HardhatEthersSigner;
  trader: HardhatEthersSigner;
  keeper: HardhatEthersSigner;
  work: WorkHours;
  treasury: RedemptionTreasury;
  router: CoopRouter;
  oracle: CoopTwapOracle;
  pairAddress: string;
  /** The token the pool trades hours against: the ERC20 reserve, or WRBTC. */
  quote: MockReserveToken | IWRBTC;
  /** The pool's starting price: quote per whole hour. */
  price: bigint;
  /** Quote in the pool at the start. */
  poolQuote: bigint;
  floor: bigint;
  ceiling: bigint;
  budget: bigint;
  /** What the treasury's pools held when the band was set (75/25). */
  funds: bigint;
  manipulator: BandManipulator;
  reserveOf(who: string): Promise<bigint>;
  /** The band parameters as set. */
  params: IRedemptionTreasury.BandParamsStruct;
}

/**
 * Starts at the beginning of a band period (so that a test's steps fall in the periods it
 * expects, whatever the hour), then deploys the DEX as users deploy it, a WorkHours/quote pool of 10,000 hours at `price`, a one-hour
 * TWAP oracle that has observed one full window at that price, and a funded treasury whose
 * band is set at 0.8 and 1.25 times the price. The trader and the manipulator hold hours and
 * quote.
 */
async function deployBandWith(kind: ReserveKind, takesFee = false): Promise<BandFixture> {
  await toStartOfNextPeriod(networkHelpers, PERIOD);
  const [admin, trader, keeper] = await ethers.getSigners();
  const dex = await ignition.deploy(DexModule);
  const router = CoopRouter__factory.connect(await dex.router.getAddress(), admin);
  const factory = CoopPairFactory__factory.connect(await dex.factory.getAddress(), admin);
  const wrbtc = IWRBTC__factory.connect(await dex.wrbtc.getAddress(), admin);
  const routerAddress = await router.getAddress();

  const work = await ethers.deployContract("WorkHours", ["Work Hours", "HOURS", admin.address]);
  await work.grantRole(MINTER_ROLE, admin.address);
  await work.grantRole(CAPITAL_ROLE, admin.address);
  const workAddress = await work.getAddress();

  // ERC20: 1 USD per hour; RBTC: 0.001 RBTC per hour.
  const price = kind === "ERC20" ? 10n ** 18n : 10n ** 15n;
  const poolQuote = (POOL_HOURS * price) / HOUR;
  const funds = kind === "ERC20" ? 1_000n * 10n ** 18n : 10n ** 18n;
  const budget = 100n * price;

  let quote: MockReserveToken | IWRBTC;
  let reserve: string;
  if (kind === "ERC20") {
    // the fee-taking token has MockReserveToken's functions (mint, ERC20) with another name
    const usd = takesFee
      ? ((await ethers.deployContract("FeeOnTransferReserveToken")) as unknown as MockReserveToken)
      : await ethers.deployContract("MockReserveToken", ["Stable", "USD", 18]);
    quote = usd;
    reserve = await usd.getAddress();
    for (const who of [admin, trader]) await usd.mint(who.address, 100_000n * 10n ** 18n);
  } else {
    quote = wrbtc;
    reserve = ethers.ZeroAddress;
    await wrbtc.connect(trader).deposit({ value: 50n * 10n ** 18n });
  }
  const quoteAddress = await quote.getAddress();

  const treasury = await ethers.deployContract("RedemptionTreasury", [
    workAddress,
    reserve,
    admin.address,
    RATE,
    MAX_FEE,
    MIN_FEE,
    HOLD_PERIOD,
  ]);
  const treasuryAddress = await treasury.getAddress();
  await work.grantRole(CAPITAL_ROLE, treasuryAddress);
  await work.grantRole(REDEEMER_ROLE, treasuryAddress);

  const manipulator = await ethers.deployContract("BandManipulator");
  const manipulatorAddress = await manipulator.getAddress();
  for (const who of [admin.address, trader.address, manipulatorAddress]) {
    await work.mintCapital(who, 20_000n * HOUR);
  }
  await quote
    .connect(trader)
    .transfer(manipulatorAddress, kind === "ERC20" ? 20_000n * price : 20n * 10n ** 18n);

  await work.approve(routerAddress, ethers.MaxUint256);
  await work.connect(trader).approve(routerAddress, ethers.MaxUint256);
  await quote.connect(trader).approve(routerAddress, ethers.MaxUint256);
  if (kind === "ERC20") {
    await quote.approve(routerAddress, ethers.MaxUint256);
    await router.addLiquidity(
      workAddress,
      quoteAddress,
      POOL_HOURS,
      poolQuote,
      0n,
      0n,
      admin.address,
      2n ** 40n,
    );
    await quote.approve(treasuryAddress, funds);
    await treasury.deposit(funds);
  } else {
    await router.addLiquidityRBTC(workAddress, POOL_HOURS, 0n, 0n, admin.address, 2n ** 40n, {
      value: poolQuote,
    });
    await treasury.deposit(funds, { value: funds });
  }
  const pairAddress = await factory.getPair(workAddress, quoteAddress);
  const oracle = await ethers.deployContract("CoopTwapOracle", [
    pairAddress,
    WINDOW,
    admin.address,
  ]);

  const floor = (price * 8n) / 10n;
  const ceiling = (price * 5n) / 4n;
  const params = {
    oracle: await oracle.getAddress(),
    router: routerAddress,
    floor,
    ceiling,
    buybackBudget: budget,
    emissionCap: EMISSION_CAP,
    periodLength: PERIOD,
    maxSlippage: SLIPPAGE,
  };
  await treasury.setBand(params);
  await networkHelpers.time.increase(WINDOW);
  await oracle.update();

  const reserveOf = (who: string) =>
    kind === "ERC20" ? quote.balanceOf(who) : ethers.provider.getBalance(who);
  return {
    kind,
    admin,
    trader,
    keeper,
    work,
    treasury,
    router,
    oracle,
    pairAddress,
    quote,
    price,
    poolQuote,
    floor,
    ceiling,
    budget,
    funds,
    manipulator,
    reserveOf,
    params,
  };
}

export async function deployErc20Band(): Promise<BandFixture> {
  return deployBandWith("ERC20");
}

/** The ERC20 band with a reserve token that takes 1% of every transfer. */
export async function deployFeeTakingBand(): Promise<BandFixture> {
  return deployBandWith("ERC20", true);
}

export async function deployNativeBand(): Promise<BandFixture> {
  return deployBandWith("RBTC");
}
