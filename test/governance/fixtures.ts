/**
 * Governor-level fixtures: the real tokens, a timelock and a HolisticGovernor,
 * deployed directly, with a minter signer that stands in for the registry so
 * that tests can give members exact balances. The whole cooperative, deployed
 * through its Ignition module, is in `test/fixtures/coop.ts`.
 */
import {
  CareReputation__factory,
  CoopTimelock__factory,
  HolisticGovernor__factory,
  WorkHours__factory,
} from "../../typechain-types/index.js";
import { HOUR, ethers } from "../fixtures/governance.js";

/** Governor settings of these fixtures: times in seconds, fractions over 10_000. */
export const SETTINGS = {
  proposalThreshold: HOUR,
  quorumFraction: 1_000n, // 10%
  careWeight: 15_000n, // one care hour weighs 1.5 work hours
  maxVoterShare: 0n, // no cap
  votingDelay: 3_600n,
  votingPeriod: 86_400n,
  lateQuorumExtension: 3_600n,
  queueGracePeriod: 7n * 86_400n,
} as const;

export const TIMELOCK_DELAY = 86_400n;

/** Tokens, timelock and governor, wired; no tokens minted yet. */
export async function deployGovernor() {
  return deployGovernorWith(SETTINGS);
}

async function deployGovernorWith(settings: { [K in keyof typeof SETTINGS]: bigint }) {
  const [deployer, minter, alice, bob, carol, dave, eve, frank] = await ethers.getSigners();
  const work = await new WorkHours__factory(deployer).deploy(
    "Work Hours",
    "HOUR",
    deployer.address,
  );
  const care = await new CareReputation__factory(deployer).deploy(
    "Care Reputation",
    "CARE",
    deployer.address,
  );
  await work.grantRole(await work.MINTER_ROLE(), minter.address);
  await care.grantRole(await care.MINTER_ROLE(), minter.address);
  const timelock = await new CoopTimelock__factory(deployer).deploy(
    TIMELOCK_DELAY,
    [],
    [ethers.ZeroAddress],
    deployer.address,
  );
  const governor = await new HolisticGovernor__factory(deployer).deploy(
    "Confoederatio Governor",
    await work.getAddress(),
    await care.getAddress(),
    await timelock.getAddress(),
    settings,
    [],
  );
  const governorAddress = await governor.getAddress();
  await timelock.grantRole(await timelock.PROPOSER_ROLE(), governorAddress);
  await timelock.grantRole(await timelock.CANCELLER_ROLE(), governorAddress);
  await timelock.renounceRole(await timelock.DEFAULT_ADMIN_ROLE(), deployer.address);
  return { work, care, timelock, governor, deployer, minter, alice, bob, carol, dave, eve, frank };
}

/**
 * The worked example of `docs/governance.md`:
 * alice 40 work hours; bob 20 care hours; carol 30 work + 10 care; dave 10 work.
 * Supplies: 80 work, 30 care; combined at care weight 1.5: 80 + 45 = 125.
 */
export async function deployMembers() {
  const base = await deployGovernor();
  const { work, care, minter, alice, bob, carol, dave } = base;
  await work
    .connect(minter)
    .mintForWork(
      [alice.address, carol.address, dave.address],
      [40n * HOUR, 30n * HOUR, 0n],
      [0n, 0n, 10n * HOUR],
    );
  await care.connect(minter).mint([bob.address, carol.address], [20n * HOUR, 10n * HOUR]);
  return base;
}

/** The worked example with a 20% voter cap: no voter counts more than 25 of the 125. */
export async function deployCappedMembers() {
  const base = await deployGovernorWith({ ...SETTINGS, maxVoterShare: 2_000n });
  const { work, care, minter, alice, bob, carol, dave } = base;
  await work
    .connect(minter)
    .mintForWork(
      [alice.address, carol.address, dave.address],
      [40n * HOUR, 30n * HOUR, 0n],
      [0n, 0n, 10n * HOUR],
    );
  await care.connect(minter).mint([bob.address, carol.address], [20n * HOUR, 10n * HOUR]);
  return base;
}
