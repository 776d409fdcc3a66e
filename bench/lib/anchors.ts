/** The anchors: OpenZeppelin's governor over an ERC20Votes token, and Uniswap V2's pair and
 * factory, measured on the same chain and in the same state as ours. */
import { createRequire } from "node:module";

import type { Signer } from "ethers";
import { Contract, ContractFactory, ZeroAddress, ethers } from "ethers";

import type {
  BenchERC20,
  ReferenceGovernor,
  ReferenceTimelock,
  ReferenceVotesToken,
} from "../../typechain-types/index.js";

import type { Chain } from "./chain.js";
import { progress } from "./chain.js";
import {
  type Governance,
  type PairLike,
  ProposalRun,
  emptyCallProposal,
  measurePair,
  recordPairRows,
  uniswapV2AmountOut,
} from "./scenarios.js";
import {
  CHECKPOINTS_LARGE,
  HOLDER_BALANCE,
  PROPOSAL_THRESHOLD,
  QUORUM_PERCENT,
  TIMELOCK_DELAY,
  TRANSFER_AMOUNT,
  VOTING_DELAY,
  VOTING_PERIOD,
} from "./settings.js";

/** Transfers of the reference ERC20Votes token between holders who delegated to themselves. */
export async function anchorToken(chain: Chain) {
  progress("anchor: OZ ERC20Votes transfers");
  const [, alice, bob] = await chain.ethers.getSigners();
  const token = await chain.deploy<ReferenceVotesToken>("anchor", "ReferenceVotesToken");
  const [carol] = await chain.wallets(1, "anchor-token-new");
  for (const holder of [alice, bob]) {
    await chain.send(token.mint(holder.address, HOLDER_BALANCE));
    await chain.send(token.connect(holder).delegate(holder.address));
  }
  // The new holder delegates before she holds anything, so that her votes count from her first
  // token on, as a holder's votes do in our tokens.
  await chain.send(token.connect(carol).delegate(carol.address));
  await chain.advance(1);

  const existing = await chain.measure(token.connect(alice).transfer(bob.address, TRANSFER_AMOUNT));
  await chain.recordOp("token.transfer.existing", "anchor", existing);
  await chain.traceStorage(
    "anchor.token.transfer.existing",
    "OZ ERC20Votes transfer to an existing holder",
    existing,
  );

  const fresh = await chain.measure(token.connect(alice).transfer(carol.address, TRANSFER_AMOUNT));
  await chain.recordOp("token.transfer.new", "anchor", fresh);
}

/** The reference governor and timelock, wired as a DAO wires them: the governor proposes and
 * cancels, anyone executes, the deployer renounces the admin role. */
export async function deployReferenceGovernance(chain: Chain, token: ReferenceVotesToken) {
  const [deployer] = await chain.ethers.getSigners();
  const timelock = await chain.deploy<ReferenceTimelock>("anchor", "ReferenceTimelock", [
    TIMELOCK_DELAY,
    [],
    [],
    deployer.address,
  ]);
  const governor = await chain.deploy<ReferenceGovernor>("anchor", "ReferenceGovernor", [
    await token.getAddress(),
    await timelock.getAddress(),
    VOTING_DELAY,
    VOTING_PERIOD,
    PROPOSAL_THRESHOLD,
    QUORUM_PERCENT,
  ]);
  const governorAddress = await governor.getAddress();
  await chain.send(timelock.grantRole(await timelock.PROPOSER_ROLE(), governorAddress));
  await chain.send(timelock.grantRole(await timelock.CANCELLER_ROLE(), governorAddress));
  await chain.send(timelock.grantRole(await timelock.EXECUTOR_ROLE(), ZeroAddress));
  await chain.send(timelock.renounceRole(await timelock.DEFAULT_ADMIN_ROLE(), deployer.address));
  const governance: Governance = {
    as: (signer: Signer) => governor.connect(signer),
    timelockDelay: TIMELOCK_DELAY,
  };
  return { governor, timelock, governance };
}

/** Propose, castVote, queue and execute on the reference governor; castVote by a voter with one
 * checkpoint and by one with `CHECKPOINTS_LARGE`. */
