// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {ERC6372Utils} from "@openzeppelin/contracts/utils/ERC6372Utils.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {VoteCheckpoints} from "./VoteCheckpoints.sol";

/// @title TimestampVotes
/// @notice The votes core that {WorkHours} and {CareReputation} share, so that a governor reads
/// both the same way: the ERC-6372 timestamp clock, and vote and total-supply histories kept as
/// {VoteCheckpoints} traces, whose latest checkpoint and count share one slot.
/// @dev Replaces the storage of OpenZeppelin {Votes}, whose arrays stay empty. A past lookup at
/// or after an account's latest checkpoint costs one storage read; earlier ones search.
///
/// Invariants a subclass keeps:
/// - `_supply` moves only with mints and burns, and equals the sum of every account's units;
/// - `_votes[d]` is the sum of the units of the accounts whose delegatee is `d`, moved only
///   through {_moveDelegateVotes} (or an equal write of a subclass's batch path).
abstract contract TimestampVotes is Votes {
    using VoteCheckpoints for VoteCheckpoints.Trace;

    // ─── Storage ─────────────────────────────────────────────────────────────────────────────

    /// @dev Each delegatee's votes over time.
    mapping(address delegatee => VoteCheckpoints.Trace) internal _votes;

    /// @dev The total supply over time.
    VoteCheckpoints.Trace internal _supply;

    // ─── External: votes ─────────────────────────────────────────────────────────────────────

    /// @inheritdoc Votes
    function getVotes(address account) public view virtual override returns (uint256) {
        return _votes[account].latest();
    }

    /// @inheritdoc Votes
    /// @dev One storage read when `account`'s votes did not change after `timepoint`; otherwise a
    /// binary search of its checkpoints.
    function getPastVotes(
        address account,
        uint256 timepoint
    ) public view virtual override returns (uint256) {
        return _votes[account].upperLookup(_validateTimepoint(timepoint));
    }

    /// @inheritdoc Votes
    /// @dev One storage read when no mint or burn happened after `timepoint`.
    function getPastTotalSupply(uint256 timepoint) public view virtual override returns (uint256) {
        return _supply.upperLookup(_validateTimepoint(timepoint));
    }

    /// @inheritdoc Votes
    function clock() public view virtual override returns (uint48) {
        return Time.timestamp();
    }

    /// @inheritdoc Votes
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public view virtual override returns (string memory) {
        return ERC6372Utils.timestampClockMode(clock);
    }

    /// @notice The number of vote checkpoints of `account`.
    function numCheckpoints(address account) public view virtual returns (uint32) {
        return _numCheckpoints(account);
    }

    /// @notice The `pos`-th vote checkpoint of `account`.
    /// @dev Panics (0x32) when `pos >= numCheckpoints(account)`.
    function checkpoints(
        address account,
        uint32 pos
    ) public view virtual returns (Checkpoints.Checkpoint208 memory) {
        return _checkpoints(account, pos);
    }

    // ─── Hooks ───────────────────────────────────────────────────────────────────────────────

    /// @dev Moves `amount` votes from delegatee `from` to `to` (either may be zero: a mint or a
    /// burn), one checkpoint write each, as {Votes} does. Emits {DelegateVotesChanged} per side.
    function _moveDelegateVotes(
        address from,
        address to,
        uint256 amount
    ) internal virtual override {
        if (from == to || amount == 0) return;
        uint48 timepoint = clock();
        if (from != address(0)) {
            (uint256 oldValue, uint256 newValue) = _votes[from].subtract(timepoint, amount);
            emit DelegateVotesChanged(from, oldValue, newValue);
        }
        if (to != address(0)) {
            (uint256 oldValue, uint256 newValue) = _votes[to].add(timepoint, amount);
            emit DelegateVotesChanged(to, oldValue, newValue);
        }
    }

    /// @dev The latest total-supply checkpoint.
    function _getTotalSupply() internal view virtual override returns (uint256) {
        return _supply.latest();
    }

    /// @dev The number of vote checkpoints of `account`.
    function _numCheckpoints(address account) internal view virtual override returns (uint32) {
        return SafeCast.toUint32(_votes[account].length());
    }

    /// @dev The `pos`-th vote checkpoint of `account`.
    function _checkpoints(
        address account,
        uint32 pos
    ) internal view virtual override returns (Checkpoints.Checkpoint208 memory) {
        return _votes[account].at(pos);
    }
}
