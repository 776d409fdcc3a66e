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
/// reputation, optionally capped per voter, with a quorum that is a fraction of the weight that
/// can vote (the combined supply less the hours of non-voting holders) and late-quorum protection.
/// @dev See {IHolisticGovernor} for the formula. This module provides {clock}, {CLOCK_MODE},
/// {_getVotes}, {quorum}, the per-proposal {proposalQuorum} and the deadline extension of a late
/// quorum. Everything a vote needs about its proposal lives in one storage slot, written when the
/// proposal is created and rewritten at most once per vote, which keeps {castVote} close to a
/// single-token governor's cost.
///
/// The late-quorum protection has the semantics of OpenZeppelin's `GovernorPreventLateQuorum` (and
/// its events), but keeps the extended deadline in the proposal's slot and only looks at the quorum
/// during the last `lateQuorumExtension` seconds of a vote: a quorum first reached before that
/// window can never move the deadline, so earlier votes need not read the supply or the tally.
///
/// Invariants a subclass must keep:
/// - a proposal's terms are written once, in {_propose}; votes only add its cached supply and its
///   extended deadline;
/// - every vote on a proposal is weighed by {_castVote} with the proposal's terms at its snapshot,
///   so that the weights counted add up to at most the combined supply there;
/// - {_quorumVotes} only grows while a proposal is active (true of any additive counting);
/// - every change of the voting delay calls {_votingDelayChanged}, so that parameter changes stay
///   keyed past every existing proposal's snapshot;
/// - {proposalDeadline} stays this module's (the core's deadline or the extended one): a vote
///   computes it from the core and the terms it has read rather than calling it again.
abstract contract GovernorHolisticVotes is Governor, IHolisticGovernor {
    using Checkpoints for Checkpoints.Trace208;

    // ─── storage ──────────────────────────────────────────────────────────────────────────────

    /// @dev All a vote needs about its proposal, in one slot (32+16+16+32+48+112 = 256 bits).
    struct ProposalTerms {
        uint32 careWeight;
        uint16 maxVoterShare;
        uint16 quorumFraction;
        uint32 lateQuorumExtension;
        // 0 until a late quorum extends the vote
        uint48 extendedDeadline;
        // 0 until a vote needs and caches it (never cached when 0 or wider than 112 bits)
        uint112 combinedSupply;
    }

    /// @inheritdoc IHolisticGovernor
    uint256 public constant PARAMETER_DENOMINATOR = 10_000;

    /// @inheritdoc IHolisticGovernor
    uint256 public constant MAX_CARE_WEIGHT = 100 * PARAMETER_DENOMINATOR;

    /// @inheritdoc IHolisticGovernor
    uint256 public constant NON_VOTING_LOOKBACK = 7 days;

    /// @inheritdoc IHolisticGovernor
    uint256 public constant MAX_NON_VOTING_HOLDERS = 8;

    bytes32 private constant _TIMESTAMP_MODE = keccak256("mode=timestamp");

    /// @dev A holder whose hours cannot vote, excluded for snapshots in `[from, until)`
    /// (160+48+48 = 256 bits: one slot).
    struct NonVotingHolder {
        address holder;
        uint48 from;
        uint48 until;
    }

    IERC5805 private immutable _work;
    IERC5805 private immutable _care;

    /// @dev The four parameters in one history, so that a new proposal reads them with one lookup:
    /// careWeight << 64 | maxVoterShare << 48 | quorumFraction << 32 | lateQuorumExtension.
    Checkpoints.Trace208 private _parameterHistory;

    mapping(uint256 proposalId => ProposalTerms) private _proposalTerms;

    /// @dev The latest snapshot that a proposal created before the last shortening of the voting
    /// delay can have; 0 until the delay is first shortened. See {_parameterKey}.
    uint48 private _snapshotHorizon;

    /// @dev Every holder ever excluded, at most {MAX_NON_VOTING_HOLDERS}; an entry whose `until`
    /// is the largest uint48 is excluded from now on.
    NonVotingHolder[] private _nonVotingHolders;

    // ─── constructor ──────────────────────────────────────────────────────────────────────────

    /// @dev Both tokens must use the timestamp clock and read the same time. Runs after
    /// {GovernorSettings}' constructor, as the extension is bounded by the voting period.
    constructor(
        IERC5805 workToken,
        IERC5805 careToken,
        uint256 initialCareWeight,
        uint256 initialMaxVoterShare,
        uint256 initialQuorumFraction,
        uint48 initialLateQuorumExtension
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
        _checkLateQuorumExtension(initialLateQuorumExtension);
        // keyed now: the initial parameters apply to every proposal's snapshot
        _parameterHistory.push(
            clock(),
            _pack(
                initialCareWeight,
                initialMaxVoterShare,
                initialQuorumFraction,
                initialLateQuorumExtension
            )
        );
        emit CareWeightUpdated(0, initialCareWeight);
        emit MaxVoterShareUpdated(0, initialMaxVoterShare);
        emit QuorumFractionUpdated(0, initialQuorumFraction);
        emit LateQuorumVoteExtensionSet(0, initialLateQuorumExtension);
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
        (uint256 weight, , , ) = _unpack(_parametersAt(timepoint));
        return weight;
    }

    /// @inheritdoc IHolisticGovernor
    function maxVoterShare(uint256 timepoint) public view virtual returns (uint256) {
        (, uint256 share, , ) = _unpack(_parametersAt(timepoint));
        return share;
    }

    /// @inheritdoc IHolisticGovernor
    function quorumFraction(uint256 timepoint) public view virtual returns (uint256) {
        (, , uint256 fraction, ) = _unpack(_parametersAt(timepoint));
        return fraction;
    }

    /// @inheritdoc IHolisticGovernor
    function lateQuorumVoteExtension() public view virtual returns (uint48) {
        (, , , uint256 extension) = _unpack(_parameterHistory.latest());
        // exact: checked against the uint32 voting period when set
        return uint48(extension);
    }

    /// @inheritdoc IHolisticGovernor
    function combinedPastTotalSupply(uint256 timepoint) public view virtual returns (uint256) {
        return _combinedPastTotalSupply(timepoint, careWeight(timepoint));
    }

    /// @inheritdoc IHolisticGovernor
    function votingSupply(uint256 timepoint) public view virtual returns (uint256) {
        return _votingSupply(timepoint, careWeight(timepoint));
    }

    /// @inheritdoc IHolisticGovernor
    function nonVotingHolders() public view virtual returns (address[] memory holders) {
        uint256 n = _nonVotingHolders.length;
        uint256 count = 0;
        holders = new address[](n);
        for (uint256 i = 0; i < n; ++i) {
            NonVotingHolder memory entry = _nonVotingHolders[i];
            if (entry.until != type(uint48).max) continue;
            holders[count] = entry.holder;
            ++count;
        }
        // count <= n: trims the array to the holders excluded from now on
        assembly ("memory-safe") {
            mstore(holders, count)
        }
    }

    /// @inheritdoc IHolisticGovernor
    function voteWeight(address account, uint256 timepoint) public view virtual returns (uint256) {
        (uint256 weight, uint256 share, , ) = _unpack(_parametersAt(timepoint));
        uint256 supply = share == 0 ? 0 : _votingSupply(timepoint, weight);
        return _weigh(account, timepoint, weight, share, supply);
    }

    /// @notice The quorum of the proposals whose snapshot is `timepoint` (a past time): the
    /// quorum fraction of the voting supply then, with the parameters those proposals were
    /// created with. `quorum(proposalSnapshot(id))` equals {proposalQuorum}`(id)`, the quorum
    /// that `id` is judged against.
    function quorum(uint256 timepoint) public view virtual override returns (uint256) {
        (uint256 weight, , uint256 fraction, ) = _unpack(_parametersAt(timepoint));
        return _quorumOf(_votingSupply(timepoint, weight), fraction);
    }

    /// @inheritdoc IHolisticGovernor
    function proposalTerms(
        uint256 proposalId
    )
        public
        view
        virtual
        returns (
            uint256 careWeight_,
            uint256 maxVoterShare_,
            uint256 quorumFraction_,
            uint256 lateQuorumExtension_
        )
    {
        ProposalTerms memory terms = _existingTerms(proposalId);
        return (
            terms.careWeight,
            terms.maxVoterShare,
            terms.quorumFraction,
            terms.lateQuorumExtension
        );
    }

    /// @inheritdoc IHolisticGovernor
    function proposalVoteWeight(
        uint256 proposalId,
        address account
    ) public view virtual returns (uint256) {
        ProposalTerms memory terms = _existingTerms(proposalId);
        uint256 timepoint = proposalSnapshot(proposalId);
        uint256 supply = terms.maxVoterShare == 0 ? 0 : _proposalSupply(terms, timepoint);
        return _weigh(account, timepoint, terms.careWeight, terms.maxVoterShare, supply);
    }

    /// @inheritdoc IHolisticGovernor
    function proposalQuorum(uint256 proposalId) public view virtual returns (uint256) {
        ProposalTerms memory terms = _existingTerms(proposalId);
        return
            _quorumOf(_proposalSupply(terms, proposalSnapshot(proposalId)), terms.quorumFraction);
    }

    /// @notice The deadline of `proposalId`, pushed back if its quorum was reached late.
    function proposalDeadline(uint256 proposalId) public view virtual override returns (uint256) {
        return
            Math.max(
                super.proposalDeadline(proposalId),
                _proposalTerms[proposalId].extendedDeadline
            );
    }

    // ─── external: governance setters ─────────────────────────────────────────────────────────

    /// @inheritdoc IHolisticGovernor
    function setCareWeight(uint256 newCareWeight) public virtual onlyGovernance {
        _checkCareWeight(newCareWeight);
        (uint256 oldWeight, uint256 share, uint256 fraction, uint256 extension) = _unpack(
            _parameterHistory.latest()
        );
        _pushParameters(newCareWeight, share, fraction, extension);
        emit CareWeightUpdated(oldWeight, newCareWeight);
    }

    /// @inheritdoc IHolisticGovernor
    function setMaxVoterShare(uint256 newMaxVoterShare) public virtual onlyGovernance {
        _checkVoterShare(newMaxVoterShare);
        (uint256 weight, uint256 oldShare, uint256 fraction, uint256 extension) = _unpack(
            _parameterHistory.latest()
        );
        _pushParameters(weight, newMaxVoterShare, fraction, extension);
        emit MaxVoterShareUpdated(oldShare, newMaxVoterShare);
    }

    /// @inheritdoc IHolisticGovernor
    function setQuorumFraction(uint256 newQuorumFraction) public virtual onlyGovernance {
        _checkQuorumFraction(newQuorumFraction);
        (uint256 weight, uint256 share, uint256 oldFraction, uint256 extension) = _unpack(
            _parameterHistory.latest()
        );
        _pushParameters(weight, share, newQuorumFraction, extension);
        emit QuorumFractionUpdated(oldFraction, newQuorumFraction);
    }

    /// @inheritdoc IHolisticGovernor
    function setLateQuorumVoteExtension(uint48 newVoteExtension) public virtual onlyGovernance {
        _checkLateQuorumExtension(newVoteExtension);
        (uint256 weight, uint256 share, uint256 fraction, uint256 oldExtension) = _unpack(
            _parameterHistory.latest()
        );
        _pushParameters(weight, share, fraction, newVoteExtension);
        // exact: both are at most a uint32 voting period
        emit LateQuorumVoteExtensionSet(uint64(oldExtension), newVoteExtension);
    }

    /// @inheritdoc IHolisticGovernor
    function setNonVotingHolder(address holder, bool excluded) public virtual onlyGovernance {
        _setNonVotingHolder(holder, excluded, _parameterKey());
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

    /// @dev Creates the proposal, then fixes its terms: the parameters in force now, which are
    /// those the history gives at its snapshot (see {_parameterKey}).
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        (uint256 weight, uint256 share, uint256 fraction, uint256 extension) = _unpack(
            _parametersAt(proposalSnapshot(proposalId))
        );
        // the casts are exact: each value was checked against its bound when it was set
        _proposalTerms[proposalId] = ProposalTerms({
            careWeight: uint32(weight),
            maxVoterShare: uint16(share),
            quorumFraction: uint16(fraction),
            lateQuorumExtension: uint32(extension),
            extendedDeadline: 0,
            combinedSupply: 0
        });
    }

    /// @dev The flow of {Governor-_castVote}, with the weight from the proposal's own terms and the
    /// late-quorum extension. Reads the proposal's slot once and writes it at most once: to cache
    /// the voting supply (first vote that needs it) and to record an extended deadline.
    function _castVote(
        uint256 proposalId,
        address account,
        uint8 support,
        string memory reason,
        bytes memory params
    ) internal virtual override returns (uint256) {
        _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Active));

        ProposalTerms memory terms = _proposalTerms[proposalId];
        (uint256 totalWeight, uint256 extendAt, bool dirty) = _prepareVote(
            proposalId,
            account,
            terms
        );
        uint256 votedWeight = _countVote(proposalId, account, support, totalWeight, params);

        if (params.length == 0) {
            emit VoteCast(account, proposalId, support, votedWeight, reason);
        } else {
            emit VoteCastWithParams(account, proposalId, support, votedWeight, reason, params);
        }

        if (extendAt != type(uint256).max && _quorumVotes(proposalId) >= extendAt) {
            // this vote reached the quorum late: keep the vote open `lateQuorumExtension` longer
            uint48 extendedDeadline = clock() + uint48(terms.lateQuorumExtension);
            terms.extendedDeadline = extendedDeadline;
            dirty = true;
            emit ProposalExtended(proposalId, extendedDeadline);
        }
        if (dirty) _proposalTerms[proposalId] = terms;

        _tallyUpdated(proposalId);

        return votedWeight;
    }

    /// @dev Before a vote is counted: the weight of `account` on the proposal; `extendAt`, the
    /// quorum whose crossing by this vote extends the deadline, or `type(uint256).max` when it
    /// cannot (the vote is not in the last `lateQuorumExtension` seconds, or the quorum was already
    /// reached); and whether the voting supply, read because the cap or the quorum needs it, was
    /// cached into `terms` (`dirty`).
    function _prepareVote(
        uint256 proposalId,
        address account,
        ProposalTerms memory terms
    ) private view returns (uint256 weight, uint256 extendAt, bool dirty) {
        extendAt = type(uint256).max;
        // a quorum reached before the last `lateQuorumExtension` seconds cannot move the deadline,
        // and none can when the extension is 0 (the vote is open: its deadline is not past); the
        // deadline is {proposalDeadline}'s, from the proposal's core and the `terms` already read
        bool late =
            terms.lateQuorumExtension != 0 &&
                clock() + terms.lateQuorumExtension >
                    Math.max(super.proposalDeadline(proposalId), terms.extendedDeadline);

        uint256 timepoint = proposalSnapshot(proposalId);
        uint256 supply = terms.combinedSupply;
        if (supply == 0 && (late || terms.maxVoterShare != 0)) {
            supply = _votingSupply(timepoint, terms.careWeight);
            // a supply too wide for the slot (far beyond any real issuance) is read again next time
            dirty = supply != 0 && supply <= type(uint112).max;
            if (dirty) terms.combinedSupply = uint112(supply);
        }
        if (late) {
            uint256 quorumVotes = _quorumOf(supply, terms.quorumFraction);
            if (_quorumVotes(proposalId) < quorumVotes) extendAt = quorumVotes;
        }
        weight = _weigh(account, timepoint, terms.careWeight, terms.maxVoterShare, supply);
    }

    /// @dev Whether `votes` reach {proposalQuorum}`(proposalId)`. Votes that reach the quorum of
    /// the whole combined supply (the larger one) need no reading of the non-voting holders.
    function _proposalQuorumReached(
        uint256 proposalId,
        uint256 votes
    ) internal view returns (bool) {
        ProposalTerms memory terms = _existingTerms(proposalId);
        if (terms.combinedSupply != 0) {
            return _quorumOf(terms.combinedSupply, terms.quorumFraction) <= votes;
        }
        uint256 timepoint = proposalSnapshot(proposalId);
        uint256 combined = _combinedPastTotalSupply(timepoint, terms.careWeight);
        if (_quorumOf(combined, terms.quorumFraction) <= votes) return true;
        return _quorumOf(combined - _nonVotingAt(timepoint), terms.quorumFraction) <= votes;
    }

    /// @dev The votes that count toward quorum, from the counting module (e.g. for + abstain).
    function _quorumVotes(uint256 proposalId) internal view virtual returns (uint256);

    // ─── internal ─────────────────────────────────────────────────────────────────────────────

    /// @dev The capped holistic weight of `account` at `timepoint`, given the parameters and the
    /// voting supply (only read when `share != 0`).
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

    /// @dev The weight that can vote at `timepoint`: the combined supply less the hours of the
    /// non-voting holders ({_nonVotingAt}). Cannot underflow: those hours are part of the work
    /// supply at `timepoint`.
    function _votingSupply(
        uint256 timepoint,
        uint256 weight
    ) internal view virtual returns (uint256) {
        return _combinedPastTotalSupply(timepoint, weight) - _nonVotingAt(timepoint);
    }

    /// @dev The hours that cannot vote at `timepoint`: for each holder excluded then, the smaller
    /// of its votes at `timepoint` and {NON_VOTING_LOOKBACK} earlier. Hours moved into a pool
    /// just before a snapshot do not lower the quorum (they were not there a lookback before),
    /// and hours taken out count again at once (the smaller value is the one at the snapshot).
    /// Reads at most {MAX_NON_VOTING_HOLDERS} entries and two checkpoints per holder.
    function _nonVotingAt(uint256 timepoint) internal view virtual returns (uint256 held) {
        uint256 n = _nonVotingHolders.length;
        for (uint256 i = 0; i < n; ++i) {
            NonVotingHolder memory entry = _nonVotingHolders[i];
            if (entry.from > timepoint || entry.until <= timepoint) continue;
            if (timepoint < NON_VOTING_LOOKBACK) continue;
            uint256 atSnapshot = _work.getPastVotes(entry.holder, timepoint);
            if (atSnapshot == 0) continue;
            held += Math.min(
                atSnapshot,
                _work.getPastVotes(entry.holder, timepoint - NON_VOTING_LOOKBACK)
            );
        }
    }

    /// @dev For a constructor: excludes `holders` from the voting supply from the start.
    function _excludeFromStart(address[] memory holders) internal {
        for (uint256 i = 0; i < holders.length; ++i) {
            _setNonVotingHolder(holders[i], true, clock());
        }
    }

    /// @dev Excludes `holder` (or ends its exclusion) for the snapshots from `key` on.
    function _setNonVotingHolder(address holder, bool excluded, uint48 key) private {
        uint256 n = _nonVotingHolders.length;
        for (uint256 i = 0; i < n; ++i) {
            NonVotingHolder storage entry = _nonVotingHolders[i];
            if (entry.holder != holder || entry.until != type(uint48).max) continue;
            if (excluded) revert HolisticGovernorNonVotingHolderUnchanged(holder, true);
            entry.until = key;
            emit NonVotingHolderUpdated(holder, false);
            return;
        }
        if (!excluded) revert HolisticGovernorNonVotingHolderUnchanged(holder, false);
        // only a contract: an account that can send transactions can also vote
        if (holder.code.length == 0) revert HolisticGovernorNonVotingHolderNotContract(holder);
        if (n == MAX_NON_VOTING_HOLDERS) {
            revert HolisticGovernorTooManyNonVotingHolders(MAX_NON_VOTING_HOLDERS);
        }
        _nonVotingHolders.push(NonVotingHolder(holder, key, type(uint48).max));
        emit NonVotingHolderUpdated(holder, true);
    }

    /// @dev Quorum rounds up, against whoever wants a proposal to pass.
    function _quorumOf(uint256 supply, uint256 fraction) internal pure returns (uint256) {
        return Math.mulDiv(supply, fraction, PARAMETER_DENOMINATOR, Math.Rounding.Ceil);
    }

    /// @dev The terms of an existing proposal; reverts for an unknown id.
    function _existingTerms(uint256 proposalId) private view returns (ProposalTerms memory) {
        if (proposalSnapshot(proposalId) == 0) revert GovernorNonexistentProposal(proposalId);
        return _proposalTerms[proposalId];
    }

    /// @dev The voting supply at a proposal's snapshot: cached, or read with its care weight.
    function _proposalSupply(
        ProposalTerms memory terms,
        uint256 timepoint
    ) private view returns (uint256) {
        return
            terms.combinedSupply != 0
                ? terms.combinedSupply
                : _votingSupply(timepoint, terms.careWeight);
    }

    /// @dev The packed parameters in force at `timepoint`. Recent timepoints take the fast path on
    /// the latest checkpoint.
    function _parametersAt(uint256 timepoint) private view returns (uint256) {
        (, uint48 key, uint208 packed) = _parameterHistory.latestCheckpoint();
        if (key <= timepoint) return packed;
        return _parameterHistory.upperLookupRecent(SafeCast.toUint48(timepoint));
    }

    /// @dev Records a parameter change for the proposals created from now on, keyed by
    /// {_parameterKey}.
    function _pushParameters(
        uint256 weight,
        uint256 share,
        uint256 fraction,
        uint256 extension
    ) private {
        _parameterHistory.push(_parameterKey(), _pack(weight, share, fraction, extension));
    }

    /// @dev The key of a parameter change made now: one second after the latest snapshot that a
    /// proposal created so far can have. The history then answers, for any snapshot, the
    /// parameters in force when the proposals with that snapshot were created, so that
    /// {quorum}, {getVotes} and the parameter views at `proposalSnapshot(id)` tell the terms that
    /// `id` applies, and a change made after a proposal's creation never reaches it.
    ///
    /// A proposal created at `c` has the snapshot `c + votingDelay(c)`. That is at most
    /// `now + votingDelay()` while the delay was only lengthened since `c`; a shortening records
    /// the snapshots it leaves behind in {_snapshotHorizon}. Keys never decrease: the key is a
    /// running maximum of `t + votingDelay(t)`, plus one.
    function _parameterKey() private view returns (uint48) {
        uint256 latestSnapshot = clock() + votingDelay();
        uint256 horizon = _snapshotHorizon;
        return SafeCast.toUint48((horizon > latestSnapshot ? horizon : latestSnapshot) + 1);
    }

    /// @dev To call whenever the voting delay changes: a shortening leaves proposals whose
    /// snapshot is later than a proposal created now would have; {_parameterKey} must stay past
    /// them. A lengthening needs nothing (nothing is written).
    function _votingDelayChanged(uint256 oldDelay, uint256 newDelay) internal {
        if (newDelay >= oldDelay) return;
        uint256 latestSnapshot = clock() + oldDelay;
        if (latestSnapshot > _snapshotHorizon) {
            _snapshotHorizon = SafeCast.toUint48(latestSnapshot);
        }
    }

    function _pack(
        uint256 weight,
        uint256 share,
        uint256 fraction,
        uint256 extension
    ) private pure returns (uint208) {
        // fits 208 bits: weight < 2^20, share and fraction < 2^16, extension < 2^32 (checked when set)
        return uint208((weight << 64) | (share << 48) | (fraction << 32) | extension);
    }

    function _unpack(
        uint256 packed
    ) private pure returns (uint256 weight, uint256 share, uint256 fraction, uint256 extension) {
        return (
            packed >> 64,
            (packed >> 48) & 0xffff,
            (packed >> 32) & 0xffff,
            packed & 0xffffffff
        );
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

    function _checkLateQuorumExtension(uint256 extension) private view {
        uint256 period = votingPeriod();
        if (extension > period)
            revert HolisticGovernorInvalidLateQuorumExtension(extension, period);
    }
}
