// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

/// @title FlashVoter
/// @notice Test-only attacker: within one transaction it borrows tokens from a lender that
/// approved it, votes with them, and pays them back, as a flash loan would.
contract FlashVoter {
    /// @notice Borrows `amount` of `token` from `lender`, votes `support` on `proposalId`, repays.
    /// @return weight The weight the governor counted for the vote.
    function borrowVoteRepay(
        IERC20 token,
        address lender,
        uint256 amount,
        IGovernor governor,
        uint256 proposalId,
        uint8 support
    ) external returns (uint256 weight) {
        token.transferFrom(lender, address(this), amount);
        weight = governor.castVote(proposalId, support);
        token.transfer(lender, amount);
    }
}
