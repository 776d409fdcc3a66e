/**
 * The band through the CLI on the demo's pool with the demo's band: after `npm run demo`
 * (which ends with a floor defence), `coop band --defend floor` defends again in a later block,
 * and once a buyer has pushed the TWAP above the ceiling, `coop band --defend ceiling` mints and
 * sells.
 */
import { expect } from "chai";
import { network } from "hardhat";

import { runDemo } from "../../lib/coop/demo.js";
import { recordDeployment, runTask } from "../cli/harness.js";

const connection = await network.getOrCreate();
const { ethers, networkHelpers } = connection;

async function afterTheDemo() {
  const outcome = await runDemo(connection, { log: () => undefined });
  const dir = await recordDeployment(ethers, outcome.addresses, "coop-band-");
  return { addresses: outcome.addresses, dir };
}

/** Runs `coop <command>` in this process and returns what it printed and its exit code. */
function coop(command: string[], args: Record<string, string>) {
  return runTask(ethers, ["coop", ...command], args);
}

describe("coop band on the demo's pool", function () {
  let savedDir: string | undefined;

  beforeEach(function () {
    savedDir = process.env.COOP_DEPLOYMENTS_DIR;
  });

  afterEach(function () {
    if (savedDir === undefined) delete process.env.COOP_DEPLOYMENTS_DIR;
    else process.env.COOP_DEPLOYMENTS_DIR = savedDir;
  });

  it("defends the floor and then the ceiling", async function () {
    const { addresses, dir } = await networkHelpers.loadFixture(afterTheDemo);
    process.env.COOP_DEPLOYMENTS_DIR = dir;

    const floor = await coop(["band"], { defend: "floor", from: "3" });
    expect(floor.err).to.deep.equal([]);
    expect(floor.exitCode).to.equal(0);
    expect(floor.out[0]).to.match(/^floor defended: spent 0\.0000\d+ RBTC buying back /);

    // A buyer pays 0.003 RBTC for hours: the price rises past the ceiling (1.5x the rate).
    const bought = await coop(["swap"], {
      sell: "reserve",
      amount: "0.003",
      slippage: "50",
      from: "4",
    });
    expect(bought.exitCode).to.equal(0);
    const oracle = await ethers.getContractAt("CoopTwapOracle", addresses.oracle as string);
    const window = await oracle.window();
    await networkHelpers.time.increase(window + 1n);
    await oracle.update();
    await networkHelpers.time.increase(window + 1n);

    const ceiling = await coop(["band"], { defend: "ceiling", from: "3" });
    expect(ceiling.err).to.deep.equal([]);
    expect(ceiling.exitCode).to.equal(0);
    expect(ceiling.out[0]).to.match(/^ceiling defended: minted [\d.]+ hours? and sold them for /);
  });
});
