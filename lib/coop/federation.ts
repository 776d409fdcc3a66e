/**
 * A federation of cooperatives as the CLI, the demo and the app drive it: where its addresses
 * are recorded, its contracts bound to a signer, its status in human units, a payment checked
 * against every limit before anything is sent, and its proposals. Figures are hours (1e18 = one
 * hour); an exchange index is shown as hours of the federation's unit per hour.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { type ErrorDescription, type Interface, ZeroAddress, getAddress, isAddress } from "ethers";

import { CliError } from "../cli/errors.js";
import { deploymentIdOf, deploymentsDir } from "../cli/deployment.js";
import { send, type Sent } from "../cli/tx.js";
import { formatHours, proposeArgs, type Proposal } from "../proposals.js";
import {
  ClearingUnion__factory,
  FederationVotes__factory,
  HolisticGovernor__factory,
  WorkHours__factory,
  type ClearingUnion,
  type FederationVotes,
  type HolisticGovernor,
  type WorkHours,
} from "../../typechain-types/index.js";
import {
  type MemberState,
  MemberStatus,
  coopLabel,
  federationErrorWords,
  indexChangeRefusal,
  paymentRefusal,
  retireRefusal,
  statusText,
} from "../federation/view.js";
import { explainError } from "./explain.js";
import { duration } from "./time.js";

/** What a local federation deployment records, next to the cooperatives' own deployments. */
export interface FederationAddresses {
  union: string;
  votes: string;
  governor: string;
  timelock: string;
  factory: string;
  router: string;
  coops: {
    name: string;
    symbol: string;
    hours: string;
    timelock: string;
    treasury: string;
    governor: string;
  }[];
}

/** The federation bound to the signer that acts. */
export interface Federation {
  ethers: HardhatEthers;
  signer: HardhatEthersSigner;
  addresses: FederationAddresses;
  union: ClearingUnion;
  votes: FederationVotes;
  governor: HolisticGovernor;
  interfaces: Interface[];
}

function federationFile(chainId: bigint, dir: string): string {
  return path.join(dir, deploymentIdOf(chainId), "federation.json");
}

/** Records the federation's addresses for the chain `chainId`. */
export async function saveFederation(
  chainId: bigint,
  addresses: FederationAddresses,
  dir = deploymentsDir(),
): Promise<string> {
  const file = federationFile(chainId, dir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(addresses, null, 2)}\n`);
  return file;
}

/** Reads the federation recorded for `chainId`. */
export async function loadFederation(
  networkName: string,
  chainId: bigint,
  dir = deploymentsDir(),
): Promise<FederationAddresses> {
  try {
    return JSON.parse(await readFile(federationFile(chainId, dir), "utf8")) as FederationAddresses;
  } catch {
    throw new CliError(
      `no federation is recorded on network "${networkName}" (chain ${chainId}); run npm run federation:local -- --network ${networkName}`,
    );
  }
}

/** Binds the federation at `addresses` to `signer`. */
export function openFederation(
  ethers: HardhatEthers,
  addresses: FederationAddresses,
  signer: HardhatEthersSigner,
): Federation {
  const union = ClearingUnion__factory.connect(addresses.union, signer);
  const governor = HolisticGovernor__factory.connect(addresses.governor, signer);
  const votes = FederationVotes__factory.connect(addresses.votes, signer);
  return {
    ethers,
    signer,
    addresses,
    union,
    votes,
    governor,
    interfaces: [
      union.interface,
      governor.interface,
      votes.interface,
      WorkHours__factory.createInterface(),
    ],
  };
}

/** A cooperative named by its symbol (case-insensitive), its name or its hours' address. */
export function resolveCoop(fed: Federation, text: string | undefined, option: string): string {
  const wanted = text?.trim() ?? "";
  if (wanted === "") throw new CliError(`${option} is required: a cooperative's symbol or address`);
  const match = fed.addresses.coops.find(
    (c) =>
      c.symbol.toLowerCase() === wanted.toLowerCase() ||
      c.name.toLowerCase() === wanted.toLowerCase(),
  );
  if (match !== undefined) return match.hours;
  if (isAddress(wanted)) return getAddress(wanted);
  const known = fed.addresses.coops.map((c) => c.symbol).join(", ");
  throw new CliError(`${option} ${wanted} is not a cooperative of the federation (${known})`);
}

/** "Bakery (BAKE)" for a cooperative the federation's record lists, else undefined. */
function recordedLabel(
  fed: { addresses: Pick<FederationAddresses, "coops"> },
  hours: string,
): string | undefined {
  const c = fed.addresses.coops.find((x) => x.hours === getAddress(hours));
  return c === undefined ? undefined : coopLabel(c);
}

