// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICoopCallee
/// @notice Receiver of a flash swap: {ICoopPair-swap} with non-empty `data` pays out first, calls
/// `coopCall` on the recipient, and then requires that enough was paid in.
interface ICoopCallee {
    /// @param sender The account that called `swap`.
    /// @param amount0Out The amount of token0 paid out to the recipient.
    /// @param amount1Out The amount of token1 paid out to the recipient.
    /// @param data The bytes given to `swap`.
    function coopCall(
        address sender,
        uint256 amount0Out,
        uint256 amount1Out,
        bytes calldata data
    ) external;
}
