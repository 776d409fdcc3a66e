/**
 * `coop federation …` as a person runs it, against a local federation of three (the same
 * deployment as `npm run federation:local`), and the federation demo.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import { federationExplainer, saveFederation } from "../../lib/coop/federation.js";
import { proposalIdHex, proposalRef } from "../../lib/governance/refs.js";
import { type Proposal, proposalId, proposeArgs, withProposer } from "../../lib/proposals.js";
import type { Outcome } from "../cli/harness.js";
import { expectRefusal, runTask } from "../cli/harness.js";
import { addressesOf, runFederationDemo } from "../../lib/coop/federation-demo.js";
import { deployLocalFederation } from "../../lib/coop/federation-deploy.js";

const connection = await network.getOrCreate();
const { ethers, networkHelpers } = connection;
const { loadFixture } = networkHelpers;

async function recordedFederation() {
  const local = await deployLocalFederation(connection);
  const dir = await mkdtemp(path.join(tmpdir(), "coop-federation-"));
  const { chainId } = await ethers.provider.getNetwork();
  await saveFederation(chainId, await addressesOf(local), dir);
  return { local, dir };
}

function coop(command: string[], args: Record<string, string>): Promise<Outcome> {
  return runTask(ethers, ["coop", "federation", ...command], args);
}

describe("coop federation", function () {
  let savedDir: string | undefined;
  let local: Awaited<ReturnType<typeof deployLocalFederation>>;

  beforeEach(async function () {
    savedDir = process.env.COOP_DEPLOYMENTS_DIR;
    const fixture = await loadFixture(recordedFederation);
    local = fixture.local;
    process.env.COOP_DEPLOYMENTS_DIR = fixture.dir;
  });

  afterEach(function () {
    if (savedDir === undefined) delete process.env.COOP_DEPLOYMENTS_DIR;
    else process.env.COOP_DEPLOYMENTS_DIR = savedDir;
  });

  it("shows members, balances against limits, allowances left and indices in hours", async function () {
    const outcome = await coop(["status"], {});
    expect(outcome.exitCode).to.equal(0);
    expect(outcome.out.join("\n")).to.match(
      /Bakery \(BAKE\): active, balance 0 hours \(debit limit 100, surplus cap 100\), may pay 80 and receive 80 more hours this period, index 1/,
    );
    expect(outcome.out.join("\n")).to.match(/allowances per 1 d/);
  });

  it("pays a member of another cooperative", async function () {
    const [bake, care] = local.coops;
    const outcome = await coop(["pay"], {
      fromCoop: "bake",
      toCoop: "CARE",
      to: care.founder.address,
      hours: "7.5",
      slippage: "0",
      from: "1",
    });
    expect(outcome.err).to.deep.equal([]);
    expect(outcome.out[0]).to.match(
      /^Paid 7\.5 BAKE \(worth 7\.5 federation hours\).*received 7\.5 CARE/,
    );
    expect(await local.union.clearingBalance(bake.hours)).to.equal(-75n * 10n ** 17n);
  });

  describe("refuses with one line and sends nothing", function () {
    it("an amount that is not a number", async function () {
      const [, care] = local.coops;
      expectRefusal(
        await coop(["pay"], {
          fromCoop: "BAKE",
          toCoop: "CARE",
          to: care.founder.address,
          hours: "lots",
          slippage: "0",
        }),
        /--hours must be a number/,
      );
    });

    it("a cooperative outside the federation", async function () {
      const [, care] = local.coops;
      expectRefusal(
        await coop(["pay"], {
          fromCoop: "FARM",
          toCoop: "CARE",
          to: care.founder.address,
          hours: "1",
          slippage: "0",
          from: "1",
        }),
        /--from-coop FARM is not a cooperative of the federation \(BAKE, CARE, TOOL\)/,
      );
    });

    it("a payment beyond the period's allowance, with the figures in hours", async function () {
      const [, care] = local.coops;
      expectRefusal(
        await coop(["pay"], {
          fromCoop: "BAKE",
          toCoop: "CARE",
          to: care.founder.address,
          hours: "81",
          slippage: "0",
          from: "1",
        }),
        /Bakery \(BAKE\) may pay 80 hours more this period \(of 80 hours\), and this payment is worth 81 hours/,
      );
    });

    it("a payer without the hours", async function () {
      const [, care] = local.coops;
      expectRefusal(
        await coop(["pay"], {
          fromCoop: "BAKE",
          toCoop: "CARE",
          to: care.founder.address,
          hours: "1",
          slippage: "0",
          from: "7",
        }),
        /you hold 0 BAKE hours, not enough to pay 1 BAKE hour/,
      );
    });

    it("a proposal from someone who casts no federation vote", async function () {
      expectRefusal(
        await coop(["propose", "freeze"], { coop: "TOOL", from: "7" }),
        /casts 0 federation votes; proposing needs 1/,
      );
    });

    it("a payment to the zero address, in words (found by review: it named the token's error)", async function () {
      expectRefusal(
        await coop(["pay"], {
          fromCoop: "BAKE",
          toCoop: "CARE",
          to: "0x0000000000000000000000000000000000000000",
          hours: "1",
          slippage: "0",
          from: "1",
        }),
        /the recipient is the zero address: nobody could use the hours/,
      );
    });

    it("an amount too large for any balance, in words (found by review)", async function () {
      const [, care] = local.coops;
      expectRefusal(
        await coop(["pay"], {
          fromCoop: "BAKE",
          toCoop: "CARE",
          to: care.founder.address,
          hours: "1" + "0".repeat(60),
          slippage: "0",
          from: "1",
        }),
        /you hold 100 BAKE hours, not enough to pay/,
      );
    });

    it("a settlement asset that is not a token, in words (found by review: it printed the provider's decode error)", async function () {
      expectRefusal(
        await coop(["propose", "settlement"], {
          rate: "100",
          asset: "0x000000000000000000000000000000000000dEaD",
          from: "1",
        }),
        /--asset 0x000000000000000000000000000000000000dEaD is not a token: it has no decimals/,
      );
    });

    it("admitting a cooperative already a member, or with a treasury not its own (found by review: it was proposed)", async function () {
      const [bake, care] = local.coops;
      const admit = {
        hours: care.hours,
        timelock: await care.timelock.getAddress(),
        treasury: await bake.treasury.getAddress(),
        index: "1",
        debit: "1",
        surplus: "1",
        outflow: "1",
        inflow: "1",
        from: "1",
      };
      expectRefusal(
        await coop(["propose", "admit"], admit),
        /Clinic \(CARE\) is active, so the federation cannot make this change/,
      );
    });

    it("an exchange index beyond the per-period bound (found by review: it was proposed)", async function () {
      expectRefusal(
        await coop(["propose", "index"], { coop: "TOOL", index: "1.2", from: "1" }),
        /the exchange index of Workshop \(TOOL\) may move at most 0\.05 from 1 in one change \(one change a period\); 1\.2 is further/,
      );
    });

    it("retiring a cooperative in debt (found by review: it was proposed)", async function () {
      const [bake, care] = local.coops;
      await (
        await local.union
          .connect(bake.founder)
          .pay(bake.hours, care.hours, care.founder.address, 10n ** 18n, 0n)
      ).wait();
      expectRefusal(
        await coop(["propose", "retire"], { coop: "BAKE", from: "1" }),
        /Bakery \(BAKE\) owes 1 hour to the federation and cannot retire/,
      );
    });

    it("limits that are not amounts", async function () {
      expectRefusal(
        await coop(["propose", "limits"], {
          coop: "TOOL",
          debit: "-1",
          surplus: "1",
          outflow: "1",
          inflow: "1",
          from: "1",
        }),
        /--debit must be positive/,
      );
    });
  });

  it("proposes freezing a cooperative from a liaison", async function () {
    const outcome = await coop(["propose", "freeze"], { coop: "TOOL", from: "1" });
    expect(outcome.err).to.deep.equal([]);
    expect(outcome.out[0]).to.match(/^Proposed to the federation: proposal p[0-9a-f]{8} /);
    expect(outcome.out[1]).to.match(
      /next: coop federation vote --proposal p[0-9a-f]{8} --support for/,
    );
  });

  /** Proposes freezing TOOL; returns the short reference printed and the id it names. */
  async function proposeFreeze(): Promise<{ ref: string; id: bigint }> {
    const proposed = await coop(["propose", "freeze"], { coop: "TOOL", from: "1" });
    const ref = /proposal (p[0-9a-f]{8})/.exec(proposed.out[0])?.[1] ?? "";
    const ids = await local.governor.queryFilter(local.governor.filters.ProposalCreated());
    const id = ids.at(-1)?.args.proposalId ?? 0n;
    expect(`p${id.toString(16).padStart(64, "0").slice(0, 8)}`).to.equal(ref);
    return { ref, id };
  }

  it("carries a freeze through vote, queue and execution by the liaisons, by short reference", async function () {
    const [bake, , tool] = local.coops;
    const { ref, id } = await proposeFreeze();
    expectRefusal(await coop(["vote"], { proposal: ref, support: "for", from: "1" }), /opens at/);
    await networkHelpers.time.increaseTo((await local.governor.proposalSnapshot(id)) + 1n);
    expectRefusal(
      await coop(["vote"], { proposal: ref, support: "for", from: "7" }),
      /cast no federation vote at the proposal's snapshot/,
    );
    for (const from of ["1", "2"]) {
      const voted = await coop(["vote"], { proposal: ref, support: "for", from });
      expect(voted.out[0]).to.equal(
        `Voted for on federation proposal ${ref} with 1 vote (transaction ${/transaction (0x[0-9a-f]+)/.exec(voted.out[0])?.[1]})`,
      );
    }
    expect(await local.governor.hasVoted(id, local.coops[0].founder.address)).to.equal(true);
    expectRefusal(await coop(["queue"], { proposal: ref }), /is active; only a succeeded/);
    await networkHelpers.time.increaseTo((await local.governor.proposalDeadline(id)) + 1n);
    expect((await coop(["queue"], { proposal: ref })).out[0]).to.match(
      new RegExp(`^Queued federation proposal ${ref}`),
    );
    expectRefusal(await coop(["execute"], { proposal: ref }), /can be executed at/);
    await networkHelpers.time.increaseTo(await local.governor.proposalEta(id));
    expect((await coop(["execute"], { proposal: ref })).out[0]).to.match(
      new RegExp(`^Executed federation proposal ${ref}`),
    );
    expect(await local.union.statusOf(tool.hours)).to.equal(2n);
    expectRefusal(
      await coop(["pay"], {
        fromCoop: "TOOL",
        toCoop: "BAKE",
        to: bake.founder.address,
        hours: "1",
        slippage: "0",
        from: "3",
      }),
      /Workshop \(TOOL\) is frozen by the federation: its members can receive payments but not pay/,
    );
  });

  it("takes the full id, decimal or hex, and a longer prefix as --proposal", async function () {
    const { ref, id } = await proposeFreeze();
    await networkHelpers.time.increaseTo((await local.governor.proposalSnapshot(id)) + 1n);
    const hex = id.toString(16).padStart(64, "0");
    const byId = await coop(["vote"], { proposal: id.toString(), support: "for", from: "1" });
    expect(byId.out[0]).to.match(new RegExp(`^Voted for on federation proposal ${ref} `));
    const byHex = await coop(["vote"], { proposal: `0x${hex}`, support: "for", from: "2" });
    expect(byHex.out[0]).to.match(new RegExp(`^Voted for on federation proposal ${ref} `));
    const byPrefix = await coop(["vote"], {
      proposal: hex.slice(0, 12),
      support: "for",
      from: "3",
    });
    expect(byPrefix.out[0]).to.match(new RegExp(`^Voted for on federation proposal ${ref} `));
    const [, forVotes] = await local.governor.proposalVotes(id);
    expect(forVotes).to.equal(3n);
  });

  describe("refuses a --proposal it cannot resolve with one line and sends nothing", function () {
    it("a reference no federation proposal has", async function () {
      const { ref } = await proposeFreeze();
      const other = ref === "p00000000" ? "p00000001" : "p00000000";
      for (const command of ["vote", "queue", "execute"]) {
        expectRefusal(
          await coop([command], {
            proposal: other,
            from: "1",
            ...(command === "vote" ? { support: "for" } : {}),
          }),
          new RegExp(`no federation proposal ${other} on this chain`),
        );
      }
    });

    it("a full id no federation proposal has", async function () {
      expectRefusal(
        await coop(["vote"], { proposal: "1".repeat(77), support: "for", from: "1" }),
        /federation proposal p[0-9a-f]{8} does not exist/,
      );
    });

    it("a prefix that names two proposals", async function () {
      // two freeze proposals whose ids share their first four hex digits: descriptions tried in
      // turn until two ids collide on that prefix (about 300 tries, hashed here, not on chain)
      const [, , tool] = local.coops;
      const liaison = local.coops[0].founder;
      const union = await local.union.getAddress();
      const calldata = local.union.interface.encodeFunctionData("freeze", [tool.hours]);
      const proposalOf = (n: number): Proposal => ({
        targets: [union],
        values: [0n],
        calldatas: [calldata],
        description: withProposer(`# Freeze the workshop (draft ${n})`, liaison.address),
      });
      const seen = new Map<string, number>();
      let pair: [number, number] | undefined;
      for (let n = 0; pair === undefined; n++) {
        const prefix = proposalIdHex(proposalId(proposalOf(n))).slice(0, 4);
        const earlier = seen.get(prefix);
        if (earlier === undefined) seen.set(prefix, n);
        else pair = [earlier, n];
      }
      for (const n of pair) {
        await (await local.governor.connect(liaison).propose(...proposeArgs(proposalOf(n)))).wait();
      }
      const [first, second] = pair.map((n) => proposalRef(proposalId(proposalOf(n))));
      const shared = first.slice(0, 5);
      for (const command of ["vote", "queue", "execute"]) {
        expectRefusal(
          await coop([command], {
            proposal: shared,
            from: "1",
            ...(command === "vote" ? { support: "for" } : {}),
          }),
          new RegExp(
            `${shared} names 2 federation proposals \\((${first}, ${second}|${second}, ${first})\\); give more digits`,
          ),
        );
      }
      // the full reference of either one is still unique
      expectRefusal(await coop(["queue"], { proposal: first }), /is pending; only a succeeded/);
    });

    it("text that is no reference", async function () {
      expectRefusal(
        await coop(["vote"], { proposal: "the freeze", support: "for", from: "1" }),
        /--proposal must be a federation proposal reference such as p3f9a01c2/,
      );
      expectRefusal(await coop(["execute"], { proposal: "" }), /--proposal is required/);
    });
  });

  describe("settlement", function () {
    /** BAKE owes 30 hours (20 to CARE, 10 to TOOL); its pools hold 1 RBTC; the federation voted
     * 100 hours per RBTC, through the command. */
    async function inDebt(funds = 10n ** 18n) {
      const [bake, care, tool] = local.coops;
      await local.union
        .connect(bake.founder)
        .pay(bake.hours, care.hours, care.founder.address, 20n * 10n ** 18n, 0n);
      await local.union
        .connect(bake.founder)
        .pay(bake.hours, tool.hours, tool.founder.address, 10n * 10n ** 18n, 0n);
      await bake.treasury.connect(bake.founder).deposit(funds, { value: funds });
      const proposed = await coop(["propose", "settlement"], { rate: "100", from: "1" });
      expect(proposed.err).to.deep.equal([]);
      const ref = /proposal (p[0-9a-f]{8})/.exec(proposed.out[0])?.[1] ?? "";
      const id =
        (await local.governor.queryFilter(local.governor.filters.ProposalCreated())).at(-1)?.args
          .proposalId ?? 0n;
      await networkHelpers.time.increaseTo((await local.governor.proposalSnapshot(id)) + 1n);
      for (const from of ["1", "2"]) await coop(["vote"], { proposal: ref, support: "for", from });
      await networkHelpers.time.increaseTo((await local.governor.proposalDeadline(id)) + 1n);
      await coop(["queue"], { proposal: ref });
      await networkHelpers.time.increaseTo(await local.governor.proposalEta(id));
      expect((await coop(["execute"], { proposal: ref })).err).to.deep.equal([]);
      expect(await local.union.settlement()).to.deep.equal([ethers.ZeroAddress, 100n * 10n ** 18n]);
    }

    it("proposes to the cooperative's own governance a settlement split pro rata, which its vote carries out", async function () {
      await inDebt();
      const [bake, care, tool] = local.coops;
      const outcome = await coop(["settle"], { coop: "BAKE", reserve: "0.15", from: "1" });
      expect(outcome.err).to.deep.equal([]);
      expect(outcome.out[0]).to.match(
        /^Proposed to the cooperative's own governance: proposal p[0-9a-f]{8}, settling 0\.15 RBTC/,
      );
      expect(outcome.out[1]).to.equal("  0.1 RBTC to CARE's treasury, worth 10 hours");
      expect(outcome.out[2]).to.equal("  0.05 RBTC to TOOL's treasury, worth 5 hours");
      // the cooperative's members carry it: propose → vote → queue → execute on BAKE's governor
      const created = (await bake.governor.queryFilter(bake.governor.filters.ProposalCreated())).at(
        -1,
      );
      const id = created?.args.proposalId ?? 0n;
      await networkHelpers.time.increaseTo((await bake.governor.proposalSnapshot(id)) + 1n);
      await bake.governor.connect(bake.founder).castVote(id, 1);
      await networkHelpers.time.increaseTo((await bake.governor.proposalDeadline(id)) + 1n);
      const args: [string[], bigint[], string[], string] = [
        [...(created?.args.targets ?? [])],
        [...(created?.args[3] ?? [])],
        [...(created?.args.calldatas ?? [])],
        ethers.id(created?.args.description ?? ""),
      ];
      await bake.governor.queue(...args);
      await networkHelpers.time.increaseTo(await bake.governor.proposalEta(id));
      await bake.governor.execute(...args);
      expect(await local.union.clearingBalance(bake.hours)).to.equal(-15n * 10n ** 18n);
      expect(await local.union.clearingBalance(care.hours)).to.equal(10n * 10n ** 18n);
      expect(await local.union.clearingBalance(tool.hours)).to.equal(5n * 10n ** 18n);
    });

    describe("refuses with one line and sends nothing", function () {
      it("while the federation has set no rate", async function () {
        expectRefusal(
          await coop(["settle"], { coop: "BAKE", reserve: "0.1", from: "1" }),
          /the federation has set no settlement rate; settlement is closed/,
        );
      });

      it("a cooperative that owes nothing", async function () {
        await inDebt();
        expectRefusal(
          await coop(["settle"], { coop: "CARE", reserve: "0.1", from: "2" }),
          /Clinic \(CARE\) owes the federation nothing \(balance 20 hours\)/,
        );
      });

      it("a settlement worth more than the debit", async function () {
        await inDebt();
        expectRefusal(
          await coop(["settle"], { coop: "BAKE", reserve: "0.5", from: "1" }),
          /worth 50 hours, more than the debit of 30/,
        );
      });

      it("more than the pools hold", async function () {
        await inDebt(10n ** 17n);
        expectRefusal(
          await coop(["settle"], { coop: "BAKE", reserve: "0.2", from: "1" }),
          /Bakery \(BAKE\)'s pools hold 0\.075 RBTC \(subsistence\) and 0\.025 RBTC \(commons\); settling 0\.2 RBTC takes 0\.15 RBTC and 0\.05 RBTC/,
        );
      });

      it("explains the union's settlement refusals in words and hours", async function () {
        const union = local.union.interface;
        const explainer = federationExplainer({ addresses: await addressesOf(local) });
        const explain = (name: string, args: unknown[]) =>
          explainer(union.parseError(union.encodeErrorResult(name, args))!);
        const bake = local.coops[0].hours;
        expect(
          explain("ClearingUnionSettlementExceedsDebit", [
            bake,
            -30n * 10n ** 18n,
            50n * 10n ** 18n,
          ]),
        ).to.equal("Bakery (BAKE) stands at -30 hours; settling 50 hours would take it above zero");
        expect(explain("ClearingUnionSettlementClosed", [])).to.match(/settlement is closed/);
      });

      it("a rate that is not a number", async function () {
        expectRefusal(
          await coop(["propose", "settlement"], { rate: "lots", from: "1" }),
          /--rate must be a number/,
        );
      });

      it("an amount that is not a number", async function () {
        await inDebt();
        expectRefusal(
          await coop(["settle"], { coop: "BAKE", reserve: "some", from: "1" }),
          /--reserve must be a number/,
        );
      });
    });
  });

  it("proposes an exchange index and new limits", async function () {
    expect(
      (await coop(["propose", "index"], { coop: "CARE", index: "1.02", from: "2" })).out[0],
    ).to.match(/^Proposed to the federation/);
    const limits = await coop(["propose", "limits"], {
      coop: "CARE",
      debit: "0",
      surplus: "50",
      outflow: "20",
      inflow: "20",
      from: "2",
    });
    expect(limits.err).to.deep.equal([]);
  });
});

describe("federation demo", function () {
  it("runs payments both ways, a refusal at a limit, a freeze and a multi-hop swap", async function () {
    const lines: string[] = [];
    const outcome = await runFederationDemo(connection, (line) => lines.push(line));
    expect(outcome.balances.reduce((a, b) => a + b, 0n)).to.equal(0n);
    expect(outcome.refusal).to.match(/may receive 25 hours more this period/);
    expect(outcome.frozenRefusal).to.match(/is frozen/);
    expect(outcome.multiHopOut).to.be.greaterThan(0n);
    expect(lines.join("\n")).to.not.match(/(ClearingUnion|Federation)[A-Z]\w*\(/);
  });
});
