// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test, stdError} from "forge-std/Test.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";

import {VoteCheckpoints} from "../../contracts/token/VoteCheckpoints.sol";

/// A VoteCheckpoints trace beside an OpenZeppelin Trace208 fed the same writes: the reference.
contract VoteCheckpointsHarness {
    using VoteCheckpoints for VoteCheckpoints.Trace;
    using Checkpoints for Checkpoints.Trace208;

    VoteCheckpoints.Trace internal _trace;
    Checkpoints.Trace208 internal _reference;

    function push(uint48 key, uint256 value) external returns (uint256, uint256) {
        (uint256 oldValue, uint256 newValue) = _trace.push(key, value);
        (uint208 refOld, uint208 refNew) = _reference.push(key, uint208(value));
        require(oldValue == refOld && newValue == refNew, "push differs");
        return (oldValue, newValue);
    }

    function add(uint48 key, uint256 amount) external returns (uint256, uint256) {
        return _trace.add(key, amount);
    }

    function subtract(uint48 key, uint256 amount) external returns (uint256, uint256) {
        return _trace.subtract(key, amount);
    }

    function upperLookup(uint48 key) external view returns (uint256) {
        return _trace.upperLookup(key);
    }

    function referenceUpperLookup(uint48 key) external view returns (uint256) {
        return _reference.upperLookupRecent(key);
    }

    function latest() external view returns (uint256) {
        return _trace.latest();
    }

    function referenceLatest() external view returns (uint256) {
        return _reference.latest();
    }

    function length() external view returns (uint256) {
        return _trace.length();
    }

    function referenceLength() external view returns (uint256) {
        return _reference.length();
    }

    function at(uint256 pos) external view returns (Checkpoints.Checkpoint208 memory) {
        return _trace.at(pos);
    }

    function referenceAt(uint32 pos) external view returns (Checkpoints.Checkpoint208 memory) {
        return _reference.at(pos);
    }
}

/// Fuzz and edge-case tests of VoteCheckpoints: every read equals OpenZeppelin's on the same
/// history, the O(1) path included (lookups at, after and before the latest checkpoint).
contract VoteCheckpointsTest is Test {
    VoteCheckpointsHarness internal trace;

    function setUp() public {
        trace = new VoteCheckpointsHarness();
    }

    /// Pushes `steps` checkpoints whose keys advance by 0 to 3 (0: an update of the latest),
    /// then compares every lookup around every key, `latest`, `length` and each checkpoint.
    function testFuzz_matchesOpenZeppelin(
        uint48 start,
        uint8[48] memory steps,
        uint8 count
    ) public {
        uint256 n = bound(count, 0, steps.length);
        uint48 first = uint48(bound(start, 1, type(uint48).max - 4 * steps.length - 2));
        uint48 key = first;
        for (uint256 i = 0; i < n; ++i) {
            key += steps[i] % 4;
            uint256 value = uint256(keccak256(abi.encode(i, steps[i]))) >> 96;
            trace.push(key, value);
        }
        assertEq(trace.latest(), trace.referenceLatest(), "latest");
        assertEq(trace.length(), trace.referenceLength(), "length");
        for (uint32 p = 0; p < trace.length(); ++p) {
            Checkpoints.Checkpoint208 memory ours = trace.at(p);
            Checkpoints.Checkpoint208 memory theirs = trace.referenceAt(p);
            assertEq(ours._key, theirs._key, "key");
            assertEq(ours._value, theirs._value, "value");
        }
        // every key from just before the first to just after the last
        for (uint48 k = first - 1; k <= key + 1; ++k) {
            assertEq(trace.upperLookup(k), trace.referenceUpperLookup(k), "lookup");
        }
    }

    /// Lookups at arbitrary keys on a long history (the recent-end probe and the binary search).
    function testFuzz_lookupOnLongHistory(uint48[4] memory keys, uint8 count) public {
        uint256 n = bound(count, 1, 200);
        for (uint256 i = 0; i < n; ++i) trace.push(uint48(10 + 3 * i), i + 1);
        for (uint256 j = 0; j < keys.length; ++j) {
            uint48 k = uint48(bound(keys[j], 0, 20 + 3 * n));
            assertEq(trace.upperLookup(k), trace.referenceUpperLookup(k));
        }
    }

    function test_emptyTrace() public view {
        assertEq(trace.upperLookup(0), 0);
        assertEq(trace.upperLookup(type(uint48).max), 0);
        assertEq(trace.latest(), 0);
        assertEq(trace.length(), 0);
    }

    function test_lookupAtAfterAndBeforeTheLatest() public {
        trace.push(10, 1);
        trace.push(20, 2);
        trace.push(30, 3);
        // at and after the latest: the fast path
        assertEq(trace.upperLookup(30), 3);
        assertEq(trace.upperLookup(type(uint48).max), 3);
        // before the latest: the fallback, at, between and before the earlier ones
        assertEq(trace.upperLookup(29), 2);
        assertEq(trace.upperLookup(20), 2);
        assertEq(trace.upperLookup(19), 1);
        assertEq(trace.upperLookup(10), 1);
        assertEq(trace.upperLookup(9), 0);
    }

    function test_singleCheckpoint() public {
        trace.push(10, 7);
        assertEq(trace.upperLookup(10), 7);
        assertEq(trace.upperLookup(9), 0);
        assertEq(trace.length(), 1);
    }

    function test_sameKeyUpdatesTheLatest() public {
        trace.push(10, 1);
        trace.push(20, 2);
        (uint256 oldValue, uint256 newValue) = trace.push(20, 5);
        assertEq(oldValue, 2);
        assertEq(newValue, 5);
        assertEq(trace.length(), 2);
        assertEq(trace.upperLookup(20), 5);
        assertEq(trace.upperLookup(19), 1);
    }

    function test_zeroValueCheckpointCounts() public {
        trace.push(10, 0);
        assertEq(trace.length(), 1);
        trace.push(20, 4);
        assertEq(trace.upperLookup(15), 0);
        assertEq(trace.at(0)._key, 10);
    }

    function test_addAndSubtract() public {
        (uint256 a, uint256 b) = trace.add(10, 5);
        assertEq(a, 0);
        assertEq(b, 5);
        (a, b) = trace.subtract(10, 2);
        assertEq(a, 5);
        assertEq(b, 3);
        (a, b) = trace.add(11, 4);
        assertEq(a, 3);
        assertEq(b, 7);
        assertEq(trace.length(), 2);
        assertEq(trace.upperLookup(10), 3);
    }

    function test_revertsOnSubtractBelowZero() public {
        trace.add(10, 1);
        vm.expectRevert(stdError.arithmeticError);
        trace.subtract(11, 2);
    }

    function test_revertsOnAnEarlierKey() public {
        trace.push(10, 1);
        vm.expectRevert(Checkpoints.CheckpointUnorderedInsertion.selector);
        trace.push(9, 1);
    }

    function test_revertsOnAValueWiderThan160Bits() public {
        trace.push(10, type(uint160).max);
        assertEq(trace.latest(), type(uint160).max);
        vm.expectRevert(
            abi.encodeWithSelector(
                SafeCast.SafeCastOverflowedUintDowncast.selector,
                160,
                uint256(type(uint160).max) + 1
            )
        );
        trace.add(11, 1);
    }

    function test_atPanicsPastTheEnd() public {
        vm.expectRevert(stdError.indexOOBError);
        trace.at(0);
        trace.push(10, 1);
        vm.expectRevert(stdError.indexOOBError);
        trace.at(1);
    }
}
