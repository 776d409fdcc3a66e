import { expect } from "chai";
import type { ContractTransactionResponse, Log } from "ethers";

import type { CareReputation, WorkHours } from "../../typechain-types/index.js";
import {
  Category,
  HOUR,
  deployCareReputation,
  deployRegistry,
  deployWorkHours,
  ethers,
  networkHelpers,
} from "./fixtures.js";

const { loadFixture, time } = networkHelpers;

/** The Transfer and DelegateVotesChanged events of `logs`, as [name, ...args] strings, in order. */
function voteEvents(token: WorkHours | CareReputation, logs: readonly Log[]): string[][] {
  const kept: string[][] = [];
  for (const log of logs) {
    const parsed = token.interface.parseLog(log);
    if (parsed === null) continue;
    if (parsed.name !== "Transfer" && parsed.name !== "DelegateVotesChanged") continue;
    kept.push([parsed.name, ...parsed.args.map((arg: unknown) => String(arg))]);
  }
  return kept;
}

/** Sends every transaction `send` makes into one block, so they share one timepoint; returns
 * their receipts' logs in order. */
async function inOneBlock(send: () => Promise<ContractTransactionResponse[]>) {
  await networkHelpers.mine();
  await ethers.provider.send("evm_setAutomine", [false]);
  let sent: ContractTransactionResponse[];
  try {
    sent = await send();
    await networkHelpers.mine();
  } finally {
    await ethers.provider.send("evm_setAutomine", [true]);
  }
  const receipts = await Promise.all(sent.map((tx) => tx.wait()));
  const blocks = new Set(receipts.map((receipt) => receipt!.blockNumber));
  expect(blocks.size).to.equal(1);
  const block = await ethers.provider.getBlock(receipts[0]!.blockNumber);
  return { logs: receipts.map((receipt) => receipt!.logs), at: BigInt(block!.timestamp) };
}

/** One shared suite: a batch mint leaves each token exactly where per-account mints of the same
 * amounts, at the same timepoint, leave a second token with the same history. */
function shouldMintBatchLikePerAccountMints(
  deploy: () => Promise<{
    batch: WorkHours | CareReputation;
    reference: WorkHours | CareReputation;
    holders: string[];
    mintBatch: (accounts: string[], amounts: bigint[]) => Promise<ContractTransactionResponse>;
    mintOne: (account: string, amount: bigint) => Promise<ContractTransactionResponse>;
  }>,
) {
  describe("when a batch repeats accounts and mixes holders with newcomers", function () {
    it("matches per-account mints in supply, past supply, balances, votes and events", async function () {
      const { batch, reference, holders, mintBatch, mintOne } = await loadFixture(deploy);
      const before = BigInt(await time.latest());
      await time.increase(60);
      const accounts = [holders[0], holders[1], holders[0], holders[2], holders[3], holders[1]];
      const amounts = [1n, 2n, 3n, 4n, 5n, 6n].map((h) => h * HOUR + 7n);
      const { logs, at } = await inOneBlock(async () => {
        const sent = [await mintBatch(accounts, amounts)];
        for (const [i, account] of accounts.entries())
          sent.push(await mintOne(account, amounts[i]));
        return sent;
      });
      expect(voteEvents(batch, logs[0])).to.deep.equal(
        logs.slice(1).flatMap((l) => voteEvents(reference, l)),
      );
      expect(await batch.totalSupply()).to.equal(await reference.totalSupply());
      await time.increase(1);
      for (const t of [before, at]) {
        expect(await batch.getPastTotalSupply(t)).to.equal(await reference.getPastTotalSupply(t));
      }
      for (const account of holders) {
        expect(await batch.balanceOf(account)).to.equal(await reference.balanceOf(account));
        expect(await batch.getVotes(account)).to.equal(await reference.getVotes(account));
        for (const t of [before, at]) {
          expect(await batch.getPastVotes(account, t)).to.equal(
            await reference.getPastVotes(account, t),
          );
        }
        const n = await batch.numCheckpoints(account);
        expect(n).to.equal(await reference.numCheckpoints(account));
        for (let pos = 0n; pos < n; pos++) {
          expect(await batch.checkpoints(account, pos)).to.deep.equal(
            await reference.checkpoints(account, pos),
          );
        }
      }
      const total = amounts.reduce((a, b) => a + b, 0n);
      expect(await batch.getPastTotalSupply(at)).to.equal(
        (await batch.getPastTotalSupply(before)) + total,
      );
    });
  });
}

