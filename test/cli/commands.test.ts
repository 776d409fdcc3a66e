import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import hre, { network } from "hardhat";

import type { CoopAddresses } from "../../lib/cli/deployment.js";
import { networkParameters } from "../../lib/cli/deployment.js";
import { deployConfoederatio, withFounders } from "../../lib/coop/demo.js";

const { ethers, networkHelpers } = await network.getOrCreate();

/** The Ignition future ids that `npm run deploy` records, for these addresses. */
function ignitionAddresses(a: CoopAddresses): Record<string, string> {
  return {
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
  };
}

async function deployForCli() {
  const [, alice, bob, carol] = await ethers.getSigners();
  const parameters = withFounders(await networkParameters("default"), [
    alice.address,
    bob.address,
    carol.address,
  ]);
  const addresses = await deployConfoederatio(await network.getOrCreate(), parameters);
  const dir = await mkdtemp(path.join(tmpdir(), "coop-cli-"));
  const { chainId } = await ethers.provider.getNetwork();
  await mkdir(path.join(dir, `chain-${chainId}`));
  await writeFile(
    path.join(dir, `chain-${chainId}`, "deployed_addresses.json"),
    JSON.stringify(ignitionAddresses(addresses)),
  );
  return { addresses, dir };
}

interface Outcome {
  out: string[];
  err: string[];
  exitCode: number;
  blocksMined: number;
}

