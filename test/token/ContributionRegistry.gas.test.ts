import { expect } from "chai";
import type { HDNodeWallet } from "ethers";
import { network } from "hardhat";

import {
  CareReputation__factory,
  ContributionRegistry__factory,
  WorkHours__factory,
} from "../../typechain-types/index.js";
import { Category, HOUR } from "./fixtures.js";

/** RSK's block gas limit, which one approval batch must fit. */
const BLOCK_GAS_LIMIT = 6_800_000n;

type Connection = Awaited<ReturnType<typeof network.create>>;

interface Scenario {
  /** Distinct claimants. */
  members: number;
  /** Claims each claimant submits for the measured batches. */
  claimsEach: number;
  /** Whether each claimant already holds WorkHours and CareReputation from an earlier batch. */
  holders: boolean;
  /** Categories that the claims cycle through. */
  categories: bigint[];
}

/** Deploys the suite on `connection`, submits the scenario's claims and returns their ids in
 * round-robin order over the members (so any prefix spreads over as many members as it can). */
async function prepare(connection: Connection, scenario: Scenario) {
  const { ethers, networkHelpers } = connection;
  const [governance] = await ethers.getSigners();
  const work = await new WorkHours__factory(governance).deploy("W", "W", governance.address);
  const care = await new CareReputation__factory(governance).deploy("C", "C", governance.address);
  const registry = await new ContributionRegistry__factory(governance).deploy(
    work,
    care,
    40n * HOUR,
    governance.address,
  );
  await work.grantRole(await work.MINTER_ROLE(), registry);
  await care.grantRole(await care.MINTER_ROLE(), registry);

  const members: HDNodeWallet[] = [];
  for (let i = 0; i < scenario.members; i++) {
    const wallet = ethers.Wallet.createRandom(ethers.provider);
    await networkHelpers.setBalance(wallet.address, 10n ** 20n);
    members.push(wallet);
  }
  const evidence = ethers.id("evidence");
  let next = 1n;
  if (scenario.holders) {
    const primed: bigint[] = [];
    for (const member of members) {
      for (const category of [Category.Commons, Category.Care]) {
        await registry.connect(member).submitClaim(HOUR, category, evidence, "ipfs://x");
        primed.push(next++);
      }
    }
    await registry.connect(governance).approveClaims(primed);
  }
  const ids: bigint[] = [];
  for (let round = 0; round < scenario.claimsEach; round++) {
    for (const [m, member] of members.entries()) {
      const category = scenario.categories[(round + m) % scenario.categories.length];
      await registry.connect(member).submitClaim(2n * HOUR, category, evidence, "ipfs://x");
      ids.push(next++);
    }
  }
  // the batch is voted on later: every token checkpoint it writes is a new one
  await networkHelpers.time.increase(3600);
  return { registry: registry.connect(governance), ids };
}

/** The largest prefix of `ids` whose approval needs at most the block gas limit. */
async function largestFit(
  registry: Awaited<ReturnType<typeof prepare>>["registry"],
  ids: bigint[],
) {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const gas = await registry.approveClaims.estimateGas(ids.slice(0, mid));
    if (gas <= BLOCK_GAS_LIMIT) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** SSTOREs of a transaction, by call depth (1: the registry; 2: the tokens). */
async function storageWrites(connection: Connection, hash: string) {
  const trace = (await connection.ethers.provider.send("debug_traceTransaction", [
    hash,
    { disableStack: true, disableMemory: true, disableStorage: true },
  ])) as { structLogs: { op: string; depth: number }[] };
  const writes: Record<number, number> = {};
  for (const log of trace.structLogs) {
    if (log.op === "SSTORE") writes[log.depth] = (writes[log.depth] ?? 0) + 1;
  }
  return writes;
}

const WORK = [Category.Commons, Category.Subsistence];
const MIXED = [Category.Commons, Category.Subsistence, Category.Care, Category.Commons];

describe("ContributionRegistry batch gas", function () {
  this.timeout(600_000);

  describe("when 25 members who hold tokens have 100 claims", function () {
    it("approves the batch within the 6.8M block gas limit", async function () {
      // the default network: RSK's 6.8M block gas limit
      const connection = await network.create();
      const { registry, ids } = await prepare(connection, {
        members: 25,
        claimsEach: 4,
        holders: true,
        categories: WORK,
      });
      const receipt = await (await registry.approveClaims(ids)).wait();
      const writes = await storageWrites(connection, receipt!.hash);
      console.log(
        `      100 claims / 25 holders (work): ${receipt!.gasUsed} gas, ` +
          `${receipt!.gasUsed / 100n} per claim; SSTOREs registry ${writes[1]}, tokens ${writes[2]}`,
      );
      expect(receipt!.status).to.equal(1);
      expect(receipt!.gasUsed).to.be.lt(BLOCK_GAS_LIMIT);
    });

    it("approves a batch that also mints care within the limit", async function () {
      const connection = await network.create();
      const { registry, ids } = await prepare(connection, {
        members: 25,
        claimsEach: 4,
        holders: true,
        categories: MIXED,
      });
      const receipt = await (await registry.approveClaims(ids)).wait();
      console.log(
        `      100 claims / 25 holders (work + care): ${receipt!.gasUsed} gas, ` +
          `${receipt!.gasUsed / 100n} per claim`,
      );
      expect(receipt!.gasUsed).to.be.lt(BLOCK_GAS_LIMIT);
    });
  });

  describe("when measured on a network without RSK's limit", function () {
    it("reports 100 first-time holders and the largest batches that fit", async function () {
      const roomy = () => network.create({ override: { blockGasLimit: 100_000_000n } });

      const fresh = await roomy();
      const first = await prepare(fresh, {
        members: 100,
        claimsEach: 1,
        holders: false,
        categories: WORK,
      });
      const fitFirst = await largestFit(first.registry, first.ids);
      const firstReceipt = await (await first.registry.approveClaims(first.ids)).wait();
      const firstWrites = await storageWrites(fresh, firstReceipt!.hash);
      console.log(
        `      100 claims / 100 first-time holders (work): ${firstReceipt!.gasUsed} gas, ` +
          `${firstReceipt!.gasUsed / 100n} per claim; SSTOREs registry ${firstWrites[1]}, ` +
          `tokens ${firstWrites[2]}; largest batch within 6.8M: ${fitFirst}`,
      );

      const held = await roomy();
      const repeat = await prepare(held, {
        members: 25,
        claimsEach: 36,
        holders: true,
        categories: WORK,
      });
      const fitRepeat = await largestFit(repeat.registry, repeat.ids);
      const repeatReceipt = await (
        await repeat.registry.approveClaims(repeat.ids.slice(0, fitRepeat))
      ).wait();
      console.log(
        `      largest batch within 6.8M from 25 holders: ${fitRepeat} claims, ` +
          `${repeatReceipt!.gasUsed} gas`,
      );

      expect(fitFirst).to.be.greaterThan(0);
      expect(fitRepeat).to.be.greaterThan(100);
      expect(fitRepeat).to.be.lessThan(repeat.ids.length);
      expect(repeatReceipt!.gasUsed).to.be.lte(BLOCK_GAS_LIMIT);
    });
  });
});
