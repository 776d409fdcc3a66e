// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

/// @title IHolisticGovernor
/// @notice The cooperative's governor: one vote weight that combines work hours and care reputation.
/// @dev The holistic weight of `account` at the snapshot `t` of a proposal is
///
///     raw(a, t)    = work.getPastVotes(a, t) + care.getPastVotes(a, t) * careWeight / 10_000
///     combined(t)  = work.getPastTotalSupply(t) + care.getPastTotalSupply(t) * careWeight / 10_000
///     supply(t)    = combined(t) - sum over non-voting holders h of
///                    min(work.getPastVotes(h, t), work.getPastVotes(h, t - NON_VOTING_LOOKBACK))
///     weight(a, t) = min(raw(a, t), supply(t) * maxVoterShare / 10_000)   (no cap when maxVoterShare = 0)
///     quorum(t)    = ceil(supply(t) * quorumFraction / 10_000)
///
/// The three parameters are fixed points over {PARAMETER_DENOMINATOR} (10_000 = 1, i.e. basis
/// points): a care weight of 15_000 makes one care unit weigh 1.5 hours. They keep a timestamp-keyed
/// history, and every proposal fixes the values in force when it is created (with the late-quorum
/// extension), so a parameter change never changes the tally or the quorum of a proposal that
/// already exists.
///
/// Late-quorum protection: when a vote makes a proposal reach its quorum less than
/// `lateQuorumExtension` seconds before its deadline, the deadline moves to that vote's time plus
/// the extension (the behaviour of OpenZeppelin's `GovernorPreventLateQuorum`). The rest of the
/// governor is OpenZeppelin's `IGovernor`.
interface IHolisticGovernor {
    // ─── errors ───────────────────────────────────────────────────────────────────────────────

    /// @notice `token` does not use the timestamp clock (ERC-6372 `mode=timestamp`).
    error HolisticGovernorUnsupportedClock(address token, string clockMode);

    /// @notice The two tokens' clocks read different times.
    error HolisticGovernorClockMismatch(uint48 workClock, uint48 careClock);

    /// @notice The care weight is above {MAX_CARE_WEIGHT}.
    error HolisticGovernorInvalidCareWeight(uint256 careWeight, uint256 maxCareWeight);

    /// @notice The voter cap is above {PARAMETER_DENOMINATOR} (100%).
    error HolisticGovernorInvalidVoterShare(uint256 maxVoterShare, uint256 denominator);

    /// @notice The quorum fraction is above {PARAMETER_DENOMINATOR} (100%).
    error HolisticGovernorInvalidQuorumFraction(uint256 quorumFraction, uint256 denominator);

    /// @notice The late-quorum extension is longer than the voting period.
    error HolisticGovernorInvalidLateQuorumExtension(uint256 extension, uint256 votingPeriod);

    /// @notice `holder` is already excluded (`excluded`), or was not excluded (`!excluded`).
    error HolisticGovernorNonVotingHolderUnchanged(address holder, bool excluded);

    /// @notice `holder` has no code: an account that can send transactions can vote.
    error HolisticGovernorNonVotingHolderNotContract(address holder);

    /// @notice The list of non-voting holders is full ({MAX_NON_VOTING_HOLDERS} entries ever).
    error HolisticGovernorTooManyNonVotingHolders(uint256 max);

    // ─── events ───────────────────────────────────────────────────────────────────────────────

    /// @notice The care weight changed for proposals created from now on.
    event CareWeightUpdated(uint256 oldCareWeight, uint256 newCareWeight);

    /// @notice The voter cap changed for proposals created from now on.
    event MaxVoterShareUpdated(uint256 oldMaxVoterShare, uint256 newMaxVoterShare);

    /// @notice The quorum fraction changed for proposals created from now on.
    event QuorumFractionUpdated(uint256 oldQuorumFraction, uint256 newQuorumFraction);

    /// @notice The late-quorum extension changed for proposals created from now on (same event
    /// as OpenZeppelin's `GovernorPreventLateQuorum`).
    event LateQuorumVoteExtensionSet(uint64 oldVoteExtension, uint64 newVoteExtension);

    /// @notice `holder`'s hours stop (`excluded`) or start again (`!excluded`) counting in the
    /// voting supply, for proposals created from now on.
    event NonVotingHolderUpdated(address indexed holder, bool excluded);

    /// @notice A vote reached the quorum of `proposalId` late, which pushed its deadline back to
    /// `extendedDeadline` (same event as OpenZeppelin's `GovernorPreventLateQuorum`).
    event ProposalExtended(uint256 indexed proposalId, uint64 extendedDeadline);

    // ─── views ────────────────────────────────────────────────────────────────────────────────

    /// @notice The fixed-point unit of the care weight, the voter cap and the quorum fraction.
    function PARAMETER_DENOMINATOR() external view returns (uint256);

    /// @notice The largest care weight governance may set (100 hours per care unit).
    function MAX_CARE_WEIGHT() external view returns (uint256);

    /// @notice How far before a snapshot a non-voting holder's hours are read again (7 days): the
    /// smaller of the two readings is excluded from the voting supply.
    function NON_VOTING_LOOKBACK() external view returns (uint256);

