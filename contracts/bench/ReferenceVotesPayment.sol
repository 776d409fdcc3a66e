// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReferenceVotesToken} from "./ReferenceVotesToken.sol";

/// @title ReferenceBurnableVotesToken
/// @notice BENCH ONLY. {ReferenceVotesToken} (plain OpenZeppelin ERC20 + ERC20Permit +
/// ERC20Votes, timestamp clock) with an open burn, so that {ReferenceVotesPayment} can burn on one
/// token and mint on another as the clearing union does.
/// @dev Anyone may mint and burn anyone's tokens: bench set-up only. Never deploy this anywhere
/// else.
contract ReferenceBurnableVotesToken is ReferenceVotesToken {
    /// @notice Burns `amount` of `from`'s tokens. Open to anyone: bench only.
    function burn(address from, uint256 amount) external {
        _burn(from, amount);
    }
}

/// @title ReferenceVotesPayment
/// @notice BENCH ONLY. The floor under a clearing-union payment: the same two token operations
/// on OpenZeppelin's ERC20Votes, in one transaction and nothing else. It burns the caller's
/// tokens of `from` and mints as many of `to` to `recipient`: no clearing balance, limit, index,
/// role or event of its own. Each operation moves a delegate's vote checkpoints and the total-
/// supply checkpoints, as a `WorkHours` burn and mint do.
contract ReferenceVotesPayment {
    /// @notice Burns `amount` of the caller's `from` tokens and mints `amount` of `to` to
    /// `recipient`.
    function pay(
        ReferenceBurnableVotesToken from,
        ReferenceBurnableVotesToken to,
        address recipient,
        uint256 amount
    ) external {
        from.burn(msg.sender, amount);
        to.mint(recipient, amount);
    }
}
