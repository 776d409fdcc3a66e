import { expect } from "chai";

import { E18, deployDex, ethers, networkHelpers } from "./fixtures.js";

describe("WRBTC", function () {
  it("is an 18-decimal ERC20 named Wrapped RBTC", async function () {
    const { wrbtc } = await networkHelpers.loadFixture(deployDex);
    expect(await wrbtc.name()).to.equal("Wrapped RBTC");
    expect(await wrbtc.symbol()).to.equal("WRBTC");
    expect(await wrbtc.decimals()).to.equal(18n);
  });

  it("wraps RBTC one to one on deposit", async function () {
    const { wrbtc, alice } = await networkHelpers.loadFixture(deployDex);
    await expect(wrbtc.connect(alice).deposit({ value: 2n * E18 }))
      .to.emit(wrbtc, "Deposited")
      .withArgs(alice.address, 2n * E18);
    expect(await wrbtc.balanceOf(alice.address)).to.equal(2n * E18);
    expect(await ethers.provider.getBalance(await wrbtc.getAddress())).to.equal(2n * E18);
  });

  it("wraps RBTC sent without data", async function () {
    const { wrbtc, alice } = await networkHelpers.loadFixture(deployDex);
    await alice.sendTransaction({ to: await wrbtc.getAddress(), value: E18 });
    expect(await wrbtc.balanceOf(alice.address)).to.equal(E18);
  });

  it("unwraps on withdraw", async function () {
    const { wrbtc, alice } = await networkHelpers.loadFixture(deployDex);
    await wrbtc.connect(alice).deposit({ value: 2n * E18 });
    const tx = wrbtc.connect(alice).withdraw(E18);
    await expect(tx).to.changeEtherBalance(ethers, alice, E18, { includeFee: false });
    await expect(tx).to.emit(wrbtc, "Withdrawn").withArgs(alice.address, E18);
    expect(await wrbtc.balanceOf(alice.address)).to.equal(E18);
    expect(await wrbtc.totalSupply()).to.equal(E18);
  });

  it("refuses to unwrap more than the balance", async function () {
    const { wrbtc, alice } = await networkHelpers.loadFixture(deployDex);
    await wrbtc.connect(alice).deposit({ value: E18 });
    await expect(wrbtc.connect(alice).withdraw(E18 + 1n))
      .to.be.revertedWithCustomError(wrbtc, "ERC20InsufficientBalance")
      .withArgs(alice.address, E18, E18 + 1n);
  });
});
