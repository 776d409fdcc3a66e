// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantReserve
/// @notice TEST ONLY. A reserve token whose every transfer calls back into `target` with `data`
/// once it is armed (a token hook), bubbling the callback's revert: the attack of a settlement
/// paid in a token that re-enters the clearing union or a treasury mid-transfer.
contract ReentrantReserve is ERC20 {
    address private _target;
    bytes private _data;

    constructor() ERC20("Reentrant Reserve", "RRSV") {}

    /// @notice Mints `amount` to `to`. Open to anyone: tests only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Arms the hook: the next transfer calls `target` with `data`.
    function arm(address target, bytes calldata data) external {
        _target = target;
        _data = data;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        address target = _target;
        if (target == address(0)) return;
        _target = address(0);
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory result) = target.call(_data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(result, 32), mload(result))
            }
        }
    }
}
