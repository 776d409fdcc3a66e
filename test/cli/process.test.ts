import { spawnSync } from "node:child_process";
import path from "node:path";

import { expect } from "chai";

const root = path.join(import.meta.dirname, "..", "..");

/** Runs `npx hardhat ...` as a user would, in its own process. */
function hardhat(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync("npx", ["hardhat", ...args], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      COOP_DEPLOYMENTS_DIR: path.join(root, "test", "cli", "no-deployments"),
      ...extraEnv,
    },
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

  describe("deploy checks before connecting", function () {
    // port 9 (discard) on this machine: nothing answers, so a check that needed the node would fail otherwise
    const rsk = { RSK_TESTNET_RPC_URL: "http://127.0.0.1:9" };
    // parameters without placeholders, which are checked (and reported) before the keys
    const parameters = ["--parameters", "deploy/parameters/default.json"];

    it("refuses an empty private key in one line", function () {
      const run = hardhat(["deploy", "--network", "rskTestnet", ...parameters], {
        ...rsk,
        RSK_TESTNET_PRIVATE_KEY: "",
      });
      expect(run.status).to.equal(1);
      expect(run.errLines).to.have.length(1);
      expect(run.errLines[0]).to.match(/^error: .*RSK_TESTNET_PRIVATE_KEY/);
      expect(run.stdout).not.to.include("Deploying");
    });

    it("refuses a private key that is not 32 bytes", function () {
      const run = hardhat(["deploy", "--network", "rskTestnet", ...parameters], {
        ...rsk,
        RSK_TESTNET_PRIVATE_KEY: "0x1234",
      });
      expect(run.status).to.equal(1);
      expect(run.errLines).to.deep.equal([
        "error: RSK_TESTNET_PRIVATE_KEY is not a private key: expected 0x and 64 hex digits, got 4 characters",
      ]);
      expect(run.stdout).not.to.include("Deploying");
    });
  });

  it("lists categories in lower case, as help writes them", function () {
    const run = hardhat([
      "coop",
      "claim",
      "--hours",
      "1",
      "--category",
      "leisure",
      "--evidence",
      "x",
    ]);
    expect(run.errLines).to.deep.equal([
      'error: --category must be one of commons, subsistence, care; got "leisure"',
    ]);
  });
});
