/** The catalogue of what the bench measures: every operation row and scale pair, in report
 * order. Both sides record into these rows by id, so a row whose piece has not landed still
 * shows, with a dash. */
import { CHECKPOINTS_LARGE, MEMBERS_LARGE, MEMBERS_SMALL } from "./settings.js";
import type { OperationRow, ScaleRow } from "./types.js";

const OZ_TOKEN = "OZ ERC20Votes";
const OZ_GOVERNOR = "OZ Governor";
export const UNISWAP = "Uniswap V2 pair";
const TWO_SWAPS = "two swaps through the router (A → reserve → B)";

type Row = Omit<OperationRow, "id" | "ours" | "anchor">;

export const OPERATIONS = {
  "token.transfer.existing": {
    section: "Tokens",
    operation: "transfer to an existing holder",
    anchorName: OZ_TOKEN,
    note: "both holders' votes count",
  },
  "token.transfer.new": {
    section: "Tokens",
    operation: "transfer to a new holder",
    anchorName: OZ_TOKEN,
    note: "the receiver's votes count from the first token",
  },
  "gov.propose": { section: "Governance", operation: "propose", anchorName: OZ_GOVERNOR },
  "gov.castVote.hours": {
    section: "Governance",
    operation: "castVote, voter holds hours only",
    anchorName: OZ_GOVERNOR,
  },
  "gov.castVote.both": {
    section: "Governance",
    operation: "castVote, voter holds both tokens",
    anchorName: OZ_GOVERNOR,
  },
  "gov.queue": { section: "Governance", operation: "queue", anchorName: OZ_GOVERNOR },
  "gov.execute": {
    section: "Governance",
    operation: "execute",
    anchorName: OZ_GOVERNOR,
    note: "one empty call",
  },
  "gov.propose.approve100": {
    section: "Governance",
    operation: "propose the approval of 100 claims from 25 holders",
    note: "the CLI's description: one line per claim",
  },
  "gov.execute.approve100": {
    section: "Governance",
    operation: "execute the approval of 100 claims from 25 holders",
    note: "4 claims each: 2 commons, 1 subsistence, 1 care",
  },
  "treasury.deposit": {
    section: "Treasury",
    operation: "deposit",
    note: "RBTC revenue, split 75/25",
  },
  "treasury.redeem": {
    section: "Treasury",
    operation: "redeem",
    note: "burns hours and credit, pays RBTC",
  },
  "dex.swap": { section: "DEX", operation: "pair swap", anchorName: UNISWAP },
  "dex.mint": { section: "DEX", operation: "add liquidity (pair mint)", anchorName: UNISWAP },
  "dex.burn": { section: "DEX", operation: "remove liquidity (pair burn)", anchorName: UNISWAP },
  "dex.router.swap": { section: "DEX", operation: "router swapExactTokensForTokens" },
  "dex.router.add": { section: "DEX", operation: "router addLiquidity" },
  "dex.router.remove": { section: "DEX", operation: "router removeLiquidity" },
  "dex.oracle.update": {
    section: "DEX",
    operation: "TWAP oracle update",
    note: "a window after the last",
  },
  "fed.pay.existing": {
    section: "Federation",
    operation: "clearing-union pay between holders (burns A, mints B)",
    anchorName: TWO_SWAPS,
    note: "payer and recipient already hold hours",
  },
  "fed.pay.floor": {
    section: "Federation",
    operation: "clearing-union pay between holders, beside the ERC20Votes floor",
    anchorName: "OZ ERC20Votes burn on one token + mint on another, one transaction",
    note: "both push four vote checkpoints (payer, recipient, both supplies)",
  },
  "fed.pay.new": {
    section: "Federation",
    operation: "clearing-union pay to a first-time holder",
    anchorName: TWO_SWAPS,
  },
  "fed.transfer.existing": {
    section: "Federation",
    operation: "plain WorkHours transfer between holders, for comparison",
  },
  "fed.castVote": {
    section: "Federation",
    operation: "federation castVote by a liaison",
    note: "2 cooperatives",
  },
  "deploy.cooperative": {
    section: "Deployment",
    operation: "the Cooperative Ignition module, every transaction",
    note: "deployments and role wiring",
  },
} as const satisfies Record<string, Row>;

export type OperationId = keyof typeof OPERATIONS;

type Scale = Omit<ScaleRow, "id" | "small" | "large" | "side">;

const count = (n: number) => n.toLocaleString("en-US");
const members = {
  smallLabel: `${count(MEMBERS_SMALL)} members`,
  largeLabel: `${count(MEMBERS_LARGE)} members`,
};

export const SCALES = {
  "scale.castVote.members": { operation: "castVote, voter holds both tokens", ...members },
  "scale.mint.members": {
    operation: "claim approval mint, 10 claims from 5 holders",
    ...members,
  },
  "scale.redeem.members": { operation: "redeem", ...members },
  "scale.fed.pay.coops": {
    operation: "clearing-union pay",
    smallLabel: "2 cooperatives",
    largeLabel: "200 cooperatives",
  },
  "scale.fed.castVote.coops": {
    operation: "federation castVote",
    smallLabel: "2 cooperatives",
    largeLabel: "200 cooperatives",
  },
  "scale.castVote.checkpoints": {
    operation: "castVote, voter holds hours only",
    smallLabel: "1 checkpoint",
    largeLabel: `${count(CHECKPOINTS_LARGE)} checkpoints`,
  },
} as const satisfies Record<string, Scale>;

export type ScaleId = keyof typeof SCALES;

/** Every operation row, unmeasured. */
export function emptyOperations(): OperationRow[] {
  return Object.entries(OPERATIONS).map(([id, row]: [string, Row]) => ({
    id,
    ...row,
    ours: null,
    anchor: null,
  }));
}
