import { spawnSync } from "node:child_process";
import path from "node:path";

import { expect } from "chai";

const root = path.join(import.meta.dirname, "..", "..");

/** Runs `npx hardhat ...` as a user would, in its own process. */
function hardhat(args: string[]) {
  const result = spawnSync("npx", ["hardhat", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, COOP_DEPLOYMENTS_DIR: path.join(root, "test", "cli", "no-deployments") },
  });
  const errLines = result.stderr.split("\n").filter((line) => line.trim() !== "");
  return { status: result.status, errLines, stdout: result.stdout };
}

describe("coop CLI as a process", function () {
  this.timeout(60_000);

  it("exits non-zero with one line for a negative amount", function () {
    const run = hardhat([
      "coop",
      "claim",
      "--hours",
      "-1",
      "--category",
      "care",
      "--evidence",
      "x",
    ]);
    expect(run.status).to.equal(1);
    expect(run.errLines).to.deep.equal(["error: --hours must be positive, got -1"]);
  });

  it("exits non-zero with one line on a network with no deployment", function () {
    const run = hardhat(["coop", "status"]);
    expect(run.status).to.equal(1);
    expect(run.errLines).to.deep.equal([
      'error: no cooperative is deployed on network "default" (chain 31337); run npm run deploy -- --network default',
    ]);
  });
});
