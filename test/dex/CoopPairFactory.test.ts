import { expect } from "chai";

import { CoopPair__factory, PairDeployerMock__factory } from "../../typechain-types/index.js";
import { deployTokens, ethers, networkHelpers } from "./fixtures.js";
import { sortTokens } from "../../lib/dex.js";

describe("CoopPairFactory", function () {
  async function deploy() {
    const env = await networkHelpers.loadFixture(deployTokens);
    const a = await env.tokenA.getAddress();
    const b = await env.tokenB.getAddress();
    return { ...env, a, b };
  }

  describe("getOrCreatePair", function () {
    it("creates a missing pair, as createPair does", async function () {
      const { factory, a, b } = await deploy();
      const [token0, token1] = sortTokens(a, b);
      const expected = await factory.getOrCreatePair.staticCall(a, b);
      await expect(factory.getOrCreatePair(b, a))
        .to.emit(factory, "PairCreated")
        .withArgs(token0, token1, expected, 0n);
      expect(await factory.getPair(a, b)).to.equal(expected);
    });

    it("returns the pair someone else created, without creating another", async function () {
      const { factory, a, b } = await deploy();
      const [, , , , , mallory] = await ethers.getSigners();
      await factory.connect(mallory).createPair(a, b);
      const pair = await factory.getPair(a, b);
      expect(await factory.getOrCreatePair.staticCall(b, a)).to.equal(pair);
      await expect(factory.getOrCreatePair(a, b)).to.not.emit(factory, "PairCreated");
      expect(await factory.allPairsLength()).to.equal(1n);
    });

    it("rejects identical tokens and the zero address", async function () {
      const { factory, a } = await deploy();
      await expect(factory.getOrCreatePair(a, a))
        .to.be.revertedWithCustomError(factory, "FactoryIdenticalTokens")
        .withArgs(a);
      await expect(factory.getOrCreatePair(a, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(factory, "FactoryZeroAddress")
        .withArgs(a, ethers.ZeroAddress);
    });
  });

  describe("createPair", function () {
    it("creates the pair at its CREATE2 address and emits PairCreated", async function () {
      const { factory, a, b } = await deploy();
      const [token0, token1] = sortTokens(a, b);
      const expected = ethers.getCreate2Address(
        await factory.getAddress(),
        ethers.keccak256(
          ethers.AbiCoder.defaultAbiCoder().encode(["address", "address"], [token0, token1]),
        ),
        ethers.keccak256(CoopPair__factory.bytecode),
      );
      await expect(factory.createPair(b, a))
        .to.emit(factory, "PairCreated")
        .withArgs(token0, token1, expected, 0n);
      expect(await factory.getPair(a, b)).to.equal(expected);
      expect(await factory.getPair(b, a)).to.equal(expected);
      expect(await factory.pairFor(a, b)).to.equal(expected);
      expect(await factory.allPairs(0n)).to.equal(expected);
      expect(await factory.allPairsLength()).to.equal(1n);
      expect(await factory.pairInitCodeHash()).to.equal(
        ethers.keccak256(CoopPair__factory.bytecode),
      );
    });

    it("gives the pair its sorted tokens and itself as factory", async function () {
      const { factory, deployer, a, b } = await deploy();
      await factory.createPair(a, b);
      const pair = CoopPair__factory.connect(await factory.getPair(a, b), deployer);
      const [token0, token1] = sortTokens(a, b);
      expect(await pair.token0()).to.equal(token0);
      expect(await pair.token1()).to.equal(token1);
      expect(await pair.factory()).to.equal(await factory.getAddress());
      expect(await pair.totalSupply()).to.equal(0n);
    });

    it("clears the pending tokens after creation", async function () {
      const { factory, a, b } = await deploy();
      await factory.createPair(a, b);
      expect(await factory.pendingTokens()).to.deep.equal([ethers.ZeroAddress, ethers.ZeroAddress]);
    });

    it("rejects a second pair of the same tokens, in either order", async function () {
      const { factory, a, b } = await deploy();
      await factory.createPair(a, b);
      const pair = await factory.getPair(a, b);
      const [token0, token1] = sortTokens(a, b);
      await expect(factory.createPair(b, a))
        .to.be.revertedWithCustomError(factory, "FactoryPairExists")
        .withArgs(token0, token1, pair);
    });

    it("rejects identical tokens", async function () {
      const { factory, a } = await deploy();
      await expect(factory.createPair(a, a))
        .to.be.revertedWithCustomError(factory, "FactoryIdenticalTokens")
        .withArgs(a);
    });

    it("rejects the zero address", async function () {
      const { factory, a } = await deploy();
      await expect(factory.createPair(a, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(factory, "FactoryZeroAddress")
        .withArgs(a, ethers.ZeroAddress);
    });

    it("indexes pairs in creation order", async function () {
      const { factory, a, b, wrbtc } = await deploy();
      const w = await wrbtc.getAddress();
      await factory.createPair(a, b);
      await expect(factory.createPair(a, w)).to.emit(factory, "PairCreated");
      expect(await factory.allPairsLength()).to.equal(2n);
      expect(await factory.allPairs(1n)).to.equal(await factory.getPair(w, a));
    });
  });

  describe("a pair deployed outside the factory", function () {
    it("refuses to exist without tokens", async function () {
      const { deployer } = await deploy();
      const deployerMock = await new PairDeployerMock__factory(deployer).deploy();
      const pair = CoopPair__factory.connect(ethers.ZeroAddress, deployer);
      await expect(deployerMock.deploy(ethers.ZeroAddress, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(pair, "PairInvalidTokens")
        .withArgs(ethers.ZeroAddress, ethers.ZeroAddress);
    });

    it("refuses unsorted tokens", async function () {
      const { deployer, a, b } = await deploy();
      const deployerMock = await new PairDeployerMock__factory(deployer).deploy();
      const pair = CoopPair__factory.connect(ethers.ZeroAddress, deployer);
      const [token0, token1] = sortTokens(a, b);
      await expect(deployerMock.deploy(token1, token0))
        .to.be.revertedWithCustomError(pair, "PairInvalidTokens")
        .withArgs(token1, token0);
    });
  });
});
