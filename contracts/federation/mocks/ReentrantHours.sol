// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IClearingUnion} from "../../interfaces/IClearingUnion.sol";
import {WorkHours} from "../../token/WorkHours.sol";

/// @title ReentrantHours
/// @notice Test double: a {WorkHours} whose federation mint calls back into the clearing union,
/// as a token with a receive hook could. Used to show that a payment cannot be re-entered.
contract ReentrantHours is WorkHours {
    IClearingUnion private _union;
    address private _from;
    address private _to;
    uint256 private _amount;

    constructor(address admin) WorkHours("Reentrant Hours", "RHOUR", admin) {}

    /// @notice Arms the hook: the next federation mint pays `amount` of `from` to `to` again.
    function arm(IClearingUnion union, address from, address to, uint256 amount) external {
        _union = union;
        _from = from;
        _to = to;
        _amount = amount;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from == address(0) && address(_union) != address(0) && msg.sender == address(_union)) {
            IClearingUnion union = _union;
            delete _union;
            union.pay(_from, _to, to, _amount, 0);
        }
    }
}
