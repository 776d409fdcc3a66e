import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { ZeroAddress, ZeroHash, id } from "ethers";

/**
 * The cooperative: its two tokens, the contribution registry, the timelock,
 * the holistic governor and the redemption treasury, wired so that the
 * timelock holds every privileged role and the deployer keeps none.
 *
 * Steps:
 * 1. deploy every contract, with the deployer as temporary admin (except the
 *    treasury, whose constructor makes the timelock its admin and governor
 *    directly: the deployer never holds a treasury role, so there is nothing
 *    to hand over or renounce);
 * 2. genesis: the deployer mints the founders' opening balances (parameters
 *    `genesisWorkAccounts` / `genesisCommons` / `genesisSubsistence` and
 *    `genesisCareAccounts` / `genesisCare`; empty by default) under a minter
 *    role it holds only for this step. Without them nobody could ever vote:
 *    every later issuance needs a proposal that passes;
 * 3. grant the working roles (the registry mints both tokens; the timelock
 *    approves claims and revokes care; the governor proposes and cancels on
 *    the timelock; the treasury mints capital and burns redeemed hours) and
 *    hand `DEFAULT_ADMIN_ROLE` of every contract to the timelock;
 * 4. after every grant and the genesis, the deployer renounces each role it
 *    held.
 *
 * To add a contract: if its constructor takes its admin, give it the timelock
 * (as the treasury does); otherwise deploy it with the deployer as admin, push
 * the contract to `administered` and any other role its constructor gives the
 * deployer to `held`, and step 4 renounces them. Push the roles it needs on
 * other contracts to `grants`.
 *
 * Parameters (all optional; documented with units and defaults in
 * `deploy/parameters/README.md`): token names and symbols, `claimCap` (token
 * units, 1e18 = one hour), `timelockMinDelay`, `votingDelay`, `votingPeriod`,
 * `lateQuorumExtension` and `queueGracePeriod` (seconds), `proposalThreshold`
 * (vote units), `quorumFraction`, `careWeight` and `maxVoterShare` (fixed point
 * over 10_000; 0 = no voter cap), the genesis lists, and the treasury's
 * `reserve` (zero = native RBTC), `rate` (reserve base units per whole hour),
 * `maxFee` and `minFee` (basis points) and `holdPeriod` (seconds).
 * The capital sale and the price band are not deployment parameters:
 * governance opens a sale (`openSale`) and sets the band (`setBand`) by
 * proposal, once the pool exists and holds liquidity.
 */
const DEFAULT_ADMIN_ROLE = ZeroHash;
const MINTER_ROLE = id("MINTER_ROLE");
const APPROVER_ROLE = id("APPROVER_ROLE");
const REVOKER_ROLE = id("REVOKER_ROLE");
const PROPOSER_ROLE = id("PROPOSER_ROLE");
const CANCELLER_ROLE = id("CANCELLER_ROLE");
const CAPITAL_ROLE = id("CAPITAL_ROLE");
const REDEEMER_ROLE = id("REDEEMER_ROLE");

const HOUR = 10n ** 18n;
const DAY = 86_400n;

