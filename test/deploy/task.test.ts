import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";
import { network } from "hardhat";

import { confoederatioModule, quoteTokenOf } from "../../deploy/modules/Confoederatio.js";
import { checkWrbtc, findPlaceholder, oneLine } from "../../tasks/deploy-action.js";
import { CliError } from "../../lib/cli/errors.js";

const ROOT = path.join(import.meta.dirname, "..", "..");
const HARDHAT = path.join(ROOT, "node_modules", ".bin", "hardhat");

/** Runs `hardhat deploy ...args` in a child process, without any RSK configuration variable. */
async function runDeploy(...args: string[]) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("RSK_")),
  );
  try {
    const { stdout, stderr } = await promisify(execFile)(HARDHAT, ["deploy", ...args], {
      cwd: ROOT,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Asserts a one-line error that contains `text`, a non-zero exit and nothing deployed. */
function expectOneLineError(result: Awaited<ReturnType<typeof runDeploy>>, text: string) {
  expect(result.code).to.not.equal(0);
  const lines = result.stderr.trim().split("\n");
  expect(lines).to.have.length(1);
  expect(lines[0]).to.match(/^error: /);
  expect(lines[0], result.stderr).to.include(text);
  expect(result.stdout).to.not.include("Deploying");
}

describe("deploy task", function () {
  describe("when the input is bad", function () {
    it("rejects a missing parameters file in one line", async function () {
      const result = await runDeploy("--parameters", "deploy/parameters/nowhere.json");
      expectOneLineError(result, "no parameters file deploy/parameters/nowhere.json");
    });

    it("rejects a parameters file with a placeholder left in it", async function () {
      const result = await runDeploy("--network", "rskTestnet");
      expectOneLineError(result, "replace the placeholder <FOUNDER_ADDRESS>");
    });

    it("names the configuration variable a network lacks, before connecting", async function () {
      const result = await runDeploy(
        "--network",
        "rskTestnet",
        "--parameters",
        "deploy/parameters/default.json",
      );
      expectOneLineError(result, "network rskTestnet needs RSK_TESTNET_PRIVATE_KEY");
    });
  });

  describe("when a transaction of the deployment would revert", function () {
    it("reports the failing contract and its error in one line", async function () {
      const connection = await network.create();
      const parameters = { Cooperative: { maxFee: 100, minFee: 200 } };
      const failure = await connection.ignition
        .deploy(confoederatioModule(parameters), { parameters })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      await connection.close();
      const line = oneLine(failure);
      expect(line).to.not.include("\n");
      expect(line).to.include("Cooperative#RedemptionTreasury");
      expect(line).to.include("TreasuryInvalidFees(100, 200)");
    });
  });

  describe("parameter checks", function () {
    it("finds a placeholder anywhere in the parameters", function () {
      expect(findPlaceholder({ Dex: { wrbtc: "<WRBTC>" } })).to.deep.equal([
        "Dex.wrbtc",
        "<WRBTC>",
      ]);
      expect(findPlaceholder({ A: { list: ["0x01", "<X>"] } })).to.deep.equal(["A.list[1]", "<X>"]);
      expect(findPlaceholder({ A: { n: 1n, s: "Work Hours" } })).to.equal(undefined);
    });

    it("requires a WRBTC on RSK testnet and mainnet only", function () {
      const zero = { Dex: { wrbtc: "0x0000000000000000000000000000000000000000" } };
      expect(() => checkWrbtc(zero, 31n, "p.json")).to.throw(CliError, "Dex.wrbtc");
      expect(() => checkWrbtc({}, 30n, "p.json")).to.throw(CliError, "Dex.wrbtc");
      expect(() => checkWrbtc(zero, 33n, "p.json")).to.not.throw();
      const canonical = { Dex: { wrbtc: "0x542fDA317318eBF1d3DEAf76E0b632741A7e677d" } };
      expect(() => checkWrbtc(canonical, 30n, "p.json")).to.not.throw();
    });

    it("pairs WorkHours with WRBTC unless the reserve is an ERC20", function () {
      expect(quoteTokenOf({})).to.equal("wrbtc");
      expect(
        quoteTokenOf({ Cooperative: { reserve: "0x0000000000000000000000000000000000000000" } }),
      ).to.equal("wrbtc");
      expect(
        quoteTokenOf({ Cooperative: { reserve: "0x5FbDB2315678afecb367f032d93F642f64180aa3" } }),
      ).to.equal("reserve");
    });
  });
});