export async function anchorGovernance(chain: Chain) {
  progress("anchor: OZ Governor");
  const [, proposer, filler, voter, busy, feeder] = await chain.ethers.getSigners();
  const token = await chain.deploy<ReferenceVotesToken>("anchor", "ReferenceVotesToken", [], {
    record: false,
  });
  const { governance } = await deployReferenceGovernance(chain, token);
  for (const holder of [proposer, filler, voter, busy, feeder]) {
    await chain.send(token.mint(holder.address, HOLDER_BALANCE));
    await chain.send(token.connect(holder).delegate(holder.address));
  }
  progress(`anchor: ${CHECKPOINTS_LARGE} checkpoints on one OZ voter`);
  // Each transfer lands in its own block, one second apart: one new checkpoint each.
  for (let i = 1; i < CHECKPOINTS_LARGE; i++) {
    await chain.send(token.connect(feeder).transfer(busy.address, 1n));
  }
  if ((await token.numCheckpoints(busy.address)) !== BigInt(CHECKPOINTS_LARGE)) {
    throw new Error("anchor: the busy voter does not have the intended checkpoints");
  }
  await chain.advance(1);

  const run = new ProposalRun(chain, governance, emptyCallProposal("anchor", proposer.address));
  const propose = await run.propose(proposer);
  await chain.recordOp("gov.propose", "anchor", propose);
  // The measured votes are not the proposal's first, whose write of the tally from zero would
  // dominate; a typical vote adds to a tally.
  await run.vote(filler);
  const vote = await run.vote(voter);
  await chain.recordOp("gov.castVote.hours", "anchor", vote);
  await chain.recordOp("gov.castVote.both", "anchor", vote);
  await chain.traceStorage("anchor.gov.castVote", "OZ Governor castVote, 1 checkpoint", vote);
  const busyVote = await run.vote(busy);
  chain.recorder.scalePoint("scale.castVote.checkpoints", "anchor", "small", vote.gas);
  chain.recorder.scalePoint("scale.castVote.checkpoints", "anchor", "large", busyVote.gas);
  await chain.traceStorage(
    "anchor.gov.castVote.busy",
    `OZ Governor castVote, ${CHECKPOINTS_LARGE} checkpoints`,
    busyVote,
  );

  const queue = await run.queue(proposer);
  await chain.recordOp("gov.queue", "anchor", queue);
  const execute = await run.execute(proposer);
  await chain.recordOp("gov.execute", "anchor", execute);
}

interface Artifact {
  abi: ethers.InterfaceAbi;
  bytecode: string;
}

function uniswapArtifact(name: "UniswapV2Factory" | "UniswapV2Pair"): Artifact {
  const require = createRequire(import.meta.url);
  const json = require(`@uniswap/v2-core/build/${name}.json`) as Artifact;
  return {
    abi: json.abi,
    bytecode: json.bytecode.startsWith("0x") ? json.bytecode : `0x${json.bytecode}`,
  };
}

/** Uniswap V2's factory and a pair of two plain ERC20 tokens, from the package's build. */
export async function anchorUniswap(chain: Chain) {
  progress("anchor: Uniswap V2 pair");
  const [deployer, lp, trader] = await chain.ethers.getSigners();
  const factoryArtifact = uniswapArtifact("UniswapV2Factory");
  const factory = (await new ContractFactory(
    factoryArtifact.abi,
    factoryArtifact.bytecode,
    deployer,
  ).deploy(deployer.address)) as unknown as Contract;
  const deployment = factory.deploymentTransaction();
  if (deployment === null) throw new Error("UniswapV2Factory: no deployment transaction");
  const deployed = await chain.measure(Promise.resolve(deployment));
  await chain.recordDeployment(
    "anchor",
    "UniswapV2Factory",
    await factory.getAddress(),
    deployed.gas,
  );

  const tokenA = await chain.deploy<BenchERC20>("anchor", "BenchERC20", ["Token A", "TKA"], {
    record: false,
  });
  const tokenB = await chain.deploy<BenchERC20>("anchor", "BenchERC20", ["Token B", "TKB"], {
    record: false,
  });
  const created = await chain.measure(
    factory.getFunction("createPair")(await tokenA.getAddress(), await tokenB.getAddress()),
  );
  const pairAddress = (await factory.getFunction("getPair")(
    await tokenA.getAddress(),
    await tokenB.getAddress(),
  )) as string;
  await chain.recordDeployment("anchor", "UniswapV2Pair", pairAddress, created.gas);
  chain.recorder.contracts[chain.recorder.contracts.length - 1].note = "deployed by createPair";

  for (const holder of [lp, trader]) {
    await chain.send(tokenA.mint(holder.address, HOLDER_BALANCE * 100n));
    await chain.send(tokenB.mint(holder.address, HOLDER_BALANCE * 100n));
  }
  const pairAbi = uniswapArtifact("UniswapV2Pair").abi;
  const gas = await measurePair(
    chain,
    {
      as: (signer) => new Contract(pairAddress, pairAbi, signer) as unknown as PairLike,
      tokens: (signer) => [tokenA.connect(signer), tokenB.connect(signer)],
      amountOut: uniswapV2AmountOut,
    },
    lp,
    trader,
  );
  await recordPairRows(chain, "anchor", gas);
  await chain.traceStorage("anchor.dex.swap", "Uniswap V2 pair swap", gas.swap);
}
