/** Counting and pricing the storage opcodes of one transaction from its struct-log trace
 * (`debug_traceTransaction`), so that the report can show what a design costs on RSK, whose
 * storage schedule differs from Ethereum's. Pure functions: `bench/run.ts` feeds them the
 * trace and the slots' values before the transaction. */

/** The part of a struct log that we read. `stack` lists the top last. */
export interface StructLog {
  op: string;
  depth: number;
  gasCost: number;
  stack?: readonly string[];
}

/** One SLOAD or SSTORE, attributed to the contract whose storage it touches. */
export interface StorageAccess {
  op: "SLOAD" | "SSTORE";
  /** Lower-case address, or `create:<index>` for a contract created in this transaction. */
  contract: string;
  slot: bigint;
  /** The value written (SSTORE only). */
  value: bigint;
  /** Gas charged for the opcode under the traced (Ethereum) schedule. */
  gasCost: number;
}

/** RSK's prices (rskj `GasCost`): no warm/cold distinction, no net metering. */
export const RSK_SSTORE_SET = 20_000;
export const RSK_SSTORE_RESET = 5_000;
export const RSK_SLOAD = 200;

const CALLS = new Set(["CALL", "STATICCALL"]);
const CODE_CALLS = new Set(["DELEGATECALL", "CALLCODE"]);
const CREATES = new Set(["CREATE", "CREATE2"]);

function word(hex: string): bigint {
  return BigInt(hex.startsWith("0x") ? hex : `0x${hex}`);
}

function toAddress(value: bigint): string {
  return `0x${(value & ((1n << 160n) - 1n)).toString(16).padStart(40, "0")}`;
}

function stackItem(log: StructLog, fromTop: number): bigint {
  const stack = log.stack;
  if (stack === undefined || stack.length <= fromTop) {
    throw new Error(`trace: ${log.op} at depth ${log.depth} has no stack item ${fromTop}`);
  }
  return word(stack[stack.length - 1 - fromTop]);
}

/** Walks the trace and attributes each SLOAD and SSTORE to the contract whose storage it reads
 * or writes: a CALL or STATICCALL enters the callee's storage, a DELEGATECALL or CALLCODE keeps
 * the caller's, a CREATE enters a fresh contract. */
export function storageAccesses(logs: readonly StructLog[], to: string): StorageAccess[] {
  const storageAt: string[] = [];
  storageAt[logs[0]?.depth ?? 1] = to.toLowerCase();
  const accesses: StorageAccess[] = [];
  logs.forEach((log, index) => {
    const here = storageAt[log.depth];
    if (log.op === "SSTORE" || log.op === "SLOAD") {
      accesses.push({
        op: log.op,
        contract: here,
        slot: stackItem(log, 0),
        value: log.op === "SSTORE" ? stackItem(log, 1) : 0n,
        gasCost: log.gasCost,
      });
      return;
    }
    const next = logs[index + 1];
    if (next === undefined || next.depth !== log.depth + 1) return;
    if (CALLS.has(log.op)) storageAt[next.depth] = toAddress(stackItem(log, 1));
    else if (CODE_CALLS.has(log.op)) storageAt[next.depth] = here;
    else if (CREATES.has(log.op)) storageAt[next.depth] = `create:${index}`;
  });
  return accesses;
}

/** The key of a (contract, slot) pair. */
export function slotKey(contract: string, slot: bigint): string {
  return `${contract}:${slot.toString(16)}`;
}

export interface StorageSummary {
  sstores: number;
  slotsWritten: number;
  rewrites: number;
  zeroToNonZero: number;
  sloads: number;
  storageGasEthereum: number;
  storageGasRsk: number;
}

/** Counts and prices the accesses. `original` gives each written slot's value before the
 * transaction (zero for contracts created in it); it must hold every written slot. */
export function summarizeStorage(
  accesses: readonly StorageAccess[],
  original: ReadonlyMap<string, bigint>,
): StorageSummary {
  const current = new Map<string, bigint>();
  const summary: StorageSummary = {
    sstores: 0,
    slotsWritten: 0,
    rewrites: 0,
    zeroToNonZero: 0,
    sloads: 0,
    storageGasEthereum: 0,
    storageGasRsk: 0,
  };
  for (const access of accesses) {
    summary.storageGasEthereum += access.gasCost;
    if (access.op === "SLOAD") {
      summary.sloads += 1;
      summary.storageGasRsk += RSK_SLOAD;
      continue;
    }
    const key = slotKey(access.contract, access.slot);
    let before = current.get(key);
    if (before === undefined) {
      before = access.contract.startsWith("create:") ? 0n : original.get(key);
      if (before === undefined) throw new Error(`storage: no original value for ${key}`);
      summary.slotsWritten += 1;
    } else {
      summary.rewrites += 1;
    }
    summary.sstores += 1;
    const set = before === 0n && access.value !== 0n;
    if (set) summary.zeroToNonZero += 1;
    summary.storageGasRsk += set ? RSK_SSTORE_SET : RSK_SSTORE_RESET;
    current.set(key, access.value);
  }
  return summary;
}

/** The (contract, slot) pairs whose original value `summarizeStorage` needs. */
export function writtenSlots(accesses: readonly StorageAccess[]) {
  const slots = new Map<string, { contract: string; slot: bigint }>();
  for (const access of accesses) {
    if (access.op !== "SSTORE" || access.contract.startsWith("create:")) continue;
    slots.set(slotKey(access.contract, access.slot), {
      contract: access.contract,
      slot: access.slot,
    });
  }
  return [...slots.entries()].map(([key, value]) => ({ key, ...value }));
}
