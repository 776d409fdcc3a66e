/** Where the gas of one transaction goes, from its struct-log trace: per contract, per kind of
 * opcode (storage reads and writes, calls, logs, the rest), and per storage slot, priced on
 * Ethereum's schedule (as traced) and on RSK's (rskj `GasCost`, see rsk-gas.ts). Pure functions;
 * `bench/pay-breakdown.ts` feeds them the trace. */

import { RSK_GAS } from "./rsk-gas.js";
import type { StructLog } from "./storage.js";
import { slotKey } from "./storage.js";

/** A struct log with the gas left before the opcode, which the exclusive cost of a call needs. */
export interface GasLog extends StructLog {
  gas: number;
}

/** What one opcode cost, attributed to the contract whose code ran it. */
export interface Charge {
  contract: string;
  kind: string;
  eth: number;
  rsk: number;
  /** For SLOAD and SSTORE: the slot's key (`slotKey`). */
  slot?: string;
}

const CALLS = new Set(["CALL", "STATICCALL", "DELEGATECALL", "CALLCODE"]);

const address = (value: bigint) =>
  `0x${(value & ((1n << 160n) - 1n)).toString(16).padStart(40, "0")}`;

function stackItem(log: StructLog, fromTop: number): bigint {
  const stack = log.stack ?? [];
  const hex = stack[stack.length - 1 - fromTop];
  return BigInt(hex.startsWith("0x") ? hex : `0x${hex}`);
}

function kindOf(op: string): string {
  if (op === "SLOAD" || op === "SSTORE") return op;
  if (CALLS.has(op)) return "CALL";
  if (op.startsWith("LOG")) return "LOG";
  if (op === "KECCAK256" || op === "SHA3") return "KECCAK256";
  if (op === "TLOAD" || op === "TSTORE") return "TLOAD/TSTORE";
  if (op === "EXTCODESIZE") return "EXTCODESIZE";
  return "other";
}

/**
 * The exclusive cost of every opcode: a call's own charge (access, memory, value; not what its
 * callee spent), priced on Ethereum's schedule as traced and on RSK's. `original` holds each
 * written slot's value before the transaction; `to` is the called contract; `warm` the addresses
 * warm at the start (sender, recipient, precompiles).
 */
export function charges(
  logs: readonly GasLog[],
  to: string,
  original: ReadonlyMap<string, bigint>,
): Charge[] {
  const codeAt: string[] = [];
  const storageAt: string[] = [];
  codeAt[logs[0]?.depth ?? 1] = to.toLowerCase();
  storageAt[logs[0]?.depth ?? 1] = to.toLowerCase();
  const current = new Map<string, bigint>();
  const out: Charge[] = [];
  logs.forEach((log, index) => {
    const contract = codeAt[log.depth];
    const here = storageAt[log.depth];
    const next = logs[index + 1];
    let eth = log.gasCost;
    let rsk = log.gasCost;
    let slot: string | undefined;
    if (log.op === "SLOAD") {
      slot = slotKey(here, stackItem(log, 0));
      rsk = RSK_GAS.SLOAD;
    } else if (log.op === "SSTORE") {
      slot = slotKey(here, stackItem(log, 0));
      const value = stackItem(log, 1);
      const now = current.get(slot) ?? original.get(slot) ?? 0n;
      rsk = now === 0n && value !== 0n ? RSK_GAS.SET_SSTORE : RSK_GAS.RESET_SSTORE;
      current.set(slot, value);
    } else if (log.op === "EXTCODESIZE") {
      // the access part: 2,600 cold or 100 warm on Ethereum, 700 on RSK
      rsk = log.gasCost - (log.gasCost >= 2_600 ? 2_600 : 100) + RSK_GAS.EXT_CODE_SIZE;
    } else if (CALLS.has(log.op) && next !== undefined && next.depth === log.depth + 1) {
      // exclusive: the gas before the call, less the gas after it returns, less what the callee used
      const target = address(stackItem(log, 1));
      codeAt[next.depth] = target;
      storageAt[next.depth] = log.op === "CALL" || log.op === "STATICCALL" ? target : here;
      const resumed = logs.slice(index + 1).find((l) => l.depth === log.depth);
      let last = index + 1;
      for (let j = index + 1; j < logs.length && logs[j].depth > log.depth; j++) {
        if (logs[j].depth === next.depth) last = j;
      }
      const calleeUsed = next.gas - (logs[last].gas - logs[last].gasCost);
      if (resumed !== undefined) eth = log.gas - resumed.gas - calleeUsed;
      // the access part: 2,600 cold or 100 warm on Ethereum, 700 on RSK
      const access = eth >= 2_600 ? 2_600 : 100;
      rsk = eth - access + RSK_GAS.CALL;
    }
    out.push({ contract, kind: kindOf(log.op), eth, rsk, slot });
  });
  return out;
}

/** Totals of `items` by `key`, largest Ethereum figure first. */
export function totals(
  items: readonly Charge[],
  key: (c: Charge) => string,
): { key: string; eth: number; rsk: number; count: number }[] {
  const sums = new Map<string, { eth: number; rsk: number; count: number }>();
  for (const c of items) {
    const k = key(c);
    const s = sums.get(k) ?? { eth: 0, rsk: 0, count: 0 };
    s.eth += c.eth;
    s.rsk += c.rsk;
    s.count += 1;
    sums.set(k, s);
  }
  return [...sums.entries()]
    .map(([k, s]) => ({ key: k, ...s }))
    .sort((a, b) => b.eth - a.eth || a.key.localeCompare(b.key));
}
