import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/** The zero address: the `wrbtc` parameter's default, meaning "deploy a fresh WRBTC". */
export const NEW_WRBTC = "0x0000000000000000000000000000000000000000";

/**
 * The DEX: the pair factory, the router and the WRBTC the router wraps RBTC in.
 *
 * Parameters (`Dex`):
 * - `wrbtc`: the WRBTC to use. On RSK testnet and mainnet give the canonical WRBTC address
 *   (the router refuses to deploy there without it). Left at its default (zero) on local and
 *   test networks, the router's constructor deploys a fresh `WRBTC`; Ignition modules cannot
 *   branch on a parameter, so the choice is made on chain, in one place.
 *
 * Pairs are created on demand by `factory.createPair` or by the router's first
 * `addLiquidity`; oracles are deployed per pair by the modules that need them.
 */
export default buildModule("Dex", (m) => {
  const wrbtcParameter = m.getParameter<string>("wrbtc", NEW_WRBTC);

  const factory = m.contract("CoopPairFactory");
  const router = m.contract("CoopRouter", [factory, wrbtcParameter]);
  const wrbtcAddress = m.staticCall(router, "wrbtc", [], 0, { id: "wrbtcAddress" });
  const wrbtc = m.contractAt("IWRBTC", wrbtcAddress, { id: "WRBTC" });

  return { factory, router, wrbtc };
});
