import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { Interface } from "ethers";

import type {
  CareReputation,
  ContributionRegistry,
  CoopPairFactory,
  CoopRouter,
  CoopTimelock,
  HolisticGovernor,
  IWRBTC,
  RedemptionTreasury,
  WorkHours,
} from "../../typechain-types/index.js";
import type { CoopAddresses } from "../cli/deployment.js";

/**
 * One cooperative as the CLI and the demo drive it: its contracts, bound to
 * the signer that acts, and the interfaces whose custom errors a revert may
 * carry.
 */
export interface Coop {
  ethers: HardhatEthers;
  signer: HardhatEthersSigner;
  chainId: bigint;
  addresses: CoopAddresses;
  work: WorkHours;
  care: CareReputation;
  registry: ContributionRegistry;
  timelock: CoopTimelock;
  governor: HolisticGovernor;
  treasury: RedemptionTreasury;
  factory: CoopPairFactory;
  router: CoopRouter;
  wrbtc: IWRBTC;
  /** Every interface whose errors a call into the cooperative may raise. */
  interfaces: Interface[];
}

/** Binds the cooperative at `addresses` to `signer` (the first account by default). */
export async function openCoop(
  ethers: HardhatEthers,
  addresses: CoopAddresses,
  signer?: HardhatEthersSigner,
): Promise<Coop> {
  const actor = signer ?? (await ethers.getSigners())[0];
  const at = <T>(name: string, address: string) =>
    ethers.getContractAt(name, address, actor) as Promise<T>;
  const [work, care, registry, timelock, governor, treasury, factory, router, wrbtc] =
    await Promise.all([
      at<WorkHours>("WorkHours", addresses.workHours),
      at<CareReputation>("CareReputation", addresses.careReputation),
      at<ContributionRegistry>("ContributionRegistry", addresses.registry),
      at<CoopTimelock>("CoopTimelock", addresses.timelock),
      at<HolisticGovernor>("HolisticGovernor", addresses.governor),
      at<RedemptionTreasury>("RedemptionTreasury", addresses.treasury),
      at<CoopPairFactory>("CoopPairFactory", addresses.factory),
      at<CoopRouter>("CoopRouter", addresses.router),
      at<IWRBTC>("IWRBTC", addresses.wrbtc),
    ]);
  const { chainId } = await ethers.provider.getNetwork();
  const contracts = [work, care, registry, timelock, governor, treasury, factory, router, wrbtc];
  return {
    ethers,
    signer: actor,
    chainId,
    addresses,
    work,
    care,
    registry,
    timelock,
    governor,
    treasury,
    factory,
    router,
    wrbtc,
    interfaces: contracts.map((c) => c.interface as Interface),
  };
}

/** The same cooperative, acting as another signer. */
export function actingAs(coop: Coop, signer: HardhatEthersSigner): Promise<Coop> {
  return openCoop(coop.ethers, coop.addresses, signer);
}
