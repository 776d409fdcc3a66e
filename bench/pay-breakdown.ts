/**
 * `npx hardhat run bench/pay-breakdown.ts`: where the gas of one clearing-union payment between
 * holders goes, per contract, per kind of opcode and per storage slot, on Ethereum's schedule
 * and on RSK's; and the same for the floor beside it, OpenZeppelin ERC20Votes burn on one token
 * and mint on another in one transaction. Both in the bench's state (`fed.pay.existing`,
 * `fed.pay.floor`): payer and recipient already hold tokens, a payment in the same period
 * already made, the clock moved on a second.
 */
import type { ContractTransactionResponse } from "ethers";
import { ZeroAddress, ZeroHash, id } from "ethers";
import { network } from "hardhat";

import type {
  ClearingUnion,
  ReferenceBurnableVotesToken,
  ReferenceVotesPayment,
  WorkHours,
} from "../typechain-types/index.js";
import { type GasLog, charges, totals } from "./lib/breakdown.js";
import { storageAccesses, writtenSlots } from "./lib/storage.js";
import { DAY, HOLDER_BALANCE, TRANSFER_AMOUNT } from "./lib/settings.js";

const connection = await network.getOrCreate();
const { ethers, networkHelpers } = connection;
const [deployer, alice, bob, timelockA, timelockB] = await ethers.getSigners();
const BIG = (1n << 96n) - 1n;
const LIMITS = { debitLimit: BIG, outflowAllowance: BIG, surplusCap: BIG, inflowAllowance: BIG };
const names = new Map<string, string>();
const named = async <T extends { getAddress(): Promise<string> }>(contract: T, label: string) => {
  names.set((await contract.getAddress()).toLowerCase(), label);
  return contract;
};

// ─── the clearing union ──────────────────────────────────────────────────────────────────────
const union = await named(
  (await ethers.deployContract("ClearingUnion", [
    deployer.address,
    30 * DAY,
    500,
    "Federation",
  ])) as unknown as ClearingUnion,
  "ClearingUnion",
);
const hours: string[] = [];
for (const [symbol, timelock] of [
  ["A", timelockA.address],
  ["B", timelockB.address],
] as const) {
  const work = await named(
    (await ethers.deployContract("WorkHours", [
      `Hours ${symbol}`,
      symbol,
      deployer.address,
    ])) as unknown as WorkHours,
    `WorkHours ${symbol}`,
  );
  await (await work.grantRole(id("FEDERATION_ROLE"), await union.getAddress())).wait();
  await (await work.grantRole(id("MINTER_ROLE"), deployer.address)).wait();
  await (await work.grantRole(ZeroHash, timelock)).wait();
  await (
    await union.admit(await work.getAddress(), timelock, ZeroAddress, 10n ** 18n, LIMITS)
  ).wait();
  await (
    await work.mintForWork([alice.address, bob.address], [HOLDER_BALANCE, HOLDER_BALANCE], [0n, 0n])
  ).wait();
  hours.push(await work.getAddress());
}
const payUnion = () =>
  union.connect(alice).pay(hours[0], hours[1], bob.address, TRANSFER_AMOUNT, 0);
await (await payUnion()).wait();
await networkHelpers.time.increase(1);
await breakdown("ClearingUnion.pay between holders", await payUnion());

// ─── the floor: OpenZeppelin ERC20Votes burn + mint ──────────────────────────────────────────
const tokens: string[] = [];
for (const symbol of ["A", "B"]) {
  const token = await named(
    (await ethers.deployContract(
      "ReferenceBurnableVotesToken",
    )) as unknown as ReferenceBurnableVotesToken,
    `ERC20Votes ${symbol}`,
  );
  for (const holder of [alice, bob]) {
    await (await token.mint(holder.address, HOLDER_BALANCE)).wait();
    await (await token.connect(holder).delegate(holder.address)).wait();
  }
  tokens.push(await token.getAddress());
}
const payment = await named(
  (await ethers.deployContract("ReferenceVotesPayment")) as unknown as ReferenceVotesPayment,
  "ReferenceVotesPayment",
);
const payFloor = () =>
  payment.connect(alice).pay(tokens[0], tokens[1], bob.address, TRANSFER_AMOUNT);
await (await payFloor()).wait();
await networkHelpers.time.increase(1);
await breakdown("OZ ERC20Votes burn + mint, one transaction", await payFloor());

/** Prints where the gas of `sent` went. */
async function breakdown(title: string, sent: ContractTransactionResponse) {
  const receipt = await sent.wait();
  if (receipt === null || sent.to === null) throw new Error("no receipt");
  const trace = (await connection.provider.request({
    method: "debug_traceTransaction",
    params: [sent.hash, { disableMemory: true, disableStorage: true }],
  })) as { structLogs: GasLog[] };
  const logs = trace.structLogs;
  const original = new Map<string, bigint>();
  for (const { key, contract, slot } of writtenSlots(storageAccesses(logs, sent.to)))
    original.set(
      key,
      BigInt(await ethers.provider.getStorage(contract, slot, receipt.blockNumber - 1)),
    );
  const all = charges(logs, sent.to, original);
  const name = (address: string) => names.get(address) ?? address;
  const gasUsed = Number(receipt.gasUsed);
  const intrinsic = gasUsed - all.reduce((s, c) => s + c.eth, 0);
  const rskTotal = intrinsic + all.reduce((s, c) => s + c.rsk, 0);
  const pad = (value: number | string, width: number) =>
    (typeof value === "number" ? value.toLocaleString("en") : value).padStart(width);
  const row = (label: string, eth: number | string, rsk: number | string, n: number | string) =>
    `${label.padEnd(48)}${pad(eth, 10)}${pad(rsk, 10)}${pad(n, 6)}`;

  console.log(`\n${title}: ${gasUsed.toLocaleString("en")} gas (Ethereum)`);
  console.log(row("", "ethereum", "rsk", "ops"));
  console.log(row("intrinsic (21,000 + calldata)", intrinsic, intrinsic, ""));
  for (const t of totals(all, (c) => `${name(c.contract)} ${c.kind}`))
    console.log(row(t.key, t.eth, t.rsk, t.count));
  console.log(row("total", gasUsed, rskTotal, ""));
  console.log("storage, per slot in trace order (r read, w write; * was zero):");
  const slots = new Map<string, { contract: string; ops: string; eth: number; rsk: number }>();
  for (const c of all) {
    if (c.slot === undefined) continue;
    const s = slots.get(c.slot) ?? { contract: name(c.contract), ops: "", eth: 0, rsk: 0 };
    s.ops += c.kind === "SLOAD" ? "r" : "w";
    s.eth += c.eth;
    s.rsk += c.rsk;
    slots.set(c.slot, s);
  }
  for (const [key, s] of slots) {
    const slot = key.slice(key.indexOf(":") + 1);
    const fresh = original.get(key) === 0n ? "*" : "";
    console.log(row(`  ${s.contract} ${slot.slice(0, 8)} ${s.ops}${fresh}`, s.eth, s.rsk, ""));
  }
}
