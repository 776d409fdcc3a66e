/** The federation: a clearing-union payment beside the path a member has without it (selling
 * A's hours into a pool and buying B's hours out of another: two swaps through the router) and
 * beside a plain transfer of hours; and the cost of a payment and of a federation vote with 2 and
 * with 200 cooperatives. Contracts are deployed directly, with an account standing for the
 * federation's timelock, so that admitting 200 cooperatives needs no proposals. */
import { MaxUint256, ZeroAddress, ZeroHash, id } from "ethers";

import type {
  BenchERC20,
  ClearingUnion,
  CoopTimelock,
  FederationVotes,
  HolisticGovernor,
  ReferenceBurnableVotesToken,
  ReferenceVotesPayment,
  WorkHours,
} from "../../typechain-types/index.js";

import type { Chain } from "./chain.js";
import { progress } from "./chain.js";
import { deployDex } from "./ours-dex.js";
import { DAY, HOLDER_BALANCE, TRANSFER_AMOUNT } from "./settings.js";

/** Cooperatives in the small and the large federation. */
export const COOPS_SMALL = 2;
export const COOPS_LARGE = 200;

const ONE = 10n ** 18n;
const BIG = (1n << 96n) - 1n;
const LIMITS = { debitLimit: BIG, outflowAllowance: BIG, surplusCap: BIG, inflowAllowance: BIG };

export async function measureFederation(chain: Chain) {
  progress("ours: federation");
  const [deployer, alice, bob, liaisonA, liaisonB] = await chain.ethers.getSigners();
  const union = await chain.deploy<ClearingUnion>("ours", "ClearingUnion", [
    deployer.address,
    30 * DAY,
    500,
    "Federation",
  ]);
  const unionAddress = await union.getAddress();
  const votes = (await chain.ethers.getContractAt(
    "FederationVotes",
    await union.votes(),
  )) as unknown as FederationVotes;
  const timelock = await chain.deploy<CoopTimelock>(
    "ours",
    "CoopTimelock",
    [DAY, [], [ZeroAddress], deployer.address],
    { record: false },
  );
  const governor = await chain.deploy<HolisticGovernor>(
    "ours",
    "HolisticGovernor",
    [
      "Federation",
      await votes.getAddress(),
      await votes.getAddress(),
      await timelock.getAddress(),
      {
        proposalThreshold: 1n,
        quorumFraction: 5_000n,
        careWeight: 0n,
        maxVoterShare: 0n,
        votingDelay: DAY,
        votingPeriod: 5 * DAY,
        lateQuorumExtension: DAY,
        queueGracePeriod: 14 * DAY,
      },
      [],
    ],
    { record: false, label: "FederationGovernor" },
  );

  let admitted = 0;
  /** A cooperative's hours, administered by `timelock`, admitted to the union. */
  async function admit(timelockAddress: string): Promise<WorkHours> {
    const work = await chain.deploy<WorkHours>(
      "ours",
      "WorkHours",
      [`Hours ${admitted}`, `H${admitted}`, deployer.address],
      { record: false },
    );
    await chain.send(work.grantRole(id("FEDERATION_ROLE"), unionAddress));
    await chain.send(work.grantRole(id("MINTER_ROLE"), deployer.address));
    await chain.send(work.grantRole(ZeroHash, timelockAddress));
    await chain.send(
      union.admit(await work.getAddress(), timelockAddress, ZeroAddress, ONE, LIMITS),
    );
    admitted++;
    return work;
  }

  // cooperatives A and B; their seats are cast by liaisonA and liaisonB (their "timelocks" here)
  const a = await admit(liaisonA.address);
  const b = await admit(liaisonB.address);
  const [hoursA, hoursB] = [await a.getAddress(), await b.getAddress()];
  for (const work of [a, b])
    await chain.send(
      work.mintForWork(
        [alice.address, bob.address],
        [HOLDER_BALANCE * 10n, HOLDER_BALANCE * 10n],
        [0n, 0n],
      ),
    );

  // the path without the union: A → reserve → B through one router, two pools
  const { router } = await deployDex(chain);
  const reserve = await chain.deploy<BenchERC20>("anchor", "BenchERC20", ["Reserve", "RSV"], {
    record: false,
  });
  await chain.send(reserve.mint(alice.address, HOLDER_BALANCE * 10n));
  const routerAddress = await router.getAddress();
  for (const token of [a, b, reserve])
    await chain.send(token.connect(alice).approve(routerAddress, MaxUint256));
  for (const work of [a, b])
    await chain.send(
      router
        .connect(alice)
        .addLiquidity(
          await work.getAddress(),
          await reserve.getAddress(),
          HOLDER_BALANCE * 5n,
          HOLDER_BALANCE * 5n,
          0,
          0,
          alice.address,
          MaxUint256,
        ),
    );
  const path = [hoursA, await reserve.getAddress(), hoursB];

  // steady state: both sides hold hours, balances and this period's allowances already moved
  await chain.send(union.connect(alice).pay(hoursA, hoursB, bob.address, TRANSFER_AMOUNT, 0));
  await chain.send(
    router
      .connect(alice)
      .swapExactTokensForTokens(TRANSFER_AMOUNT, 0, path, bob.address, MaxUint256),
  );
  await chain.advance(1);

  const pay = await chain.measure(
    union.connect(alice).pay(hoursA, hoursB, bob.address, TRANSFER_AMOUNT, 0),
  );
  const swaps = await chain.measure(
    router
      .connect(alice)
      .swapExactTokensForTokens(TRANSFER_AMOUNT, 0, path, bob.address, MaxUint256),
  );
  const transfer = await chain.measure(a.connect(alice).transfer(bob.address, TRANSFER_AMOUNT));
  await chain.recordOp("fed.pay.existing", "ours", pay);
  await chain.recordOp("fed.pay.existing", "anchor", swaps);
  await chain.recordOp("fed.transfer.existing", "ours", transfer);
  await chain.traceStorage("ours.fed.pay.existing", "ClearingUnion pay between holders", pay);
  await chain.recordOp("fed.pay.floor", "ours", pay);
  await measureVotesFloor(chain);

  const [newcomer, newcomer2] = await chain.wallets(2, "ours-fed-new");
  const payNew = await chain.measure(
    union.connect(alice).pay(hoursA, hoursB, newcomer.address, TRANSFER_AMOUNT, 0),
  );
  const swapsNew = await chain.measure(
    router
      .connect(alice)
      .swapExactTokensForTokens(TRANSFER_AMOUNT, 0, path, newcomer2.address, MaxUint256),
  );
  await chain.recordOp("fed.pay.new", "ours", payNew);
  await chain.recordOp("fed.pay.new", "anchor", swapsNew);

  // ---- 2 cooperatives: a payment and a federation vote
  await measureAtSize(chain, "small", {
    union,
    governor,
    alice,
    bob,
    liaisonA,
    liaisonB,
    hoursA,
    hoursB,
  });
  // ---- 200 cooperatives
  progress(`ours: federation of ${COOPS_LARGE} cooperatives`);
  const fillers = await chain.wallets(COOPS_LARGE - COOPS_SMALL, "ours-fed-coop");
  for (const filler of fillers) await admit(filler.address);
  await measureAtSize(chain, "large", {
    union,
    governor,
    alice,
    bob,
    liaisonA,
    liaisonB,
    hoursA,
    hoursB,
  });
}

