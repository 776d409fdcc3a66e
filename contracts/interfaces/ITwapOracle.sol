// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ITwapOracle
/// @notice A time-weighted average price over one pool and a fixed window.
interface ITwapOracle {
    // ---------------------------------------------------------------- errors

    /// @dev No full window has been observed yet: `consult` has no average to give.
    error TwapOracleNotReady(uint32 observedAt, uint32 window);

    /// @dev `consult` was asked about a token that is not in the pair.
    error TwapOracleInvalidToken(address token);

    /// @dev A window of zero seconds.
    error TwapOracleInvalidWindow(uint32 window);

    /// @dev The pair has no reserves, so it has no price to average.
    error TwapOracleNoReserves(address pair);

    // ---------------------------------------------------------------- events

    /// @dev An observation was recorded; when `averaged`, it closed a window whose averages
    /// are now what `consult` answers with.
    event Observed(
        uint32 timestamp,
        uint256 price0Cumulative,
        uint256 price1Cumulative,
        bool averaged
    );

    /// @dev The admin changed the averaging window.
    event WindowChanged(uint32 oldWindow, uint32 newWindow);

    // ---------------------------------------------------------------- functions

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