/** Two WorkHours with the same history (alice and carol hold hours; bob delegated to carol):
 * `batch` mints through mintForWork, `reference` one mintCapital (through `_update`) each. */
async function deployWorkPair() {
  const base = await deployWorkHours();
  const { work, minter, treasury, alice, bob, carol, dave } = base;
  const { work: reference } = await deployWorkHours();
  // the same history in one block, so that both tokens' earlier checkpoints have the same keys
  await inOneBlock(async () => {
    const sent: ContractTransactionResponse[] = [];
    for (const token of [work, reference]) {
      sent.push(await token.connect(treasury).mintCapital(alice.address, 10n * HOUR));
      sent.push(await token.connect(treasury).mintCapital(carol.address, 20n * HOUR));
      sent.push(await token.connect(bob).delegate(carol.address));
    }
    return sent;
  });
  return {
    batch: work,
    reference,
    holders: [alice.address, bob.address, carol.address, dave.address],
    mintBatch: (accounts: string[], amounts: bigint[]) =>
      work.connect(minter).mintForWork(
        accounts,
        amounts.map((a) => a / 3n),
        amounts.map((a) => a - a / 3n),
      ),
    mintOne: (account: string, amount: bigint) =>
      reference.connect(treasury).mintCapital(account, amount),
  };
}

/** Two CareReputation with the same history (alice and carol hold reputation): `batch` mints
 * the accounts in one call, `reference` in one call each. */
async function deployCarePair() {
  const { care, minter, alice, bob, carol, dave } = await deployCareReputation();
  const { care: reference } = await deployCareReputation();
  await inOneBlock(async () => {
    const sent: ContractTransactionResponse[] = [];
    for (const token of [care, reference]) {
      sent.push(
        await token.connect(minter).mint([alice.address, carol.address], [10n * HOUR, 20n * HOUR]),
      );
    }
    return sent;
  });
  return {
    batch: care,
    reference,
    holders: [alice.address, bob.address, carol.address, dave.address],
    mintBatch: (accounts: string[], amounts: bigint[]) =>
      care.connect(minter).mint(accounts, amounts),
    mintOne: (account: string, amount: bigint) =>
      reference.connect(minter).mint([account], [amount]),
  };
}

interface StructLog {
  op: string;
  depth: number;
  stack?: string[];
}

/** The SSTOREs of transaction `hash`, as `contract:slot` keys: a CALL enters the callee's
 * storage (the registry's token calls are plain CALLs). */
async function storageWrites(hash: string, to: string): Promise<string[]> {
  const trace = (await ethers.provider.send("debug_traceTransaction", [
    hash,
    { disableMemory: true, disableStorage: true },
  ])) as { structLogs: StructLog[] };
  const logs = trace.structLogs;
  const storageAt: string[] = [];
  storageAt[logs[0].depth] = to.toLowerCase();
  const writes: string[] = [];
  const top = (log: StructLog, i: number) => BigInt(log.stack![log.stack!.length - 1 - i]);
  logs.forEach((log, index) => {
    if (log.op === "SSTORE") {
      writes.push(`${storageAt[log.depth]}:${top(log, 0).toString(16)}`);
    } else if (log.op === "CALL" && logs[index + 1]?.depth === log.depth + 1) {
      storageAt[log.depth + 1] = ethers.getAddress(ethers.toBeHex(top(log, 1), 20)).toLowerCase();
    }
  });
  return writes;
}

