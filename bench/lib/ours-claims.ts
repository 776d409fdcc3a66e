/** Claim approval mint per claim: batches of 1, 10 and 100 claims from members who already hold
 * hours and from first-time holders, and the largest batch that fits a block. One commons claim
 * of one hour per claimant, all claimants distinct: the registry sums a batch per claimant, so
 * distinct claimants are its dearest case. */
import type { Signer } from "ethers";
import { ethers } from "ethers";

import type { Chain } from "./chain.js";
import { progress } from "./chain.js";
import { Claim, type ClaimSpec, type Coop } from "./ours-coop.js";
import { type OurGovernance, tryApprovalByGovernance } from "./ours-gov.js";
import { largestFitting } from "./search.js";
import { BATCH_SIZES } from "./settings.js";
import { BLOCK_GAS_LIMIT } from "./targets.js";
import type { BatchRow, LargestBatch } from "./types.js";

const CLAIM_AMOUNT = ethers.parseEther("1");

/** Hands out members who hold hours and have not yet claimed in a measured batch. */
export class HolderPool {
  private next = 0;

  constructor(private readonly coop: Coop) {}

  get left(): number {
    return this.coop.memberWallets.length - this.next;
  }

  take(count: number): Signer[] {
    if (count > this.left) throw new Error(`bench: ${count} holders wanted, ${this.left} left`);
    const taken = this.coop.memberWallets.slice(this.next, this.next + count);
    this.next += count;
    return taken;
  }
}

function claimsOf(members: readonly Signer[]): ClaimSpec[] {
  return members.map((member) => ({ member, category: Claim.Commons, amount: CLAIM_AMOUNT }));
}

type Claimants = BatchRow["claimants"];

async function claimants(
  chain: Chain,
  pool: HolderPool,
  kind: Claimants,
  count: number,
  tag: string,
) {
  return kind === "holders" ? pool.take(count) : chain.wallets(count, `first-time:${tag}`);
}

/** Approves batches of each size from the approver (the timelock) and records the gas per
 * claim; a batch that does not fit a block is recorded as such. Traces the batches of 10.
 * Returns, per kind, the gas per claim of the largest batch that fitted. */
export async function measureBatches(chain: Chain, coop: Coop, pool: HolderPool) {
  const perClaim = new Map<Claimants, number>();
  for (const kind of ["holders", "new"] as const) {
    for (const size of BATCH_SIZES) {
      progress(`ours: approval of ${size} claims from ${describe(kind)}`);
      const members = await claimants(chain, pool, kind, size, `batch-${size}`);
      const ids = await coop.submit(claimsOf(members));
      const gas = await coop.tryApproval(ids);
      if (gas === null) {
        chain.recorder.batches.push({ claimants: kind, size, gas: null, perClaim: null });
        continue;
      }
      const measured = await coop.approve(ids);
      const row: BatchRow = {
        claimants: kind,
        size,
        gas: measured.gas,
        perClaim: Math.round(measured.gas / size),
        rskGas: await chain.rskGasOf(measured.hash),
      };
      chain.recorder.batches.push(row);
      perClaim.set(kind, measured.gas / size);
      if (size === 10) {
        await chain.traceStorage(
          `ours.registry.approve10.${kind}`,
          `approveClaims, 10 claims from ${describe(kind)}`,
          measured,
        );
      }
    }
  }
  return perClaim;
}

function describe(kind: Claimants): string {
  return kind === "new" ? "first-time holders" : "existing holders";
}

/** Finds the largest batch of each kind, sent as a timelock call and, when governance is given,
 * through a whole proposal. Submits a little more than the per-claim figure suggests fits. */
export async function measureLargestBatches(
  chain: Chain,
  coop: Coop,
  pool: HolderPool,
  perClaim: Map<Claimants, number>,
  governance: OurGovernance | null,
) {
  for (const kind of ["holders", "new"] as const) {
    const guess = Math.ceil((BLOCK_GAS_LIMIT / (perClaim.get(kind) ?? 30_000)) * 1.25) + 10;
    const count = kind === "holders" ? Math.min(guess, pool.left) : guess;
    progress(
      `ours: largest approval batch of ${kind === "new" ? "first-time" : "existing"} holders (up to ${count} claims)`,
    );
    const claims = claimsOf(await claimants(chain, pool, kind, count, "largest"));
    const ids = await coop.submit(claims);

    const direct = (n: number) => coop.tryApproval(ids.slice(0, n));
    const directSize = await largestFitting(ids.length, async (n) => (await direct(n)) !== null);
    if (directSize === 0) throw new Error(`bench: not even one ${kind} claim fits a block`);
    const record = async (
      path: LargestBatch["path"],
      size: number,
      gasOf: (n: number) => Promise<number | null>,
    ) => {
      const gas = await gasOf(size);
      if (gas === null) throw new Error(`bench: the largest ${kind} batch (${size}) failed`);
      chain.recorder.largestBatches.push({
        claimants: kind,
        path,
        size,
        gas,
        // every submitted claim fitted as a timelock call: the search found no limit
        ceiling: directSize === ids.length,
      });
    };
    await record("timelock call", directSize, direct);
    // RSK's schedule: the same timelock call re-priced; the largest batch whose RSK gas fits
    // RSK's block (each try runs in a roomier block here, then is re-priced).
    const rsk = (n: number) => coop.tryApprovalRsk(ids.slice(0, n));
    const rskFits = async (n: number) => ((await rsk(n)) ?? Infinity) <= BLOCK_GAS_LIMIT;
    const rskSize = await largestFitting(ids.length, rskFits);
    if (rskSize === 0) throw new Error(`bench: not even one ${kind} claim fits an RSK block`);
    chain.recorder.largestBatches.push({
      claimants: kind,
      schedule: "RSK",
      path: "timelock call",
      size: rskSize,
      gas: (await rsk(rskSize)) as number,
      ceiling: rskSize === ids.length,
    });
    if (governance !== null) {
      const governed = (n: number) =>
        tryApprovalByGovernance(chain, coop, governance, claims.slice(0, n), ids.slice(0, n));
      // a proposal only adds to the timelock call's cost, so the call's largest bounds it
      const size = await largestFitting(directSize, async (n) => (await governed(n)) !== null);
      await record("governance execute", size, governed);
    }
  }
}
