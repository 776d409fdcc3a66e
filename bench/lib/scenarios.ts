/** Scenarios that run the same steps on our contracts and on an anchor, so that both sides are
 * measured in the same state. Each takes the contract as the shape it needs and returns gas. */
import type { BigNumberish, ContractTransactionResponse, Signer } from "ethers";
import { ethers } from "ethers";

import type { Chain, Measured } from "./chain.js";
import { withProposer } from "../../lib/proposals.js";

/** The one proposal action that both governors execute in the governance rows: a call with no
 * value and no data to an account without code, so that the figures are the governor's and the
 * timelock's own cost. */
export const PROPOSAL_DESCRIPTION = "Bench: a proposal with one empty call";

// ---------------------------------------------------------------------------------------------
// Governance

/** The calls of an OpenZeppelin Governor that the governance rows make. */
export interface GovernorLike {
  propose(
    targets: string[],
    values: BigNumberish[],
    calldatas: string[],
    description: string,
  ): Promise<ContractTransactionResponse>;
  castVote(proposalId: BigNumberish, support: BigNumberish): Promise<ContractTransactionResponse>;
  queue(
    targets: string[],
    values: BigNumberish[],
    calldatas: string[],
    descriptionHash: string,
  ): Promise<ContractTransactionResponse>;
  execute(
    ...args:
      | [string[], BigNumberish[], string[], string]
      | [string[], BigNumberish[], string[], string, { gasLimit: number }]
  ): Promise<ContractTransactionResponse>;
  hashProposal(
    targets: string[],
    values: BigNumberish[],
    calldatas: string[],
    descriptionHash: string,
  ): Promise<bigint>;
  votingDelay(): Promise<bigint>;
  votingPeriod(): Promise<bigint>;
  state(proposalId: BigNumberish): Promise<bigint>;
}

export interface Governance {
  /** The governor as seen by `signer`. */
  as(signer: Signer): GovernorLike;
  /** The timelock's minimum delay, in seconds. */
  timelockDelay: number;
}

export interface Proposal {
  readonly targets: readonly string[];
  readonly values: readonly bigint[];
  readonly calldatas: readonly string[];
  readonly description: string;
}

/** The proposal's arrays, copied (the contract methods take mutable arrays), and its
 * description hash. */
export function proposalParts(proposal: Proposal) {
  return {
    targets: [...proposal.targets],
    values: [...proposal.values],
    calldatas: [...proposal.calldatas],
    description: proposal.description,
    descriptionHash: ethers.id(proposal.description),
  };
}

/** A proposal in flight: each step measured. `vote` waits out the voting delay first. */
export class ProposalRun {
  id = 0n;

  constructor(
    private readonly chain: Chain,
    private readonly governance: Governance,
    private readonly proposal: Proposal,
  ) {}

  async propose(proposer: Signer): Promise<Measured> {
    const p = proposalParts(this.proposal);
    const governor = this.governance.as(proposer);
    this.id = await governor.hashProposal(p.targets, p.values, p.calldatas, p.descriptionHash);
    const measured = await this.chain.measure(
      governor.propose(p.targets, p.values, p.calldatas, p.description),
    );
    await this.chain.advance(Number(await governor.votingDelay()) + 1);
    return measured;
  }

  /** A vote For. */
  async vote(voter: Signer): Promise<Measured> {
    return this.chain.measure(this.governance.as(voter).castVote(this.id, 1));
  }

  /** Waits out the voting period, then queues. */
  async queue(by: Signer): Promise<Measured> {
    const governor = this.governance.as(by);
    await this.chain.advance(Number(await governor.votingPeriod()) + 1);
    const p = proposalParts(this.proposal);
    return this.chain.measure(governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash));
  }

  /** Waits out the timelock delay, then executes with the whole block gas limit as the gas
   * limit and restores the chain: the `gasUsed`, or null when it does not fit a block. */
  async tryExecute(by: Signer, blockGasLimit: number): Promise<number | null> {
    await this.chain.advance(this.governance.timelockDelay + 1);
    const p = proposalParts(this.proposal);
    const governor = this.governance.as(by);
    return this.chain.tryInBlock(() =>
      governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash, {
        gasLimit: blockGasLimit,
      }),
    );
  }

  /** Waits out the timelock delay, then executes, with `gasLimit` when given (an estimate can
   * fall short of a large execution; the limit does not change `gasUsed`). */
  async execute(by: Signer, gasLimit?: number): Promise<Measured> {
    await this.chain.advance(this.governance.timelockDelay + 1);
    const p = proposalParts(this.proposal);
    const governor = this.governance.as(by);
    return this.chain.measure(
      gasLimit === undefined
        ? governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash)
        : governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash, { gasLimit }),
    );
  }
}

/** The account that the governance rows' proposals call: an address without code. */
export const PROPOSAL_TARGET = "0x000000000000000000000000000000000000bEEF";

/** The proposal of the governance rows: one empty call to {PROPOSAL_TARGET}, sent by
 * `proposer` (its description ends with the `#proposer=` suffix that our governor requires; the
 * anchor gets the same description, so both parse it). */
