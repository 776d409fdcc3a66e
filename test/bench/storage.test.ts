import { expect } from "chai";

import {
  RSK_SLOAD,
  RSK_SSTORE_RESET,
  RSK_SSTORE_SET,
  type StructLog,
  slotKey,
  storageAccesses,
  summarizeStorage,
  writtenSlots,
} from "../../bench/lib/storage.js";

const TOKEN = "0x00000000000000000000000000000000000000aa";
const PAIR = "0x00000000000000000000000000000000000000bb";

/** A struct log whose stack has `top` as its top items, top first. */
function op(name: string, depth: number, gasCost: number, ...top: bigint[]): StructLog {
  return { op: name, depth, gasCost, stack: top.map((v) => `0x${v.toString(16)}`).reverse() };
}

describe("bench storage trace", function () {
  describe("attribution", function () {
    it("gives each access to the contract whose storage it touches", function () {
      const logs = [
        op("SSTORE", 1, 20_000, 1n, 5n), // pair: slot 1 = 5
        // CALL: gas, to, ...; the callee's code runs at depth 2
        op("CALL", 1, 100, 50_000n, BigInt(TOKEN)),
        op("SLOAD", 2, 2_100, 7n),
        // DELEGATECALL keeps the token's storage
        op("DELEGATECALL", 2, 100, 50_000n, 0xccn),
        op("SSTORE", 3, 2_900, 7n, 9n),
        op("RETURN", 3, 0),
        op("SSTORE", 2, 100, 8n, 1n),
        op("RETURN", 2, 0),
        op("SSTORE", 1, 100, 1n, 6n), // back in the pair
      ];
      const accesses = storageAccesses(logs, PAIR.toUpperCase().replace("0X", "0x"));
      expect(accesses.map((a) => [a.op, a.contract, a.slot, a.value])).to.deep.equal([
        ["SSTORE", PAIR, 1n, 5n],
        ["SLOAD", TOKEN, 7n, 0n],
        ["SSTORE", TOKEN, 7n, 9n],
        ["SSTORE", TOKEN, 8n, 1n],
        ["SSTORE", PAIR, 1n, 6n],
      ]);
    });

    it("does not enter a call to an account without code", function () {
      const logs = [op("CALL", 1, 100, 50_000n, BigInt(TOKEN)), op("SSTORE", 1, 100, 2n, 1n)];
      expect(storageAccesses(logs, PAIR)[0].contract).to.equal(PAIR);
    });

    it("puts a created contract's writes under its own key", function () {
      const logs = [op("CREATE2", 1, 32_000, 0n, 0n, 0n), op("SSTORE", 2, 20_000, 0n, 1n)];
      expect(storageAccesses(logs, PAIR)[0].contract).to.equal("create:0");
    });

    it("rejects an SSTORE without a stack", function () {
      expect(() => storageAccesses([{ op: "SSTORE", depth: 1, gasCost: 0 }], PAIR)).to.throw(
        /no stack item 0/,
      );
    });
  });

  describe("pricing", function () {
    const logs = [
      op("SLOAD", 1, 2_100, 1n),
      op("SSTORE", 1, 20_000, 1n, 5n), // zero to non-zero
      op("SSTORE", 1, 100, 1n, 6n), // rewrite of a dirty slot
      op("SSTORE", 1, 2_900, 2n, 0n), // non-zero to zero
      op("SSTORE", 1, 5_000, 3n, 4n), // non-zero to non-zero, cold
    ];
    const accesses = storageAccesses(logs, PAIR);
    const original = new Map([
      [slotKey(PAIR, 1n), 0n],
      [slotKey(PAIR, 2n), 3n],
      [slotKey(PAIR, 3n), 1n],
    ]);

    it("asks for the original value of each written slot once", function () {
      expect(writtenSlots(accesses).map((s) => s.key)).to.deep.equal([...original.keys()]);
    });

    it("counts writes, distinct slots, rewrites and zero to non-zero writes", function () {
      const summary = summarizeStorage(accesses, original);
      expect(summary).to.include({
        sstores: 4,
        slotsWritten: 3,
        rewrites: 1,
        zeroToNonZero: 1,
        sloads: 1,
        storageGasEthereum: 2_100 + 20_000 + 100 + 2_900 + 5_000,
      });
    });

    it("prices every rewrite at 5,000 and SLOAD at 200 on RSK", function () {
      expect(summarizeStorage(accesses, original).storageGasRsk).to.equal(
        RSK_SLOAD + RSK_SSTORE_SET + 3 * RSK_SSTORE_RESET,
      );
    });

    it("prices a write after clearing a slot as a new set", function () {
      const cleared = storageAccesses(
        [op("SSTORE", 1, 2_900, 1n, 0n), op("SSTORE", 1, 20_000, 1n, 7n)],
        PAIR,
      );
      const summary = summarizeStorage(cleared, new Map([[slotKey(PAIR, 1n), 4n]]));
      expect(summary.storageGasRsk).to.equal(RSK_SSTORE_RESET + RSK_SSTORE_SET);
      expect(summary.zeroToNonZero).to.equal(1);
    });

    it("rejects a written slot without an original value", function () {
      expect(() => summarizeStorage(accesses, new Map())).to.throw(/no original value/);
    });
  });
});
