// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CoopPair} from "../../dex/CoopPair.sol";

/// @title PairDeployerMock
/// @notice Test-only stand-in for the factory that offers any tokens to a new pair.
contract PairDeployerMock {
    address private _token0;
    address private _token1;

    /// @notice Deploys a pair that reads `token0` and `token1` from {pendingTokens}.
    function deploy(address token0, address token1) external returns (address) {
        (_token0, _token1) = (token0, token1);
        return address(new CoopPair());
    }

    /// @notice The tokens offered to the pair being deployed.
    function pendingTokens() external view returns (address, address) {
        return (_token0, _token1);
    }
}
