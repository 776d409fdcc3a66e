import { network } from "hardhat";

import {
  CareReputation__factory,
  ContributionRegistry__factory,
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

/** Registry categories, as in `IContributionRegistry.Category`. */
export const Category = { Commons: 0n, Subsistence: 1n, Care: 2n } as const;

/** Claim statuses, as in `IContributionRegistry.ClaimStatus`. */
export const Status = { None: 0n, Pending: 1n, Approved: 2n, Rejected: 3n, Withdrawn: 4n } as const;

/** The per-claim cap the registry fixture starts with. */
export const CLAIM_CAP = 40n * HOUR;

/**
 * Deploys both tokens and the registry, wired as a deployment wires them: `governance` stands
 * for the timelock (admin of all three, approver of claims) and the registry mints both tokens.
 */
export async function deployRegistry() {
  const [governance, alice, bob, carol, dave, outsider] = await ethers.getSigners();
  const work = await new WorkHours__factory(governance).deploy(
    "Work Hours",
    "HOUR",
    governance.address,
  );
  const care = await new CareReputation__factory(governance).deploy(
    "Care Reputation",
    "CARE",
    governance.address,
  );
  const registry = await new ContributionRegistry__factory(governance).deploy(
    await work.getAddress(),
    await care.getAddress(),
    CLAIM_CAP,
    governance.address,
  );
  await work.grantRole(await work.MINTER_ROLE(), await registry.getAddress());
  await care.grantRole(await care.MINTER_ROLE(), await registry.getAddress());
  return { registry, work, care, governance, alice, bob, carol, dave, outsider };
}

/** The registry with four pending claims: alice 10h Commons (1), 5h Subsistence (2),
 * 3h Care (3); bob 8h Commons (4). */
export async function deployRegistryWithClaims() {
  const base = await deployRegistry();
  const { registry, alice, bob } = base;
  const evidence = ethers.id("evidence");
  await registry.connect(alice).submitClaim(10n * HOUR, Category.Commons, evidence, "ipfs://a1");
  await registry.connect(alice).submitClaim(5n * HOUR, Category.Subsistence, evidence, "ipfs://a2");
  await registry.connect(alice).submitClaim(3n * HOUR, Category.Care, evidence, "ipfs://a3");
  await registry.connect(bob).submitClaim(8n * HOUR, Category.Commons, evidence, "ipfs://b1");
  return base;
}
