// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title ReferenceVotesToken
/// @notice BENCH ONLY. The OpenZeppelin ERC20Votes token that `npm run bench` measures our
/// tokens against: plain OpenZeppelin ERC20 + ERC20Permit + ERC20Votes, with the timestamp
/// clock (ERC-6372) that our tokens use.
/// @dev Anyone may mint: the benchmark sets up holders with it. Never deploy this anywhere else.
contract ReferenceVotesToken is ERC20, ERC20Permit, ERC20Votes {
    constructor() ERC20("Reference Votes", "RVT") ERC20Permit("Reference Votes") {}

    /// @notice Mints `amount` to `to`. Open to anyone: bench set-up only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice The timestamp clock, as our tokens use.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 description of the timestamp clock.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
