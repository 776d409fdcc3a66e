import type { Provider } from "ethers";

import { CliError } from "../cli/errors.js";
import { RSK_BLOCK_GAS_LIMIT } from "../constants.js";
import type { Coop } from "../coop/context.js";

/**
 * Gas that a proposal's `execute` adds around the timelock's `approveClaims`
 * call (the governor's checks, the timelock's operation bookkeeping), kept
 * generous: `npm run bench` measures the largest batch both ways, and the
 * governed largest is five claims (about 200,000 gas) below the direct one.
 */
export const EXECUTE_OVERHEAD = 250_000n;

/** How much gas a whole approval batch may use: RSK's block less the execution's overhead. */
export const APPROVAL_GAS_BUDGET = RSK_BLOCK_GAS_LIMIT - EXECUTE_OVERHEAD;

async function approvalGas(coop: Coop, ids: readonly bigint[]): Promise<bigint | null> {
  const provider = coop.signer.provider as Provider;
  try {
    return await provider.estimateGas({
      from: coop.addresses.timelock,
      to: coop.addresses.registry,
      data: coop.registry.interface.encodeFunctionData("approveClaims", [[...ids]]),
    });
  } catch {
    return null; // does not fit the node's block, or reverts (the static call then says why)
  }
}

/**
 * Refuses an approval batch whose execution would not fit one RSK block
 * (6,800,000 gas), in one line that gives the largest batch of these claims
 * that does: the `approveClaims` call is estimated as the timelock will make
 * it (on an RSK node, RSK's own gas schedule; on Hardhat's, Ethereum's, which
 * the bench finds dearer for approvals), plus `EXECUTE_OVERHEAD`.
 * @param ids claim ids in the order they will be proposed
 */
export async function ensureApprovalFitsBlock(coop: Coop, ids: readonly bigint[]): Promise<void> {
  const fits = async (n: number) => {
    const gas = await approvalGas(coop, ids.slice(0, n));
    return gas !== null && gas <= APPROVAL_GAS_BUDGET;
  };
  if (await fits(ids.length)) return;
  if (!(await fits(1))) return; // a single claim fails for another reason: the proposal's own checks report it
  let low = 1;
  let high = ids.length;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await fits(mid)) low = mid;
    else high = mid;
  }
  throw new CliError(
    `--claims: ${ids.length} claims do not fit one RSK block when executed; propose at most ${low} at a time (the first ${low} fit)`,
  );
}
