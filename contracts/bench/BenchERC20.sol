// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title BenchERC20
/// @notice BENCH ONLY. A plain OpenZeppelin ERC20 with an open mint, for the two tokens that
/// both our pair and Uniswap V2's pair trade in `npm run bench`, so that the pair-level
/// comparison measures the pairs and not the tokens.
contract BenchERC20 is ERC20 {
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /// @notice Mints `amount` to `to`. Open to anyone: bench set-up only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
