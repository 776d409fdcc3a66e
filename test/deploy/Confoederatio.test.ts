import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { expect } from "chai";
import hre from "hardhat";
import { ZeroAddress, ZeroHash, getAddress, id } from "ethers";

import { RSK_BLOCK_GAS_LIMIT } from "../../lib/constants.js";
import ConfoederatioModule, { confoederatioModule } from "../../deploy/modules/Confoederatio.js";
import CooperativeModule from "../../deploy/modules/Cooperative.js";
import DexModule from "../../deploy/modules/Dex.js";
import {
  type Confoederatio,
  deployConfoederatio,
  deployConfoederatioWithTokenReserve,
  ethers,
  ignition,
  networkHelpers,
  networkParameters,
} from "../fixtures/confoederatio.js";

const ROLE_GRANTED = id("RoleGranted(bytes32,address,address)");
const ROLE_REVOKED = id("RoleRevoked(bytes32,address,address)");

/** Who should hold each role of each contract: `Contract: { ROLE: [holders] }`. */
type Design = Record<string, { address: string; roles: Record<string, string[]> }>;

async function designOf(c: Confoederatio): Promise<Design> {
  const [work, care, registry, timelock, governor, treasury, oracle] = await Promise.all(
    [c.work, c.care, c.registry, c.timelock, c.governor, c.treasury, c.oracle].map((x) =>
      x.getAddress(),
    ),
  );
  return {
    WorkHours: {
      address: work,
      roles: {
        DEFAULT_ADMIN_ROLE: [timelock],
        MINTER_ROLE: [registry],
        CAPITAL_ROLE: [treasury],
        REDEEMER_ROLE: [treasury],
      },
    },
    CareReputation: {
      address: care,
      roles: { DEFAULT_ADMIN_ROLE: [timelock], MINTER_ROLE: [registry], REVOKER_ROLE: [timelock] },
    },
    ContributionRegistry: {
      address: registry,
      roles: { DEFAULT_ADMIN_ROLE: [timelock], APPROVER_ROLE: [timelock] },
    },
    CoopTimelock: {
      address: timelock,
      roles: {
        DEFAULT_ADMIN_ROLE: [timelock],
        PROPOSER_ROLE: [governor],
        CANCELLER_ROLE: [governor],
        EXECUTOR_ROLE: [ZeroAddress],
      },
    },
    RedemptionTreasury: {
      address: treasury,
      roles: { DEFAULT_ADMIN_ROLE: [timelock], GOVERNOR_ROLE: [timelock] },
    },
    CoopTwapOracle: { address: oracle, roles: { DEFAULT_ADMIN_ROLE: [timelock] } },
  };
}

const roleId = (name: string) => (name === "DEFAULT_ADMIN_ROLE" ? ZeroHash : id(name));

/**
 * Every account that holds a role of `address` after the deployment, by role id: replays the
 * contract's RoleGranted and RoleRevoked events (AccessControl does not enumerate holders).
 */
async function holdersFromEvents(c: Confoederatio, address: string) {
  const logs = await ethers.provider.getLogs({
    address,
    fromBlock: c.fromBlock,
    toBlock: c.toBlock,
    topics: [[ROLE_GRANTED, ROLE_REVOKED]],
  });
  const holders = new Map<string, Set<string>>();
  for (const log of logs) {
    const [topic, role, accountTopic] = log.topics;
    const account = getAddress(`0x${accountTopic.slice(26)}`);
    const set = holders.get(role) ?? new Set<string>();
    if (topic === ROLE_GRANTED) set.add(account);
    else set.delete(account);
    holders.set(role, set);
  }
  return holders;
}

interface AccessControlled {
  hasRole(role: string, account: string): Promise<boolean>;
}

function contractFor(c: Confoederatio, name: string): AccessControlled {
  const byName: Record<string, AccessControlled> = {
    WorkHours: c.work,
    CareReputation: c.care,
    ContributionRegistry: c.registry,
    CoopTimelock: c.timelock,
    RedemptionTreasury: c.treasury,
    CoopTwapOracle: c.oracle,
  };
  return byName[name];
}

