/** Our DEX: the pair beside Uniswap V2's, on two plain ERC20 tokens in the same state; the
 * router's and the oracle's calls are ours only (Uniswap V2's router is not in the anchors). */
import { MaxUint256 } from "ethers";

import type {
  BenchERC20,
  CoopPair,
  CoopPairFactory,
  CoopRouter,
  CoopTwapOracle,
  WRBTC,
} from "../../typechain-types/index.js";

import type { Chain } from "./chain.js";
import { progress } from "./chain.js";
import {
  LIQUIDITY_ADD,
  type PairLike,
  SWAP_IN,
  measurePair,
  recordPairRows,
  uniswapV2AmountOut,
} from "./scenarios.js";
import { DAY, HOLDER_BALANCE } from "./settings.js";

/** The oracle window the bench deploys with: the treasury's price band reads a day's average. */
const TWAP_WINDOW = DAY;

export interface OurDex {
  factory: CoopPairFactory;
  router: CoopRouter;
  wrbtc: WRBTC;
}

/** Deploys the DEX as the `Dex` module does, except that WRBTC is deployed on its own, as it
 * exists on RSK, so that each contract's deployment gas is its own. */
export async function deployDex(chain: Chain): Promise<OurDex> {
  const wrbtc = await chain.deploy<WRBTC>("ours", "WRBTC");
  const factory = await chain.deploy<CoopPairFactory>("ours", "CoopPairFactory");
  const router = await chain.deploy<CoopRouter>("ours", "CoopRouter", [
    await factory.getAddress(),
    await wrbtc.getAddress(),
  ]);
  return { factory, router, wrbtc };
}

export async function measureDex(chain: Chain) {
  progress("ours: DEX");
  const [deployer, lp, trader] = await chain.ethers.getSigners();
  const { factory, router } = await deployDex(chain);
  const tokenA = await chain.deploy<BenchERC20>("anchor", "BenchERC20", ["Token A", "TKA"], {
    record: false,
  });
  const tokenB = await chain.deploy<BenchERC20>("anchor", "BenchERC20", ["Token B", "TKB"], {
    record: false,
  });
  const [a, b] = [await tokenA.getAddress(), await tokenB.getAddress()];
  const created = await chain.measure(factory.createPair(a, b));
  const pairAddress = await factory.getPair(a, b);
  await chain.recordDeployment("ours", "CoopPair", pairAddress, created.gas);
  chain.recorder.contracts[chain.recorder.contracts.length - 1].note = "deployed by createPair";

  for (const holder of [lp, trader]) {
    await chain.send(tokenA.mint(holder.address, HOLDER_BALANCE * 100n));
    await chain.send(tokenB.mint(holder.address, HOLDER_BALANCE * 100n));
  }
  const pair = (await chain.ethers.getContractAt("CoopPair", pairAddress)) as unknown as CoopPair;
  const gas = await measurePair(
    chain,
    {
      as: (signer) => pair.connect(signer) as unknown as PairLike,
      tokens: (signer) => [tokenA.connect(signer), tokenB.connect(signer)],
      amountOut: uniswapV2AmountOut,
    },
    lp,
    trader,
  );
  await recordPairRows(chain, "ours", gas);
  await chain.traceStorage("ours.dex.swap", "CoopPair swap", gas.swap);

  // Router calls, as users make them: approvals first, then one call each.
  const routerAddress = await router.getAddress();
  for (const signer of [lp, trader]) {
    await chain.send(tokenA.connect(signer).approve(routerAddress, MaxUint256));
    await chain.send(tokenB.connect(signer).approve(routerAddress, MaxUint256));
    await chain.send(pair.connect(signer).approve(routerAddress, MaxUint256));
  }
  const deadline = MaxUint256;
  const routerSwap = await chain.measure(
    router.connect(trader).swapExactTokensForTokens(SWAP_IN, 0, [a, b], trader.address, deadline),
  );
  const before = await pair.balanceOf(lp.address);
  const routerAdd = await chain.measure(
    router
      .connect(lp)
      .addLiquidity(a, b, LIQUIDITY_ADD, LIQUIDITY_ADD * 2n, 0, 0, lp.address, deadline),
  );
  const added = (await pair.balanceOf(lp.address)) - before;
  const routerRemove = await chain.measure(
    router.connect(lp).removeLiquidity(a, b, added, 0, 0, lp.address, deadline),
  );
  await chain.recordOp("dex.router.swap", "ours", routerSwap);
  await chain.recordOp("dex.router.add", "ours", routerAdd);
  await chain.recordOp("dex.router.remove", "ours", routerRemove);

  const oracle = await chain.deploy<CoopTwapOracle>("ours", "CoopTwapOracle", [
    pairAddress,
    TWAP_WINDOW,
    deployer.address,
  ]);
  // The first average fills empty slots; the measured update replaces an average.
  await chain.advance(TWAP_WINDOW);
  await chain.send(oracle.update());
  await chain.advance(TWAP_WINDOW);
  const update = await chain.measure(oracle.update());
  await chain.recordOp("dex.oracle.update", "ours", update);
}
