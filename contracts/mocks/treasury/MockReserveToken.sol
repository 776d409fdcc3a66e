// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @dev A plain ERC20 reserve (a stablecoin stand-in) that anyone may mint in tests.
contract MockReserveToken is ERC20 {
    uint8 private immutable _decimals;

    constructor(string memory name, string memory symbol, uint8 decimals_) ERC20(name, symbol) {
        _decimals = decimals_;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }
}

/// @dev A reserve token that calls `tokensReceived()` on a recipient that opted in, as an
/// ERC777-style token would: the way an ERC20 reserve could hand control to an attacker.
contract HookedReserveToken is ERC20 {
    mapping(address account => bool) public hooked;

    constructor() ERC20("Hooked Reserve", "HOOK") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function setHooked(bool on) external {
        hooked[msg.sender] = on;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (to != address(0) && hooked[to]) ITokensReceived(to).tokensReceived(from, value);
    }
}

/// @dev The hook {HookedReserveToken} calls.
interface ITokensReceived {
    function tokensReceived(address from, uint256 amount) external;
}

/// @dev A reserve token that takes 1% of every transfer (burned): the recipient gets 99%.
contract FeeOnTransferReserveToken is ERC20 {
    constructor() ERC20("Fee Dollar", "FEED") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value / 100;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