/** The roles every contract must hold as designed; the deployer none. */
function shouldWireRolesAsDesigned(fixture: () => Promise<Confoederatio>) {
  // The design's shape (which roles each contract has) is static; its addresses come from the
  // deployment.
  const shape: Record<string, string[]> = {
    WorkHours: ["DEFAULT_ADMIN_ROLE", "MINTER_ROLE", "CAPITAL_ROLE", "REDEEMER_ROLE"],
    CareReputation: ["DEFAULT_ADMIN_ROLE", "MINTER_ROLE", "REVOKER_ROLE"],
    ContributionRegistry: ["DEFAULT_ADMIN_ROLE", "APPROVER_ROLE"],
    CoopTimelock: ["DEFAULT_ADMIN_ROLE", "PROPOSER_ROLE", "CANCELLER_ROLE", "EXECUTOR_ROLE"],
    RedemptionTreasury: ["DEFAULT_ADMIN_ROLE", "GOVERNOR_ROLE"],
    CoopTwapOracle: ["DEFAULT_ADMIN_ROLE"],
  };

  for (const [contractName, roles] of Object.entries(shape)) {
    describe(contractName, function () {
      for (const role of roles) {
        it(`gives ${role} only to its designed holder`, async function () {
          const c = await networkHelpers.loadFixture(fixture);
          const { address, roles: design } = (await designOf(c))[contractName];
          const expected = design[role];
          const held = (await holdersFromEvents(c, address)).get(roleId(role)) ?? new Set();
          expect([...held].sort()).to.deep.equal([...expected].sort());
          const contract = contractFor(c, contractName);
          for (const holder of expected)
            expect(await contract.hasRole(roleId(role), holder)).to.equal(true);
          expect(await contract.hasRole(roleId(role), c.deployer.address)).to.equal(false);
        });
      }

      it("grants no role outside the design", async function () {
        const c = await networkHelpers.loadFixture(fixture);
        const { address } = (await designOf(c))[contractName];
        const designed = new Set(roles.map(roleId));
        const held = await holdersFromEvents(c, address);
        const extra = [...held].filter(([role, set]) => set.size > 0 && !designed.has(role));
        expect(extra).to.deep.equal([]);
      });
    });
  }

  it("leaves the deployer no role anywhere", async function () {
    const c = await networkHelpers.loadFixture(fixture);
    const design = await designOf(c);
    for (const [name, { address, roles }] of Object.entries(design)) {
      for (const role of Object.keys(roles))
        expect(
          await contractFor(c, name).hasRole(roleId(role), c.deployer.address),
          `${name}.${role}`,
        ).to.equal(false);
      for (const [role, set] of await holdersFromEvents(c, address))
        expect(set.has(c.deployer.address), `${name} ${role}`).to.equal(false);
    }
  });
}

/** The pool, the oracle and the wiring between the contracts. */
function shouldWireTheMarket(fixture: () => Promise<Confoederatio>, quoteOf: QuoteOf) {
  it("creates the WorkHours pool against the quote token", async function () {
    const c = await networkHelpers.loadFixture(fixture);
    const [work, quote, pair] = [
      await c.work.getAddress(),
      await quoteOf(c),
      await c.pair.getAddress(),
    ];
    expect(await c.factory.getPair(work, quote)).to.equal(pair);
    expect([await c.pair.token0(), await c.pair.token1()].sort()).to.deep.equal(
      [work, quote].sort(),
    );
    expect(await c.factory.allPairsLength()).to.equal(1n);
  });

  it("points the oracle at the pool, with the twapWindow parameter", async function () {
    const c = await networkHelpers.loadFixture(fixture);
    expect(await c.oracle.pair()).to.equal(await c.pair.getAddress());
    expect(await c.oracle.window()).to.equal(
      BigInt(c.parameters.Confoederatio.twapWindow as number),
    );
    expect(await c.oracle.window()).to.be.greaterThanOrEqual(await c.treasury.MIN_TWAP_WINDOW());
  });

  it("wires the router to the factory and the WRBTC", async function () {
    const c = await networkHelpers.loadFixture(fixture);
    expect(await c.router.factory()).to.equal(await c.factory.getAddress());
    expect(await c.router.wrbtc()).to.equal(await c.wrbtc.getAddress());
  });

  it("wires the governor to both tokens and the timelock", async function () {
    const c = await networkHelpers.loadFixture(fixture);
    expect(await c.governor.work()).to.equal(await c.work.getAddress());
    expect(await c.governor.care()).to.equal(await c.care.getAddress());
    expect(await c.governor.timelock()).to.equal(await c.timelock.getAddress());
  });

  it("deploys the treasury with the parameters' terms and no band", async function () {
    const c = await networkHelpers.loadFixture(fixture);
    const p = c.parameters.Cooperative;
    expect(await c.treasury.workHours()).to.equal(await c.work.getAddress());
    expect(await c.treasury.rate()).to.equal(p.rate);
    const [maxFee, minFee, holdPeriod] = await c.treasury.feeParameters();
    expect([maxFee, minFee, holdPeriod]).to.deep.equal([
      BigInt(p.maxFee as number),
      BigInt(p.minFee as number),
      BigInt(p.holdPeriod as number),
    ]);
    expect((await c.treasury.band()).params.oracle).to.equal(ZeroAddress);
    expect((await c.treasury.sale()).active).to.equal(false);
  });

  it("mints the genesis balances", async function () {
    const c = await networkHelpers.loadFixture(fixture);
    const p = c.parameters.Cooperative;
    const [founder] = p.genesisWorkAccounts as string[];
    expect(await c.work.balanceOf(founder)).to.equal((p.genesisCommons as bigint[])[0]);
    expect(await c.care.balanceOf((p.genesisCareAccounts as string[])[0])).to.equal(
      (p.genesisCare as bigint[])[0],
    );
  });

  it("fits every transaction in RSK's 6.8M gas block limit", async function () {
    if (hre.globalOptions.coverage) this.skip(); // instrumented code costs more gas
    const c = await networkHelpers.loadFixture(fixture);
    let count = 0;
    for (let n = c.fromBlock; n <= c.toBlock; n++) {
      const block = await ethers.provider.getBlock(n);
      for (const hash of block!.transactions) {
        const receipt = await ethers.provider.getTransactionReceipt(hash);
        expect(receipt!.gasUsed, hash).to.be.lessThan(RSK_BLOCK_GAS_LIMIT);
        count++;
      }
    }
    expect(count).to.be.greaterThan(20);
  });
}

