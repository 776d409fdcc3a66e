// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title CoopTimelock
/// @notice The cooperative's executor: OpenZeppelin's {TimelockController}, with one addition: an
/// operation that was not executed within {GRACE_PERIOD} of becoming ready expires and can no
/// longer be executed (as in Compound's `Timelock`). It holds every privileged role of the
/// cooperative's contracts; the {HolisticGovernor} is its only proposer and canceller, and anyone
/// may execute a ready operation.
/// @dev The expiry lives here, not in the governor, because the executor role is open: anyone
/// may call {execute} or {executeBatch} directly, so a check in the governor alone would be
/// skipped. An expired operation reads as {OperationState-Unset} in {getOperationState}: it is
/// neither pending (so it cannot be cancelled) nor ready (so it cannot be executed), and no state
/// is written for it. {isOperationExpired} tells it apart from an operation never scheduled.
/// Execution checks expiry before OpenZeppelin's own checks, so that it reverts with
/// {CoopTimelockExpiredOperation}.
///
/// Invariant a subclass must keep: no call of an operation runs after `getTimestamp(id) +
/// GRACE_PERIOD`.
contract CoopTimelock is TimelockController {
    // ─── errors ───────────────────────────────────────────────────────────────────────────────

    /// @notice Operation `id` became ready at `readyAt` and expired at `expiredAt`, unexecuted.
    error CoopTimelockExpiredOperation(bytes32 id, uint256 readyAt, uint256 expiredAt);

    // ─── storage ──────────────────────────────────────────────────────────────────────────────

    /// @notice How long, in seconds, a ready operation stays executable: 14 days.
    uint256 public constant GRACE_PERIOD = 14 days;

    /// @dev The `getTimestamp` of an executed operation (OpenZeppelin's `_DONE_TIMESTAMP`).
    uint256 private constant _DONE = 1;

    // ─── constructor ──────────────────────────────────────────────────────────────────────────

    /// @param minDelay Initial minimum delay of an operation, in seconds.
    /// @param proposers Accounts granted the proposer and canceller roles.
    /// @param executors Accounts granted the executor role; `address(0)` opens execution to all.
    /// @param admin Optional temporary admin for set-up (`address(0)` for none); it should
    /// renounce the role once the roles are granted.
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {}

    // ─── external ─────────────────────────────────────────────────────────────────────────────

    /// @notice Executes a ready operation of one call, if it has not expired.
    /// @dev Requirements: as {TimelockController-execute}, and the operation has not expired
    /// ({CoopTimelockExpiredOperation}). Emits {CallExecuted}.
    function execute(
        address target,
        uint256 value,
        bytes calldata payload,
        bytes32 predecessor,
        bytes32 salt
    ) public payable virtual override {
        _checkNotExpired(hashOperation(target, value, payload, predecessor, salt));
        super.execute(target, value, payload, predecessor, salt);
    }

    /// @notice Executes a ready operation of several calls, if it has not expired.
    /// @dev Requirements: as {TimelockController-executeBatch}, and the operation has not expired
    /// ({CoopTimelockExpiredOperation}). Emits one {CallExecuted} per call.
    function executeBatch(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata payloads,
        bytes32 predecessor,
        bytes32 salt
    ) public payable virtual override {
        _checkNotExpired(hashOperationBatch(targets, values, payloads, predecessor, salt));
        super.executeBatch(targets, values, payloads, predecessor, salt);
    }

    // ─── views ────────────────────────────────────────────────────────────────────────────────

    /// @notice Whether operation `id` was scheduled, became ready, and was not executed within
    /// {GRACE_PERIOD}.
    function isOperationExpired(bytes32 id) public view returns (bool) {
        uint256 readyAt = getTimestamp(id);
        return readyAt > _DONE && block.timestamp > readyAt + GRACE_PERIOD;
    }

    /// @notice The state of operation `id`; an expired operation is `Unset` (see the contract's
    /// notes and {isOperationExpired}).
    function getOperationState(bytes32 id) public view virtual override returns (OperationState) {
        // OpenZeppelin's states from one read of the timestamp, and expiry after the grace period
        uint256 readyAt = getTimestamp(id);
        if (readyAt == 0) return OperationState.Unset;
        if (readyAt == _DONE) return OperationState.Done;
        if (readyAt > block.timestamp) return OperationState.Waiting;
        if (block.timestamp > readyAt + GRACE_PERIOD) return OperationState.Unset;
        return OperationState.Ready;
    }

    // ─── internal ─────────────────────────────────────────────────────────────────────────────

    function _checkNotExpired(bytes32 id) private view {
        uint256 readyAt = getTimestamp(id);
        if (readyAt > _DONE && block.timestamp > readyAt + GRACE_PERIOD) {
            revert CoopTimelockExpiredOperation(id, readyAt, readyAt + GRACE_PERIOD);
        }
    }
}
