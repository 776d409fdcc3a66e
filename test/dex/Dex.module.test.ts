import { expect } from "chai";

import DexModule from "../../deploy/modules/Dex.js";
import { CoopRouter__factory, WRBTC__factory } from "../../typechain-types/index.js";
import { deployDex, ethers, ignition, networkHelpers } from "./fixtures.js";

describe("Dex Ignition module", function () {
  it("deploys a fresh WRBTC when no wrbtc parameter is given", async function () {
    const { router, wrbtc, factory } = await networkHelpers.loadFixture(deployDex);
    const address = await wrbtc.getAddress();
    expect(await router.wrbtc()).to.equal(address);
    expect(await ethers.provider.getCode(address)).to.not.equal("0x");
    expect(await wrbtc.symbol()).to.equal("WRBTC");
    expect(await router.factory()).to.equal(await factory.getAddress());
  });

  it("uses the WRBTC given as the wrbtc parameter", async function () {
    async function deployWithExisting() {
      const [deployer] = await ethers.getSigners();
      const existing = await new WRBTC__factory(deployer).deploy();
      const address = await existing.getAddress();
      const deployed = await ignition.deploy(DexModule, {
        parameters: { Dex: { wrbtc: address } },
      });
      return { address, deployed };
    }
    const { address, deployed } = await networkHelpers.loadFixture(deployWithExisting);
    expect(await deployed.wrbtc.getAddress()).to.equal(address);
    const router = CoopRouter__factory.connect(await deployed.router.getAddress(), ethers.provider);
    expect(await router.wrbtc()).to.equal(address);
  });
});