describe("Batch mints", function () {
  describe("WorkHours.mintForWork", function () {
    shouldMintBatchLikePerAccountMints(deployWorkPair);

    it("credits each account the sum of its entries and emits WorkCredited per entry", async function () {
      const { work, minter, alice, bob } = await loadFixture(deployWorkHours);
      const tx = work
        .connect(minter)
        .mintForWork([alice.address, bob.address, alice.address], [HOUR, 0n, 2n], [3n, 4n, 0n]);
      await expect(tx)
        .to.emit(work, "WorkCredited")
        .withArgs(alice.address, 0n, HOUR)
        .and.to.emit(work, "WorkCredited")
        .withArgs(bob.address, 1n, 4n);
      expect(await work.earnedCredit(alice.address, 0n)).to.equal(HOUR + 2n);
      expect(await work.earnedCredit(alice.address, 1n)).to.equal(3n);
      expect(await work.earnedCredit(bob.address, 1n)).to.equal(4n);
    });

    describe("when the batch passes the 2^96 - 1 cap midway", function () {
      it("reverts with the first supply past the cap and writes nothing", async function () {
        const { work, minter, alice, bob, carol } = await loadFixture(deployWorkHours);
        const cap = 2n ** 96n - 1n;
        await work.connect(minter).mintForWork([alice.address], [cap - 10n], [0n]);
        await expect(
          work
            .connect(minter)
            .mintForWork([bob.address, carol.address, bob.address], [4n, 7n, cap], [0n, 0n, 0n]),
        )
          .to.be.revertedWithCustomError(work, "ERC20ExceededSafeSupply")
          .withArgs(cap + 1n, cap);
        expect(await work.totalSupply()).to.equal(cap - 10n);
        expect(await work.balanceOf(bob.address)).to.equal(0n);
      });
    });

    it("accepts an empty batch and mints nothing", async function () {
      const { work, minter } = await loadFixture(deployWorkHours);
      await work.connect(minter).mintForWork([], [], []);
      await time.increase(1);
      expect(await work.totalSupply()).to.equal(0n);
      expect(await work.getPastTotalSupply((await time.latest()) - 1)).to.equal(0n);
    });
  });

  describe("CareReputation.mint", function () {
    shouldMintBatchLikePerAccountMints(deployCarePair);

    describe("when the batch passes MAX_SUPPLY midway", function () {
      it("reverts with the supply before the first account past it and writes nothing", async function () {
        const { care, minter, alice, bob, carol } = await loadFixture(deployCareReputation);
        const cap = 2n ** 160n - 1n;
        await care.connect(minter).mint([alice.address], [cap - 10n]);
        await expect(care.connect(minter).mint([bob.address, carol.address], [4n, 7n]))
          .to.be.revertedWithCustomError(care, "CareReputationExceededSupply")
          .withArgs(cap - 6n, 7n, cap);
        expect(await care.totalSupply()).to.equal(cap - 10n);
        expect(await care.balanceOf(bob.address)).to.equal(0n);
      });
    });
  });

  describe("when the registry approves a batch of 10 claimants in both tokens", function () {
    it("writes every token storage slot at most once (one supply write per token)", async function () {
      const { registry, work, care, governance } = await loadFixture(deployRegistry);
      const signers = (await ethers.getSigners()).slice(6, 16);
      const evidence = ethers.id("evidence");
      const ids: bigint[] = [];
      for (const [i, member] of signers.entries()) {
        const category = i % 2 === 0 ? Category.Commons : Category.Care;
        await registry.connect(member).submitClaim(HOUR, category, evidence, "ipfs://x");
        await registry
          .connect(member)
          .submitClaim(HOUR, Category.Subsistence, evidence, "ipfs://y");
        ids.push(BigInt(2 * i + 1), BigInt(2 * i + 2));
      }
      await time.increase(3600);
      const tx = await registry.connect(governance).approveClaims(ids);
      const writes = await storageWrites(tx.hash, await registry.getAddress());
      const tokens = [await work.getAddress(), await care.getAddress()].map((a) => a.toLowerCase());
      const tokenWrites = writes.filter((w) => tokens.includes(w.split(":")[0]));
      // per work claimant: balance, credit, vote checkpoint (2 slots when new); per care claimant:
      // its vote checkpoint; and the supply checkpoint of each token once
      expect(tokenWrites.length).to.be.greaterThan(10 * 3);
      expect(new Set(tokenWrites).size).to.equal(tokenWrites.length);
      expect(await work.totalSupply()).to.equal(15n * HOUR);
      expect(await care.totalSupply()).to.equal(5n * HOUR);
    });
  });
});
