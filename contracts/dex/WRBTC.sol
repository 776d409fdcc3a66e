// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

import {IWRBTC} from "../interfaces/IWRBTC.sol";

/// @title WRBTC
/// @notice Wrapped RBTC for local and test networks: every token is backed by one wei of RBTC
/// held by this contract. On RSK testnet and mainnet, use the canonical WRBTC instead.
/// @dev Invariant: `address(this).balance >= totalSupply()` (equality unless RBTC is forced in
/// by a self-destruct or a coinbase payment).
contract WRBTC is ERC20, IWRBTC {
    // ---------------------------------------------------------------- constructor

    constructor() ERC20("Wrapped RBTC", "WRBTC") {}

    // ---------------------------------------------------------------- external

    /// @notice Wraps the RBTC sent, as {deposit}.
    receive() external payable {
        _deposit();
    }

    /// @inheritdoc IWRBTC
    /// @dev Emits {Deposited} and {IERC20-Transfer}.
    function deposit() external payable {
        _deposit();
    }

    /// @inheritdoc IWRBTC
    /// @dev Requirements:
    /// - the caller holds at least `amount`;
    /// - the caller accepts RBTC.
    ///
    /// Emits {Withdrawn} and {IERC20-Transfer}.
    function withdraw(uint256 amount) external {
        // Effects before the interaction: the tokens are burnt before the RBTC leaves.
        _burn(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
        (bool sent, ) = msg.sender.call{value: amount}("");
        if (!sent) revert WRBTCTransferFailed(msg.sender, amount);
    }

    // ---------------------------------------------------------------- internal

    function _deposit() private {
        _mint(msg.sender, msg.value);
        emit Deposited(msg.sender, msg.value);
    }
}
