/**
 * Short, stable references for proposals. A governor's proposal id is a
 * 77-digit hash; people copy "p3f9a01c2" instead: "p" and the first eight hex
 * digits of the id. The reference is derived from the id alone, so it never
 * changes and needs no index; commands resolve it against the proposals they
 * can see and refuse an unknown or ambiguous one. Pure, shared by the CLI and
 * the web app.
 */

/** Hex digits in a reference. 32 bits: a clash among a cooperative's proposals is unlikely, and refused. */
export const REF_DIGITS = 8;

/** The 64 hex digits of a proposal id. */
export function proposalIdHex(id: bigint): string {
  return id.toString(16).padStart(64, "0");
}

/** The short reference of a proposal id: "p3f9a01c2". */
export function proposalRef(id: bigint): string {
  return `p${proposalIdHex(id).slice(0, REF_DIGITS)}`;
}

/** What a person typed to name a proposal. */
export type ProposalRefInput =
  | { readonly kind: "id"; readonly id: bigint }
  | { readonly kind: "prefix"; readonly prefix: string };

/**
 * Reads a reference ("p3f9a01c2", "3f9a01c2", or a longer hex prefix), a full
 * decimal id, or a 0x-prefixed hex id. Returns undefined for anything else.
 */
export function parseProposalRef(text: string): ProposalRefInput | undefined {
  const input = text.trim().toLowerCase();
  if (/^\d{20,78}$/.test(input)) return { kind: "id", id: BigInt(input) };
  if (/^0x[0-9a-f]{1,64}$/.test(input)) return { kind: "id", id: BigInt(input) };
  const prefix = /^p?([0-9a-f]{4,64})$/.exec(input);
  if (prefix !== null) return { kind: "prefix", prefix: prefix[1] };
  return undefined;
}

/** The outcome of resolving a reference among known proposal ids. */
export type RefResolution =
  | { readonly ok: true; readonly id: bigint }
  | { readonly ok: false; readonly reason: "unknown" | "ambiguous"; readonly matches: bigint[] };

/** Finds the one id among `known` that `input` names. A full id is returned as given. */
export function resolveProposalRef(
  input: ProposalRefInput,
  known: readonly bigint[],
): RefResolution {
  if (input.kind === "id") return { ok: true, id: input.id };
  const matches = [...new Set(known)].filter((id) => proposalIdHex(id).startsWith(input.prefix));
  if (matches.length === 1) return { ok: true, id: matches[0] };
  return { ok: false, reason: matches.length === 0 ? "unknown" : "ambiguous", matches };
}
