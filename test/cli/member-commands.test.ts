/**
 * `coop withdraw`, `coop propose reject`, `coop delegate` and `coop oracle update`: what each
 * does on chain and says in human units, and each one's bad inputs refused in one line with
 * nothing sent (the signer's nonce unchanged).
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { CoopAddresses } from "../../lib/cli/deployment.js";
import type { Outcome } from "./harness.js";
import { deployForCli, expectRefusal, runTask } from "./harness.js";

const { ethers, networkHelpers } = await network.getOrCreate();

/** Claim status numbers of IContributionRegistry. */
const PENDING = 1n;
const REJECTED = 3n;
const WITHDRAWN = 4n;

/** Runs of ten or more digits (figures in base units), once addresses and hashes are out. */
function longFigures(lines: string[]): string[] {
  return lines
    .map((line) => line.replace(/0x[0-9a-fA-F]{40,64}/g, "0x…"))
    .filter((line) => /\d{10,}/.test(line));
}

describe("coop member commands", function () {
  let savedDir: string | undefined;
  let addresses: CoopAddresses;
  let alice: string;
  let bob: string;

  beforeEach(async function () {
    savedDir = process.env.COOP_DEPLOYMENTS_DIR;
    const deployed = await networkHelpers.loadFixture(deployForCli);
    addresses = deployed.addresses;
    process.env.COOP_DEPLOYMENTS_DIR = deployed.dir;
    [, { address: alice }, { address: bob }] = await ethers.getSigners();
  });

  afterEach(function () {
    if (savedDir === undefined) delete process.env.COOP_DEPLOYMENTS_DIR;
    else process.env.COOP_DEPLOYMENTS_DIR = savedDir;
  });

  function coop(command: string[], args: Record<string, string>): Promise<Outcome> {
    return runTask(ethers, ["coop", ...command], args);
  }

  /** Runs the command and asserts one `error:` line matching `pattern` and nothing sent. */
  async function refused(
    command: string[],
    args: Record<string, string>,
    pattern: RegExp,
    signer: string = alice,
  ): Promise<void> {
    const nonce = await ethers.provider.getTransactionCount(signer);
    const outcome = await coop(command, args);
    expectRefusal(outcome, pattern);
    expect(outcome.out.filter((line) => /transaction|gas/.test(line))).to.deep.equal([]);
    expect(await ethers.provider.getTransactionCount(signer)).to.equal(nonce);
  }

  const registry = () => ethers.getContractAt("ContributionRegistry", addresses.registry);

  /** Alice claims `hours` of commons work; returns the claim's number. */
  async function aliceClaims(hours = "3"): Promise<string> {
    const claimed = await coop(["claim"], {
      hours,
      category: "commons",
      evidence: "https://example.org/log",
      from: "1",
    });
    const id = /^claim (\d+) submitted/.exec(claimed.out[0] ?? "")?.[1];
    expect(id, claimed.err.join("\n")).not.to.equal(undefined);
    return id as string;
  }

  describe("coop withdraw", function () {
    it("withdraws the signer's pending claim", async function () {
      const id = await aliceClaims();
      expect((await (await registry()).claim(id)).status).to.equal(PENDING);
      const withdrawn = await coop(["withdraw"], { claim: id, from: "1" });
      expect(withdrawn.err).to.deep.equal([]);
      expect(withdrawn.out).to.have.length(1);
      expect(withdrawn.out[0]).to.match(new RegExp(`^claim ${id} withdrawn \\(gas [\\d,]+\\)$`));
      expect((await (await registry()).claim(id)).status).to.equal(WITHDRAWN);
      expect(longFigures(withdrawn.out)).to.deep.equal([]);
    });

    describe("when the input is bad", function () {
      it("refuses a missing claim number", async function () {
        await refused(["withdraw"], { from: "1" }, /^error: --claim is required$/);
      });

      it("refuses a claim number that is not a whole number", async function () {
        await refused(["withdraw"], { claim: "1.5", from: "1" }, /--claim must be whole numbers/);
      });

      it("refuses more than one claim", async function () {
        await aliceClaims();
        await aliceClaims();
        await refused(
          ["withdraw"],
          { claim: "1,2", from: "1" },
          /^error: --claim takes one claim number; got "1,2"$/,
        );
      });

      it("refuses a claim that does not exist", async function () {
        await aliceClaims();
        await refused(
          ["withdraw"],
          { claim: "9", from: "1" },
          /^error: claim 9 does not exist \(claims are numbered 1 to 1\)$/,
        );
      });

      it("refuses someone else's claim, in words", async function () {
        const id = await aliceClaims();
        await refused(["withdraw"], { claim: id, from: "2" }, /^error: withdraw would fail: /, bob);
        expect((await (await registry()).claim(id)).status).to.equal(PENDING);
      });

      it("refuses a claim already withdrawn", async function () {
        const id = await aliceClaims();
        await coop(["withdraw"], { claim: id, from: "1" });
        await refused(["withdraw"], { claim: id, from: "1" }, /^error: withdraw would fail: /);
      });
    });
  });

  describe("coop propose reject", function () {
    it("proposes the rejection, and the claim is rejected once it executes", async function () {
      const id = await aliceClaims("2.5");
      const proposed = await coop(["propose", "reject"], {
        claims: id,
        reason: "no evidence of the work",
        from: "2",
      });
      expect(proposed.err).to.deep.equal([]);
      const ref = /^proposal (p[0-9a-f]{8}): Reject 1 contribution claim$/.exec(
        proposed.out[0] ?? "",
      )?.[1];
      expect(ref, proposed.out.join("\n")).not.to.equal(undefined);
      expect(proposed.out[1]).to.match(/^ {2}voting opens .* UTC \(in .*\) and closes .* UTC/);
      expect(longFigures(proposed.out)).to.deep.equal([]);

      const shown = await coop(["proposal"], { ref: ref! });
      expect(shown.out.join("\n")).to.include("Reason: no evidence of the work");

      const governor = await ethers.getContractAt("HolisticGovernor", addresses.governor);
      const [event] = await governor.queryFilter(governor.filters.ProposalCreated());
      const proposalId = event.args.proposalId;
      await networkHelpers.time.increaseTo((await governor.proposalSnapshot(proposalId)) + 1n);
      for (const from of ["1", "2", "3"]) {
        const voted = await coop(["vote"], { proposal: ref!, support: "for", from });
        expect(voted.exitCode, voted.err.join()).to.equal(0);
      }
      await networkHelpers.time.increaseTo((await governor.proposalDeadline(proposalId)) + 1n);
      expect((await coop(["queue"], { proposal: ref! })).exitCode).to.equal(0);
      await networkHelpers.time.increaseTo(await governor.proposalEta(proposalId));
      const executed = await coop(["execute"], { proposal: ref! });
      expect(executed.err).to.deep.equal([]);
      expect(executed.out).to.include(`  claim ${id} rejected`);
      expect((await (await registry()).claim(id)).status).to.equal(REJECTED);
    });

    describe("when the input is bad", function () {
      it("refuses missing claims", async function () {
        await refused(
          ["propose", "reject"],
          { reason: "why", from: "2" },
          /^error: --claims is required$/,
          bob,
        );
      });

      it("refuses a missing reason", async function () {
        const id = await aliceClaims();
        await refused(
          ["propose", "reject"],
          { claims: id, from: "2" },
          /^error: --reason is required$/,
          bob,
        );
      });

      it("refuses claim numbers that are not whole numbers", async function () {
        await refused(
          ["propose", "reject"],
          { claims: "1,x", reason: "why", from: "2" },
          /^error: --claims must be whole numbers, got "x"$/,
          bob,
        );
      });

      it("refuses a claim that does not exist", async function () {
        await refused(
          ["propose", "reject"],
          { claims: "4", reason: "why", from: "2" },
          /^error: claim 4 does not exist/,
          bob,
        );
      });

      it("refuses a claim that is no longer pending", async function () {
        const id = await aliceClaims();
        await coop(["withdraw"], { claim: id, from: "1" });
        await refused(
          ["propose", "reject"],
          { claims: id, reason: "why", from: "2" },
          new RegExp(`^error: claim ${id} is withdrawn, not pending$`),
          bob,
        );
      });
    });
  });

  describe("coop delegate", function () {
    it("moves the signer's work-hour votes to a member, and takes them back", async function () {
      const work = await ethers.getContractAt("WorkHours", addresses.workHours);
      const [aliceHours, bobVotes] = await Promise.all([work.balanceOf(alice), work.getVotes(bob)]);
      expect(aliceHours).to.be.greaterThan(0n);
      const delegated = await coop(["delegate"], { to: bob.toLowerCase(), from: "1" });
      expect(delegated.err).to.deep.equal([]);
      expect(delegated.out).to.have.length(1);
      expect(delegated.out[0]).to.match(
        new RegExp(
          `^${alice} delegated its work-hour votes to ${bob}; care still votes with you \\(gas [\\d,]+\\)$`,
        ),
      );
      expect(await work.delegates(alice)).to.equal(bob);
      expect(await work.getVotes(bob)).to.equal(bobVotes + aliceHours);
      expect(await work.getVotes(alice)).to.equal(0n);

      const back = await coop(["delegate"], { to: alice, from: "1" });
      expect(back.out[0]).to.match(
        new RegExp(`^${alice} votes with its own work hours again \\(gas [\\d,]+\\)$`),
      );
      expect(await work.getVotes(alice)).to.equal(aliceHours);
      expect(await work.getVotes(bob)).to.equal(bobVotes);
    });

    describe("when the input is bad", function () {
      it("refuses a missing member", async function () {
        await refused(["delegate"], { from: "1" }, /^error: --to is required$/);
      });

      it("refuses what is not an address", async function () {
        await refused(
          ["delegate"],
          { to: "0x1234", from: "1" },
          /^error: --to is not an address \(0x and 40 hex digits\): "0x1234"$/,
        );
      });

      it("refuses a mistyped checksum", async function () {
        // bob's checksummed address with the case of one letter flipped
        const at = bob.slice(2).search(/[a-fA-F]/) + 2;
        const flipped =
          bob[at] === bob[at].toUpperCase() ? bob[at].toLowerCase() : bob[at].toUpperCase();
        const mistyped = bob.slice(0, at) + flipped + bob.slice(at + 1);
        await refused(
          ["delegate"],
          { to: mistyped, from: "1" },
          /^error: --to 0x[0-9a-fA-F]{40} has a checksum error/,
        );
      });

      it("refuses a signer the network does not have", async function () {
        await refused(
          ["delegate"],
          { to: bob, from: "99" },
          /^error: --from 99: the network has \d+ accounts \(0 to \d+\)$/,
        );
      });
    });
  });

  describe("coop oracle update", function () {
    /** The pool gets liquidity through the CLI. */
    async function withLiquidity(): Promise<void> {
      const added = await coop(["liquidity", "add"], {
        hours: "10",
        amount: "0.001",
        slippage: "0.5",
        from: "1",
      });
      expect(added.exitCode, added.err.join()).to.equal(0);
    }

    const RECORDED =
      /^TWAP observation recorded at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \((now|1 second ago)\) \(gas [\d,]+\)$/;

    it("records the first observation, then a TWAP once a window has passed", async function () {
      await withLiquidity();
      const oracle = await ethers.getContractAt("CoopTwapOracle", addresses.oracle!);
      const latest = async () => BigInt((await ethers.provider.getBlock("latest"))!.timestamp);

      const first = await coop(["oracle", "update"], { from: "2" });
      expect(first.err).to.deep.equal([]);
      expect(first.out).to.have.length(1);
      expect(first.out[0]).to.match(RECORDED);
      expect(BigInt(await oracle.observedAt())).to.equal(await latest());

      await networkHelpers.time.increase(await oracle.window());
      const second = await coop(["oracle", "update"], { from: "2" });
      expect(second.err).to.deep.equal([]);
      expect(second.out[0]).to.match(RECORDED);
      expect(BigInt(await oracle.observedAt())).to.equal(await latest());
      // a full window observed: the band can read the TWAP, 0.0001 RBTC per hour
      expect(await oracle.consult(addresses.workHours, 10n ** 18n)).to.be.closeTo(
        10n ** 14n,
        10n ** 11n,
      );
    });

    it("says when a window has not passed since the last observation", async function () {
      await withLiquidity();
      await coop(["oracle", "update"], { from: "2" });
      const again = await coop(["oracle", "update"], { from: "2" });
      expect(again.err).to.deep.equal([]);
      expect(again.out[0]).to.match(
        /^no new observation: the last, .* UTC \(\d+ seconds? ago\), is within the window \(gas [\d,]+\)$/,
      );
    });

    describe("when the input is bad", function () {
      it("refuses a pool without liquidity, in words", async function () {
        await refused(
          ["oracle", "update"],
          { from: "2" },
          /^error: oracle update would fail: the pool has no liquidity yet$/,
          bob,
        );
      });

      it("refuses a signer that is not an address", async function () {
        await refused(
          ["oracle", "update"],
          { from: "alice" },
          /^error: --from is not an address \(0x and 40 hex digits\): "alice"$/,
        );
      });

      it("refuses an address the network has no key for", async function () {
        await refused(
          ["oracle", "update"],
          { from: "0x000000000000000000000000000000000000dEaD" },
          /^error: --from 0x000000000000000000000000000000000000dEaD is not one of the network's accounts$/,
        );
      });
    });
  });
});