type QuoteOf = (c: Confoederatio) => Promise<string>;

describe("Confoederatio module", function () {
  describe("when the reserve is RBTC (default parameters)", function () {
    shouldWireRolesAsDesigned(deployConfoederatio);
    shouldWireTheMarket(deployConfoederatio, (c) => c.wrbtc.getAddress());

    it("keeps native RBTC as the reserve", async function () {
      const c = await networkHelpers.loadFixture(deployConfoederatio);
      expect(await c.treasury.reserveAsset()).to.equal(ZeroAddress);
    });
  });

  describe("when the reserve is an ERC20", function () {
    shouldWireRolesAsDesigned(deployConfoederatioWithTokenReserve);
    shouldWireTheMarket(deployConfoederatioWithTokenReserve, async (c) =>
      (c as Awaited<ReturnType<typeof deployConfoederatioWithTokenReserve>>).reserve.getAddress(),
    );

    it("holds the token as the reserve", async function () {
      const c = await networkHelpers.loadFixture(deployConfoederatioWithTokenReserve);
      expect(await c.treasury.reserveAsset()).to.equal(await c.reserve.getAddress());
    });
  });

  describe("when someone creates the pool first", function () {
    it("completes with the existing pair", async function () {
      const parameters = await networkParameters("default");
      // Another account calls createPair(work, wrbtc) as soon as both exist, in the same
      // batch as the deployment's own pool step and sent before it.
      const FrontRun = buildModule("AFrontRun", (m) => {
        const cooperative = m.useModule(CooperativeModule);
        const dex = m.useModule(DexModule);
        m.call(dex.factory, "createPair", [cooperative.work, dex.wrbtc], {
          id: "createPairFirst",
          from: m.getAccount(5),
        });
        return m.useModule(ConfoederatioModule);
      });
      const fromBlock = (await ethers.provider.getBlockNumber()) + 1;
      const deployed = await ignition.deploy(FrontRun, { parameters });
      const [, , , , , mallory] = await ethers.getSigners();
      const created = await deployed.factory.queryFilter(
        deployed.factory.filters.PairCreated(),
        fromBlock,
      );
      // the pair was created once, by the front-runner's transaction
      expect(created).to.have.length(1);
      const tx = await created[0].getTransaction();
      expect(tx.from).to.equal(mallory.address);
      const work = await deployed.work.getAddress();
      const wrbtc = await deployed.wrbtc.getAddress();
      const pair = await deployed.pair.getAddress();
      expect(pair).to.equal(await deployed.factory.getPair(work, wrbtc));
      expect([await deployed.pair.token0(), await deployed.pair.token1()]).to.have.members([
        work,
        wrbtc,
      ]);
      expect(await deployed.oracle.pair()).to.equal(pair);
    });
  });

  describe("when the ERC20 variant is given an RBTC reserve", function () {
    it("stops at createPair instead of creating a wrong pool", async function () {
      const parameters = await networkParameters("default");
      const erc20Variant = confoederatioModule({
        Cooperative: { reserve: "0x00000000000000000000000000000000000000ff" },
      });
      const deployment = ignition.deploy(erc20Variant, { parameters });
      await expect(deployment).to.be.rejectedWith(/ensurePool[\s\S]*FactoryZeroAddress/);
    });
  });
});