export default buildModule("Cooperative", (m) => {
  const deployer = m.getAccount(0);

  const work = m.contract("WorkHours", [
    m.getParameter("workName", "Work Hours"),
    m.getParameter("workSymbol", "HOUR"),
    deployer,
  ]);
  const care = m.contract("CareReputation", [
    m.getParameter("careName", "Care Reputation"),
    m.getParameter("careSymbol", "CARE"),
    deployer,
  ]);
  const registry = m.contract("ContributionRegistry", [
    work,
    care,
    m.getParameter("claimCap", 160n * HOUR),
    deployer,
  ]);
  // no proposer yet (the governor does not exist), open execution, deployer as set-up admin
  const timelock = m.contract("CoopTimelock", [
    m.getParameter("timelockMinDelay", 2n * DAY),
    [],
    [ZeroAddress],
    deployer,
  ]);
  // the timelock is the treasury's admin and governor from its constructor
  const treasury = m.contract("RedemptionTreasury", [
    work,
    m.getParameter<string>("reserve", ZeroAddress),
    timelock,
    m.getParameter("rate", 10n ** 14n),
    m.getParameter("maxFee", 1_000n),
    m.getParameter("minFee", 200n),
    m.getParameter("holdPeriod", 180n * DAY),
  ]);

  const governor = m.contract("HolisticGovernor", [
    m.getParameter("governorName", "Confoederatio Governor"),
    work,
    care,
    timelock,
    {
      proposalThreshold: m.getParameter("proposalThreshold", HOUR),
      quorumFraction: m.getParameter("quorumFraction", 1_000n),
      careWeight: m.getParameter("careWeight", 10_000n),
      maxVoterShare: m.getParameter("maxVoterShare", 0n),
      votingDelay: m.getParameter("votingDelay", DAY),
      votingPeriod: m.getParameter("votingPeriod", 5n * DAY),
      lateQuorumExtension: m.getParameter("lateQuorumExtension", DAY),
      queueGracePeriod: m.getParameter("queueGracePeriod", 14n * DAY),
    },
    // the treasury's hours cannot vote: they do not count in the quorum (a pool's pair is
    // excluded by proposal once the pool exists: `setNonVotingHolder`)
    [treasury],
  ]);
  // step 2: genesis balances, minted by the deployer under a temporary minter role
  const workMinter = m.call(work, "grantRole", [MINTER_ROLE, deployer], {
    id: "grant_Work_Minter_Deployer",
  });
  const careMinter = m.call(care, "grantRole", [MINTER_ROLE, deployer], {
    id: "grant_Care_Minter_Deployer",
  });
  const genesisWork = m.call(
    work,
    "mintForWork",
    [
      m.getParameter<string[]>("genesisWorkAccounts", []),
      m.getParameter<bigint[]>("genesisCommons", []),
      m.getParameter<bigint[]>("genesisSubsistence", []),
    ],
    { id: "genesis_Work", after: [workMinter] },
  );
  const genesisCare = m.call(
    care,
    "mint",
    [
      m.getParameter<string[]>("genesisCareAccounts", []),
      m.getParameter<bigint[]>("genesisCare", []),
    ],
    { id: "genesis_Care", after: [careMinter] },
  );

  type Contract = typeof work | typeof care | typeof registry | typeof timelock;
  type Account = Contract | typeof governor | typeof treasury;

  // step 3: working roles, then the admin role of every contract to the timelock
  const grants: { contract: Contract; role: string; account: Account; label: string }[] = [
    { contract: work, role: MINTER_ROLE, account: registry, label: "Work_Minter_Registry" },
    { contract: care, role: MINTER_ROLE, account: registry, label: "Care_Minter_Registry" },
    { contract: work, role: CAPITAL_ROLE, account: treasury, label: "Work_Capital_Treasury" },
    { contract: work, role: REDEEMER_ROLE, account: treasury, label: "Work_Redeemer_Treasury" },
    { contract: care, role: REVOKER_ROLE, account: timelock, label: "Care_Revoker_Timelock" },
    {
      contract: registry,
      role: APPROVER_ROLE,
      account: timelock,
      label: "Registry_Approver_Timelock",
    },
    {
      contract: timelock,
      role: PROPOSER_ROLE,
      account: governor,
      label: "Timelock_Proposer_Governor",
    },
    {
      contract: timelock,
      role: CANCELLER_ROLE,
      account: governor,
      label: "Timelock_Canceller_Governor",
    },
  ];
  // contracts whose DEFAULT_ADMIN_ROLE the deployer holds and hands to the timelock
  // (the timelock administers itself from its constructor)
  const administered: { contract: Contract; label: string }[] = [
    { contract: work, label: "Work" },
    { contract: care, label: "Care" },
    { contract: registry, label: "Registry" },
  ];
  for (const { contract, label } of administered) {
    grants.push({
      contract,
      role: DEFAULT_ADMIN_ROLE,
      account: timelock,
      label: `${label}_Admin_Timelock`,
    });
  }

  const granted = grants.map(({ contract, role, account, label }) =>
    m.call(contract, "grantRole", [role, account], { id: `grant_${label}` }),
  );

  // step 4: the deployer renounces every role it held, once every grant and the genesis are done:
  // the admin role of each contract, the registry's approver role (its constructor gives it to the
  // admin) and the genesis minter roles
  const done = [...granted, genesisWork, genesisCare];
  const held: { contract: Contract; role: string; label: string }[] = [
    ...[...administered, { contract: timelock, label: "Timelock" }].map(({ contract, label }) => ({
      contract,
      role: DEFAULT_ADMIN_ROLE,
      label: `${label}_Admin`,
    })),
    { contract: registry, role: APPROVER_ROLE, label: "Registry_Approver" },
    { contract: work, role: MINTER_ROLE, label: "Work_Minter" },
    { contract: care, role: MINTER_ROLE, label: "Care_Minter" },
  ];
  for (const { contract, role, label } of held) {
    m.call(contract, "renounceRole", [role, deployer], { id: `renounce_${label}`, after: done });
  }

  return { work, care, registry, timelock, governor, treasury };
});
