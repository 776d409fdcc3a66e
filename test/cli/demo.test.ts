import { expect } from "chai";
import { network } from "hardhat";

import { RSK_BLOCK_GAS_LIMIT } from "../../lib/constants.js";
import { runDemo } from "../../lib/coop/demo.js";

const HOUR = 10n ** 18n;

describe("npm run demo", function () {
  it("runs the life of a cooperative with the figures a member can check by hand", async function () {
    const connection = await network.create();
    const lines: string[] = [];
    const outcome = await runDemo(connection, { log: (line) => lines.push(line) });
    await connection.close();

    // 8 + 3.5 hours of work and 5 of care were claimed and approved in one proposal.
    expect(outcome.minted).to.deep.equal({
      hours: 11_500_000_000_000_000_000n + 6n * HOUR,
      care: 5n * HOUR,
    });
    // Weights at the snapshot: hours + 1.5 x care (the default care weight).
    // alice 24 + 1.5 x 2 = 27; bob 16 + 1.5 x 6 = 25; carol 8 + 1.5 x 12 = 26.
    expect(outcome.weights).to.deep.equal({
      alice: 27n * HOUR,
      bob: 25n * HOUR,
      carol: 26n * HOUR,
    });
    // 200 hours at the rate of 0.0001 RBTC = 0.02 RBTC, split 75/25 exactly.
    expect(outcome.deposit).to.deep.equal({
      subsistence: 15_000_000_000_000_000n,
      commons: 5_000_000_000_000_000n,
    });
    // 3 and 2 hours at 0.0001 RBTC less a fee a hair under the 10% maximum.
    expect(outcome.payouts.subsistence).to.be.within(270_000_000_000_000n, 300_000_000_000_000n);
    expect(outcome.payouts.commons).to.be.within(180_000_000_000_000n, 200_000_000_000_000n);
    // 5 hours at the sale price of 0.00012 RBTC.
    expect(outcome.bought).to.equal(600_000_000_000_000n);
    expect(outcome.swapOut).to.be.greaterThan(0n);
    // one tranche of the demo's small pool (0.25% of its RBTC), within the 0.00015 RBTC budget
    expect(outcome.band.spent).to.be.greaterThan(0n);
    expect(outcome.band.spent).to.be.lessThanOrEqual(150_000_000_000_000n);
    expect(outcome.band.burned).to.be.greaterThan(0n);
    for (const { step, gasUsed } of outcome.gas) {
      expect(gasUsed, step).to.be.lessThan(RSK_BLOCK_GAS_LIMIT);
    }
    for (let n = 1; n <= 10; n++)
      expect(lines.some((l) => l.startsWith(`\n${n}. `))).to.equal(true);
  });
});
