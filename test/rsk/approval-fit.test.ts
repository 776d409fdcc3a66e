import { expect } from "chai";
import { Wallet, id, keccak256, toUtf8Bytes } from "ethers";
import { network } from "hardhat";

import { networkParameters } from "../../lib/cli/deployment.js";
import { deployConfoederatio, withFounders } from "../../lib/coop/demo.js";
import { recordDeployment, runTask } from "../cli/harness.js";

const { ethers, networkHelpers } = await network.getOrCreate();

/** More first-time claimants than one RSK block can approve in one batch (bench: 78 direct). */
const CLAIMANTS = 100;

async function deployWithManyClaims() {
  const [, alice, bob, carol] = await ethers.getSigners();
  const parameters = withFounders(await networkParameters("default"), [
    alice.address,
    bob.address,
    carol.address,
  ]);
  const a = await deployConfoederatio(await network.getOrCreate(), parameters);
  const dir = await recordDeployment(ethers, a, "coop-fit-");
  const registry = await ethers.getContractAt("ContributionRegistry", a.registry);
  const ids: bigint[] = [];
  for (let i = 0; i < CLAIMANTS; i++) {
    const member = new Wallet(id(`approval-fit:${i}`), ethers.provider);
    await networkHelpers.setBalance(member.address, 10n ** 18n);
    const evidence = `work ${i}`;
    await (
      await registry
        .connect(member)
        .submitClaim(10n ** 18n, 0, keccak256(toUtf8Bytes(evidence)), evidence)
    ).wait();
    ids.push(await registry.claimCount());
  }
  return { dir, ids };
}

function coop(command: string[], args: Record<string, string>) {
  return runTask(ethers, ["coop", ...command], args);
}

describe("coop propose approve, when the batch does not fit one RSK block", function () {
  let saved: string | undefined;

  beforeEach(async function () {
    saved = process.env.COOP_DEPLOYMENTS_DIR;
    const { dir } = await networkHelpers.loadFixture(deployWithManyClaims);
    process.env.COOP_DEPLOYMENTS_DIR = dir;
  });

  afterEach(function () {
    if (saved === undefined) delete process.env.COOP_DEPLOYMENTS_DIR;
    else process.env.COOP_DEPLOYMENTS_DIR = saved;
  });

  it("refuses in one line that gives the maximum, and sends nothing", async function () {
    const { ids } = await networkHelpers.loadFixture(deployWithManyClaims);
    const refused = await coop(["propose", "approve"], { claims: ids.join(","), from: "1" });
    expect(refused.exitCode).to.equal(1);
    expect(refused.err).to.have.length(1);
    expect(refused.err[0]).to.match(
      /^error: --claims: 100 claims do not fit one RSK block when executed; propose at most \d+ at a time/,
    );
    expect(refused.blocksMined).to.equal(0);
  });

  it("the maximum it gives passes governance and executes within the block", async function () {
    const { ids } = await networkHelpers.loadFixture(deployWithManyClaims);
    const refused = await coop(["propose", "approve"], { claims: ids.join(","), from: "1" });
    const most = Number(/at most (\d+)/.exec(refused.err[0])![1]);
    expect(most).to.be.greaterThan(1).and.lessThan(CLAIMANTS);

    const proposed = await coop(["propose", "approve"], {
      claims: ids.slice(0, most).join(","),
      from: "1",
    });
    expect(proposed.exitCode, proposed.err.join("\n")).to.equal(0);
    const proposal = /^proposal (p[0-9a-f]{8}): /.exec(proposed.out[0])![1];
    await networkHelpers.mine(2);
    for (const from of ["1", "2", "3"]) {
      expect(
        (await coop(["vote"], { proposal, support: "for", reason: "", from })).exitCode,
      ).to.equal(0);
    }
    await networkHelpers.time.increase(3_600);
    expect((await coop(["queue"], { proposal, from: "1" })).exitCode).to.equal(0);
    await networkHelpers.time.increase(3_600);
    const executed = await coop(["execute"], { proposal, from: "1" });
    expect(executed.exitCode, executed.err.join("\n")).to.equal(0);
    const block = await ethers.provider.getBlock("latest");
    expect(block!.gasUsed).to.be.lessThanOrEqual(6_800_000n);

    const oneMore = await coop(["propose", "approve"], {
      claims: ids.slice(most, CLAIMANTS).join(","),
      from: "1",
    });
    expect(oneMore.exitCode, oneMore.err.join("\n")).to.equal(0);
  });
});
