import { expect } from "chai";

import { RSK_GAS, rskGas } from "../../bench/lib/rsk-gas.js";
import type { StructLog } from "../../bench/lib/storage.js";
import { slotKey } from "../../bench/lib/storage.js";

const FROM = "0x00000000000000000000000000000000000000f1";
const TO = "0x00000000000000000000000000000000000000c0";
const OTHER = "0x00000000000000000000000000000000000000c1";

const hex = (n: bigint | number) => n.toString(16);
/** A struct log; `stack` is given top first, for reading. */
const log = (op: string, gasCost: number, top: (bigint | number | string)[] = [], depth = 1) => ({
  op,
  depth,
  gasCost,
  stack: [...top].reverse().map((item) => (typeof item === "string" ? item : hex(item))),
});

function reprice(logs: StructLog[], gasUsed: number, original: [bigint, bigint][] = []) {
  return rskGas({
    logs,
    gasUsed,
    from: FROM,
    to: TO,
    original: new Map(original.map(([slot, value]) => [slotKey(TO, slot), value])),
  });
}

describe("bench: RSK gas re-pricing", function () {
  it("prices SLOAD at 200, warm or cold", function () {
    // cold 2,100 + warm 100 on Ethereum; 2 x 200 on RSK
    expect(reprice([log("SLOAD", 2_100, [1]), log("SLOAD", 100, [1])], 30_000)).to.equal(
      30_000 - 2_200 + 2 * RSK_GAS.SLOAD,
    );
  });

  it("charges every rewrite of a slot 5,000, where Ethereum charges 100", function () {
    // slot 1 holds 7: a cold reset (2,900 + 2,100), then a dirty rewrite (100)
    const logs = [log("SSTORE", 5_000, [1, 8]), log("SSTORE", 100, [1, 9])];
    expect(reprice(logs, 40_000, [[1n, 7n]])).to.equal(40_000 - 5_100 + 2 * RSK_GAS.RESET_SSTORE);
  });

  it("charges 20,000 to set a zero slot, each time it goes from zero", function () {
    const logs = [log("SSTORE", 22_100, [2, 1])];
    expect(reprice(logs, 50_000, [[2n, 0n]])).to.equal(50_000 - 22_100 + RSK_GAS.SET_SSTORE);
  });

  it("refunds 15,000 for a cleared slot, capped at half the gas, not Ethereum's 4,800", function () {
    // Ethereum: cold clear 5,000, refund 4,800 (gas before refund 30,000, used 25,200)
    const logs = [log("SSTORE", 5_000, [3, 0])];
    const rskBefore = 30_000 - 5_000 + RSK_GAS.CLEAR_SSTORE;
    expect(reprice(logs, 25_200, [[3n, 5n]])).to.equal(rskBefore - RSK_GAS.REFUND_SSTORE);
  });

  it("prices a call's access at 700 whether the callee is warm or cold", function () {
    const logs = [
      log("CALL", 2_600 + 5_000, [10_000, OTHER.slice(2)]),
      log("STOP", 0, [], 2),
      log("STATICCALL", 100 + 5_000, [10_000, OTHER.slice(2)]),
      log("STOP", 0, [], 2),
    ];
    // first cold (2,600), then warm (100); RSK 700 each
    expect(reprice(logs, 60_000)).to.equal(60_000 - 2_700 + 2 * RSK_GAS.CALL);
  });

  it("leaves opcodes priced alike untouched", function () {
    expect(reprice([log("ADD", 3), log("LOG1", 750), log("TSTORE", 100, [1, 1])], 21_853)).to.equal(
      21_853,
    );
  });
});
