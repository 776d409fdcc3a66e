// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IHolisticGovernor} from "../interfaces/IHolisticGovernor.sol";

/// @title GovernorHolisticVotes
/// @notice Governor votes module over two ERC-5805 tokens: work hours plus weighted care
/// reputation, optionally capped per voter, with a quorum that is a fraction of the combined supply.
/// @dev See {IHolisticGovernor} for the formula. This module provides {clock}, {CLOCK_MODE},
/// {_getVotes}, {quorum} and the per-proposal {proposalQuorum}; the counting module must compare
/// its tally to {proposalQuorum} (not to {quorum}) so that a proposal keeps its own terms.
///
/// Invariants a subclass must keep:
/// - a proposal's terms are written once, in {_propose}, and never change afterwards;
/// - every vote on a proposal is weighed by {_useProposalVoteWeight} with the proposal's terms at
///   its snapshot, so that the sum of the weights counted is at most the combined supply there.
abstract contract GovernorHolisticVotes is Governor, IHolisticGovernor {
    using Checkpoints for Checkpoints.Trace208;

    // ─── storage ──────────────────────────────────────────────────────────────────────────────

    /// @dev The terms a proposal was created with, and its combined supply once a vote has read it.
    /// Packed into one slot: written at creation and at most once more by the first vote (the
    /// slot is already non-zero then, so that second write is a cheap rewrite).
    struct ProposalTerms {
        uint32 careWeight;
        uint16 maxVoterShare;
        uint16 quorumFraction;
        bool exists;
        // 0 until the first vote caches it (and whenever it is 0 or too large to cache).
        uint184 combinedSupply;
    }

    /// @inheritdoc IHolisticGovernor
    uint256 public constant PARAMETER_DENOMINATOR = 10_000;

    /// @inheritdoc IHolisticGovernor
    uint256 public constant MAX_CARE_WEIGHT = 100 * PARAMETER_DENOMINATOR;

    bytes32 private constant _TIMESTAMP_MODE = keccak256("mode=timestamp");

    IERC5805 private immutable _work;
    IERC5805 private immutable _care;

    /// @dev The three parameters packed into one history: careWeight << 32 | maxVoterShare << 16 |
    /// quorumFraction, so that a proposal reads all of them with one lookup.
    Checkpoints.Trace208 private _parameterHistory;

    mapping(uint256 proposalId => ProposalTerms) private _proposalTerms;

    // ─── constructor ──────────────────────────────────────────────────────────────────────────

    /// @dev Both tokens must use the timestamp clock and read the same time.
    constructor(
        IERC5805 workToken,
        IERC5805 careToken,
        uint256 initialCareWeight,
        uint256 initialMaxVoterShare,
        uint256 initialQuorumFraction
    ) {
        _checkTimestampClock(workToken);
        _checkTimestampClock(careToken);
        uint48 workClock = workToken.clock();
        uint48 careClock = careToken.clock();
        if (workClock != careClock) revert HolisticGovernorClockMismatch(workClock, careClock);
        _work = workToken;
        _care = careToken;
        _checkCareWeight(initialCareWeight);
        _checkVoterShare(initialMaxVoterShare);
        _checkQuorumFraction(initialQuorumFraction);
        _pushParameters(initialCareWeight, initialMaxVoterShare, initialQuorumFraction);
        emit CareWeightUpdated(0, initialCareWeight);
        emit MaxVoterShareUpdated(0, initialMaxVoterShare);
        emit QuorumFractionUpdated(0, initialQuorumFraction);
    }

    // ─── external: views ──────────────────────────────────────────────────────────────────────

    /// @inheritdoc IHolisticGovernor
    function work() public view virtual returns (IERC5805) {
        return _work;
    }

    /// @inheritdoc IHolisticGovernor
    function care() public view virtual returns (IERC5805) {
        return _care;
    }

    /// @notice The governor's clock: the block timestamp, as both tokens' clocks (checked at
    /// construction).
    function clock() public view virtual override returns (uint48) {
        return Time.timestamp();
    }

    /// @notice ERC-6372 clock description: `mode=timestamp`.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public view virtual override returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc IHolisticGovernor
    function careWeight(uint256 timepoint) public view virtual returns (uint256) {
        (uint256 weight, , ) = _unpack(_parametersAt(timepoint));
        return weight;
    }

    /// @inheritdoc IHolisticGovernor
    function maxVoterShare(uint256 timepoint) public view virtual returns (uint256) {
        (, uint256 share, ) = _unpack(_parametersAt(timepoint));
        return share;
    }

    /// @inheritdoc IHolisticGovernor
    function quorumFraction(uint256 timepoint) public view virtual returns (uint256) {
        (, , uint256 fraction) = _unpack(_parametersAt(timepoint));
        return fraction;
    }

    /// @inheritdoc IHolisticGovernor
    function combinedPastTotalSupply(uint256 timepoint) public view virtual returns (uint256) {
        return _combinedPastTotalSupply(timepoint, careWeight(timepoint));
    }

    /// @inheritdoc IHolisticGovernor
    function voteWeight(address account, uint256 timepoint) public view virtual returns (uint256) {
        (uint256 weight, uint256 share, ) = _unpack(_parametersAt(timepoint));
        uint256 supply = share == 0 ? 0 : _combinedPastTotalSupply(timepoint, weight);
        return _weigh(account, timepoint, weight, share, supply);
    }

    /// @notice The quorum at a past `timepoint`, with the quorum fraction and care weight in force
    /// then. A proposal's own quorum is {proposalQuorum}, fixed at its creation.
    function quorum(uint256 timepoint) public view virtual override returns (uint256) {
        (uint256 weight, , uint256 fraction) = _unpack(_parametersAt(timepoint));
        return _quorumOf(_combinedPastTotalSupply(timepoint, weight), fraction);
    }

    /// @inheritdoc IHolisticGovernor
    function proposalTerms(
        uint256 proposalId
    )
        public
        view
        virtual
        returns (uint256 careWeight_, uint256 maxVoterShare_, uint256 quorumFraction_)
    {
        ProposalTerms memory terms = _proposalTerms[proposalId];
        if (!terms.exists) revert GovernorNonexistentProposal(proposalId);
        return (terms.careWeight, terms.maxVoterShare, terms.quorumFraction);
    }

    /// @inheritdoc IHolisticGovernor
    function proposalVoteWeight(
        uint256 proposalId,
        address account
    ) public view virtual returns (uint256) {
        ProposalTerms memory terms = _proposalTerms[proposalId];
        if (!terms.exists) revert GovernorNonexistentProposal(proposalId);
        uint256 timepoint = proposalSnapshot(proposalId);
        return
            _weigh(
                account,
                timepoint,
                terms.careWeight,
                terms.maxVoterShare,
                _proposalSupply(terms, timepoint)
            );
    }

    /// @inheritdoc IHolisticGovernor
    function proposalQuorum(uint256 proposalId) public view virtual returns (uint256) {
        ProposalTerms memory terms = _proposalTerms[proposalId];
        if (!terms.exists) revert GovernorNonexistentProposal(proposalId);
        return
            _quorumOf(_proposalSupply(terms, proposalSnapshot(proposalId)), terms.quorumFraction);
    }

    // ─── external: governance setters ─────────────────────────────────────────────────────────

    /// @inheritdoc IHolisticGovernor
    function setCareWeight(uint256 newCareWeight) public virtual onlyGovernance {
        _checkCareWeight(newCareWeight);
        (uint256 oldWeight, uint256 share, uint256 fraction) = _unpack(_parameterHistory.latest());
        _pushParameters(newCareWeight, share, fraction);
        emit CareWeightUpdated(oldWeight, newCareWeight);
    }

    /// @inheritdoc IHolisticGovernor
    function setMaxVoterShare(uint256 newMaxVoterShare) public virtual onlyGovernance {
        _checkVoterShare(newMaxVoterShare);
        (uint256 weight, uint256 oldShare, uint256 fraction) = _unpack(_parameterHistory.latest());
        _pushParameters(weight, newMaxVoterShare, fraction);
        emit MaxVoterShareUpdated(oldShare, newMaxVoterShare);
    }

    /// @inheritdoc IHolisticGovernor
    function setQuorumFraction(uint256 newQuorumFraction) public virtual onlyGovernance {
        _checkQuorumFraction(newQuorumFraction);
        (uint256 weight, uint256 share, uint256 oldFraction) = _unpack(_parameterHistory.latest());
        _pushParameters(weight, share, newQuorumFraction);
        emit QuorumFractionUpdated(oldFraction, newQuorumFraction);
    }

    // ─── internal: Governor hooks ─────────────────────────────────────────────────────────────

    /// @dev Weight for {getVotes} and the proposal threshold: {voteWeight} with the parameters in
    /// force at `timepoint`.
    function _getVotes(
        address account,
        uint256 timepoint,
        bytes memory /* params */
    ) internal view virtual override returns (uint256) {
        return voteWeight(account, timepoint);
    }

    /// @dev Creates the proposal, then fixes its terms: the parameters in force now.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        (uint256 weight, uint256 share, uint256 fraction) = _unpack(_parameterHistory.latest());
        // the casts are exact: each value was checked against its bound when it was set
        _proposalTerms[proposalId] = ProposalTerms({
            careWeight: uint32(weight),
            maxVoterShare: uint16(share),
            quorumFraction: uint16(fraction),
            exists: true,
            combinedSupply: 0
        });
    }

    /// @dev Same flow as {Governor-_castVote}, but the weight comes from the proposal's own terms
    /// ({_useProposalVoteWeight}) rather than from {_getVotes} at the snapshot.
    function _castVote(
        uint256 proposalId,
        address account,
        uint8 support,
        string memory reason,
        bytes memory params
    ) internal virtual override returns (uint256) {
        _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Active));

        uint256 totalWeight = _useProposalVoteWeight(proposalId, account);
        uint256 votedWeight = _countVote(proposalId, account, support, totalWeight, params);

        if (params.length == 0) {
            emit VoteCast(account, proposalId, support, votedWeight, reason);
        } else {
            emit VoteCastWithParams(account, proposalId, support, votedWeight, reason, params);
        }

        _tallyUpdated(proposalId);

        return votedWeight;
    }

    // ─── internal ─────────────────────────────────────────────────────────────────────────────

    /// @dev The weight of `account` on `proposalId`. The first vote reads the combined supply at
    /// the snapshot (which no longer changes) and caches it in the proposal's slot, so that later
    /// votes and the quorum check of {GovernorPreventLateQuorum} read no supply history.
    function _useProposalVoteWeight(
        uint256 proposalId,
        address account
    ) internal virtual returns (uint256) {
        ProposalTerms memory terms = _proposalTerms[proposalId];
        uint256 timepoint = proposalSnapshot(proposalId);
        uint256 supply = terms.combinedSupply;
        if (supply == 0) {
            supply = _combinedPastTotalSupply(timepoint, terms.careWeight);
            // a supply that does not fit (beyond any real issuance) is simply read again next time
            if (supply != 0 && supply <= type(uint184).max) {
                _proposalTerms[proposalId].combinedSupply = uint184(supply);
            }
        }
        return _weigh(account, timepoint, terms.careWeight, terms.maxVoterShare, supply);
    }

    /// @dev The capped holistic weight of `account` at `timepoint`, given the parameters and the
    /// combined supply (only read when `share != 0`).
    function _weigh(
        address account,
        uint256 timepoint,
        uint256 weight,
        uint256 share,
        uint256 supply
    ) internal view virtual returns (uint256 votes) {
        votes = _work.getPastVotes(account, timepoint);
        // skip the second token's lookup when care does not count
        if (weight != 0) {
            // cannot overflow: votes < 2^208 (ERC20Votes) and weight <= MAX_CARE_WEIGHT < 2^20
            votes += (_care.getPastVotes(account, timepoint) * weight) / PARAMETER_DENOMINATOR;
        }
        if (share != 0) {
            uint256 cap = (supply * share) / PARAMETER_DENOMINATOR;
            if (votes > cap) votes = cap;
        }
    }

    /// @dev `work.getPastTotalSupply(t) + care.getPastTotalSupply(t) * weight / 10_000`, rounded
    /// down like each voter's weight, so that the weights counted never add up to more.
    function _combinedPastTotalSupply(
        uint256 timepoint,
        uint256 weight
    ) internal view virtual returns (uint256) {
        uint256 supply = _work.getPastTotalSupply(timepoint);
        if (weight != 0) {
            // cannot overflow: supplies < 2^208 (ERC20Votes) and weight <= MAX_CARE_WEIGHT < 2^20
            supply += (_care.getPastTotalSupply(timepoint) * weight) / PARAMETER_DENOMINATOR;
        }
        return supply;
    }

    /// @dev Quorum rounds up, against whoever wants a proposal to pass.
    function _quorumOf(uint256 supply, uint256 fraction) internal pure returns (uint256) {
        return Math.mulDiv(supply, fraction, PARAMETER_DENOMINATOR, Math.Rounding.Ceil);
    }

    /// @dev The combined supply at a proposal's snapshot: cached, or read with its care weight.
    function _proposalSupply(
        ProposalTerms memory terms,
        uint256 timepoint
    ) private view returns (uint256) {
        return
            terms.combinedSupply != 0
                ? terms.combinedSupply
                : _combinedPastTotalSupply(timepoint, terms.careWeight);
    }

    /// @dev The packed parameters in force at `timepoint`. Recent timepoints (all live proposals)
    /// take the fast path on the latest checkpoint.
    function _parametersAt(uint256 timepoint) private view returns (uint256) {
        (, uint48 key, uint208 packed) = _parameterHistory.latestCheckpoint();
        if (key <= timepoint) return packed;
        return _parameterHistory.upperLookupRecent(SafeCast.toUint48(timepoint));
    }

    function _pushParameters(uint256 weight, uint256 share, uint256 fraction) private {
        // cannot overflow 208 bits: weight < 2^20, share and fraction < 2^16 (checked by the setters)
        _parameterHistory.push(clock(), uint208((weight << 32) | (share << 16) | fraction));
    }

    function _unpack(
        uint256 packed
    ) private pure returns (uint256 weight, uint256 share, uint256 fraction) {
        return (packed >> 32, (packed >> 16) & 0xffff, packed & 0xffff);
    }

    function _checkTimestampClock(IERC5805 token) private view {
        string memory mode = token.CLOCK_MODE();
        if (keccak256(bytes(mode)) != _TIMESTAMP_MODE) {
            revert HolisticGovernorUnsupportedClock(address(token), mode);
        }
    }

    function _checkCareWeight(uint256 weight) private pure {
        if (weight > MAX_CARE_WEIGHT)
            revert HolisticGovernorInvalidCareWeight(weight, MAX_CARE_WEIGHT);
    }

    function _checkVoterShare(uint256 share) private pure {
        if (share > PARAMETER_DENOMINATOR)
            revert HolisticGovernorInvalidVoterShare(share, PARAMETER_DENOMINATOR);
    }

    function _checkQuorumFraction(uint256 fraction) private pure {
        if (fraction > PARAMETER_DENOMINATOR) {
            revert HolisticGovernorInvalidQuorumFraction(fraction, PARAMETER_DENOMINATOR);
        }
    }
}
