import { expect } from "chai";

import { largestFitting } from "../../bench/lib/search.js";

/** `fits` for a limit, recording every n it was asked about. */
function upTo(limit: number, asked: number[]) {
  return async (n: number) => {
    asked.push(n);
    return n <= limit;
  };
}

describe("bench largest-batch search", function () {
  for (const [count, limit] of [
    [200, 108],
    [200, 1],
    [83, 60],
    [1, 1],
  ] as const) {
    it(`finds ${limit} among ${count}`, async function () {
      const asked: number[] = [];
      expect(await largestFitting(count, upTo(limit, asked))).to.equal(limit);
      expect(Math.min(...asked)).to.be.at.least(1);
      expect(Math.max(...asked)).to.be.at.most(count);
      expect(asked.length).to.be.at.most(Math.ceil(Math.log2(count + 2)));
    });
  }

  it("returns 0 when not even one fits", async function () {
    expect(await largestFitting(50, upTo(0, []))).to.equal(0);
  });

  it("returns the count when every batch fits, so the caller can flag its ceiling", async function () {
    expect(await largestFitting(50, upTo(1_000, []))).to.equal(50);
  });
});
