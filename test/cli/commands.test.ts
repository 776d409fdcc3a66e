import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import type { CoopAddresses } from "../../lib/cli/deployment.js";
import type { Outcome } from "./harness.js";
import { deployForCli, expectRefusal, runTask } from "./harness.js";

const { ethers, networkHelpers } = await network.getOrCreate();

/** Runs `coop <command>` in this process, as the CLI would, capturing what it prints. */
function coop(command: string[], args: Record<string, string>): Promise<Outcome> {
  return runTask(ethers, ["coop", ...command], args);
}

/** The short reference ("p3f9a01c2") a `propose` command printed. */
function refOf(outcome: Outcome): string {
  const match = /^proposal (p[0-9a-f]{8}): /.exec(outcome.out[0] ?? "");
  expect(match, outcome.out.join("\n") + outcome.err.join("\n")).not.to.equal(null);
  return (match as RegExpExecArray)[1];
}

/** Asserts a refusal: one line on stderr, a non-zero exit, and nothing sent. */
describe("coop CLI", function () {
  let savedDir: string | undefined;
  let addresses: CoopAddresses;

  beforeEach(async function () {
    savedDir = process.env.COOP_DEPLOYMENTS_DIR;
    const { dir, addresses: deployed } = await networkHelpers.loadFixture(deployForCli);
    addresses = deployed;
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
      expect(listed.out[0]).to.match(/^#1\s+pending\s+commons\s+7\.5 h/);
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
      const id = refOf(proposed);
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
      // the router's approval is its own transaction, and is said so before the deposit
      expect(first.out[0]).to.match(
        /^approved the pool's router to take 10 hours first \(a separate transaction, gas [\d,]+\)$/,
      );
      expect(first.out[1]).to.match(/^added 10 hours and 0\.001 RBTC to the pool/);
      // 0.0001 RBTC per hour now: 4 hours take 0.0004 RBTC of the 0.01 offered.
      const second = await coop(["liquidity", "add"], {
        hours: "4",
        amount: "0.01",
        slippage: "0.5",
        from: "2",
      });
      expect(second.exitCode).to.equal(0);
      expect(second.out.at(-1)).to.match(
        /^added 4 hours and 0\.0004 RBTC to the pool at its price/,
      );
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
      expect(added.out.at(-1)).to.match(/^added 10 hours and 0\.001 RBTC to the pool/);
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
      expectRefusal(outcome, /--category must be one of commons, subsistence, care; got "leisure"/);
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
      const id = refOf(proposed);
      await networkHelpers.time.increase(3_600);
      const outcome = await coop(["vote"], { proposal: id, support: "for", from: "2" });
      expectRefusal(
        outcome,
        new RegExp(`voting on proposal ${id} closed at .* UTC \\(.* ago\\); it is defeated`),
      );
    });

    it("refuses to redeem more than the balance", async function () {
      const outcome = await coop(["redeem"], { category: "commons", hours: "1000", from: "1" });
      expectRefusal(outcome, /holds 24 hours, cannot redeem 1,000/);
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

  describe("proposals that could never execute", function () {
    it("refuses a rate that does not fit the treasury, with the decoded reason", async function () {
      const outcome = await coop(["propose", "param"], {
        name: "rate",
        value: "1000000000000000000000000000000000000000",
        from: "1",
      });
      expectRefusal(
        outcome,
        /^error: this proposal could never execute: its action \(treasury: set the redemption rate to 1,000,000,000,000,000,000,000,000,000,000,000,000,000 RBTC per hour\) would fail: a value \(1\.000e57 base units\) is too large: it must fit in 128 bits$/,
      );
    });

    it("refuses a sale whose account cap exceeds its cap, with the decoded reason", async function () {
      const outcome = await coop(["propose", "sale"], {
        price: "0.001",
        cap: "10",
        accountCap: "20",
        from: "1",
      });
      expectRefusal(
        outcome,
        /would fail: the per-account cap \(20 hours\) must be above 0 and at most the sale's cap \(10 hours\)$/,
      );
    });
  });

  describe("vote weight now", function () {
    it("counts a change made in the latest block", async function () {
      const [, alice, bob] = await ethers.getSigners();
      const work = await ethers.getContractAt("WorkHours", addresses.workHours, alice);
      // alice: 24 hours and 2 care at care weight 1.5 = 27; she sends 7.5 hours in the latest block
      await work.transfer(bob.address, ethers.parseEther("7.5"));
      const shown = await coop(["status"], { from: "1", proposals: "0" });
      expect(shown.out).to.include("  vote weight now 19.5");
      const bobShown = await coop(["status"], { from: "2", proposals: "0" });
      const before = bobShown.out.find((line) => line.startsWith("  vote weight now"));
      expect(before).to.match(/^ {2}vote weight now \d/);
      expect(shown.blocksMined + bobShown.blocksMined).to.equal(0);
    });
  });

  describe("a whole cycle with short references", function () {
    it("proposes, votes, queues and executes by reference, and reports the effects", async function () {
      await coop(["claim"], { hours: "2", category: "care", evidence: "visits", from: "3" });
      const proposed = await coop(["propose", "approve"], { claims: "1", from: "1" });
      const ref = refOf(proposed);
      const listed = await coop(["proposals"], { limit: "5" });
      expect(listed.out[0]).to.match(
        new RegExp(`^${ref} {2}pending {2}Approve 1 contribution claim`),
      );
      expect(listed.out).to.include("  1. registry: approve claim 1 (mints their hours and care)");
      const early = await coop(["vote"], { proposal: ref, support: "for", from: "1" });
      expectRefusal(
        early,
        new RegExp(`voting on proposal ${ref} opens at .* UTC \\((in .*|now)\\)$`),
      );
      await networkHelpers.time.increase(2);
      for (const from of ["1", "2"]) {
        const vote = await coop(["vote"], {
          proposal: ref.toUpperCase().slice(1),
          support: "for",
          from,
        });
        expect(vote.exitCode, vote.err.join()).to.equal(0);
        expect(vote.out[0]).to.match(
          new RegExp(`voted for on ${ref} with a weight of [\\d.,]+ \\(gas`),
        );
      }
      const governor = await ethers.getContractAt("HolisticGovernor", addresses.governor);
      const id = (await governor.queryFilter(governor.filters.ProposalCreated()))[0].args
        .proposalId;
      await networkHelpers.time.increaseTo((await governor.proposalDeadline(id)) + 1n);
      const queued = await coop(["queue"], { proposal: id.toString() });
      expect(queued.exitCode, queued.err.join()).to.equal(0);
      expect(queued.out[0]).to.match(new RegExp(`^proposal ${ref} queued; executable from .* UTC`));
      await networkHelpers.time.increaseTo(await governor.proposalEta(id));
      const executed = await coop(["execute"], { proposal: ref });
      expect(executed.exitCode, executed.err.join()).to.equal(0);
      expect(executed.out[0]).to.match(new RegExp(`^proposal ${ref} executed \\(gas [\\d,]+\\)$`));
      expect(executed.out).to.include(
        `  claim 1 approved: hours minted to ${(await ethers.getSigners())[3].address}`,
      );
      const shown = await coop(["proposal"], { ref });
      expect(shown.out[0]).to.match(new RegExp(`^${ref} {2}executed {2}`));
    });

    it("leaves the pool's hours out of the weight that can vote, by a vote", async function () {
      const proposed = await coop(["propose", "param"], {
        name: "nonVotingHolder",
        value: "pool",
        from: "1",
      });
      expect(proposed.exitCode, proposed.err.join()).to.equal(0);
      const ref = refOf(proposed);
      const shown = await coop(["proposal"], { ref });
      expect(shown.out).to.include(
        "  1. governor: leave the hours held by pool out of the weight that can vote (and so out of the quorum)",
      );
      const governor = await ethers.getContractAt("HolisticGovernor", addresses.governor);
      const id = (await governor.queryFilter(governor.filters.ProposalCreated()))[0].args
        .proposalId;
      await networkHelpers.time.increaseTo((await governor.proposalSnapshot(id)) + 1n);
      for (const from of ["1", "2"]) {
        const vote = await coop(["vote"], { proposal: ref, support: "for", from });
        expect(vote.exitCode, vote.err.join()).to.equal(0);
      }
      await networkHelpers.time.increaseTo((await governor.proposalDeadline(id)) + 1n);
      expect((await coop(["queue"], { proposal: ref })).exitCode).to.equal(0);
      await networkHelpers.time.increaseTo(await governor.proposalEta(id));
      const executed = await coop(["execute"], { proposal: ref });
      expect(executed.exitCode, executed.err.join()).to.equal(0);
      expect(await governor.nonVotingHolders()).to.include(addresses.pair);
    });

    it("refuses a holder that is neither pool, treasury nor an address", async function () {
      const outcome = await coop(["propose", "param"], {
        name: "nonVotingHolder",
        value: "the-pool",
        from: "1",
      });
      expectRefusal(outcome, /--value is not an address/);
    });

    it("refuses a reference that names no proposal", async function () {
      const outcome = await coop(["vote"], { proposal: "pdeadbeef", support: "for", from: "1" });
      expectRefusal(outcome, /no proposal pdeadbeef on this chain; coop proposals lists them/);
    });
  });

  describe("human units", function () {
    /** Runs of ten or more digits, once addresses and hashes are taken out. */
    function longFigures(lines: string[]): string[] {
      return lines
        .map((line) => line.replace(/0x[0-9a-fA-F]{40,64}/g, "0x…"))
        .filter((line) => /\d{10,}/.test(line));
    }

    it("prints no figure in base units in any command", async function () {
      const printed: string[] = [];
      const run = async (command: string[], args: Record<string, string>) => {
        const outcome = await coop(command, args);
        printed.push(...outcome.out, ...outcome.err);
        return outcome;
      };
      await run(["claim"], { hours: ".5", category: "commons", evidence: "x", from: "3" });
      await run(["claim"], { hours: "7.333333", category: "care", evidence: "y", from: "2" });
      await run(["claims"], { limit: "20" });
      await run(["liquidity", "add"], { hours: "10", amount: "0.001", slippage: "0.5", from: "1" });
      await run(["swap"], { sell: "hours", amount: "0.1234567", slippage: "0.5", from: "2" });
      await run(["fund"], { amount: "0.0123456789", from: "1" });
      await run(["redeem"], { category: "commons", hours: "0.3333", from: "3" });
      await run(["redeem"], { category: "commons", hours: "1", minOut: "1", from: "3" });
      await run(["propose", "param"], { name: "quorum", value: "12.5", from: "1" });
      await run(["propose", "param"], { name: "holdPeriod", value: "2d", from: "1" });
      await run(["propose", "param"], {
        name: "rate",
        value: "1000000000000000000000000000000000000000",
        from: "1",
      });
      await run(["propose", "sale"], { price: "0.001", cap: "10", accountCap: "20", from: "1" });
      await run(["propose", "band"], {
        floor: "0.00005",
        ceiling: "0.0002",
        budget: "0.001",
        emission: "5",
        from: "1",
      });
      await run(["proposals"], { limit: "10" });
      await run(["status"], { from: "1" });
      await run(["band"], {});
      await run(["buy"], { hours: "1", from: "2" });
      await run(["liquidity", "remove"], { slippage: "0.5", from: "1" });
      if (process.env.SHOW_CLI === "1") console.info(printed.join("\n"));
      expect(printed.length).to.be.greaterThan(30);
      expect(longFigures(printed)).to.deep.equal([]);
      expect(printed.join("\n")).not.to.match(/\b1 hours\b|\(in 0 s\)| \d+ s\b/);
    });
  });
});
