import { id as keccakText, toBeHex, zeroPadValue } from "ethers";

import { claimCategoryName, claimStatusName, CLAIM_STATUSES, formatHours } from "../claims.js";
import { CliError, ensure } from "../cli/errors.js";
import { send, type Sent } from "../cli/tx.js";
import type { Coop } from "./context.js";
import { explainError } from "./explain.js";

export interface ClaimView {
  id: bigint;
  claimant: string;
  amount: bigint;
  category: string;
  status: string;
  evidenceURI?: string;
}

export interface SubmittedClaim extends Sent {
  id: bigint;
}

/** Submits a claim of `amount` hours (1e18 = one hour) in `category` (0, 1, 2). */
export async function submitClaim(
  coop: Coop,
  args: { amount: bigint; category: number; evidence: string },
): Promise<SubmittedClaim> {
  ensure(args.evidence.trim() !== "", "a claim needs --evidence (a link or a description)");
  const cap = await coop.registry.claimCap();
  ensure(
    args.amount <= cap,
    `hours must be at most the claim cap of ${formatHours(cap)}; split the work into several claims`,
  );
  const evidenceHash = keccakText(args.evidence);
  const sent = await send(
    "claim",
    coop.registry.submitClaim,
    [args.amount, args.category, evidenceHash, args.evidence],
    coop.interfaces,
    explainError,
  );
  const event = sent.receipt.logs
    .map((log) => coop.registry.interface.parseLog(log))
    .find((parsed) => parsed?.name === "ClaimSubmitted");
  if (!event) throw new CliError("the claim was sent but no ClaimSubmitted event came back");
  return { ...sent, id: event.args.id as bigint };
}

/** Withdraws the caller's pending claim `id`. */
export async function withdrawClaim(coop: Coop, id: bigint): Promise<Sent> {
  await readClaim(coop, id);
  return send("withdraw", coop.registry.withdrawClaim, [id], coop.interfaces, explainError);
}

/** Reads claim `id`, or fails with a clear line when it was never issued. */
export async function readClaim(coop: Coop, id: bigint): Promise<ClaimView> {
  const count = await coop.registry.claimCount();
  if (id < 1n || id > count) {
    throw new CliError(`claim ${id} does not exist (claims are numbered 1 to ${count})`);
  }
  const claim = await coop.registry.claim(id);
  return {
    id,
    claimant: claim.claimant,
    amount: claim.amount,
    category: claimCategoryName(claim.category),
    status: claimStatusName(claim.status),
  };
}

/**
 * Lists claims, newest first: the account's own (through the registry's
 * per-account index) or the cooperative's latest; at most `limit` are read,
 * never all of them. `status` keeps one status only.
 */
export async function listClaims(
  coop: Coop,
  args: { account?: string; status?: string; limit: number },
): Promise<ClaimView[]> {
  let ids: bigint[];
  if (args.account !== undefined) {
    const count = await coop.registry.claimCountOf(args.account);
    const limit = BigInt(args.limit);
    const offset = count > limit ? count - limit : 0n;
    ids = [...(await coop.registry.claimsOf(args.account, offset, limit))].reverse();
  } else {
    const count = await coop.registry.claimCount();
    const first = count > BigInt(args.limit) ? count - BigInt(args.limit) + 1n : 1n;
    ids = [];
    for (let id = count; id >= first && id > 0n; id--) ids.push(id);
  }
  const claims = await Promise.all(ids.map((id) => readClaim(coop, id)));
  const uris = await evidenceOf(coop, ids);
  const wanted = args.status?.toLowerCase();
  return claims
    .map((claim) => ({ ...claim, evidenceURI: uris.get(claim.id) }))
    .filter((claim) => wanted === undefined || claim.status.toLowerCase() === wanted);
}

/** The evidence URIs of `ids`, from their ClaimSubmitted events (one log query). */
async function evidenceOf(coop: Coop, ids: bigint[]): Promise<Map<bigint, string>> {
  const uris = new Map<bigint, string>();
  if (ids.length === 0) return uris;
  const registry = coop.registry;
  const topic = registry.interface.getEvent("ClaimSubmitted").topicHash;
  const logs = await coop.ethers.provider.getLogs({
    address: await registry.getAddress(),
    topics: [topic, ids.map((id) => zeroPadValue(toBeHex(id), 32))],
    fromBlock: 0,
  });
  for (const log of logs) {
    const event = registry.interface.parseLog(log);
    if (event) uris.set(event.args.id as bigint, event.args.evidenceURI as string);
  }
  return uris;
}

/** Status names a `claims --status` filter accepts. */
export const CLAIM_STATUS_FILTERS = CLAIM_STATUSES.slice(1).map((s) => s.toLowerCase());
