// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRedemptionTreasury} from "../../interfaces/IRedemptionTreasury.sol";
import {IWorkHours} from "../../interfaces/IWorkHours.sol";
import {ITokensReceived} from "./MockReserveToken.sol";

/// @dev A member contract that, when the treasury pays it (native RBTC or a hooked ERC20),
/// re-enters the treasury with a prepared call. With `bubble` it reverts with the re-entry's
/// error; otherwise it records the outcome and keeps the payment.
contract ReentrantRedeemer is ITokensReceived {
    IRedemptionTreasury public immutable treasury;

    bool public armed;
    bytes public reentry;
    uint256 public reentryValue;
    bool public bubble;

    uint256 public attempts;
    bool public reentrySucceeded;
    bytes public reentryError;

    constructor(IRedemptionTreasury treasury_) {
        treasury = treasury_;
    }

    /// @dev Arms the re-entry: `data` (empty: a plain transfer) is called on the treasury with
    /// `value`.
    function arm(bytes calldata data, uint256 value, bool bubble_) external payable {
        armed = true;
        reentry = data;
        reentryValue = value;
        bubble = bubble_;
    }

    function redeem(IWorkHours.Category category, uint256 amount) external {
        treasury.redeem(category, amount, 0);
    }

    function call(address target, bytes calldata data) external payable {
        (bool ok, bytes memory ret) = target.call{value: msg.value}(data);
        if (!ok) _bubble(ret);
    }

    receive() external payable {
        _reenter();
    }

    function tokensReceived(address, uint256) external {
        _reenter();
    }

    function _reenter() private {
        if (!armed || attempts != 0) return;
        ++attempts;
        (bool ok, bytes memory ret) = address(treasury).call{value: reentryValue}(reentry);
        reentrySucceeded = ok;
        reentryError = ret;
        if (!ok && bubble) _bubble(ret);
    }

    function _bubble(bytes memory ret) private pure {
        assembly ("memory-safe") {
            revert(add(ret, 0x20), mload(ret))
        }
    }
}
