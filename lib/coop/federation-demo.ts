/**
 * `npm run demo:federation`: three cooperatives and their federation on the in-process network.
 * Payments in both directions with the net positions, a payment refused at a limit, a freeze
 * voted by the federation, and a multi-hop swap A → B → C on the shared market. It prints what
 * happens in hours and returns the figures for tests.
 */
import type { DefaultChainType, NetworkConnection } from "hardhat/types/network";
import { MaxUint256 } from "ethers";

import { CliError } from "../cli/errors.js";
import { executionArgs, formatHours, proposalId, proposeArgs, Support } from "../proposals.js";
import {
  type Federation,
  type FederationAddresses,
  federationStatus,
  openFederation,
  paidLine,
  pay,
  statusLines,
} from "./federation.js";
import { type LocalFederation, deployLocalFederation } from "./federation-deploy.js";
import { statusProposal } from "./federation-proposals.js";

type Connection = NetworkConnection<DefaultChainType>;
const HOUR = 10n ** 18n;

/** The addresses a local federation records. */
export async function addressesOf(local: LocalFederation): Promise<FederationAddresses> {
  return {
    union: await local.union.getAddress(),
    votes: await local.votes.getAddress(),
    governor: await local.governor.getAddress(),
    timelock: await local.timelock.getAddress(),
    factory: await local.factory.getAddress(),
    router: await local.router.getAddress(),
    coops: await Promise.all(
      local.coops.map(async (c) => ({
        name: c.name,
        symbol: c.symbol,
        hours: c.hours,
        timelock: await c.timelock.getAddress(),
        treasury: await c.treasury.getAddress(),
        governor: await c.governor.getAddress(),
      })),
    ),
  };
}

export interface FederationDemoOutcome {
  balances: bigint[];
  refusal: string;
  frozenRefusal: string;
  multiHopOut: bigint;
}

export async function runFederationDemo(
  connection: Connection,
  log: (line: string) => void = (line) => console.log(line),
): Promise<FederationDemoOutcome> {
  const { ethers, networkHelpers } = connection;
  log("Deploying three cooperatives and their federation; each joins by its own vote…");
  const local = await deployLocalFederation(connection);
  const addresses = await addressesOf(local);
  const [bake, care, tool] = local.coops;
  const as = (signer: (typeof local.coops)[number]["founder"]): Federation =>
    openFederation(ethers, addresses, signer);
  for (const c of local.coops)
    log(
      `  ${c.name} (${c.symbol}): founder ${c.founder.address} holds 100 hours and casts its federation vote`,
    );

  log("");
  log("Payments in both directions:");
  log(
    "  " +
      paidLine(
        as(bake.founder),
        await pay(as(bake.founder), {
          from: bake.hours,
          to: care.hours,
          recipient: care.founder.address,
          amount: 30n * HOUR,
          slippageBps: 0n,
        }),
      ),
  );
  log(
    "  " +
      paidLine(
        as(care.founder),
        await pay(as(care.founder), {
          from: care.hours,
          to: bake.hours,
          recipient: bake.founder.address,
          amount: 10n * HOUR,
          slippageBps: 0n,
        }),
      ),
  );
  log(
    "  " +
      paidLine(
        as(tool.founder),
        await pay(as(tool.founder), {
          from: tool.hours,
          to: care.hours,
          recipient: care.founder.address,
          amount: 25n * HOUR,
          slippageBps: 0n,
        }),
      ),
  );
  for (const line of statusLines(await federationStatus(as(bake.founder)))) log("  " + line);

  log("");
  const clinic = await local.union.member(care.hours);
  log(
    `The Clinic may receive ${formatHours(clinic.inflowLeft)} more hours this period; the Bakery tries to pay it 30:`,
  );
  const refusal = await pay(as(bake.founder), {
    from: bake.hours,
    to: care.hours,
    recipient: care.founder.address,
    amount: 30n * HOUR,
    slippageBps: 0n,
  }).then(
    () => "",
    (error: unknown) => (error instanceof CliError ? error.message : String(error)),
  );
  log(`  refused, nothing sent: ${refusal}`);

  log("");
  log("The federation votes to freeze the Workshop:");
  const freeze = statusProposal(addresses.union, tool.hours, "freeze", bake.founder.address);
  const id = proposalId(freeze);
  await (await local.governor.connect(bake.founder).propose(...proposeArgs(freeze))).wait();
  await networkHelpers.time.increaseTo((await local.governor.proposalSnapshot(id)) + 1n);
  for (const c of [bake, care])
    await (await local.governor.connect(c.founder).castVote(id, Support.For)).wait();
  await networkHelpers.time.increaseTo((await local.governor.proposalDeadline(id)) + 1n);
  await (await local.governor.queue(...executionArgs(freeze))).wait();
  await networkHelpers.time.increaseTo(await local.governor.proposalEta(id));
  await (await local.governor.execute(...executionArgs(freeze))).wait();
  const frozenRefusal = await pay(as(tool.founder), {
    from: tool.hours,
    to: bake.hours,
    recipient: bake.founder.address,
    amount: HOUR,
    slippageBps: 0n,
  }).then(
    () => "",
    (error: unknown) => (error instanceof CliError ? error.message : String(error)),
  );
  log(`  the Workshop tries to pay: ${frozenRefusal}`);
  log(
    "  " +
      paidLine(
        as(bake.founder),
        await pay(as(bake.founder), {
          from: bake.hours,
          to: tool.hours,
          recipient: tool.founder.address,
          amount: 5n * HOUR,
          slippageBps: 0n,
        }),
      ) +
      " (a frozen cooperative still receives)",
  );

  log("");
  log(
    "One shared market: the Clinic's founder buys 10 BAKE and 10 TOOL from their founders and pools each with CARE; the Bakery's founder swaps BAKE → CARE → TOOL:",
  );
  const router = local.router;
  const routerAddress = await router.getAddress();
  const lp = care.founder;
  await (await bake.work.connect(bake.founder).transfer(lp.address, 10n * HOUR)).wait();
  await (await tool.work.connect(tool.founder).transfer(lp.address, 10n * HOUR)).wait();
  await (await care.work.connect(lp).approve(routerAddress, MaxUint256)).wait();
  for (const other of [bake, tool]) {
    await (await other.work.connect(lp).approve(routerAddress, MaxUint256)).wait();
    await (
      await router
        .connect(lp)
        .addLiquidity(
          other.hours,
          care.hours,
          10n * HOUR,
          10n * HOUR,
          0n,
          0n,
          lp.address,
          MaxUint256,
        )
    ).wait();
  }
  const path = [bake.hours, care.hours, tool.hours];
  const amounts = await router.getAmountsOut(2n * HOUR, path);
  await (await bake.work.connect(bake.founder).approve(routerAddress, 2n * HOUR)).wait();
  await (
    await router
      .connect(bake.founder)
      .swapExactTokensForTokens(2n * HOUR, amounts[2], path, bake.founder.address, MaxUint256)
  ).wait();
  log(`  2 BAKE → ${formatHours(amounts[1])} CARE → ${formatHours(amounts[2])} TOOL`);

  log("");
  for (const line of statusLines(await federationStatus(as(bake.founder)))) log(line);
  const balances = await Promise.all(local.coops.map((c) => local.union.clearingBalance(c.hours)));
  return { balances, refusal, frozenRefusal, multiHopOut: amounts[2] };
}
