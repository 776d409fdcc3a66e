// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title VotesClockMock
/// @notice Test-only: an ERC-6372 clock with a configurable mode and offset and no votes, to
/// check that {HolisticGovernor} refuses tokens whose clocks differ from the timestamp.
contract VotesClockMock {
    string private _mode;
    uint48 private immutable _offset;

    constructor(string memory mode, uint48 offset) {
        _mode = mode;
        _offset = offset;
    }

    function clock() external view returns (uint48) {
        return uint48(block.timestamp) + _offset;
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external view returns (string memory) {
        return _mode;
    }
}
