/** Re-prices one transaction on RSK's gas schedule from its struct-log trace. Pure functions:
 * `Chain.rskGasOf` feeds them the trace, the receipt's gas and the written slots' values before
 * the transaction.
 *
 * Where the schedules differ for the code this project runs (rskj `org.ethereum.vm.GasCost`,
 * `VM.doSSTORE`, `TransactionExecutor.refundGas`; Ethereum: EIP-2929 access lists, EIP-2200
 * net metering, EIP-3529 refunds):
 *
 * | | Ethereum (Cancun) | RSK (rskj) |
 * |---|---|---|
 * | SLOAD | 2,100 cold, 100 warm | 200 |
 * | SSTORE zero -> non-zero | 20,000 (+2,100 cold), 100 if already dirty | 20,000 every time |
 * | SSTORE other | 2,900 (+2,100 cold), 100 if already dirty | 5,000 every time |
 * | SSTORE non-zero -> zero refund | 4,800 (net) | 15,000 |
 * | refund cap | gasUsed / 5 | gasUsed / 2 |
 * | CALL, CALLCODE, DELEGATECALL, STATICCALL (access part) | 2,600 cold, 100 warm | 700 |
 * | BALANCE, EXTCODEHASH | 2,600 cold, 100 warm | 400 |
 * | EXTCODESIZE, EXTCODECOPY (access part) | 2,600 cold, 100 warm | 700 |
 *
 * Everything else this code uses costs the same on both (calldata 16/4 per byte since RSKIP-400,
 * memory, LOG, SHA3, value transfer 9,000, new account 25,000, TLOAD/TSTORE 100 since
 * RSKIP-446, CREATE 32,000 and 200 a code byte). Not modelled: warm addresses that a reverted
 * frame touched (Ethereum rolls them back) and access lists (our transactions have none). */

import type { StructLog } from "./storage.js";
import { slotKey } from "./storage.js";

/** rskj `GasCost`. */
export const RSK_GAS = {
  SLOAD: 200,
  SET_SSTORE: 20_000,
  RESET_SSTORE: 5_000,
  CLEAR_SSTORE: 5_000,
  REFUND_SSTORE: 15_000,
  CALL: 700,
  BALANCE: 400,
  EXT_CODE_SIZE: 700,
  EXT_CODE_COPY: 700,
  EXT_CODE_HASH: 400,
} as const;

/** EIP-2929 and EIP-3529 figures. */
const ETH = { COLD_ACCOUNT: 2_600, WARM: 100, CLEARS_REFUND: 4_800, SET: 20_000, RESET: 2_900 };

/** The RSK price of the access part of each account-reading opcode, and where its address is. */
const ACCOUNT_OPS: Record<string, { rsk: number; addressAt: number }> = {
  BALANCE: { rsk: RSK_GAS.BALANCE, addressAt: 0 },
  EXTCODEHASH: { rsk: RSK_GAS.EXT_CODE_HASH, addressAt: 0 },
  EXTCODESIZE: { rsk: RSK_GAS.EXT_CODE_SIZE, addressAt: 0 },
  EXTCODECOPY: { rsk: RSK_GAS.EXT_CODE_COPY, addressAt: 0 },
  CALL: { rsk: RSK_GAS.CALL, addressAt: 1 },
  CALLCODE: { rsk: RSK_GAS.CALL, addressAt: 1 },
  DELEGATECALL: { rsk: RSK_GAS.CALL, addressAt: 1 },
  STATICCALL: { rsk: RSK_GAS.CALL, addressAt: 1 },
};
const STORAGE_ENTERING = new Set(["CALL", "STATICCALL"]);
const STORAGE_KEEPING = new Set(["DELEGATECALL", "CALLCODE"]);
const CREATES = new Set(["CREATE", "CREATE2"]);

export interface RepriceInput {
  logs: readonly StructLog[];
  /** The receipt's gasUsed on the traced (Ethereum) chain. */
  gasUsed: number;
  from: string;
  /** The called contract, or null for a deployment. */
  to: string | null;
  /** Each written slot's value before the transaction (`slotKey`), as in `summarizeStorage`. */
  original: ReadonlyMap<string, bigint>;
}

function word(hex: string): bigint {
  return BigInt(hex.startsWith("0x") ? hex : `0x${hex}`);
}

