import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import type { DeploymentParameters } from "@nomicfoundation/ignition-core";

import CooperativeModule from "./Cooperative.js";
import DexModule from "./Dex.js";

/** The pool's quote token: the Dex's WRBTC (RBTC reserve) or the treasury's ERC20 reserve. */
export type QuoteToken = "wrbtc" | "reserve";

/** The zero address: the `Cooperative.reserve` parameter's default, native RBTC. */
const NATIVE_RESERVE = "0x0000000000000000000000000000000000000000";

/**
 * A whole cooperative, ready for members: the `Cooperative` module (tokens,
 * registry, timelock, governor, treasury), the `Dex` module (factory, router,
 * WRBTC), the `WorkHours` pool against the treasury's quote token and a TWAP
 * oracle of that pool, administered by the timelock.
 *
 * The quote token is the reserve when the reserve is an ERC20, and WRBTC when
 * it is RBTC. Ignition cannot branch on a parameter's value, so the choice is
 * made when the module is built: {@link confoederatioModule} picks the
 * variant from the deployment parameters (as `npx hardhat deploy` does), and
 * the default export is the RBTC variant. The ERC20 variant reads the reserve
 * from the deployed treasury (`reserveAsset()`), so the pool always pairs with
 * what the treasury holds; given an RBTC reserve it stops at `getOrCreatePair`
 * (`FactoryZeroAddress`) instead of creating a wrong pool. If someone created the
 * pool first, the deployment goes on with it (the factory's pair of these tokens).
 *
 * Parameters (`Confoederatio`): `twapWindow`, the oracle's shortest averaging
 * window in seconds (default 1800; the treasury's band rejects less than 30
 * minutes). The band itself (oracle, router, floor, ceiling, budgets), the
 * capital sale and any later change of the rate or fees are set by governance
 * (a proposal calling `treasury.setBand`, `openSale`, `setRate`, `setFees`),
 * once the pool holds liquidity.
 *
 * Future ids: `Cooperative#WorkHours`, `Cooperative#CareReputation`,
 * `Cooperative#ContributionRegistry`, `Cooperative#CoopTimelock`,
 * `Cooperative#HolisticGovernor`, `Cooperative#RedemptionTreasury`,
 * `Dex#CoopPairFactory`, `Dex#CoopRouter`, `Dex#WRBTC`,
 * `Confoederatio#CoopPair` and `Confoederatio#CoopTwapOracle`.
 */
function build(quote: QuoteToken) {
  return buildModule("Confoederatio", (m) => {
    const cooperative = m.useModule(CooperativeModule);
    const dex = m.useModule(DexModule);

    const quoteToken =
      quote === "wrbtc"
        ? dex.wrbtc
        : m.staticCall(cooperative.treasury, "reserveAsset", [], 0, { id: "reserveAsset" });
    // getOrCreatePair, not createPair: anyone may create the pair first (it is permissionless),
    // and the deployment must then go on with that pair rather than fail. The factory keys its
    // pairs by their two tokens, so the pair it returns trades exactly `work` against the quote.
    const ensured = m.call(dex.factory, "getOrCreatePair", [cooperative.work, quoteToken], {
      id: "ensurePool",
    });
    const pairAddress = m.staticCall(dex.factory, "getPair", [cooperative.work, quoteToken], 0, {
      id: "poolAddress",
      after: [ensured],
    });
    const pair = m.contractAt("CoopPair", pairAddress, { id: "CoopPair" });
    const oracle = m.contract(
      "CoopTwapOracle",
      [pair, m.getParameter("twapWindow", 1_800n), cooperative.timelock],
      { id: "CoopTwapOracle" },
    );

    return { ...cooperative, ...dex, pair, oracle };
  });
}

const VARIANTS: Readonly<Record<QuoteToken, ReturnType<typeof build>>> = {
  wrbtc: build("wrbtc"),
  reserve: build("reserve"),
};

/** The quote token that `parameters` call for: WRBTC unless `Cooperative.reserve` is an ERC20. */
export function quoteTokenOf(parameters: DeploymentParameters = {}): QuoteToken {
  const reserve = parameters.Cooperative?.reserve ?? parameters.$global?.reserve;
  return reserve === undefined || String(reserve).toLowerCase() === NATIVE_RESERVE
    ? "wrbtc"
    : "reserve";
}

/** The Confoederatio module to deploy with `parameters` (see {@link quoteTokenOf}). */
export function confoederatioModule(parameters?: DeploymentParameters) {
  return VARIANTS[quoteTokenOf(parameters)];
}

export default VARIANTS.wrbtc;
