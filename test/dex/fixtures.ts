import { network } from "hardhat";

import DexModule from "../../deploy/modules/Dex.js";
import {
  CoopPair__factory,
  CoopPairFactory__factory,
  CoopRouter__factory,
  DexMockToken__factory,
  WRBTC__factory,
} from "../../typechain-types/index.js";
import type {
  CoopPair,
  CoopPairFactory,
  CoopRouter,
  DexMockToken,
  WRBTC,
} from "../../typechain-types/index.js";

export const { ethers, networkHelpers, ignition } = await network.getOrCreate();

export const E18 = 10n ** 18n;
/** A deadline far in the future. */
export const FAR = 2n ** 40n;

/** The DEX as users deploy it: the Ignition module with a fresh WRBTC. */
export async function deployDex() {
  const [deployer, alice, bob, carol] = await ethers.getSigners();
  const deployed = await ignition.deploy(DexModule);
  const factory: CoopPairFactory = CoopPairFactory__factory.connect(
    await deployed.factory.getAddress(),
    deployer,
  );
  const router: CoopRouter = CoopRouter__factory.connect(
    await deployed.router.getAddress(),
    deployer,
  );
  const wrbtc: WRBTC = WRBTC__factory.connect(await deployed.wrbtc.getAddress(), deployer);
  return { deployer, alice, bob, carol, factory, router, wrbtc };
}

/** Two mintable tokens, `tokenA` and `tokenB` (in no particular address order), with
 * 1,000,000 of each minted to and approved for the router by alice, bob and carol. */
export async function deployTokens() {
  const dex = await deployDex();
  const tokenA: DexMockToken = await new DexMockToken__factory(dex.deployer).deploy("A", "A");
  const tokenB: DexMockToken = await new DexMockToken__factory(dex.deployer).deploy("B", "B");
  for (const user of [dex.alice, dex.bob, dex.carol]) {
    for (const token of [tokenA, tokenB]) {
      await token.mint(user.address, 1_000_000n * E18);
      await token.connect(user).approve(await dex.router.getAddress(), ethers.MaxUint256);
    }
  }
  return { ...dex, tokenA, tokenB };
}

/** The pair of A and B, created but empty, with token0/token1 resolved. */
export async function deployEmptyPair() {
  const env = await deployTokens();
  await env.factory.createPair(await env.tokenA.getAddress(), await env.tokenB.getAddress());
  const pair: CoopPair = CoopPair__factory.connect(
    await env.factory.getPair(await env.tokenA.getAddress(), await env.tokenB.getAddress()),
    env.deployer,
  );
  const token0Address = await pair.token0();
  const [token0, token1] =
    token0Address === (await env.tokenA.getAddress())
      ? [env.tokenA, env.tokenB]
      : [env.tokenB, env.tokenA];
  return { ...env, pair, token0, token1 };
}

/** Reserves of the pool fixture: 1,000 token0 and 4,000 token1 (a price of 4). */
export const RESERVE0 = 1_000n * E18;
export const RESERVE1 = 4_000n * E18;

/** The pair with alice's first deposit of RESERVE0 and RESERVE1, made directly. */
export async function deployPool() {
  const env = await deployEmptyPair();
  const pairAddress = await env.pair.getAddress();
  await env.token0.connect(env.alice).transfer(pairAddress, RESERVE0);
  await env.token1.connect(env.alice).transfer(pairAddress, RESERVE1);
  await env.pair.mint(env.alice.address);
  return env;
}

/** The WRBTC pair with token A: 1,000 A against 10 RBTC, added by alice through the router. */
export async function deployRbtcPool() {
  const env = await deployTokens();
  await env.router
    .connect(env.alice)
    .addLiquidityRBTC(await env.tokenA.getAddress(), 1_000n * E18, 0n, 0n, env.alice.address, FAR, {
      value: 10n * E18,
    });
  const pair: CoopPair = CoopPair__factory.connect(
    await env.factory.getPair(await env.tokenA.getAddress(), await env.wrbtc.getAddress()),
    env.deployer,
  );
  return { ...env, pair };
}

/** The pool of A and B made through the router: alice adds 1,000 A and 4,000 B. */
export async function deployRouterPool() {
  const env = await deployTokens();
  const a = await env.tokenA.getAddress();
  const b = await env.tokenB.getAddress();
  await env.router
    .connect(env.alice)
    .addLiquidity(a, b, RESERVE0, RESERVE1, 0n, 0n, env.alice.address, FAR);
  const pair: CoopPair = CoopPair__factory.connect(await env.factory.getPair(a, b), env.deployer);
  return { ...env, a, b, pair };
}

/** Both pools: A/B (1,000 / 4,000, alice, through the router) and A/WRBTC (1,000 / 10). */
export async function deployRoutes() {
  const env = await deployRouterPool();
  await env.router
    .connect(env.alice)
    .addLiquidityRBTC(env.a, 1_000n * E18, 0n, 0n, env.alice.address, FAR, { value: 10n * E18 });
  const w = await env.wrbtc.getAddress();
  const rbtcPair: CoopPair = CoopPair__factory.connect(
    await env.factory.getPair(env.a, w),
    env.deployer,
  );
  return { ...env, w, rbtcPair };
}
