import { expect } from "chai";
import { getAddress } from "ethers";
import hre from "hardhat";

import { parseAddress } from "../../lib/cli/parse.js";
import { hasValidChecksum, toEip1191Address } from "../../lib/rsk/checksum.js";

const LOWER = "0xdf682cb153e8af3e13e90e9acd79a39dde98ebd8";
const EIP55 = getAddress(LOWER);
/** EIP-55 with the case of one letter flipped: valid under no checksum. */
const MISTYPED = "0xdf682CB153E8af3E13E90e9ACD79a39DDe98eBd8";

function failure(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a failure");
}

/** Runs `coop <command>` in this process, capturing what it prints on stderr. */
async function coopErrors(command: string[], args: Record<string, string>) {
  const err: string[] = [];
  const { error } = console;
  console.error = (...parts: unknown[]) => err.push(parts.join(" "));
  process.exitCode = 0;
  try {
    await hre.tasks.getTask(["coop", ...command]).run({ from: "", ...args });
  } finally {
    console.error = error;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { err, exitCode };
}

describe("RSK address checksums", function () {
  it("matches the EIP-1191 vector for RSK mainnet (RSKIP-60)", function () {
    expect(toEip1191Address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", 30)).to.equal(
      "0x5aaEB6053f3e94c9b9a09f33669435E7ef1bEAeD",
    );
  });

  it("accepts all lower, all upper, EIP-55 and EIP-1191 (chains 30, 31) forms", function () {
    const upper = "0x" + LOWER.slice(2).toUpperCase();
    for (const form of [
      LOWER,
      upper,
      EIP55,
      toEip1191Address(LOWER, 30),
      toEip1191Address(LOWER, 31),
    ]) {
      expect(hasValidChecksum(form), form).to.equal(true);
      expect(parseAddress(form, "--account")).to.equal(EIP55);
    }
  });

  it("refuses a mixed case valid under none of EIP-55, EIP-1191 chain 30 or 31", function () {
    expect(MISTYPED.toLowerCase()).to.equal(LOWER);
    expect([EIP55, toEip1191Address(LOWER, 30), toEip1191Address(LOWER, 31)]).to.not.include(
      MISTYPED,
    );
    expect(hasValidChecksum(MISTYPED)).to.equal(false);
    expect(failure(() => parseAddress(MISTYPED, "--account"))).to.match(
      /^--account 0xdf682CB153E8af3E13E90e9ACD79a39DDe98eBd8 has a checksum error/,
    );
  });

  it("refuses a revocation for a mistyped address in one line, before connecting", async function () {
    const outcome = await coopErrors(["propose", "revoke"], {
      account: MISTYPED,
      hours: "1",
      reason: "typo",
    });
    expect(outcome.exitCode).to.equal(1);
    expect(outcome.err).to.have.length(1);
    expect(outcome.err[0]).to.match(/^error: --account 0xdf682CB1.* has a checksum error/);
  });
});
