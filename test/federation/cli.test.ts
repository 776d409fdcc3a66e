/**
 * `coop federation …` as a person runs it, against a local federation of three (the same
 * deployment as `npm run federation:local`), and the federation demo.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import { saveFederation } from "../../lib/coop/federation.js";
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
        /Bakery \(BAKE\) may pay 80 more hours this period; the payment is worth 81/,
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
        /holds 0 hours of Bakery \(BAKE\), needs 1/,
      );
    });

    it("a proposal from someone who casts no federation vote", async function () {
      expectRefusal(
        await coop(["propose", "freeze"], { coop: "TOOL", from: "7" }),
        /casts 0 federation votes; proposing needs 1/,
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
    expect(outcome.out[0]).to.match(/^Proposed to the federation: proposal \d+/);
  });

  it("carries a freeze through vote, queue and execution by the liaisons", async function () {
    const [bake, , tool] = local.coops;
    const proposed = await coop(["propose", "freeze"], { coop: "TOOL", from: "1" });
    const id = /proposal (\d+)/.exec(proposed.out[0])?.[1] ?? "";
    expectRefusal(await coop(["vote"], { proposal: id, support: "for", from: "1" }), /opens at/);
    await networkHelpers.time.increaseTo((await local.governor.proposalSnapshot(BigInt(id))) + 1n);
    expectRefusal(
      await coop(["vote"], { proposal: id, support: "for", from: "7" }),
      /cast no federation vote at the proposal's snapshot/,
    );
    for (const from of ["1", "2"]) {
      const voted = await coop(["vote"], { proposal: id, support: "for", from });
      expect(voted.out[0]).to.match(/^Voted for on federation proposal p[0-9a-f]{8} with 1 vote/);
    }
    expectRefusal(await coop(["queue"], { proposal: id }), /is active; only a succeeded/);
    await networkHelpers.time.increaseTo((await local.governor.proposalDeadline(BigInt(id))) + 1n);
    expect((await coop(["queue"], { proposal: id })).out[0]).to.match(
      /^Queued federation proposal/,
    );
    expectRefusal(await coop(["execute"], { proposal: id }), /can be executed at/);
    await networkHelpers.time.increaseTo(await local.governor.proposalEta(BigInt(id)));
    expect((await coop(["execute"], { proposal: id })).out[0]).to.match(
      /^Executed federation proposal/,
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
      /Workshop \(TOOL\) is frozen: it can receive but not pay/,
    );
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
    expect(outcome.refusal).to.match(/may receive 25 more hours this period/);
    expect(outcome.frozenRefusal).to.match(/is frozen/);
    expect(outcome.multiHopOut).to.be.greaterThan(0n);
    expect(lines.join("\n")).to.not.match(/(ClearingUnion|Federation)[A-Z]\w*\(/);
  });
});