/** A cooperative's name and symbol: from the federation's record, else from its token. */
async function coopOf(
  fed: Federation,
  hours: string,
): Promise<{ name: string; symbol: string; hours: string }> {
  const recorded = fed.addresses.coops.find((x) => x.hours === getAddress(hours));
  if (recorded !== undefined) return recorded;
  const token = WorkHours__factory.connect(hours, fed.signer);
  const [name, symbol] = await Promise.all([token.name(), token.symbol()]);
  return { name, symbol, hours: getAddress(hours) };
}

/** `ClearingUnion.member` as the shared view reads it. */
function memberState(m: Awaited<ReturnType<ClearingUnion["member"]>>): MemberState {
  return {
    status: Number(m.status),
    balance: m.balance,
    index: m.index,
    limits: {
      debitLimit: m.limits.debitLimit,
      outflowAllowance: m.limits.outflowAllowance,
      surplusCap: m.limits.surplusCap,
      inflowAllowance: m.limits.inflowAllowance,
    },
    outflowLeft: m.outflowLeft,
    inflowLeft: m.inflowLeft,
  };
}

/**
 * Refuses, before anything is proposed, an index change the registry's per-period bound could
 * not carry out from the index in force now, and the retirement of a cooperative in debt.
 */
export async function checkFederationChange(
  fed: Federation,
  cooperative: string,
  change: { index: bigint } | "retire",
): Promise<void> {
  const member = await fed.union.member(cooperative);
  // a cooperative that is not a member gets the registry's status error, in words, when voted
  const status = Number(member.status);
  if (status !== MemberStatus.Active && status !== MemberStatus.Frozen) return;
  const label = recordedLabel(fed, cooperative) ?? getAddress(cooperative);
  const refusal =
    change === "retire"
      ? retireRefusal(label, member.balance)
      : indexChangeRefusal(label, member.index, change.index, await fed.union.maxIndexChangeBps());
  if (refusal !== undefined) throw new CliError(refusal);
}

/**
 * Refuses, before anything is proposed, the admission of a cooperative that is or was a member,
 * and of one with a treasury its hours do not let burn redeemed hours (not its own), in the
 * words of the registry's errors.
 */
export async function checkAdmission(
  fed: Federation,
  cooperative: string,
  treasury: string,
): Promise<void> {
  const words = (name: string, args: unknown[]) =>
    federationErrorWords({ name, args }, (a) => recordedLabel(fed, a));
  const status = Number(await fed.union.statusOf(cooperative));
  if (status !== MemberStatus.None) {
    throw new CliError(words("FederationAlreadyMember", [cooperative, status]) ?? "");
  }
  if (treasury === ZeroAddress) return;
  const work = WorkHours__factory.connect(cooperative, fed.signer);
  if (!(await work.hasRole(await work.REDEEMER_ROLE(), treasury))) {
    throw new CliError(words("FederationNotCooperativeTreasury", [cooperative, treasury]) ?? "");
  }
}

/** Signed hours, e.g. "-12.5" or "+3". */
export function signedHours(value: bigint): string {
  if (value === 0n) return "0";
  return value < 0n ? `-${formatHours(-value)}` : `+${formatHours(value)}`;
}

/** One member's status in words. */
export interface MemberLine {
  hours: string;
  label: string;
  status: string;
  balance: bigint;
  debitLimit: bigint;
  surplusCap: bigint;
  outflowLeft: bigint;
  inflowLeft: bigint;
  index: bigint;
}

/** The federation's members, balances against limits, allowances left and indices. */
export async function federationStatus(fed: Federation): Promise<{
  members: MemberLine[];
  period: bigint;
  maxIndexChangeBps: bigint;
  sum: bigint;
}> {
  const members: MemberLine[] = [];
  let sum = 0n;
  for (const c of fed.addresses.coops) {
    const m = await fed.union.member(c.hours);
    sum += m.balance;
    members.push({
      hours: c.hours,
      label: `${c.name} (${c.symbol})`,
      status: statusText(Number(m.status)),
      balance: m.balance,
      debitLimit: m.limits.debitLimit,
      surplusCap: m.limits.surplusCap,
      outflowLeft: m.outflowLeft,
      inflowLeft: m.inflowLeft,
      index: m.index,
    });
  }
  return {
    members,
    period: await fed.union.period(),
    maxIndexChangeBps: await fed.union.maxIndexChangeBps(),
    sum,
  };
}

