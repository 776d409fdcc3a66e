/** Our side of the bench: the cooperative's contracts, measured in the same state as the
 * anchors. Each piece runs only when its contracts are in the build; a missing piece is listed
 * under "Not measured" and its targets fail `--check`. */
import type { Chain } from "./chain.js";

/** The contracts each piece needs. */
const PIECES = {
  tokens: ["WorkHours", "CareReputation", "ContributionRegistry"],
  governance: ["HolisticGovernor"],
  treasury: ["RedemptionTreasury"],
  dex: ["CoopPair", "CoopPairFactory", "CoopRouter", "WRBTC", "CoopTwapOracle"],
} as const;

type Piece = keyof typeof PIECES;

async function landed(chain: Chain, piece: Piece): Promise<boolean> {
  const missing: string[] = [];
  for (const name of PIECES[piece]) if (!(await chain.has(name))) missing.push(name);
  if (missing.length > 0) chain.recorder.skip(`${piece}: ${missing.join(", ")} not in the build`);
  return missing.length === 0;
}

export async function measureOurs(chain: Chain) {
  const present = new Set<Piece>();
  for (const piece of Object.keys(PIECES) as Piece[]) {
    if (await landed(chain, piece)) present.add(piece);
  }
  if (present.has("dex")) {
    const { measureDex } = await import("./ours-dex.js");
    await measureDex(chain);
  }
}
