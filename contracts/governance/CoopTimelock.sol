// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title CoopTimelock
/// @notice The cooperative's executor: OpenZeppelin's {TimelockController}, unchanged. It holds
/// every privileged role of the cooperative's contracts; the {HolisticGovernor} is its only
/// proposer and canceller, and anyone may execute a ready operation.
/// @dev A named subclass so that the project compiles it and deployments (Ignition, Blockscout
/// verification) have an artifact of their own.
contract CoopTimelock is TimelockController {
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
}
