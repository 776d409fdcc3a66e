import hre from "hardhat";
import { expect } from "chai";
import { createRequire } from "node:module";

import { ContractFactory } from "ethers";
import type { BaseContract, ContractTransactionResponse, InterfaceAbi } from "ethers";

import { MAX_CONTRACT_SIZE, RSK_BLOCK_GAS_LIMIT } from "../../lib/constants.js";
import { getAmountOut, sortTokens } from "../../lib/dex.js";
import { CoopPair__factory } from "../../typechain-types/index.js";
import type { CoopPair, DexMockToken } from "../../typechain-types/index.js";
import {
  E18,
  FAR,
  RESERVE0,
  RESERVE1,
  deployRouterPool,
  deployTokens,
  ethers,
  networkHelpers,
} from "./fixtures.js";
import { CoopTwapOracle__factory } from "../../typechain-types/index.js";

const require = createRequire(import.meta.url);
const uniswapFactoryJson = require("@uniswap/v2-core/build/UniswapV2Factory.json") as {
  abi: InterfaceAbi;
  bytecode: string;
};
const uniswapPairJson = require("@uniswap/v2-core/build/UniswapV2Pair.json") as {
  abi: InterfaceAbi;
  bytecode: string;
};

type SwapPair = BaseContract & {
  swap(a0: bigint, a1: bigint, to: string, data: string): Promise<ContractTransactionResponse>;
  mint(to: string): Promise<ContractTransactionResponse>;
};

describe("DEX gas", function () {
  /** Our pair and a Uniswap V2 pair of the same two tokens, with the same reserves. */
  async function deployBothPairs() {
    const env = await deployTokens();
    const a = await env.tokenA.getAddress();
    const b = await env.tokenB.getAddress();
    const [token0Address] = sortTokens(a, b);
    const [token0, token1]: DexMockToken[] =
      token0Address === a ? [env.tokenA, env.tokenB] : [env.tokenB, env.tokenA];

    await env.factory.createPair(a, b);
    const coop: CoopPair = CoopPair__factory.connect(await env.factory.getPair(a, b), env.alice);

    const uniswapFactory = await new ContractFactory(
      uniswapFactoryJson.abi,
      "0x" + uniswapFactoryJson.bytecode.replace(/^0x/, ""),
      env.deployer,
    ).deploy(env.deployer.address);
    const uniswapFactoryContract = uniswapFactory as unknown as BaseContract & {
      createPair(a: string, b: string): Promise<ContractTransactionResponse>;
      getPair(a: string, b: string): Promise<string>;
    };
    await uniswapFactoryContract.createPair(a, b);
    const uniswap = new ethers.Contract(
      await uniswapFactoryContract.getPair(a, b),
      uniswapPairJson.abi,
      env.alice,
    ) as unknown as SwapPair;

    for (const pair of [coop as unknown as SwapPair, uniswap]) {
      await token0.connect(env.alice).transfer(await pair.getAddress(), RESERVE0);
      await token1.connect(env.alice).transfer(await pair.getAddress(), RESERVE1);
      await pair.mint(env.alice.address);
    }
    return { ...env, token0, token1, coop: coop as unknown as SwapPair, uniswap };
  }

  /** Pays 10 token0 into `pair` and swaps for token1, in a later block than the last write,
   * so the cumulative prices are written too (the usual case). Returns the swap's gas. */
  async function measureSwap(env: Awaited<ReturnType<typeof deployBothPairs>>, pair: SwapPair) {
    await networkHelpers.time.increase(60);
    const amountIn = 10n * E18;
    await env.token0.connect(env.bob).transfer(await pair.getAddress(), amountIn);
    const amountOut = getAmountOut(amountIn, RESERVE0, RESERVE1);
    const tx = await (pair.connect(env.bob) as SwapPair).swap(0n, amountOut, env.bob.address, "0x");
    const receipt = await tx.wait();
    expect(await env.token1.balanceOf(env.bob.address)).to.equal(1_000_000n * E18 + amountOut);
    return receipt!.gasUsed;
  }

  it("a CoopPair swap costs no more than a Uniswap V2 swap on the same state", async function () {
    // Coverage instruments the bytecode: its gas and size are not the deployed ones.
    if (hre.globalOptions.coverage) this.skip();
    const env = await networkHelpers.loadFixture(deployBothPairs);
    const uniswapGas = await measureSwap(env, env.uniswap);
    await networkHelpers.loadFixture(deployBothPairs);
    const coopGas = await measureSwap(env, env.coop);
    console.log(`      swap gas: CoopPair ${coopGas}, UniswapV2Pair ${uniswapGas}`);
    expect(coopGas <= uniswapGas).to.equal(true);
  });

  it("a router swap, liquidity add and pair creation fit RSK's block gas limit", async function () {
    const env = await networkHelpers.loadFixture(deployTokens);
    const a = await env.tokenA.getAddress();
    const b = await env.tokenB.getAddress();
    const add = await (
      await env.router
        .connect(env.alice)
        .addLiquidity(a, b, RESERVE0, RESERVE1, 0n, 0n, env.alice.address, FAR)
    ).wait();
    const swap = await (
      await env.router
        .connect(env.bob)
        .swapExactTokensForTokens(10n * E18, 0n, [a, b], env.bob.address, FAR)
    ).wait();
    console.log(`      router: addLiquidity+createPair ${add!.gasUsed}, swap ${swap!.gasUsed}`);
    expect(add!.gasUsed < RSK_BLOCK_GAS_LIMIT).to.equal(true);
    expect(swap!.gasUsed < RSK_BLOCK_GAS_LIMIT).to.equal(true);
  });

  it("every DEX contract fits the 24,576-byte contract size limit", async function () {
    // Coverage instruments the bytecode: its gas and size are not the deployed ones.
    if (hre.globalOptions.coverage) this.skip();
    const env = await networkHelpers.loadFixture(deployRouterPool);
    const oracle = await new CoopTwapOracle__factory(env.deployer).deploy(
      await env.pair.getAddress(),
      3600n,
      env.deployer.address,
    );
    const contracts = {
      CoopPair: env.pair,
      CoopPairFactory: env.factory,
      CoopRouter: env.router,
      CoopTwapOracle: oracle,
      WRBTC: env.wrbtc,
    };
    const sizes: string[] = [];
    for (const [name, contract] of Object.entries(contracts)) {
      const size = (await ethers.provider.getCode(await contract.getAddress())).length / 2 - 1;
      sizes.push(`${name} ${size}`);
      expect(size).to.be.greaterThan(0).and.at.most(MAX_CONTRACT_SIZE);
    }
    console.log(`      runtime bytes: ${sizes.join(", ")}`);
  });
});