/** Runs `coop <command>` in this process, as the CLI would, capturing what it prints. */
async function coop(command: string[], args: Record<string, string>): Promise<Outcome> {
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

/** Asserts a refusal: one line on stderr, a non-zero exit, and nothing sent. */
function expectRefusal(outcome: Outcome, pattern: RegExp) {
  expect(outcome.err).to.have.length(1);
  expect(outcome.err[0]).to.match(/^error: /);
  expect(outcome.err[0]).to.match(pattern);
  expect(outcome.exitCode).to.equal(1);
  expect(outcome.blocksMined).to.equal(0);
}

describe("coop CLI", function () {
  let savedDir: string | undefined;

  beforeEach(async function () {
    savedDir = process.env.COOP_DEPLOYMENTS_DIR;
    const { dir } = await networkHelpers.loadFixture(deployForCli);
    process.env.COOP_DEPLOYMENTS_DIR = dir;
  });

  afterEach(function () {
    if (savedDir === undefined) delete process.env.COOP_DEPLOYMENTS_DIR;
    else process.env.COOP_DEPLOYMENTS_DIR = savedDir;
  });

  describe("when the input is good", function () {
    it("submits a claim and lists it", async function () {
      const claimed = await coop(["claim"], {
        hours: "7.5",
        category: "Commons",
        evidence: "https://example.org/garden",
        from: "1",
      });
      expect(claimed.exitCode).to.equal(0);
      expect(claimed.out[0]).to.match(
        /^claim 1 submitted: 7\.5 hours of commons work \(gas [\d,]+\)$/,
      );
      const listed = await coop(["claims"], { status: "pending", limit: "20" });
      expect(listed.out).to.have.length(1);
      expect(listed.out[0]).to.match(/^#1\s+Pending\s+Commons\s+7\.5 h/);
      expect(listed.out[0]).to.include("https://example.org/garden");
    });

    it("takes the signer's address in lower case, as RSK wallets may print it", async function () {
      const [, alice] = await ethers.getSigners();
      const shown = await coop(["status"], { from: alice.address.toLowerCase(), proposals: "0" });
      expect(shown.exitCode).to.equal(0);
      expect(shown.out[0]).to.equal(`account ${alice.address}`);
      // alice: 20 commons + 4 subsistence hours and 2 care, weighed 1.5: 27.
      expect(shown.out).to.include("  vote weight now 27");
    });

    it("says when a proposal's next step will be ready", async function () {
      await coop(["claim"], { hours: "2", category: "care", evidence: "visits", from: "3" });
      const proposed = await coop(["propose", "approve"], { claims: "1", from: "1" });
      expect(proposed.exitCode).to.equal(0);
      const id = proposed.out[0].replace("proposal ", "");
      const early = await coop(["queue"], { proposal: id });
      expectRefusal(early, /can be queued after its vote ends at .* UTC \(in /);
    });

    it("joins the pool at its own price when the offer's ratio differs", async function () {
      const first = await coop(["liquidity", "add"], {
        hours: "10",
        amount: "0.001",
        slippage: "0.5",
        from: "1",
      });
      expect(first.out[0]).to.match(/^added 10 hours and 0\.001 RBTC to the pool/);
      // 0.0001 RBTC per hour now: 4 hours take 0.0004 RBTC of the 0.01 offered.
      const second = await coop(["liquidity", "add"], {
        hours: "4",
        amount: "0.01",
        slippage: "0.5",
        from: "2",
      });
      expect(second.exitCode).to.equal(0);
      expect(second.out[0]).to.match(/^added 4 hours and 0\.0004 RBTC to the pool at its price/);
    });
  });

  describe("when someone synced dust into the empty pool", function () {
    it("opens the pool at the offer's own price, not the dust's", async function () {
      const { addresses } = await networkHelpers.loadFixture(deployForCli);
      const [, alice] = await ethers.getSigners();
      const pair = await ethers.getContractAt("CoopPair", addresses.pair as string, alice);
      const work = await ethers.getContractAt("WorkHours", addresses.workHours, alice);
      const wrbtc = await ethers.getContractAt("WRBTC", addresses.wrbtc, alice);
      await wrbtc.deposit({ value: 1n });
      await work.transfer(addresses.pair as string, 1n);
      await wrbtc.transfer(addresses.pair as string, 1n);
      await pair.sync();
      const added = await coop(["liquidity", "add"], {
        hours: "10",
        amount: "0.001",
        slippage: "0.5",
        from: "1",
      });
      expect(added.exitCode).to.equal(0);
      expect(added.out[0]).to.match(/^added 10 hours and 0\.001 RBTC to the pool/);
      // 1e14 wei per hour, as offered (the dust adds one wei to each side)
      const [r0, r1] = await pair.getReserves();
      const hoursFirst = (await pair.token0()) === addresses.workHours;
      const [hours, rbtc] = hoursFirst ? [r0, r1] : [r1, r0];
      expect([hours, rbtc]).to.deep.equal([10n ** 19n + 1n, 10n ** 15n + 1n]);
    });
  });

  describe("when a band's budget is large against the pool", function () {
    it("proposes it with a warning that names the figure that fits", async function () {
      await coop(["liquidity", "add"], {
        hours: "10",
        amount: "0.001",
        slippage: "0.5",
        from: "1",
      });
      const proposed = await coop(["propose", "band"], {
        floor: "0.00008",
        ceiling: "0.00015",
        budget: "0.001",
        emission: "20",
        period: "86400",
        slippage: "5",
        from: "1",
      });
      expect(proposed.exitCode).to.equal(0);
      expect(proposed.out[0]).to.match(/^proposal /);
      expect(proposed.err).to.have.length(2);
      expect(proposed.err[0]).to.match(
        /^warning: the buyback budget 0\.001 RBTC is large against the pool's 0\.001 RBTC: .* about 400 defences, one per block; a budget that fits is at most 0\.00005 RBTC$/,
      );
      expect(proposed.err[1]).to.match(
        /^warning: the emission cap 20 hours .* about 800 defences, one per block; a cap that fits is at most 0\.5 hours$/,
      );
    });
  });

  describe("when the input is bad", function () {
    it("refuses a negative amount", async function () {
      const outcome = await coop(["claim"], { hours: "-2", category: "commons", evidence: "x" });
      expectRefusal(outcome, /--hours must be positive, got -2/);
    });

    it("refuses a category that does not exist", async function () {
      const outcome = await coop(["claim"], { hours: "2", category: "leisure", evidence: "x" });
      expectRefusal(outcome, /--category must be one of Commons, Subsistence, Care; got "leisure"/);
    });

    it("refuses a malformed address", async function () {
      const outcome = await coop(["claims"], { account: "0x12345", limit: "5" });
      expectRefusal(outcome, /--account is not an address/);
    });

    it("refuses an unknown claim", async function () {
      const outcome = await coop(["propose", "approve"], { claims: "99", from: "1" });
      expectRefusal(outcome, /claim 99 does not exist \(claims are numbered 1 to 0\)/);
    });

    it("refuses a network where no cooperative is deployed", async function () {
      process.env.COOP_DEPLOYMENTS_DIR = await mkdtemp(path.join(tmpdir(), "coop-none-"));
      const outcome = await coop(["status"], {});
      expectRefusal(outcome, /no cooperative is deployed on network "default" \(chain 31337\)/);
    });

    it("refuses a vote after the deadline", async function () {
      await coop(["claim"], { hours: "2", category: "commons", evidence: "x", from: "3" });
      const proposed = await coop(["propose", "approve"], { claims: "1", from: "1" });
      const id = proposed.out[0].replace("proposal ", "");
      await networkHelpers.time.increase(3_600);
      const outcome = await coop(["vote"], { proposal: id, support: "for", from: "2" });
      expectRefusal(
        outcome,
        new RegExp(`voting on proposal ${id} closed at .* UTC \\(.* ago\\); it is defeated`),
      );
    });

    it("refuses to redeem more than the balance", async function () {
      const outcome = await coop(["redeem"], { category: "commons", hours: "1000", from: "1" });
      expectRefusal(outcome, /holds 24 hours, cannot redeem 1000/);
    });

    it("refuses to redeem more than the earned credit", async function () {
      // carol holds 8 hours but earned only 6 of them as commons work.
      const outcome = await coop(["redeem"], { category: "commons", hours: "7", from: "3" });
      expectRefusal(outcome, /has 6 hours of commons credit, cannot redeem 7/);
    });

    it("refuses a swap before the pool has liquidity", async function () {
      const outcome = await coop(["swap"], {
        sell: "hours",
        amount: "1",
        slippage: "0.5",
        from: "1",
      });
      expectRefusal(outcome, /the pool has no liquidity yet/);
    });
  });
});
