// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Panic} from "@openzeppelin/contracts/utils/Panic.sol";

/// @title VoteCheckpoints
/// @notice A history of (timepoint, value) checkpoints, like OpenZeppelin's `Checkpoints.Trace208`,
/// laid out so that the latest checkpoint and the number of checkpoints share one storage slot.
/// @dev The layout serves the two reads a governor and a token make most:
///
/// - the current value and every write read one slot (`_latest`), not the array's length and
///   then its last element;
/// - a lookup at a timepoint at or after the latest checkpoint (a voter who has not moved tokens
///   since a proposal's snapshot) returns from that same slot, in O(1) whatever the history's
///   length; an older timepoint falls back to a binary search of the earlier checkpoints.
///
/// A write costs what an array push costs: a checkpoint at a new timepoint writes the previous
/// latest checkpoint into `_earlier` (a zero slot, as an array push writes its new element) and the
/// new latest checkpoint with the count (one slot, as an array push writes its length); one at
/// the latest timepoint rewrites `_latest` only. Each slot is written at most once per update.
///
/// Values are at most 160 bits: callers keep their supply below 2^160 (a token with a 2^96 cap, or
/// a check before the update); a wider value reverts with `SafeCastOverflowedUintDowncast`.
/// Timepoints are ERC-6372 `uint48` and never decrease (`CheckpointUnorderedInsertion`).
library VoteCheckpoints {
    /// @dev Checkpoints of one account (or of a supply).
    struct Trace {
        // the latest checkpoint and the count: value (bits 0-159) | key (160-207) | count (208-255)
        uint256 _latest;
        // every checkpoint before the latest, by position: value (bits 0-159) | key (160-207)
        mapping(uint256 pos => uint256) _earlier;
    }

    uint256 private constant _KEY_SHIFT = 160;
    uint256 private constant _COUNT_SHIFT = 208;
    uint256 private constant _CHECKPOINT_MASK = (1 << _COUNT_SHIFT) - 1;

    // ─── Writes ──────────────────────────────────────────────────────────────────────────────

    /// @dev Records `value` at `key`: a new checkpoint, or an update of the latest one when it has
    /// the same key. Returns the previous latest value and the new one.
    function push(
        Trace storage self,
        uint48 key,
        uint256 value
    ) internal returns (uint256 oldValue, uint256 newValue) {
        return _store(self, self._latest, key, value);
    }

    /// @dev {push} of the latest value plus `amount`.
    function add(
        Trace storage self,
        uint48 key,
        uint256 amount
    ) internal returns (uint256 oldValue, uint256 newValue) {
        // one read of the slot serves both the old value and the write
        uint256 head = self._latest;
        return _store(self, head, key, uint160(head) + amount);
    }

    /// @dev {push} of the latest value minus `amount`; panics (0x11) below zero.
    function subtract(
        Trace storage self,
        uint48 key,
        uint256 amount
    ) internal returns (uint256 oldValue, uint256 newValue) {
        // one read of the slot serves both the old value and the write
        uint256 head = self._latest;
        return _store(self, head, key, uint160(head) - amount);
    }

    // ─── Reads ───────────────────────────────────────────────────────────────────────────────

    /// @dev The value of the latest checkpoint with a key at or before `key`, or zero if none.
    /// O(1) when the latest checkpoint qualifies; otherwise a binary search of the earlier ones
    /// that first probes the recent end, like OpenZeppelin's `upperLookupRecent`.
    function upperLookup(Trace storage self, uint48 key) internal view returns (uint256) {
        uint256 head = self._latest;
        // fast path: no checkpoint at all, or the latest is at or before `key`
        if (head == 0) return 0;
        if (_keyOf(head) <= key) return uint160(head);

        // the latest is after `key`: search the earlier checkpoints, whose keys strictly increase
        uint256 low = 0;
        uint256 high = (head >> _COUNT_SHIFT) - 1;
        if (high > 5) {
            // cannot underflow: sqrt(high) <= high
            uint256 probe = high - Math.sqrt(high);
            if (key < _keyOf(self._earlier[probe])) {
                high = probe;
            } else {
                low = probe + 1;
            }
        }
        // invariant: earlier[< low] have keys <= key; earlier[>= high] have keys > key
        while (low < high) {
            uint256 mid = Math.average(low, high);
            if (_keyOf(self._earlier[mid]) > key) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return high == 0 ? 0 : uint160(self._earlier[high - 1]);
    }

    /// @dev The value of the latest checkpoint, or zero if there is none.
    function latest(Trace storage self) internal view returns (uint256) {
        return uint160(self._latest);
    }

    /// @dev The number of checkpoints.
    function length(Trace storage self) internal view returns (uint256) {
        return self._latest >> _COUNT_SHIFT;
    }

    /// @dev The checkpoint at position `pos` (0 is the oldest), as OpenZeppelin's struct; panics
    /// (0x32) past the end, as an array access does.
    function at(
        Trace storage self,
        uint256 pos
    ) internal view returns (Checkpoints.Checkpoint208 memory) {
        uint256 head = self._latest;
        uint256 count = head >> _COUNT_SHIFT;
        if (pos >= count) Panic.panic(Panic.ARRAY_OUT_OF_BOUNDS);
        uint256 checkpoint = pos == count - 1 ? head : self._earlier[pos];
        // exact: a value is at most 160 bits
        return
            Checkpoints.Checkpoint208({
                _key: _keyOf(checkpoint),
                _value: uint208(uint160(checkpoint))
            });
    }

    // ─── Private ─────────────────────────────────────────────────────────────────────────────

    /// @dev Writes `value` at `key` given `head`, the current `_latest` slot: at most one write per slot.
    function _store(
        Trace storage self,
        uint256 head,
        uint48 key,
        uint256 value
    ) private returns (uint256 oldValue, uint256 newValue) {
        uint256 checkpoint = SafeCast.toUint160(value) | (uint256(key) << _KEY_SHIFT);
        uint256 count = head >> _COUNT_SHIFT;
        if (count != 0) {
            uint48 lastKey = _keyOf(head);
            if (lastKey > key) revert Checkpoints.CheckpointUnorderedInsertion();
            oldValue = uint160(head);
            if (lastKey == key) {
                self._latest = checkpoint | (count << _COUNT_SHIFT);
                return (oldValue, value);
            }
            // the previous latest checkpoint joins the earlier ones, at the end
            self._earlier[count - 1] = head & _CHECKPOINT_MASK;
        }
        // fits 48 bits: each new checkpoint has a greater uint48 key, so 2^48 - 1 of them would
        // take every second until the end of ERC-6372 time
        self._latest = checkpoint | ((count + 1) << _COUNT_SHIFT);
        return (oldValue, value);
    }

    function _keyOf(uint256 checkpoint) private pure returns (uint48) {
        return uint48(checkpoint >> _KEY_SHIFT);
    }
}
