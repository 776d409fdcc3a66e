/**
 * lib/chain/next-block.ts: when a step's time has passed by the clock, the wait for the block
 * that carries it. A scripted node and a simulated wall clock: no real waiting.
 */
import { expect } from "chai";

import {
  type BlockClock,
  BlockWaitTimeout,
  nextBlockTime,
  waitForBlockAt,
} from "../../lib/chain/next-block.js";

const RSK = { blockSeconds: 30, chainName: "RSK" } as const;

/** A node whose latest block advances to `blocks[i]` after the i-th look; no pending block. */
function rskNode(blocks: bigint[]): BlockClock & { looks: number } {
  const node = {
    looks: 0,
    latestTimestamp: async () => blocks[Math.min(node.looks++, blocks.length - 1)],
    pendingTimestamp: async () => undefined,
  };
  return node;
}

/** A wall clock that moves only when the waiting sleeps. */
function simulatedTime(startMs = 1_000_000) {
  let now = startMs;
  return {
    wallClockMs: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    elapsed: () => now - startMs,
  };
}

describe("waiting for the block that carries a step's time", function () {
  it("returns at once when the latest block carries the time", async function () {
    const said: string[] = [];
    const time = simulatedTime();
    await waitForBlockAt(rskNode([1_000n]), 1_000n, {
      ...RSK,
      ...time,
      onWait: (l) => said.push(l),
    });
    expect(said).to.deep.equal([]);
    expect(time.elapsed()).to.equal(0);
  });

  it("returns at once when the node builds its next block itself (Hardhat)", async function () {
    const said: string[] = [];
    const hardhat: BlockClock = {
      latestTimestamp: async () => 900n,
      pendingTimestamp: async () => 1_000n,
    };
    await waitForBlockAt(hardhat, 1_000n, { ...RSK, onWait: (l) => said.push(l) });
    expect(said).to.deep.equal([]);
  });

  it("waits for the next block on RSK, saying so once", async function () {
    const said: string[] = [];
    const time = simulatedTime();
    // looked at on entry (old), then after each second: old, old, then the new block
    const node = rskNode([990n, 990n, 990n, 1_020n]);
    await waitForBlockAt(node, 1_000n, { ...RSK, ...time, onWait: (l) => said.push(l) });
    expect(said).to.deep.equal([
      "waiting for the next block (RSK makes one about every 30 seconds)…",
    ]);
    expect(time.elapsed()).to.equal(3_000);
  });

  it("gives up after three blocks' time with one line", async function () {
    const said: string[] = [];
    const time = simulatedTime();
    const stuck = rskNode([990n]);
    let error: unknown;
    try {
      await waitForBlockAt(stuck, 1_000n, { ...RSK, ...time, onWait: (l) => said.push(l) });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(BlockWaitTimeout);
    expect((error as Error).message).to.equal(
      "no block reached 1970-01-01 00:16:40 UTC in 1 minute 30 seconds of waiting: the node may have stopped making blocks; try again once it makes them",
    );
    expect(said).to.have.length(1);
    expect(time.elapsed()).to.equal(90_000);
  });
});

describe("the time by which a step is judged", function () {
  it("is the pending block's time when the node builds one", async function () {
    const clock: BlockClock = {
      latestTimestamp: async () => 100n,
      pendingTimestamp: async () => 5_000n,
    };
    expect(await nextBlockTime(clock, 9_000_000)).to.equal(5_000n);
  });

  it("is the later of the latest block and the wall clock otherwise", async function () {
    const clock: BlockClock = {
      latestTimestamp: async () => 100n,
      pendingTimestamp: async () => undefined,
    };
    expect(await nextBlockTime(clock, 9_000_000)).to.equal(9_000n);
    expect(await nextBlockTime(clock, 50_000)).to.equal(100n);
  });
});
