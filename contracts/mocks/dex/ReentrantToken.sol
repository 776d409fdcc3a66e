// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ReentrantToken
/// @notice Test-only malicious ERC20: once armed, every transfer calls back into `target` with
/// `payload` (as an ERC777-style hook would) and bubbles up the callee's revert.
contract ReentrantToken is ERC20 {
    address private _target;
    bytes private _payload;
    bool private _armed;

    constructor() ERC20("Reentrant", "REENT") {}

    /// @notice Mints `amount` to `to`; test networks only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Makes the next transfers call `target` with `payload`.
    function arm(address target, bytes calldata payload) external {
        (_target, _payload, _armed) = (target, payload, true);
    }

    /// @notice Stops the callbacks.
    function disarm() external {
        _armed = false;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (_armed && from != address(0) && to != address(0)) {
            _armed = false; // one callback per arming, so the reentered call may transfer
            // the mock forwards arbitrary calldata
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory reason) = _target.call(_payload);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(reason, 0x20), mload(reason))
                }
            }
        }
    }
}
