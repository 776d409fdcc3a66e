import { network } from "hardhat";

import {
  CareReputation__factory,
  ERC20VotesReference__factory,
  WorkHours__factory,
} from "../../typechain-types/index.js";

export const { ethers, networkHelpers } = await network.getOrCreate();

/** One hour of work, the token unit. */
export const HOUR = 10n ** 18n;

/** WorkHours categories, as in `IWorkHours.Category`. */
export const Work = { Commons: 0n, Subsistence: 1n } as const;

/** Deploys WorkHours with an admin, and one signer for each treasury and registry role. */
export async function deployWorkHours() {
  const [admin, minter, treasury, alice, bob, carol, dave] = await ethers.getSigners();
  const work = await new WorkHours__factory(admin).deploy("Work Hours", "HOUR", admin.address);
  await work.grantRole(await work.MINTER_ROLE(), minter.address);
  await work.grantRole(await work.CAPITAL_ROLE(), treasury.address);
  await work.grantRole(await work.REDEEMER_ROLE(), treasury.address);
  return { work, admin, minter, treasury, alice, bob, carol, dave };
}

/** WorkHours where alice earned 60 commons and 40 subsistence hours, and bob 50 commons. */
export async function deployFundedWorkHours() {
  const base = await deployWorkHours();
  const { work, minter, alice, bob } = base;
  await work
    .connect(minter)
    .mintForWork([alice.address, bob.address], [60n * HOUR, 50n * HOUR], [40n * HOUR, 0n]);
  return base;
}

/** Deploys CareReputation with an admin, a minter (registry) and a revoker (timelock). */
export async function deployCareReputation() {
  const [admin, minter, revoker, alice, bob, carol, dave] = await ethers.getSigners();
  const care = await new CareReputation__factory(admin).deploy(
    "Care Reputation",
    "CARE",
    admin.address,
  );
  await care.grantRole(await care.MINTER_ROLE(), minter.address);
  await care.grantRole(await care.REVOKER_ROLE(), revoker.address);
  return { care, admin, minter, revoker, alice, bob, carol, dave };
}

/** CareReputation where alice holds 30 hours and bob 20. */
export async function deployFundedCareReputation() {
  const base = await deployCareReputation();
  const { care, minter, alice, bob } = base;
  await care.connect(minter).mint([alice.address, bob.address], [30n * HOUR, 20n * HOUR]);
  return base;
}

/** The plain OpenZeppelin ERC20Votes token used as the gas yardstick. */
export async function deployReference() {
  const [deployer] = await ethers.getSigners();
  const reference = await new ERC20VotesReference__factory(deployer).deploy();
  return { reference };
}
