/**
 * Readiness on RSK between blocks. The RSK-shaped node makes a block every few seconds of wall
 * time, stamped with the wall clock, as RSK's miners do about every 30 s: between two blocks
 * the latest is older than the clock. Each governance step is started once its time has passed
 * by the clock but before any block carries it; it must wait for the next block, say so in one
 * line, and then go through, not be refused for up to one block. Between the steps nothing
 * moves time or asks for a block (no evm_increaseTime, no evm_mine): the node's own blocks
 * carry time. The steps run in this process through a second Hardhat runtime on `rskLocal`,
 * configured as rskTestnet is (a URL and private keys), so each starts within milliseconds of
 * its moment.
 */
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";
import { createHardhatRuntimeEnvironment } from "hardhat/hre";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import config from "../../hardhat.config.js";
import { type CoopAddresses, networkParameters } from "../../lib/cli/deployment.js";
import { openCoop } from "../../lib/coop/context.js";
import { deployConfoederatio } from "../../lib/coop/demo.js";
import { parameterProposal, propose } from "../../lib/coop/governance.js";
import { proposalRef } from "../../lib/governance/refs.js";
import { developmentKeys } from "../../lib/rsk/node/accounts.js";
import { startRskNode, type RunningRskNode } from "../../lib/rsk/node/start.js";
import { type Outcome, recordDeployment, runTask } from "./harness.js";

/** Seconds between the node's blocks in this test (RSK: about 30; shorter to keep it short). */
const BLOCK_SECONDS = 8;
const WAITING = "waiting for the next block (RSK makes one about every 30 seconds)…";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wallClock = () => BigInt(Math.floor(Date.now() / 1000));

describe("coop CLI on RSK between blocks", function () {
  this.timeout(240_000);

  let running: RunningRskNode;
  let rskHre: HardhatRuntimeEnvironment;
  let client: NetworkConnection;
  let addresses: CoopAddresses;
  const saved = { ...process.env };

  async function latest(): Promise<{ number: number; timestamp: bigint }> {
    const block = await client.ethers.provider.getBlock("latest");
    return { number: block!.number, timestamp: BigInt(block!.timestamp) };
  }

  /**
   * Waits by the wall clock (reading nothing from the chain) until `due` has passed, and checks
   * that the latest block is still older: the moment this test is about.
   */
  async function betweenBlocksAfter(due: bigint): Promise<void> {
    while (wallClock() < due) await sleep(100);
    expect(
      (await latest()).timestamp,
      "the latest block is older than the step's time",
    ).to.be.lessThan(due);
  }

  function coop(command: string[], args: Record<string, string | boolean>): Promise<Outcome> {
    return runTask(client.ethers, ["coop", ...command], args, rskHre);
  }

  before(async function () {
    running = await startRskNode(network, {
      chainId: 31,
      minimumGasPrice: 60_000_000n,
      gasPriceMultiplier: 1,
      blockMode: { kind: "clock", realMs: BLOCK_SECONDS * 1000 },
    });
    // rskLocal as `npm run e2e` configures it: Hardhat's development keys, funded on the backend
    const keys = developmentKeys(4);
    Object.assign(process.env, {
      RSK_LOCAL_RPC_URL: running.url,
      RSK_LOCAL_PRIVATE_KEY: keys[0],
      RSK_LOCAL_PRIVATE_KEY_1: keys[1],
      RSK_LOCAL_PRIVATE_KEY_2: keys[2],
      RSK_LOCAL_PRIVATE_KEY_3: keys[3],
    });
    const root = path.join(import.meta.dirname, "..", "..");
    rskHre = await createHardhatRuntimeEnvironment(
      config,
      { network: "rskLocal", config: path.join(root, "hardhat.config.ts") },
      root,
    );
    client = await rskHre.network.getOrCreate();

    // Setting up is not under test: the node's own blocks are paused and the backend mines
    // each transaction at once, in the hour of history before now; then the node's blocks,
    // stamped with the wall clock, resume.
    running.node.stop();
    await running.backend.provider.request({ method: "evm_setAutomine", params: [true] });
    const parameters = await networkParameters("default");
    Object.assign(parameters.Cooperative, {
      votingDelay: 1,
      votingPeriod: 25,
      lateQuorumExtension: 1,
      timelockMinDelay: 3,
    });
    // chain 31 is RSK testnet's: the router takes the canonical WRBTC, deployed first (by
    // another account: Ignition wants the deployer's nonces to itself)
    const [, , , someone] = await running.backend.ethers.getSigners();
    const wrbtc = await running.backend.ethers.deployContract("WRBTC", [], someone);
    parameters.Dex.wrbtc = await wrbtc.getAddress();
    addresses = await deployConfoederatio(running.backend, parameters);
    process.env.COOP_DEPLOYMENTS_DIR = await recordDeployment(
      client.ethers,
      addresses,
      "coop-rsk-blocks-",
    );
    expect((await latest()).timestamp).to.be.lessThan(wallClock());
    await running.node.start();
  });

  after(async function () {
    await client?.close();
    await running?.close();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it("votes, queues and executes after the next block once each time has passed by the clock", async function () {
    // The proposal goes into one of the node's own blocks: wait for one, then send it.
    const first = (await latest()).number;
    while ((await latest()).number === first) await sleep(100);
    const [deployer] = await running.backend.ethers.getSigners();
    const setup = await openCoop(running.backend.ethers, addresses, deployer);
    const proposed = await propose(
      setup,
      parameterProposal(setup, [{ kind: "quorumFraction", value: 1200n }]),
    );
    const id = proposed.proposalId;
    const ref = proposalRef(id);

    const votingOpens = (await setup.governor.proposalSnapshot(id)) + 1n;
    await betweenBlocksAfter(votingOpens);
    const voted = await coop(["vote"], { proposal: ref, support: "for" });
    expect(voted.err, voted.err.join("\n")).to.deep.equal([]);
    expect(voted.out[0]).to.equal(WAITING);
    expect(voted.out[1]).to.match(new RegExp(`voted for on ${ref} with a weight of 55 \\(gas`));

    const voteEnded = (await setup.governor.proposalDeadline(id)) + 1n;
    await betweenBlocksAfter(voteEnded);
    const queued = await coop(["queue"], { proposal: ref });
    expect(queued.err, queued.err.join("\n")).to.deep.equal([]);
    expect(queued.out[0]).to.equal(WAITING);
    expect(queued.out[1]).to.match(new RegExp(`^proposal ${ref} queued; executable from `));

    const eta = await setup.governor.proposalEta(id);
    await betweenBlocksAfter(eta);
    const executed = await coop(["execute"], { proposal: ref });
    expect(executed.err, executed.err.join("\n")).to.deep.equal([]);
    expect(executed.out[0]).to.equal(WAITING);
    expect(executed.out[1]).to.match(new RegExp(`^proposal ${ref} executed \\(gas`));
    expect(executed.out).to.include("  quorum changed from 10% to 12%");
  });
});