/** The status as printed lines. */
export function statusLines(s: Awaited<ReturnType<typeof federationStatus>>): string[] {
  const lines = [
    `Federation: ${s.members.length} cooperatives; allowances per ${duration(s.period)}; an index moves at most ${Number(s.maxIndexChangeBps) / 100}% a period`,
  ];
  for (const m of s.members) {
    lines.push(
      `${m.label}: ${m.status}, balance ${signedHours(m.balance)} hours (debit limit ${formatHours(m.debitLimit)}, surplus cap ${formatHours(m.surplusCap)}), ` +
        `may pay ${formatHours(m.outflowLeft)} and receive ${formatHours(m.inflowLeft)} more hours this period, index ${formatHours(m.index)}`,
    );
  }
  lines.push(`Balances sum to ${signedHours(s.sum)} hours`);
  return lines;
}

/**
 * Words for the federation's errors, with figures in hours and cooperatives by name: the shared
 * words of `lib/federation/view.ts` (which the web app shows too), then the project's others.
 */
export function federationExplainer(fed: {
  addresses: Pick<FederationAddresses, "coops">;
}): (error: ErrorDescription) => string {
  return (error) =>
    federationErrorWords(error, (address) => recordedLabel(fed, address)) ?? explainError(error);
}

/** What `pay` will do, from the chain's current figures. */
export interface PaymentPlan {
  from: string;
  to: string;
  recipient: string;
  amount: bigint;
  value: bigint;
  hoursOut: bigint;
  minOut: bigint;
}

export interface Paid extends Sent {
  plan: PaymentPlan;
}

/**
 * Pays `amount` hours of cooperative `from` to `recipient` in hours of `to`. Checks the payer's
 * balance, both cooperatives' status, limits and allowances first, so that a payment the union
 * would refuse gets one line with the figures and nothing is sent. `slippageBps` bounds the
 * output against an index change voted in between.
 */
export async function pay(
  fed: Federation,
  args: { from: string; to: string; recipient: string; amount: bigint; slippageBps: bigint },
): Promise<Paid> {
  const { from, to, recipient, amount } = args;
  const [payer, receiver, held] = await Promise.all([
    fed.union.member(from),
    fed.union.member(to),
    WorkHours__factory.connect(from, fed.signer).balanceOf(fed.signer.address),
  ]);
  // no quote for more than the payer holds: the refusal names the balance, and an amount no
  // balance reaches (beyond 2^256 / index) would overflow the conversion
  const [value, hoursOut] = amount <= held ? await fed.union.quote(from, to, amount) : [0n, 0n];
  const refusal = paymentRefusal({
    from: { coop: await coopOf(fed, from), state: memberState(payer) },
    to: { coop: await coopOf(fed, to), state: memberState(receiver) },
    held,
    hoursIn: amount,
    value,
    hoursOut,
  });
  if (refusal !== undefined) throw new CliError(refusal);
  const minOut = (hoursOut * (10_000n - args.slippageBps)) / 10_000n;
  const plan = { from, to, recipient, amount, value, hoursOut, minOut };
  const sent = await send(
    "pay",
    fed.union.pay,
    [from, to, recipient, amount, minOut],
    fed.interfaces,
    federationExplainer(fed),
  );
  return { ...sent, plan };
}

/** The payment in words. */
export function paidLine(fed: Federation, paid: Paid): string {
  const p = paid.plan;
  const fromSymbol =
    fed.addresses.coops.find((c) => c.hours === getAddress(p.from))?.symbol ?? "hours";
  const toSymbol = fed.addresses.coops.find((c) => c.hours === getAddress(p.to))?.symbol ?? "hours";
  return `Paid ${formatHours(p.amount)} ${fromSymbol} (worth ${formatHours(p.value)} federation hours): ${p.recipient} received ${formatHours(p.hoursOut)} ${toSymbol}. Transaction ${paid.hash}, gas ${paid.gasUsed}`;
}

/** Proposes `proposal` on the federation's governor; the signer must be a liaison with a vote. */
export async function proposeFederation(
  fed: Federation,
  proposal: Proposal,
): Promise<Sent & { proposalId: bigint }> {
  const [threshold, votes] = await Promise.all([
    fed.governor.proposalThreshold(),
    fed.votes.getVotes(fed.signer.address),
  ]);
  if (votes < threshold)
    throw new CliError(
      `${fed.signer.address} casts ${votes} federation votes; proposing needs ${threshold} (a cooperative's liaison casts its seat)`,
    );
  const sent = await send(
    "propose",
    fed.governor.propose,
    proposeArgs(proposal),
    fed.interfaces,
    federationExplainer(fed),
  );
  const created = sent.receipt.logs
    .map((log) => fed.governor.interface.parseLog(log))
    .find((parsed) => parsed?.name === "ProposalCreated");
  if (!created) throw new CliError("the proposal was sent but no ProposalCreated event came back");
  return { ...sent, proposalId: created.args.proposalId as bigint };
}

/** A federation governor and `WorkHours` bound for reading. */
export function hoursOf(fed: Federation, hours: string): WorkHours {
  return WorkHours__factory.connect(hours, fed.signer);
}
