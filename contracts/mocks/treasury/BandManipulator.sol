// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ICoopRouter} from "../../interfaces/ICoopRouter.sol";
import {IRedemptionTreasury} from "../../interfaces/IRedemptionTreasury.sol";

/// @dev Moves the pool's spot price and calls a band defence in the same transaction (hence
/// the same block): the manipulation the TWAP must not see.
contract BandManipulator {
    /// @dev Swaps `amountIn` of `path[0]` (held by this contract) along `path`, then calls
    /// `defendFloor` (`floor`) or `defendCeiling` on `treasury`. A revert bubbles up.
    function swapThenDefend(
        ICoopRouter router,
        address[] calldata path,
        uint256 amountIn,
        IRedemptionTreasury treasury,
        bool floor
    ) external {
        IERC20(path[0]).approve(address(router), amountIn);
        router.swapExactTokensForTokens(amountIn, 0, path, address(this), block.timestamp);
        if (floor) {
            treasury.defendFloor();
        } else {
            treasury.defendCeiling();
        }
    }
}
