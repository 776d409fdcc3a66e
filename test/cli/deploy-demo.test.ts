/**
 * `npm run deploy -- --network localhost`, then `npm run demo -- --network localhost`, as the
 * README has a person run them, each its own process against a `hardhat node`. The demo deploys
 * with its founders, which the recorded deployment does not have: Ignition refuses to reconcile.
 * Its reasons, and what to do, must reach the person on the one `error:` line (they were once
 * cut off after "…reconciliation errors:").
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { freePort, lines, root, startNode, stopNode } from "./processes.js";

describe("npm run demo after npm run deploy on the same node", function () {
  this.timeout(600_000);

  let node: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;

  /** `npm run <script> -- --network localhost`, as a person types it. */
  function npmRun(script: string) {
    const run = spawnSync("npm", ["run", script, "--", "--network", "localhost"], {
      cwd: root,
      encoding: "utf8",
      env,
    });
    return { status: run.status, out: lines(run.stdout), err: lines(run.stderr) };
  }

  before(async function () {
    const port = await freePort();
    const scratch = await mkdtemp(path.join(tmpdir(), "coop-deploy-demo-"));
    env = {
      ...process.env,
      COOP_LOCALHOST_URL: `http://127.0.0.1:${port}`,
      COOP_IGNITION_DIR: scratch,
      COOP_DEPLOYMENTS_DIR: path.join(scratch, "deployments"),
    };
    node = await startNode(port);
  });

  after(async function () {
    await stopNode(node);
  });

  it("says on one error line why Ignition refused, and what to do", function () {
    const deployed = npmRun("deploy");
    expect(deployed.status, [...deployed.out, ...deployed.err].join("\n")).to.equal(0);

    const demo = npmRun("demo");
    expect(demo.status).to.equal(1);
    const errors = demo.err.filter((line) => line.startsWith("error: "));
    expect(errors, demo.err.join("\n")).to.have.length(1);
    const [error] = errors;
    if (process.env.SHOW_CLI === "1") console.info(error);
    // the reasons follow the colon: which future of which module, and what changed
    expect(error).to.match(
      /^error: Hardhat Ignition deployment error: The deployment wasn't run because of the following reconciliation errors: Cooperative#\w+: [^;]*has been changed/,
    );
    expect(error).not.to.match(/errors:\s*$/);
    // what to do
    expect(error).to.include(
      "use it as it is with npm run deploy and the coop commands, or remove that folder, or restart the local node, to deploy afresh",
    );
    // nothing else was said as an error (no stack trace)
    expect(demo.err.filter((line) => /^\s+at /.test(line))).to.deep.equal([]);
  });
});
