// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {CoopTimelock} from "../../contracts/governance/CoopTimelock.sol";

/// A call target that counts its calls.
contract Counter {
    uint256 public calls;

    function hit() external {
        ++calls;
    }
}

/// Fuzz tests of the timelock's expiry: a ready operation is executable for exactly
/// {CoopTimelock-GRACE_PERIOD} seconds, by anyone (open executor role), and never after.
contract CoopTimelockFuzzTest is Test {
    CoopTimelock internal timelock;
    Counter internal counter;
    uint256 internal constant DELAY = 1 days;

    function setUp() public {
        address[] memory proposers = new address[](1);
        proposers[0] = address(this);
        address[] memory executors = new address[](1);
        executors[0] = address(0);
        timelock = new CoopTimelock(DELAY, proposers, executors, address(0));
        counter = new Counter();
    }

    function _batch()
        internal
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory payloads)
    {
        targets = new address[](1);
        targets[0] = address(counter);
        values = new uint256[](1);
        payloads = new bytes[](1);
        payloads[0] = abi.encodeCall(Counter.hit, ());
    }

    function testFuzz_executeBatchWithinGrace(uint256 elapsed, address executor) public {
        elapsed = bound(elapsed, 0, 3 * timelock.GRACE_PERIOD());
        (address[] memory targets, uint256[] memory values, bytes[] memory payloads) = _batch();
        timelock.scheduleBatch(targets, values, payloads, 0, 0, DELAY);
        bytes32 id = timelock.hashOperationBatch(targets, values, payloads, 0, 0);
        uint256 readyAt = block.timestamp + DELAY;
        vm.warp(readyAt + elapsed);
        if (elapsed > timelock.GRACE_PERIOD()) {
            assertTrue(timelock.isOperationExpired(id));
            assertFalse(timelock.isOperationPending(id));
            vm.expectRevert(
                abi.encodeWithSelector(
                    CoopTimelock.CoopTimelockExpiredOperation.selector,
                    id,
                    readyAt,
                    readyAt + timelock.GRACE_PERIOD()
                )
            );
            vm.prank(executor);
            timelock.executeBatch(targets, values, payloads, 0, 0);
            assertEq(counter.calls(), 0);
        } else {
            assertFalse(timelock.isOperationExpired(id));
            vm.prank(executor);
            timelock.executeBatch(targets, values, payloads, 0, 0);
            assertEq(counter.calls(), 1);
            assertTrue(timelock.isOperationDone(id));
            assertFalse(timelock.isOperationExpired(id));
        }
    }

    function testFuzz_executeWithinGrace(uint256 elapsed) public {
        elapsed = bound(elapsed, 0, 3 * timelock.GRACE_PERIOD());
        bytes memory payload = abi.encodeCall(Counter.hit, ());
        timelock.schedule(address(counter), 0, payload, 0, 0, DELAY);
        bytes32 id = timelock.hashOperation(address(counter), 0, payload, 0, 0);
        uint256 readyAt = block.timestamp + DELAY;
        vm.warp(readyAt + elapsed);
        if (elapsed > timelock.GRACE_PERIOD()) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    CoopTimelock.CoopTimelockExpiredOperation.selector,
                    id,
                    readyAt,
                    readyAt + timelock.GRACE_PERIOD()
                )
            );
        }
        timelock.execute(address(counter), 0, payload, 0, 0);
        assertEq(counter.calls(), elapsed > timelock.GRACE_PERIOD() ? 0 : 1);
    }

    /// An expired operation is not pending: the canceller has nothing to cancel.
    function testFuzz_cancelExpired(uint256 elapsed) public {
        elapsed = bound(elapsed, timelock.GRACE_PERIOD() + 1, 10 * timelock.GRACE_PERIOD());
        (address[] memory targets, uint256[] memory values, bytes[] memory payloads) = _batch();
        timelock.scheduleBatch(targets, values, payloads, 0, 0, DELAY);
        bytes32 id = timelock.hashOperationBatch(targets, values, payloads, 0, 0);
        vm.warp(block.timestamp + DELAY + elapsed);
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                id,
                bytes32(
                    (1 << uint8(TimelockController.OperationState.Waiting)) |
                        (1 << uint8(TimelockController.OperationState.Ready))
                )
            )
        );
        timelock.cancel(id);
    }

    /// Before it is ready, OpenZeppelin's own check still applies.
    function testFuzz_executeBeforeReady(uint256 early) public {
        early = bound(early, 1, DELAY);
        (address[] memory targets, uint256[] memory values, bytes[] memory payloads) = _batch();
        timelock.scheduleBatch(targets, values, payloads, 0, 0, DELAY);
        bytes32 id = timelock.hashOperationBatch(targets, values, payloads, 0, 0);
        vm.warp(block.timestamp + DELAY - early);
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                id,
                bytes32(1 << uint8(TimelockController.OperationState.Ready))
            )
        );
        timelock.executeBatch(targets, values, payloads, 0, 0);
        assertEq(counter.calls(), 0);
    }
}