    /// @notice The most holders that can ever be excluded from the voting supply.
    function MAX_NON_VOTING_HOLDERS() external view returns (uint256);

    /// @notice The work-hours token (transferable, delegated votes).
    function work() external view returns (IERC5805);

    /// @notice The care-reputation token (non-transferable, delegated votes).
    function care() external view returns (IERC5805);

    /// @notice The care weight in force at `timepoint` (any past or future time; the latest value
    /// for times from now on).
    function careWeight(uint256 timepoint) external view returns (uint256);

    /// @notice The voter cap in force at `timepoint`, as a share of the voting supply; 0 = no cap.
    function maxVoterShare(uint256 timepoint) external view returns (uint256);

    /// @notice The quorum fraction in force at `timepoint`, as a share of the voting supply.
    function quorumFraction(uint256 timepoint) external view returns (uint256);

    /// @notice The minimum time, in seconds, that a vote stays open after its quorum is reached,
    /// for proposals created from now on.
    function lateQuorumVoteExtension() external view returns (uint48);

    /// @notice The combined supply at a past `timepoint`, weighed with the care weight in force then.
    /// @dev Reverts for a `timepoint` that is not in the past (the tokens' `ERC5805FutureLookup`).
    function combinedPastTotalSupply(uint256 timepoint) external view returns (uint256);

    /// @notice The weight that can vote at a past `timepoint`: {combinedPastTotalSupply} less,
    /// for each holder excluded then (a pool's pair, the treasury), the smaller of its hours at
    /// `timepoint` and {NON_VOTING_LOOKBACK} earlier. The quorum and the voter cap are fractions
    /// of it.
    function votingSupply(uint256 timepoint) external view returns (uint256);

    /// @notice The holders whose hours are excluded from the voting supply of proposals created
    /// from now on.
    function nonVotingHolders() external view returns (address[] memory);

    /// @notice The holistic vote weight of `account` at a past `timepoint`, with the parameters
    /// in force at that time. It is the weight {propose} checks against the threshold.
    /// @dev To read the weight a vote on an existing proposal counts, use {proposalVoteWeight}: a
    /// proposal keeps the parameters in force at its creation.
    function voteWeight(address account, uint256 timepoint) external view returns (uint256);

    /// @notice The parameters `proposalId` was created with, fixed for its whole life.
    function proposalTerms(
        uint256 proposalId
    )
        external
        view
        returns (
            uint256 careWeight_,
            uint256 maxVoterShare_,
            uint256 quorumFraction_,
            uint256 lateQuorumExtension_
        );

    /// @notice The weight a vote by `account` counts on `proposalId` (from its snapshot on).
    /// @dev Reverts while the snapshot is not yet in the past.
    function proposalVoteWeight(
        uint256 proposalId,
        address account
    ) external view returns (uint256);

    /// @notice The quorum of `proposalId`: its quorum fraction of the voting supply at its snapshot.
    /// @dev Reverts while the snapshot is not yet in the past.
    function proposalQuorum(uint256 proposalId) external view returns (uint256);

    // ─── governance setters ───────────────────────────────────────────────────────────────────

    /// @notice Sets the care weight for proposals created from now on.
    /// @dev Requirements: called by the timelock through an executed proposal;
    /// `newCareWeight <= MAX_CARE_WEIGHT`. Emits {CareWeightUpdated}.
    function setCareWeight(uint256 newCareWeight) external;

    /// @notice Sets the voter cap (0 = none) for proposals created from now on.
    /// @dev Requirements: called by the timelock through an executed proposal;
    /// `newMaxVoterShare <= PARAMETER_DENOMINATOR`. Emits {MaxVoterShareUpdated}.
    function setMaxVoterShare(uint256 newMaxVoterShare) external;

    /// @notice Sets the quorum fraction for proposals created from now on.
    /// @dev Requirements: called by the timelock through an executed proposal;
    /// `newQuorumFraction <= PARAMETER_DENOMINATOR`. Emits {QuorumFractionUpdated}.
    function setQuorumFraction(uint256 newQuorumFraction) external;

    /// @notice Excludes `holder`'s hours from the voting supply (`excluded`), or counts them again,
    /// for proposals created from now on.
    /// @dev Requirements: called by the timelock through an executed proposal; `holder` is a
    /// contract ({HolisticGovernorNonVotingHolderNotContract}); its status changes
    /// ({HolisticGovernorNonVotingHolderUnchanged}); at most {MAX_NON_VOTING_HOLDERS} entries
    /// ever ({HolisticGovernorTooManyNonVotingHolders}). Emits {NonVotingHolderUpdated}.
    function setNonVotingHolder(address holder, bool excluded) external;

    /// @notice Sets the late-quorum extension for proposals created from now on.
    /// @dev Requirements: called by the timelock through an executed proposal;
    /// `newVoteExtension <= votingPeriod()`. Emits {LateQuorumVoteExtensionSet}.
    function setLateQuorumVoteExtension(uint48 newVoteExtension) external;
}
