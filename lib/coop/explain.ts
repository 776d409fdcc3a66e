import type { ErrorDescription } from "ethers";

import { explainError as explainInWords } from "../errors/explain.js";
import { RBTC, type ReserveUnit } from "../format/units.js";
import { proposalStateName } from "../proposals.js";

export { proposalStateName };

let reserveUnit: ReserveUnit = RBTC;

/** Sets the reserve unit that error figures are shown in (the session's treasury reserve). */
export function useReserveUnit(unit: ReserveUnit): void {
  reserveUnit = unit;
}

/**
 * Words for a custom error of the cooperative, with figures in hours and the
 * reserve's symbol (see lib/errors/explain.ts, shared with the app).
 */
export function explainError(error: ErrorDescription): string {
  return explainInWords(error, { reserve: reserveUnit });
}