/** The floor under a payment: OpenZeppelin ERC20Votes burn on one token and mint on another, in
 * one transaction, between holders who delegated to themselves, in the same state as `pay`
 * (both already hold tokens, a payment already made, the clock moved on). */
async function measureVotesFloor(chain: Chain) {
  const [, alice, bob] = await chain.ethers.getSigners();
  const deployToken = () =>
    chain.deploy<ReferenceBurnableVotesToken>("anchor", "ReferenceBurnableVotesToken", [], {
      record: false,
    });
  const [a, b] = [await deployToken(), await deployToken()];
  const payment = await chain.deploy<ReferenceVotesPayment>("anchor", "ReferenceVotesPayment", [], {
    record: false,
  });
  for (const token of [a, b])
    for (const holder of [alice, bob]) {
      await chain.send(token.mint(holder.address, HOLDER_BALANCE * 10n));
      await chain.send(token.connect(holder).delegate(holder.address));
    }
  const [hoursA, hoursB] = [await a.getAddress(), await b.getAddress()];
  await chain.send(payment.connect(alice).pay(hoursA, hoursB, bob.address, TRANSFER_AMOUNT));
  await chain.advance(1);
  const floor = await chain.measure(
    payment.connect(alice).pay(hoursA, hoursB, bob.address, TRANSFER_AMOUNT),
  );
  await chain.recordOp("fed.pay.floor", "anchor", floor);
  await chain.traceStorage(
    "anchor.fed.pay.floor",
    "OZ ERC20Votes burn + mint on two tokens, one transaction",
    floor,
  );
}

async function measureAtSize(
  chain: Chain,
  size: "small" | "large",
  f: {
    union: ClearingUnion;
    governor: HolisticGovernor;
    alice: Awaited<ReturnType<Chain["ethers"]["getSigners"]>>[number];
    bob: Awaited<ReturnType<Chain["ethers"]["getSigners"]>>[number];
    liaisonA: Awaited<ReturnType<Chain["ethers"]["getSigners"]>>[number];
    liaisonB: Awaited<ReturnType<Chain["ethers"]["getSigners"]>>[number];
    hoursA: string;
    hoursB: string;
  },
) {
  await chain.advance(1);
  const pay = await chain.measure(
    f.union.connect(f.alice).pay(f.hoursA, f.hoursB, f.bob.address, TRANSFER_AMOUNT, 0),
  );
  chain.recorder.scalePoint("scale.fed.pay.coops", "ours", size, pay.gas);

  // a proposal with one call; liaison A votes first, then liaison B (measured)
  const targets = [await f.union.getAddress()];
  const calldatas = [f.union.interface.encodeFunctionData("freeze", [f.hoursB])];
  const description = `bench: federation vote at ${size}\n\n#proposer=${f.liaisonA.address}`;
  await chain.send(f.governor.connect(f.liaisonA).propose(targets, [0n], calldatas, description));
  const proposalId = await f.governor.hashProposal(targets, [0n], calldatas, id(description));
  await chain.advance(Number(await f.governor.votingDelay()) + 1);
  await chain.send(f.governor.connect(f.liaisonA).castVote(proposalId, 1));
  const vote = await chain.measure(f.governor.connect(f.liaisonB).castVote(proposalId, 1));
  chain.recorder.scalePoint("scale.fed.castVote.coops", "ours", size, vote.gas);
  if (size === "small") await chain.recordOp("fed.castVote", "ours", vote);
}
