import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { Wallet, id, keccak256, toUtf8Bytes } from "ethers";
import hre, { network } from "hardhat";

import { networkParameters } from "../../lib/cli/deployment.js";
import { deployConfoederatio, withFounders } from "../../lib/coop/demo.js";

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
  const dir = await mkdtemp(path.join(tmpdir(), "coop-fit-"));
  const { chainId } = await ethers.provider.getNetwork();
  await mkdir(path.join(dir, `chain-${chainId}`));
  await writeFile(
    path.join(dir, `chain-${chainId}`, "deployed_addresses.json"),
    JSON.stringify({
      "Cooperative#WorkHours": a.workHours,
      "Cooperative#CareReputation": a.careReputation,
      "Cooperative#ContributionRegistry": a.registry,
      "Cooperative#CoopTimelock": a.timelock,
      "Cooperative#HolisticGovernor": a.governor,
      "Cooperative#RedemptionTreasury": a.treasury,
      "Dex#CoopPairFactory": a.factory,
      "Dex#CoopRouter": a.router,
      "Dex#WRBTC": a.wrbtc,
      "Confoederatio#CoopPair": a.pair as string,
      "Confoederatio#CoopTwapOracle": a.oracle as string,
    }),
  );
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

async function coop(command: string[], args: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => out.push(parts.join(" "));
  console.error = (...parts: unknown[]) => err.push(parts.join(" "));
  const before = await ethers.provider.getBlockNumber();
  process.exitCode = 0;
  try {
    await hre.tasks.getTask(["coop", ...command]).run({ from: "", ...args });
  } finally {
    console.log = log;
    console.error = error;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, exitCode, blocksMined: (await ethers.provider.getBlockNumber()) - before };
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
