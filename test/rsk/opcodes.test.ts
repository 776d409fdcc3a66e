import { expect } from "chai";

import { executableLength, findMissingOpcodes } from "../../lib/rsk/opcodes.js";

describe("RSK opcode scan", function () {
  it("finds BLOBHASH, BLOBBASEFEE and CLZ where they execute", function () {
    // PUSH1 0x00, BLOBHASH, BLOBBASEFEE, CLZ, STOP
    const hits = findMissingOpcodes("0x6000494a1e00");
    expect(hits.map((h) => [h.offset, h.name])).to.deep.equal([
      [2, "BLOBHASH"],
      [3, "BLOBBASEFEE"],
      [4, "CLZ"],
    ]);
  });

  it("skips the immediates of PUSH1 to PUSH32", function () {
    // PUSH1 0x49, PUSH2 0x4a1e, PUSH32 (32 bytes of 0x49), STOP
    const code = "0x6049614a1e7f" + "49".repeat(32) + "00";
    expect(findMissingOpcodes(code)).to.deep.equal([]);
  });

  it("ignores a PUSH that runs past the end of the code", function () {
    expect(findMissingOpcodes("0x7f4949")).to.deep.equal([]);
  });

  it("cuts off solc's metadata trailer, whose bytes are data", function () {
    // STOP, then a 3-byte CBOR map {0x49: 0x1e} trailer, then its length (0x0003).
    const code = Uint8Array.from([0x00, 0xa1, 0x49, 0x1e, 0x00, 0x03]);
    expect(executableLength(code)).to.equal(1);
    expect(findMissingOpcodes(code)).to.deep.equal([]);
  });

  it("skips the metadata of creation code embedded in the middle", function () {
    const metadata = "a264697066735822" + "49".repeat(34) + "64736f6c6343" + "00081e" + "0033";
    // STOP, embedded metadata full of 0x49 bytes, then a real BLOBHASH.
    const hits = findMissingOpcodes("0x00" + metadata + "49");
    expect(hits.map((h) => [h.offset, h.name])).to.deep.equal([[54, "BLOBHASH"]]);
  });
});