function stackItem(log: StructLog, fromTop: number): bigint {
  const stack = log.stack ?? [];
  if (stack.length <= fromTop) throw new Error(`trace: ${log.op} has no stack item ${fromTop}`);
  return word(stack[stack.length - 1 - fromTop]);
}

const address = (value: bigint) =>
  `0x${(value & ((1n << 160n) - 1n)).toString(16).padStart(40, "0")}`;

/** The transaction's gas on RSK: Ethereum's gas before refunds, with every differing opcode
 * re-priced, less RSK's refunds (capped at half). */
export function rskGas(input: RepriceInput): number {
  const { logs } = input;
  const warm = new Set<string>([input.from.toLowerCase()]);
  if (input.to !== null) warm.add(input.to.toLowerCase());
  for (let i = 1; i <= 10; i++) warm.add(address(BigInt(i))); // precompiles (Cancun)
  const storageAt: string[] = [];
  storageAt[logs[0]?.depth ?? 1] = (input.to ?? "create:top").toLowerCase();
  const current = new Map<string, bigint>();
  const originalOf = (key: string, contract: string) => {
    if (contract.startsWith("create:")) return 0n;
    const value = input.original.get(key);
    if (value === undefined) throw new Error(`rsk gas: no original value for ${key}`);
    return value;
  };

  let delta = 0;
  let ethRefund = 0;
  let rskRefund = 0;
  logs.forEach((log, index) => {
    const here = storageAt[log.depth];
    if (log.op === "SLOAD") {
      delta += RSK_GAS.SLOAD - log.gasCost;
      return;
    }
    if (log.op === "SSTORE") {
      const key = slotKey(here, stackItem(log, 0));
      const value = stackItem(log, 1);
      const original = originalOf(key, here);
      const now = current.get(key) ?? original;
      // RSK: no net metering; the price follows the current value only.
      let rsk: number = RSK_GAS.RESET_SSTORE;
      if (now === 0n && value !== 0n) rsk = RSK_GAS.SET_SSTORE;
      else if (now !== 0n && value === 0n) {
        rsk = RSK_GAS.CLEAR_SSTORE;
        rskRefund += RSK_GAS.REFUND_SSTORE;
      }
      delta += rsk - log.gasCost;
      // Ethereum's refund counter (EIP-2200 as amended by EIP-3529).
      if (now !== value) {
        if (original === now) {
          if (original !== 0n && value === 0n) ethRefund += ETH.CLEARS_REFUND;
        } else {
          if (original !== 0n) {
            if (now === 0n) ethRefund -= ETH.CLEARS_REFUND;
            else if (value === 0n) ethRefund += ETH.CLEARS_REFUND;
          }
          if (original === value) {
            ethRefund += original === 0n ? ETH.SET - ETH.WARM : ETH.RESET - ETH.WARM;
          }
        }
      }
      current.set(key, value);
      return;
    }
    const account = ACCOUNT_OPS[log.op];
    if (account !== undefined) {
      const target = address(stackItem(log, account.addressAt));
      delta += account.rsk - (warm.has(target) ? ETH.WARM : ETH.COLD_ACCOUNT);
      warm.add(target);
    }
    const next = logs[index + 1];
    if (CREATES.has(log.op)) {
      // The new contract is warm; its address is on the stack when this frame resumes.
      const resumed = logs.slice(index + 1).find((l) => l.depth === log.depth);
      if (resumed !== undefined) warm.add(address(stackItem(resumed, 0)));
    }
    if (next === undefined || next.depth !== log.depth + 1) return;
    if (STORAGE_ENTERING.has(log.op)) storageAt[next.depth] = address(stackItem(log, 1));
    else if (STORAGE_KEEPING.has(log.op)) storageAt[next.depth] = here;
    else if (CREATES.has(log.op)) storageAt[next.depth] = `create:${index}`;
  });

  // Ethereum's gas before refunds: the receipt's gasUsed plus the refund it got (capped at 1/5).
  let ethBefore = input.gasUsed + Math.max(ethRefund, 0);
  if (Math.max(ethRefund, 0) > Math.floor(ethBefore / 5))
    ethBefore = Math.ceil((input.gasUsed * 5) / 4);
  const rskBefore = ethBefore + delta;
  return rskBefore - Math.min(rskRefund, Math.floor(rskBefore / 2));
}
