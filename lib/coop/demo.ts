/**
 * The life of a cooperative, step by step, through the same operations as
 * the `coop` CLI: deploy, claims, one proposal, holistic votes, execution,
 * revenue, redemptions, the pool, a sale and a band defence. It prints what
 * happens with the figures, and returns them for tests to check.
 */
import path from "node:path";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { DeploymentParameters } from "@nomicfoundation/ignition-core";
import { parseEther } from "ethers";
import type { DefaultChainType, NetworkConnection } from "hardhat/types/network";

import { confoederatioModule } from "../../deploy/modules/Confoederatio.js";
import { formatHours, hoursText } from "../claims.js";
import type { CoopAddresses } from "../cli/deployment.js";
import {
  deploymentIdOf,
  forgetStaleLocalDeployment,
  networkParameters,
} from "../cli/deployment.js";
import { proposalRef } from "../governance/refs.js";
import { mergeProposals } from "../proposals.js";
import { submitClaim } from "./claims.js";
import { actingAs, openCoop, type Coop } from "./context.js";
import {
  approvalProposal,
  castVote,
  executeProposal,
  propose,
  queueProposal,
  SUPPORT,
} from "./governance.js";
import { addLiquidity, swap } from "./market.js";
import * as report from "./report.js";
import { reserveOf } from "./reserve.js";
import { accountStatus, coopStatus } from "./status.js";
import { advanceChainTime, advanceChainTimeTo } from "../rsk/dev-clock.js";
import { chainNow } from "./time.js";
import { bandProposal, saleProposal } from "./treasury-proposals.js";
import { buy, defendBand, fund, redeem } from "./treasury.js";

const HOUR = 10n ** 18n;
const hours = (n: string) => parseEther(n);

export interface DemoOutcome {
  addresses: CoopAddresses;
  proposalId: bigint;
  minted: { hours: bigint; care: bigint };
  weights: Record<string, bigint>;
  deposit: { subsistence: bigint; commons: bigint };
  payouts: { subsistence: bigint; commons: bigint };
  swapOut: bigint;
  bought: bigint;
  band: { spent: bigint; burned: bigint };
  /** Every transaction's gas, by step. */
  gas: Array<{ step: string; gasUsed: bigint }>;
}

type Connection = NetworkConnection<DefaultChainType>;

/**
 * Deploys (or, on a node, resumes) the whole cooperative through the same
 * Ignition module as `npm run deploy`, and returns its addresses.
 */
export async function deployConfoederatio(
  connection: Connection,
  parameters: DeploymentParameters,
): Promise<CoopAddresses> {
  const { chainId } = await connection.ethers.provider.getNetwork();
  await forgetStaleLocalDeployment(
    connection,
    chainId,
    path.join(import.meta.dirname, "..", "..", "cache"),
  );
  const deployed = await connection.ignition.deploy(confoederatioModule(parameters), {
    parameters,
    deploymentId: deploymentIdOf(chainId),
    displayUi: false,
  });
  const [workHours, careReputation, registry, timelock, governor, treasury] = await Promise.all(
    [
      deployed.work,
      deployed.care,
      deployed.registry,
      deployed.timelock,
      deployed.governor,
      deployed.treasury,
    ].map((c) => c.getAddress()),
  );
  const [factory, router, wrbtc, pair, oracle] = await Promise.all(
    [deployed.factory, deployed.router, deployed.wrbtc, deployed.pair, deployed.oracle].map((c) =>
      c.getAddress(),
    ),
  );
  return {
    workHours,
    careReputation,
    registry,
    timelock,
    governor,
    treasury,
    factory,
    router,
    wrbtc,
    pair,
    oracle,
  };
}

/**
 * `base` with three founders' opening balances, so that they can propose and
 * vote from the start: hours of both categories and some care reputation.
 */
export function withFounders(
  base: DeploymentParameters,
  founders: readonly [string, string, string],
): DeploymentParameters {
  return {
    ...base,
    Cooperative: {
      ...base.Cooperative,
      genesisWorkAccounts: [...founders],
      genesisCommons: [hours("20"), hours("4"), hours("6")],
      genesisSubsistence: [hours("4"), hours("12"), hours("2")],
      genesisCareAccounts: [...founders],
      genesisCare: [hours("2"), hours("6"), hours("12")],
    },
  };
}

/**
 * Runs the demo on `connection` (the in-process network, or a node such as
 * `npx hardhat node`). `log` receives each printed line.
 */
