/**
 * Settlement: a cooperative in debt to the federation proposes, to its own governance, paying
 * reserve from its treasury to the cooperatives it owes, pro rata, at the rate the federation
 * voted. The split is computed here, off chain, one action per creditor, so the chain never
 * loops over the cooperatives. Figures are hours (1e18 = one hour) and reserve base units.
 */
import { Contract, ZeroAddress, getAddress } from "ethers";

import { CliError } from "../cli/errors.js";
import { send, type Sent } from "../cli/tx.js";
import { proposalRef } from "../governance/refs.js";
import { formatHours, proposeArgs } from "../proposals.js";
import { formatReserve } from "../format/units.js";
import {
  HolisticGovernor__factory,
  RedemptionTreasury__factory,
} from "../../typechain-types/index.js";
import { type Federation, explainFederationError } from "./federation.js";
import {
  type SettlementPart,
  settlementProposal,
  settlementSplit,
} from "./federation-proposals.js";

/** The reserve of settlements: its address (zero for native RBTC), symbol and decimals. */
export interface SettlementAsset {
  readonly address: string;
  readonly symbol: string;
  readonly decimals: number;
}

/** The settlement asset and rate the federation voted; the rate is zero while closed. */
export async function settlementTerms(
  fed: Federation,
): Promise<{ asset: SettlementAsset; rate: bigint }> {
  const [address, rate] = await fed.union.settlement();
  if (address === ZeroAddress) return { asset: { address, symbol: "RBTC", decimals: 18 }, rate };
  const token = new Contract(
    address,
    ["function symbol() view returns (string)", "function decimals() view returns (uint8)"],
    fed.signer,
  );
  const [symbol, decimals] = (await Promise.all([token.symbol(), token.decimals()])) as [
    string,
    bigint,
  ];
  return { asset: { address, symbol, decimals: Number(decimals) }, rate };
}

export interface SettlementProposed extends Sent {
  proposalId: bigint;
  ref: string;
  parts: SettlementPart[];
}

/**
 * Proposes, on `cooperative`'s own governor and from the signer, to settle `amount` (reserve
 * base units) of its debit, split among the cooperatives it owes pro rata. Refuses, before
 * anything is sent, when settlement is closed, the cooperative owes nothing or less than the
 * amount is worth, or its pools cannot pay it.
 */
export async function proposeSettlement(
  fed: Federation,
  cooperative: string,
  amount: bigint,
  asset: SettlementAsset,
  rate: bigint,
): Promise<SettlementProposed> {
  const record = fed.addresses.coops.find((c) => c.hours === getAddress(cooperative));
  if (record === undefined) throw new CliError(`${cooperative} is not a recorded cooperative`);
  const name = `${record.name} (${record.symbol})`;
  if (rate === 0n)
    throw new CliError("the federation has set no settlement rate; settlement is closed");
  const balance = await fed.union.clearingBalance(record.hours);
  if (balance >= 0n)
    throw new CliError(
      `${name} owes the federation nothing (balance ${formatHours(balance)} hours)`,
    );
  const units = (value: bigint) => formatReserve(asset, value);
  const treasury = RedemptionTreasury__factory.connect(record.treasury, fed.signer);
  const [subsistence, commons] = await treasury.pools();
  // out of both pools, as the treasury splits it: 75% subsistence, the rest commons
  const fromSubsistence = (amount * 7_500n) / 10_000n;
  if (subsistence < fromSubsistence || commons < amount - fromSubsistence)
    throw new CliError(
      `${name}'s pools hold ${units(subsistence)} (subsistence) and ${units(commons)} (commons); settling ${units(amount)} takes ${units(fromSubsistence)} and ${units(amount - fromSubsistence)}`,
    );
  const creditors = await Promise.all(
    fed.addresses.coops
      .filter((c) => c.hours !== record.hours)
      .map(async (c) => ({ hours: c.hours, balance: await fed.union.clearingBalance(c.hours) })),
  );
  let parts: SettlementPart[];
  try {
    parts = settlementSplit(amount, -balance, creditors, rate);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const proposal = settlementProposal(
    record.treasury,
    fed.addresses.union,
    parts,
    units,
    fed.signer.address,
  );
  const governor = HolisticGovernor__factory.connect(record.governor, fed.signer);
  const sent = await send(
    "propose",
    governor.propose,
    proposeArgs(proposal),
    [...fed.interfaces, governor.interface, treasury.interface],
    explainFederationError,
  );
  const created = sent.receipt.logs
    .map((log) => governor.interface.parseLog(log))
    .find((parsed) => parsed?.name === "ProposalCreated");
  if (!created) throw new CliError("the proposal was sent but no ProposalCreated event came back");
  const proposalId = created.args.proposalId as bigint;
  return { ...sent, proposalId, ref: proposalRef(proposalId), parts };
}