export function emptyCallProposal(tag: string, proposer: string): Proposal {
  return {
    targets: [PROPOSAL_TARGET],
    values: [0n],
    calldatas: ["0x"],
    description: withProposer(`${PROPOSAL_DESCRIPTION} (${tag})`, proposer),
  };
}

// ---------------------------------------------------------------------------------------------
// Pairs

/** The calls of a Uniswap-V2-style pair that the DEX rows make. */
export interface PairLike {
  token0(): Promise<string>;
  token1(): Promise<string>;
  getReserves(): Promise<[bigint, bigint, bigint] | { 0: bigint; 1: bigint }>;
  balanceOf(account: string): Promise<bigint>;
  totalSupply(): Promise<bigint>;
  transfer(to: string, amount: BigNumberish): Promise<ContractTransactionResponse>;
  mint(to: string): Promise<ContractTransactionResponse>;
  burn(to: string): Promise<ContractTransactionResponse>;
  swap(
    amount0Out: BigNumberish,
    amount1Out: BigNumberish,
    to: string,
    data: string,
  ): Promise<ContractTransactionResponse>;
}

export interface TokenLike {
  transfer(to: string, amount: BigNumberish): Promise<ContractTransactionResponse>;
  getAddress(): Promise<string>;
}

export interface PairSetup {
  /** The pair as seen by `signer`. */
  as(signer: Signer): PairLike;
  /** Its tokens as seen by `signer`, in any order. */
  tokens(signer: Signer): [TokenLike, TokenLike];
  /** Output for `amountIn` against reserves, with the pair's fee. */
  amountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint;
}

/** Liquidity and trade sizes, the same on both pairs. */
export const POOL_SEED = ethers.parseEther("1000");
export const SWAP_IN = ethers.parseEther("1");
export const LIQUIDITY_ADD = ethers.parseEther("10");

/** Uniswap V2's fee: 0.30%. */
export function uniswapV2AmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint) {
  const inWithFee = amountIn * 997n;
  return (inWithFee * reserveOut) / (reserveIn * 1000n + inWithFee);
}

export interface PairGas {
  swap: Measured;
  mint: Measured;
  burn: Measured;
}

/** Seeds the pair, warms it with one swap, then measures, each in its own block: a swap of
 * `SWAP_IN` token A for token B to a trader who holds both, a mint of `LIQUIDITY_ADD` of each
 * token's worth of liquidity, and a burn of that liquidity. Tokens move into the pair in set-up
 * transactions; only the pair calls are measured. `lp` and `trader` must hold both tokens. */
export async function measurePair(
  chain: Chain,
  setup: PairSetup,
  lp: Signer,
  trader: Signer,
): Promise<PairGas> {
  const lpAddress = await lp.getAddress();
  const traderAddress = await trader.getAddress();
  const pair = setup.as(lp);
  const pairAddress = await (pair as unknown as { getAddress(): Promise<string> }).getAddress();
  const [a, b] = setup.tokens(lp);
  const token0 = (await pair.token0()).toLowerCase();
  const aIs0 = (await a.getAddress()).toLowerCase() === token0;

  await chain.send(a.transfer(pairAddress, POOL_SEED));
  await chain.send(b.transfer(pairAddress, POOL_SEED));
  await chain.send(pair.mint(lpAddress));

  const swapAForB = async () => {
    const [traderA] = setup.tokens(trader);
    await chain.send(traderA.transfer(pairAddress, SWAP_IN));
    const reserves = await pair.getReserves();
    const [reserveA, reserveB] = aIs0 ? [reserves[0], reserves[1]] : [reserves[1], reserves[0]];
    const out = setup.amountOut(SWAP_IN, reserveA, reserveB);
    return chain.measure(
      setup.as(trader).swap(aIs0 ? 0n : out, aIs0 ? out : 0n, traderAddress, "0x"),
    );
  };
  await swapAForB();
  const swap = await swapAForB();

  const reserves = await pair.getReserves();
  const [reserveA, reserveB] = aIs0 ? [reserves[0], reserves[1]] : [reserves[1], reserves[0]];
  await chain.send(a.transfer(pairAddress, LIQUIDITY_ADD));
  await chain.send(b.transfer(pairAddress, (LIQUIDITY_ADD * reserveB) / reserveA));
  const before = await pair.balanceOf(lpAddress);
  const mint = await chain.measure(pair.mint(lpAddress));
  const minted = (await pair.balanceOf(lpAddress)) - before;

  await chain.send(pair.transfer(pairAddress, minted));
  const burn = await chain.measure(pair.burn(lpAddress));
  return { swap, mint, burn };
}

/** Records the three pair rows of one side. */
export async function recordPairRows(chain: Chain, side: "ours" | "anchor", gas: PairGas) {
  await chain.recordOp("dex.swap", side, gas.swap);
  await chain.recordOp("dex.mint", side, gas.mint);
  await chain.recordOp("dex.burn", side, gas.burn);
}
