// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ICoopCallee} from "../../interfaces/ICoopCallee.sol";
import {ICoopPair} from "../../interfaces/ICoopPair.sol";

/// @title FlashBorrower
/// @notice Test-only flash-swap receiver. In its callback it repays `repay0`/`repay1` to the
/// pair, then, if set, calls the pair again with `reentry` and bubbles up its revert.
contract FlashBorrower is ICoopCallee {
    uint256 private _repay0;
    uint256 private _repay1;
    bytes private _reentry;

    /// @notice What the next callback pays back, and the call it makes into the pair.
    function configure(uint256 repay0, uint256 repay1, bytes calldata reentry) external {
        (_repay0, _repay1, _reentry) = (repay0, repay1, reentry);
    }

    /// @notice Starts a flash swap on `pair`.
    function borrow(address pair, uint256 amount0Out, uint256 amount1Out) external {
        ICoopPair(pair).swap(amount0Out, amount1Out, address(this), hex"01");
    }

    /// @inheritdoc ICoopCallee
    function coopCall(address, uint256, uint256, bytes calldata) external {
        ICoopPair pair = ICoopPair(msg.sender);
        if (_repay0 != 0) IERC20(pair.token0()).transfer(msg.sender, _repay0);
        if (_repay1 != 0) IERC20(pair.token1()).transfer(msg.sender, _repay1);
        if (_reentry.length != 0) {
            // the mock forwards arbitrary calldata
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory reason) = msg.sender.call(_reentry);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(reason, 0x20), mload(reason))
                }
            }
        }
    }
}
