import { expect } from "chai";
import hre from "hardhat";

import { MAX_CONTRACT_SIZE } from "../../lib/constants.js";
import { findMissingOpcodes } from "../../lib/rsk/opcodes.js";

async function projectRuntimeCodes(): Promise<Array<{ name: string; code: string }>> {
  const names = [...(await hre.artifacts.getAllFullyQualifiedNames())].filter((name) =>
    name.startsWith("contracts/"),
  );
  const artifacts = await Promise.all(names.map((name) => hre.artifacts.readArtifact(name)));
  return artifacts
    .filter((a) => a.deployedBytecode.length > 2)
    .map((a) => ({ name: `${a.sourceName}:${a.contractName}`, code: a.deployedBytecode }));
}

describe("RSK readiness of the compiled contracts", function () {
  it("scans every contract the cooperative deploys", async function () {
    const names = (await projectRuntimeCodes()).map(({ name }) => name.split(":")[1]);
    expect(names).to.include.members([
      "WorkHours",
      "CareReputation",
      "ContributionRegistry",
      "HolisticGovernor",
      "CoopTimelock",
      "RedemptionTreasury",
      "CoopPair",
      "CoopPairFactory",
      "CoopRouter",
      "CoopTwapOracle",
      "WRBTC",
    ]);
  });

  it("uses no opcode that RSK lacks (BLOBHASH, BLOBBASEFEE, CLZ)", async function () {
    // Coverage instruments the bytecode: its gas and size are not the deployed ones.
    if (hre.globalOptions.coverage) this.skip();
    const offenders = (await projectRuntimeCodes())
      .map(({ name, code }) => ({ name, hits: findMissingOpcodes(code) }))
      .filter(({ hits }) => hits.length > 0);
    expect(offenders).to.deep.equal([]);
  });

  it("keeps every runtime within RSK's 24,576-byte contract size limit", async function () {
    // Coverage instruments the bytecode: its gas and size are not the deployed ones.
    if (hre.globalOptions.coverage) this.skip();
    const oversized = (await projectRuntimeCodes())
      .map(({ name, code }) => ({ name, size: (code.length - 2) / 2 }))
      .filter(({ size }) => size > MAX_CONTRACT_SIZE);
    expect(oversized).to.deep.equal([]);
  });
});
