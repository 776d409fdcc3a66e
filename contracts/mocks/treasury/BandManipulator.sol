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
        _defend(treasury, floor);
    }

    /// @dev The sandwich: swaps `amountIn` of `path[0]` for `path[1]`, calls the defence, sells
    /// back all of `path[1]` it got, and returns its gain in `path[0]` (negative: a loss).
    /// Reverts if the defence reverts.
    function sandwich(
        ICoopRouter router,
        address[] calldata path,
        uint256 amountIn,
        IRedemptionTreasury treasury,
        bool floor
    ) external returns (int256 gain) {
        IERC20 tokenIn = IERC20(path[0]);
        IERC20 tokenOut = IERC20(path[1]);
        uint256 startIn = tokenIn.balanceOf(address(this));
        uint256 startOut = tokenOut.balanceOf(address(this));
        tokenIn.approve(address(router), amountIn);
        router.swapExactTokensForTokens(amountIn, 0, path, address(this), block.timestamp);
        _defend(treasury, floor);
        uint256 got = tokenOut.balanceOf(address(this)) - startOut;
        address[] memory back = new address[](2);
        (back[0], back[1]) = (path[1], path[0]);
        tokenOut.approve(address(router), got);
        router.swapExactTokensForTokens(got, 0, back, address(this), block.timestamp);
        gain = int256(tokenIn.balanceOf(address(this))) - int256(startIn);
    }

    /// @dev Calls the same defence twice in one transaction.
    function defendTwice(IRedemptionTreasury treasury, bool floor) external {
        _defend(treasury, floor);
        _defend(treasury, floor);
    }

    function _defend(IRedemptionTreasury treasury, bool floor) private {
        if (floor) {
            treasury.defendFloor();
        } else {
            treasury.defendCeiling();
        }
    }
}
