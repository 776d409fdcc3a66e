// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ITwapOracle
/// @notice A time-weighted average price over one pool and a fixed window.
interface ITwapOracle {
    /// @notice The pair whose price is averaged.
    function pair() external view returns (address);

    /// @notice The averaging window, in seconds.
    function window() external view returns (uint32);

    /// @notice Records a new observation once a full window has passed since the last one.
    /// @return updated Whether an observation was recorded.
    function update() external returns (bool updated);

    /// @notice What `amountIn` of `token` was worth in the other token, averaged over the last
    /// completed window.
    /// @dev Reverts until a full window has been observed. Never reads the spot price.
    function consult(address token, uint256 amountIn) external view returns (uint256 amountOut);
}
