// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title DexMockToken
/// @notice Test-only ERC20 that anyone can mint.
contract DexMockToken is ERC20 {
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /// @notice Mints `amount` to `to`; test networks only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
