/**
 * The README's local-node walkthrough, run as a person runs it: a real
 * `hardhat node` (automining, so it makes a block only for a transaction)
 * and every step a separate `npx hardhat ...` process. Periods are short
 * (voting delay 2 s, voting period 1 min, timelock 10 s); each step waits for
 * its time by the clock only: nothing here mines a block or moves time
 * (no evm_mine, no evm_increaseTime), so an idle node's old latest block is
 * what the CLI sees, as on RSK between blocks.
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { freePort, lines, root, rpc, sleep, startNode, stopNode } from "./processes.js";

interface Run {
  status: number | null;
  out: string[];
  err: string[];
}

describe("README local-node walkthrough, as separate processes", function () {
  this.timeout(600_000);

  let node: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let scratch: string;
  const printed: string[] = [];

  /** `npx hardhat <args> --network localhost`, as a person types it. */
  function hardhat(...args: string[]): Run {
    const result = spawnSync("npx", ["hardhat", ...args, "--network", "localhost"], {
      cwd: root,
      encoding: "utf8",
      env,
    });
    const run = { status: result.status, out: lines(result.stdout), err: lines(result.stderr) };
    printed.push(...run.out, ...run.err);
    return run;
  }

  function ok(run: Run): Run {
    expect(run.status, [...run.out, ...run.err].join("\n")).to.equal(0);
    return run;
  }

  before(async function () {
    port = await freePort();
    scratch = await mkdtemp(path.join(tmpdir(), "coop-walkthrough-"));
    env = {
      ...process.env,
      COOP_LOCALHOST_URL: `http://127.0.0.1:${port}`,
      COOP_IGNITION_DIR: scratch,
      COOP_DEPLOYMENTS_DIR: path.join(scratch, "deployments"),
    };
    const parameters = JSON.parse(
      await readFile(path.join(root, "deploy", "parameters", "localhost.json"), "utf8"),
    ) as { Cooperative: Record<string, unknown> };
    Object.assign(parameters.Cooperative, {
      votingDelay: 2,
      votingPeriod: 60,
      lateQuorumExtension: 10,
      timelockMinDelay: 10,
    });
    await writeFile(path.join(scratch, "short.json"), JSON.stringify(parameters, null, 2));
    node = await startNode(port);
  });

  after(async function () {
    await stopNode(node);
  });

  it("runs every step, each waiting by the clock", async function () {
    const deployed = ok(hardhat("deploy", "--parameters", path.join(scratch, "short.json")));
    expect(deployed.out.join("\n")).to.match(/Recorded in /);

    const status = ok(hardhat("coop", "status"));
    expect(status.out).to.include(
      "  timing: voting delay 2 seconds, voting period 1 minute, late-quorum extension 10 seconds, timelock delay 10 seconds",
    );

    const claimed = ok(
      hardhat(
        "coop",
        "claim",
        "--from",
        "1",
        "--hours",
        "7.5",
        "--category",
        "commons",
        "--evidence",
        "garden",
      ),
    );
    expect(claimed.out[0]).to.match(/^claim 1 submitted: 7\.5 hours of commons work/);
    expect(ok(hardhat("coop", "claims", "--status", "pending")).out[0]).to.match(
      /^#1\s+pending\s+commons\s+7\.5 h/,
    );

    // Deploying mined a burst of blocks, one second apart, ahead of the clock; let the clock
    // catch up (reading only), so that the node's latest block is older than the clock from here.
    const url = `http://127.0.0.1:${port}`;
    const latest = async () => {
      const block = (await rpc(url, "eth_getBlockByNumber", ["latest", false])) as {
        timestamp: string;
      };
      return Number(BigInt(block.timestamp) * 1000n);
    };
    while ((await latest()) > Date.now()) await sleep(500);

    const proposed = ok(hardhat("coop", "propose", "approve", "--claims", "1"));
    const ref = /^proposal (p[0-9a-f]{8}): Approve 1 contribution claim$/.exec(
      proposed.out[0],
    )?.[1];
    expect(ref, proposed.out.join("\n")).not.to.equal(undefined);
    const proposedAt = Date.now();

    const listed = ok(hardhat("coop", "proposals"));
    expect(listed.out[0]).to.match(
      new RegExp(`^${ref} {2}(pending|active) {2}Approve 1 contribution claim`),
    );
    expect(listed.out).to.include("  1. registry: approve claim 1 (mints their hours and care)");

    // The voting delay (2 s) has passed by the clock; the node has made no block since.
    await sleep(Math.max(0, proposedAt + 3_000 - Date.now()));
    const voted = ok(hardhat("coop", "vote", "--proposal", ref!, "--support", "for"));
    expect(voted.out[0]).to.match(new RegExp(`voted for on ${ref} with a weight of 55 \\(gas`));

    // The vote closes a minute after it opened: --wait waits for it by the clock.
    const queued = ok(hardhat("coop", "queue", "--proposal", ref!, "--wait"));
    expect(queued.out.join("\n")).to.match(
      new RegExp(`proposal ${ref} queued; executable from .* UTC`),
    );

    // Without --wait, too early is refused with when; once that time has passed, it runs.
    const early = hardhat("coop", "execute", "--proposal", ref!);
    if (early.status !== 0) {
      expect(early.err).to.have.length(1);
      expect(early.err[0]).to.match(
        new RegExp(
          `^error: proposal ${ref} can be executed at .* UTC \\(in [0-9]+ seconds?\\), when the timelock delay ends$`,
        ),
      );
      const executed = ok(hardhat("coop", "execute", "--proposal", ref!, "--wait"));
      // --wait first says until when it waits, then executes
      expect(executed.out.filter((line) => line.startsWith("proposal "))[0]).to.match(
        new RegExp(`^proposal ${ref} executed \\(gas [\\d,]+\\)$`),
      );
      expect(executed.out.join("\n")).to.include("claim 1 approved: hours minted to");
    } else {
      expect(early.out.join("\n")).to.include("claim 1 approved: hours minted to");
    }

    const member = ok(hardhat("coop", "status", "--from", "1"));
    // the claim's gas came out of the 10,000 RBTC the node gives each account
    expect(member.out[1]).to.match(/^ {2}7\.5 hours, 0 care hours, 9,999\.99\d* RBTC$/);
    expect(ok(hardhat("coop", "proposal", ref!)).out[0]).to.match(
      new RegExp(`^${ref} {2}executed`),
    );
  });

  it("refuses a network whose URL answers as another chain, before deploying", function () {
    const args = [
      "deploy",
      "--network",
      "rskTestnet",
      "--parameters",
      path.join(scratch, "short.json"),
    ];
    const run = spawnSync("npx", ["hardhat", ...args], {
      cwd: root,
      encoding: "utf8",
      env: {
        ...env,
        RSK_TESTNET_RPC_URL: `http://127.0.0.1:${port}`,
        // Hardhat's first development key: the node here is a local one
        RSK_TESTNET_PRIVATE_KEY:
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
      },
    });
    const err = run.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(run.status).to.equal(1);
    expect(run.stdout).not.to.include("Deploying");
    expect(err).to.deep.equal([
      "error: network rskTestnet is chain 31, but its RPC URL answers as chain 31337; check the URL",
    ]);
  });

  it("says in one line that a restarted node lost the deployment", async function () {
    await stopNode(node);
    node = await startNode(port);
    const run = hardhat("coop", "status");
    expect(run.status).to.equal(1);
    expect(run.err).to.deep.equal([
      'error: the cooperative recorded in deploy/deployments/chain-31337 is not on network "localhost" (chain 31337; was the node restarted?); run npm run deploy -- --network localhost',
    ]);
  });

  it("printed every figure in human units", function () {
    const long = printed
      .map((line) => line.replace(/0x[0-9a-fA-F]{40,64}/g, "0x…"))
      .filter((line) => /\d{10,}/.test(line) && !line.includes(scratch));
    expect(printed.length).to.be.greaterThan(20);
    expect(long).to.deep.equal([]);
  });
});
