// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

import {CoopTimelock} from "./CoopTimelock.sol";

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
    /// @param nonVotingHolders_ Contracts whose hours cannot vote (the treasury), excluded from
    /// the voting supply from the start; more (a pool's pair) by {setNonVotingHolder}.
    constructor(
        string memory name_,
        IERC5805 workToken,
        IERC5805 careToken,
        TimelockController timelock_,
        Settings memory settings,
        address[] memory nonVotingHolders_
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
        _excludeFromStart(nonVotingHolders_);
    }

    // ─── external: resolution of the modules' overrides ───────────────────────────────────────

    /// @notice How long after its deadline a successful proposal may still be queued; after that
    /// it is {ProposalState-Expired}, so that a stale decision cannot be enacted much later.
    function queueGracePeriod() public view returns (uint256) {
        return _queueGracePeriod;
    }

    /// @notice Cancels `proposalId` (the proposal of these four arguments) by a vote of the
    /// members: the call of an executed proposal. Used to stop a queued decision before it is
    /// executed; a queued proposal's operation is cancelled in the timelock too.
    /// @dev Requirements: called by the timelock through an executed proposal (`onlyGovernance`);
    /// the proposal exists and is not canceled, expired or executed
    /// ({GovernorUnexpectedProposalState}). Emits {ProposalCanceled}, and the timelock's
    /// {Cancelled} when the proposal was queued.
    function cancelByVote(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public onlyGovernance returns (uint256) {
        return _cancel(targets, values, calldatas, descriptionHash);
    }

    /// @notice The state of `proposalId`. A successful proposal not queued within
    /// {queueGracePeriod} of its deadline is `Expired`, and so is a queued one not executed within
    /// the timelock's {CoopTimelock-GRACE_PERIOD} of its eta (the timelock refuses to execute it).
    function state(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (current == ProposalState.Succeeded) {
            if (clock() > proposalDeadline(proposalId) + _queueGracePeriod) {
                return ProposalState.Expired;
            }
        } else if (current == ProposalState.Canceled && _isExpiredInTimelock(proposalId)) {
            // the timelock reports an expired operation as unset, which the timelock module
            // reads as canceled; the core knows it as queued and not canceled
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

    /// @dev Every proposal must end with `#proposer=<its proposer's address>`: OpenZeppelin's
    /// check makes the suffix optional, which lets anyone submit a copy of a proposal before its
    /// author and cancel it, so that the author's own submission finds it canceled for good.
    /// Required here, no builder can forget it. A missing or malformed suffix, or another
    /// address, reverts {propose} with {GovernorRestrictedProposer}.
    function _isValidDescriptionForProposer(
        address proposer,
        string memory description
    ) internal pure override returns (bool) {
        uint256 length = bytes(description).length;
        // "#proposer=" (10 bytes), then "0x" and 40 hex digits (42 bytes)
        if (length < 52) return false;
        uint256 parsed;
        bool valid;
        // reads within the string (length >= 52); one pass over the 40 digits, where
        // OpenZeppelin's `Strings.tryParseAddress` costs about ten times as much gas
        assembly ("memory-safe") {
            let suffix := add(add(description, 0x20), sub(length, 52))
            // "#proposer=0x": the top 12 bytes of the word at the suffix
            valid := eq(shr(160, mload(suffix)), 0x2370726f706f7365723d3078)
            let digits := add(suffix, 12)
            for {
                let i := 0
            } lt(i, 40) {
                i := add(i, 1)
            } {
                let c := byte(0, mload(add(digits, i)))
                let d := sub(c, 48) // '0'..'9' -> 0..9; anything below wraps around
                if gt(d, 9) {
                    let lower := or(c, 0x20) // 'A'..'F' -> 'a'..'f'
                    d := sub(lower, 87) // 'a' -> 10
                    if or(lt(lower, 97), gt(lower, 102)) {
                        valid := 0
                    }
                }
                parsed := or(shl(4, parsed), d)
            }
        }
        return valid && address(uint160(parsed)) == proposer;
    }

    /// @dev Whether `proposalId` was queued, not canceled or executed, and its operation has
    /// expired in the timelock.
    function _isExpiredInTimelock(uint256 proposalId) private view returns (bool) {
        uint256 eta = proposalEta(proposalId);
        return
            eta != 0 &&
            Governor.state(proposalId) == ProposalState.Queued &&
            block.timestamp > eta + CoopTimelock(payable(timelock())).GRACE_PERIOD();
    }

    /// @dev Records the snapshots a shorter voting delay leaves behind (see
    /// {GovernorHolisticVotes-_votingDelayChanged}).
    function _setVotingDelay(uint48 newVotingDelay) internal override {
        _votingDelayChanged(votingDelay(), newVotingDelay);
        super._setVotingDelay(newVotingDelay);
    }

    /// @dev A proposal reaches quorum when its for and abstain votes reach its own quorum
    /// ({proposalQuorum}, from the terms fixed at its creation).
    function _quorumReached(
        uint256 proposalId
    ) internal view override(Governor, GovernorCountingSimple) returns (bool) {
        return _proposalQuorumReached(proposalId, _quorumVotes(proposalId));
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
