// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

import {GovernorHolisticVotes} from "./GovernorHolisticVotes.sol";

/// @title HolisticGovernor
/// @notice The cooperative's governor. Vote weight combines work hours and care reputation (see
/// {IHolisticGovernor}); proposals pass through a {TimelockController}, which holds every
/// privileged role of the cooperative's contracts.
/// @dev Composition of OpenZeppelin modules: {GovernorSettings} (voting delay, period and proposal
/// threshold), {GovernorCountingSimple} (against / for / abstain; quorum counts for + abstain) and
/// {GovernorTimelockControl}, with {GovernorHolisticVotes} (weights, clock, quorum and late-quorum
/// protection). The timelock should have this governor as its only proposer and canceller and an
/// open executor role.
contract HolisticGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorHolisticVotes,
    GovernorTimelockControl
{
    // ─── storage ──────────────────────────────────────────────────────────────────────────────

    /// @notice Initial settings of a {HolisticGovernor}. Times are in seconds; the care weight, the
    /// voter cap and the quorum fraction are fixed points over 10_000.
    struct Settings {
        uint256 proposalThreshold;
        uint256 quorumFraction;
        uint256 careWeight;
        uint256 maxVoterShare;
        uint48 votingDelay;
        uint32 votingPeriod;
        uint48 lateQuorumExtension;
        uint48 queueGracePeriod;
    }

    uint48 private immutable _queueGracePeriod;

    // ─── constructor ──────────────────────────────────────────────────────────────────────────

    /// @param name_ The governor's name, also its EIP-712 domain name for vote signatures.
    /// @param workToken The work-hours token (timestamp clock).
    /// @param careToken The care-reputation token (timestamp clock, equal to `workToken`'s).
    /// @param timelock_ The timelock that executes proposals and holds the roles.
    /// @param settings The initial settings; `lateQuorumExtension <= votingPeriod`;
    /// `queueGracePeriod` is fixed for the governor's life.
    constructor(
        string memory name_,
        IERC5805 workToken,
        IERC5805 careToken,
        TimelockController timelock_,
        Settings memory settings
    )
        Governor(name_)
        GovernorSettings(settings.votingDelay, settings.votingPeriod, settings.proposalThreshold)
        GovernorHolisticVotes(
            workToken,
            careToken,
            settings.careWeight,
            settings.maxVoterShare,
            settings.quorumFraction,
            settings.lateQuorumExtension
        )
        GovernorTimelockControl(timelock_)
    {
        _queueGracePeriod = settings.queueGracePeriod;
    }

    // ─── external: resolution of the modules' overrides ───────────────────────────────────────

    /// @notice How long after its deadline a successful proposal may still be queued; after that
    /// it is {ProposalState-Expired}, so that a stale decision cannot be enacted much later.
    function queueGracePeriod() public view returns (uint256) {
        return _queueGracePeriod;
    }

    /// @notice The state of `proposalId`; a successful proposal not queued within
    /// {queueGracePeriod} of its deadline is `Expired`.
    function state(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (
            current == ProposalState.Succeeded &&
            clock() > proposalDeadline(proposalId) + _queueGracePeriod
        ) {
            return ProposalState.Expired;
        }
        return current;
    }

    /// @inheritdoc GovernorHolisticVotes
    function proposalDeadline(
        uint256 proposalId
    ) public view override(Governor, GovernorHolisticVotes) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    /// @inheritdoc Governor
    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc Governor
    function proposalThreshold()
        public
        view
        override(Governor, GovernorSettings)
        returns (uint256)
    {
        return super.proposalThreshold();
    }

    // ─── internal ─────────────────────────────────────────────────────────────────────────────

    /// @dev A proposal reaches quorum when its for and abstain votes reach its own quorum
    /// ({proposalQuorum}, from the terms fixed at its creation), not {quorum} at its snapshot.
    function _quorumReached(
        uint256 proposalId
    ) internal view override(Governor, GovernorCountingSimple) returns (bool) {
        return proposalQuorum(proposalId) <= _quorumVotes(proposalId);
    }

    /// @dev For and abstain votes count toward quorum, as in {GovernorCountingSimple}.
    function _quorumVotes(uint256 proposalId) internal view override returns (uint256) {
        (, uint256 forVotes, uint256 abstainVotes) = proposalVotes(proposalId);
        return forVotes + abstainVotes;
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override(Governor, GovernorHolisticVotes) returns (uint256) {
        return super._propose(targets, values, calldatas, description, proposer);
    }

    function _castVote(
        uint256 proposalId,
        address account,
        uint8 support,
        string memory reason,
        bytes memory params
    ) internal override(Governor, GovernorHolisticVotes) returns (uint256) {
        return super._castVote(proposalId, account, support, reason, params);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor()
        internal
        view
        override(Governor, GovernorTimelockControl)
        returns (address)
    {
        return super._executor();
    }
}
