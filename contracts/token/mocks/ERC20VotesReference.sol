// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title ERC20VotesReference
/// @notice A plain OpenZeppelin ERC20 + ERC20Permit + ERC20Votes token with the default
/// block-number clock and open minting. Test-only: the gas yardstick for {WorkHours} transfers.
contract ERC20VotesReference is ERC20, ERC20Permit, ERC20Votes {
    constructor() ERC20("Reference", "REF") ERC20Permit("Reference") {}

    /// @notice Mints `amount` to `to`. Anyone may call it: test-only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