export async function runDemo(
  connection: Connection,
  options: { parametersName?: string; log?: (line: string) => void } = {},
): Promise<DemoOutcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { ethers } = connection;
  const signers = await ethers.getSigners();
  const [deployer, alice, bob, carol] = signers;
  const names = new Map<string, string>([
    [alice.address, "alice"],
    [bob.address, "bob"],
    [carol.address, "carol"],
  ]);
  const gas: DemoOutcome["gas"] = [];
  const track = <T extends { gasUsed: bigint }>(step: string, sent: T): T => {
    gas.push({ step, gasUsed: sent.gasUsed });
    return sent;
  };
  const step = (n: number, title: string) => log(`\n${n}. ${title}`);

  // 1. Deploy, with the three founders' opening balances.
  step(1, "Deploy the cooperative and its market");
  const parameters = withFounders(await networkParameters(options.parametersName ?? "default"), [
    alice.address,
    bob.address,
    carol.address,
  ]);
  const addresses = await deployConfoederatio(connection, parameters);
  for (const [role, address] of Object.entries(addresses)) log(`   ${role.padEnd(15)} ${address}`);
  log(`   deployer ${deployer.address} kept no role`);
  const as = async (signer: HardhatEthersSigner): Promise<Coop> =>
    actingAs(await openCoop(ethers, addresses, signer), signer);
  const [a, b, c] = await Promise.all([as(alice), as(bob), as(carol)]);
  const reserve = await reserveOf(a);

  // 2. Claims in all three categories.
  step(2, "Members submit claims");
  const claims = [
    { coop: a, amount: hours("8"), category: 0, evidence: "ipfs://commons/community-garden" },
    { coop: b, amount: hours("6"), category: 1, evidence: "ipfs://subsistence/bakery-shift" },
    { coop: c, amount: hours("5"), category: 2, evidence: "ipfs://care/elder-visits" },
    { coop: a, amount: hours("3.5"), category: 1, evidence: "ipfs://subsistence/harvest" },
  ];
  const ids: bigint[] = [];
  for (const claim of claims) {
    const sent = track("claim", await submitClaim(claim.coop, claim));
    ids.push(sent.id);
    const category = ["commons", "subsistence", "care"][claim.category];
    log(
      `   ${names.get(claim.coop.signer.address)}: ${report.claimSubmitted(sent, claim.amount, category)}`,
    );
  }

  // 3. One proposal: approve the claims, open a sale, and set the price band.
  step(3, "Alice proposes to approve the claims, open a sale and set the price band");
  const [votingDelay, votingPeriod, minDelay, now] = await Promise.all([
    a.governor.votingDelay(),
    a.governor.votingPeriod(),
    a.timelock.getMinDelay(),
    chainNow(a),
  ]);
  const saleStart = now + votingDelay + votingPeriod + minDelay + 60n;
  const rate = await a.treasury.rate();
  const proposal = mergeProposals(
    [
      await approvalProposal(a, ids),
      saleProposal(
        addresses.treasury,
        reserve,
        {
          price: (rate * 12n) / 10n,
          cap: hours("50"),
          accountCap: hours("20"),
          start: saleStart,
          end: saleStart + 7n * 86_400n,
        },
        a.signer.address,
      ),
      bandProposal(
        addresses.treasury,
        reserve,
        {
          oracle: addresses.oracle as string,
          router: addresses.router,
          floor: (rate * 8n) / 10n,
          ceiling: (rate * 15n) / 10n,
          buybackBudget: (rate * 3n) / 2n,
          emissionCap: hours("20"),
          periodLength: 86_400n,
          maxSlippage: 2_000n,
        },
        a.signer.address,
      ),
    ],
    "Approve the first claims, open the founding sale, set the price band",
    a.signer.address,
  );
  const proposed = track("propose", await propose(a, proposal));
  for (const line of report.proposed(proposed, now)) log(`   ${line}`);

  // 4. Holistic votes.
  step(4, "Members vote with holistic weights (hours + care weight x care)");
  await advanceChainTimeTo(connection, proposed.voteStart + 1n);
  const weights: Record<string, bigint> = {};
  for (const [member, support] of [
    [a, 1],
    [b, 1],
    [c, 2],
  ] as const) {
    const vote = track(
      "vote",
      await castVote(member, { proposalId: proposed.proposalId, support }),
    );
    const name = names.get(member.signer.address) as string;
    weights[name] = vote.weight;
    log(`   ${report.voted(vote, SUPPORT[support], name, proposalRef(proposed.proposalId))}`);
  }

  // 5. The vote ends, the timelock delay passes, execution mints.
  step(5, "The vote ends; after the timelock delay, execution mints the tokens");
  await advanceChainTimeTo(connection, proposed.voteEnd + 1n);
  const queued = track("queue", await queueProposal(a, proposed.proposalId));
  log(`   queued (${report.gas(queued)})`);
  await advanceChainTimeTo(connection, queued.eta + 1n);
  const [hoursBefore, careBefore] = await Promise.all([a.work.totalSupply(), a.care.totalSupply()]);
  const executed = track("execute", await executeProposal(a, proposed.proposalId));
  const minted = {
    hours: (await a.work.totalSupply()) - hoursBefore,
    care: (await a.care.totalSupply()) - careBefore,
  };
  log(
    `   executed (${report.gas(executed)}): minted ${hoursText(minted.hours)} and ${formatHours(minted.care)} care`,
  );
  for (const member of [a, b, c]) {
    const s = await accountStatus(member, member.signer.address);
    log(
      `   ${names.get(s.account)}: ${hoursText(s.hours)} (credit commons ${formatHours(s.commonsCredit)}, subsistence ${formatHours(s.subsistenceCredit)}), ${formatHours(s.care)} care, weight ${formatHours(s.voteWeight)}`,
    );
  }

  // 6. Revenue, split 75/25.
  step(6, "Revenue is deposited and split 75% subsistence / 25% commons");
  const deposit = track("fund", await fund(a, rate * 200n));
  log(
    `   ${report.money(reserve, deposit.subsistence + deposit.commons)} -> subsistence ${report.money(reserve, deposit.subsistence)}, commons ${report.money(reserve, deposit.commons)} (${report.gas(deposit)})`,
  );

  // 7. Redemptions from each pool.
  step(7, "Bob redeems subsistence hours, Alice redeems commons hours");
  const subsistence = track("redeem", await redeem(b, { category: 1, amount: hours("3") }));
  log(`   bob: ${report.redeemed(subsistence, hours("3"), "subsistence")}`);
  const commons = track("redeem", await redeem(a, { category: 0, amount: hours("2") }));
  log(`   alice: ${report.redeemed(commons, hours("2"), "commons")}`);

  // 8. The pool: seed it and swap.
  step(8, "Alice seeds the pool at the redemption rate; Carol swaps");
  const seeded = track(
    "liquidity",
    await addLiquidity(a, { hours: hours("20"), reserveAmount: rate * 20n, slippageBps: 50n }),
  );
  log(`   alice: ${report.liquidityAdded(seeded)}`);
  const swapped = track(
    "swap",
    await swap(c, { sell: "hours", amount: hours("1"), slippageBps: 100n }),
  );
  log(`   carol: ${report.swapped(swapped)}`);

  // 9. The sale opens (its start was set in the proposal); Carol buys.
  step(9, "The founding sale opens; Carol buys hours without redemption credit");
  await advanceChainTimeTo(connection, saleStart + 1n);
  const bought = track("buy", await buy(c, hours("5")));
  log(`   carol: bought 5 hours for ${report.money(reserve, bought.cost)} (${report.gas(bought)})`);

  // 10. The band: a large sale pushes the price below the floor; after a TWAP
  //     window the treasury buys back and burns.
  step(10, "Bob dumps hours below the floor; once the TWAP confirms it, the treasury buys back");
  const dump = track(
    "swap",
    await swap(b, { sell: "hours", amount: hours("8"), slippageBps: 5_000n }),
  );
  log(`   bob: ${report.swapped(dump)}`);
  const window = BigInt(
    await (await ethers.getContractAt("CoopTwapOracle", addresses.oracle as string)).window(),
  );
  const oracle = await ethers.getContractAt("CoopTwapOracle", addresses.oracle as string, deployer);
  await advanceChainTime(connection, window + 1n);
  await (await oracle.update()).wait();
  await advanceChainTime(connection, window + 1n);
  const before = await coopStatus(a);
  log(
    `   pool price ${report.money(reserve, before.spotPrice ?? 0n)} per hour; floor ${report.money(reserve, before.band.params.floor)}`,
  );
  const defended = track("band", await defendBand(c, "floor"));
  const [spent, burned] = defended.amounts;
  log(
    `   floor defended: spent ${report.money(reserve, spent)}, bought back and burned ${hoursText(burned)} (${report.gas(defended)})`,
  );
  const after = await coopStatus(a);
  for (const line of report.coopLines(after, await chainNow(a))) log(`   ${line}`);

  const total = gas.reduce((sum, g) => sum + g.gasUsed, 0n);
  const largest = gas.reduce((max, g) => (g.gasUsed > max.gasUsed ? g : max), gas[0]);
  log(
    `\n${gas.length} transactions, ${total.toLocaleString("en-US")} gas in all; the largest (${largest.step}) used ${largest.gasUsed.toLocaleString("en-US")}`,
  );

  return {
    addresses,
    proposalId: proposed.proposalId,
    minted,
    weights,
    deposit: { subsistence: deposit.subsistence, commons: deposit.commons },
    payouts: { subsistence: subsistence.payout, commons: commons.payout },
    swapOut: swapped.amountOut,
    bought: bought.cost,
    band: { spent, burned },
    gas,
  };
}
