// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IWRBTC
/// @notice Wrapped RBTC: an ERC20 backed one to one by native RBTC. The same calls as RSK's
/// deployed WRBTC (a WETH9), so the router works with either.
interface IWRBTC is IERC20 {
    /// @dev Sending RBTC to `to` failed.
    error WRBTCTransferFailed(address to, uint256 amount);

    /// @dev `account` wrapped `amount` RBTC.
    event Deposited(address indexed account, uint256 amount);

    /// @dev `account` unwrapped `amount` RBTC.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice Wraps the RBTC sent into as many tokens, to the caller.
    function deposit() external payable;

    /// @notice Burns `amount` of the caller's tokens and sends as much RBTC to the caller.
    function withdraw(uint256 amount) external;
}
