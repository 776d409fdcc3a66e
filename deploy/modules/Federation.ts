import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { ZeroAddress, ZeroHash, id } from "ethers";

import DexModule from "./Dex.js";

/**
 * The federation of cooperatives: its timelock, its clearing union (which is also its registry
 * of members and deploys the federation's votes), its governor and the one market that its
 * cooperatives share.
 *
 * - `CoopTimelock`: the federation's executor; the only account that admits, freezes, retires
 *   or changes a cooperative's limits and index.
 * - `ClearingUnion`: payments between cooperatives and the registry; its constructor deploys the
 *   `FederationVotes` (one seat per admitted cooperative, held by the cooperative's timelock).
 * - `HolisticGovernor`: the project's governor, reading the federation's votes as both of its
 *   tokens with a care weight of zero, so that a seat is one vote.
 * - `Dex` (used as a module): one factory and router for every cooperative of the federation, so
 *   that pools between their hours exist and routes A → B → C work.
 *
 * Genesis: nobody holds a seat before the first admission, so the federation's governor cannot
 * pass anything yet. The deployer is given the timelock's proposer role for the genesis only:
 * it schedules the founders' admission through the timelock (with the timelock's full delay),
 * and then renounces that role and the timelock's admin role (`completeGenesis` in
 * `lib/coop/federation-deploy.ts` does both). From then on the deployer holds nothing.
 *
 * Parameters (`Federation`): `timelockMinDelay`, `votingDelay`, `votingPeriod`,
 * `lateQuorumExtension`, `queueGracePeriod` (seconds); `proposalThreshold` (votes; a seat is one
 * vote); `quorumFraction` (over 10_000); `period` (seconds, of the allowances and the index
 * bound); `maxIndexChangeBps` (basis points an index may move per period); `votesName`.
 */
const PROPOSER_ROLE = id("PROPOSER_ROLE");
const CANCELLER_ROLE = id("CANCELLER_ROLE");
/** The timelock's admin role, renounced by the deployer after the genesis. */
export const FEDERATION_ADMIN_ROLE = ZeroHash;

const DAY = 86_400n;

export default buildModule("Federation", (m) => {
  const deployer = m.getAccount(0);
  const { factory, router, wrbtc } = m.useModule(DexModule);

  // the deployer proposes the founders' admission (genesis), then renounces; open execution
  const timelock = m.contract(
    "CoopTimelock",
    [m.getParameter("timelockMinDelay", 2n * DAY), [deployer], [ZeroAddress], deployer],
    { id: "FederationTimelock" },
  );
  const union = m.contract("ClearingUnion", [
    timelock,
    m.getParameter("period", 30n * DAY),
    m.getParameter("maxIndexChangeBps", 500n),
    m.getParameter("votesName", "Confoederatio Federation Votes"),
  ]);
  const votesAddress = m.staticCall(union, "votes", [], 0, { id: "votesAddress" });
  const votes = m.contractAt("FederationVotes", votesAddress);
  const governor = m.contract(
    "HolisticGovernor",
    [
      m.getParameter("governorName", "Confoederatio Federation"),
      votes,
      votes,
      timelock,
      {
        proposalThreshold: m.getParameter("proposalThreshold", 1n),
        quorumFraction: m.getParameter("quorumFraction", 5_000n),
        careWeight: 0n,
        maxVoterShare: 0n,
        votingDelay: m.getParameter("votingDelay", DAY),
        votingPeriod: m.getParameter("votingPeriod", 5n * DAY),
        lateQuorumExtension: m.getParameter("lateQuorumExtension", DAY),
        queueGracePeriod: m.getParameter("queueGracePeriod", 14n * DAY),
      },
      // no non-voting holders: a seat is held by a cooperative's timelock and always votes
      [],
    ],
    { id: "FederationGovernor" },
  );
  m.call(timelock, "grantRole", [PROPOSER_ROLE, governor], { id: "grant_Proposer_Governor" });
  m.call(timelock, "grantRole", [CANCELLER_ROLE, governor], { id: "grant_Canceller_Governor" });

  return { timelock, union, votes, governor, factory, router, wrbtc };
});
