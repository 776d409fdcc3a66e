// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {ICoopPair} from "../interfaces/ICoopPair.sol";
import {ITwapOracle} from "../interfaces/ITwapOracle.sol";

/// @title CoopTwapOracle
/// @notice The time-weighted average price of one {CoopPair} over a window of at least
/// {window} seconds, for the treasury's price band.
/// @dev Keeps two observations of the pair's cumulative prices: the last one recorded, and the
/// average between it and the one before. {update} records a new observation once a full
/// window has passed since the last, so the average always spans at least one window (more if
/// nobody called {update} for a while). The cumulative prices only weigh a price by the time it
/// was held at the end of earlier blocks, so a swap-and-swap-back within one block cannot move
/// the average, and moving it for a window costs holding the moved price against arbitrage
/// for that long.
///
/// Prices are UQ112x112 (scaled by 2**112). Time is kept modulo 2**32 and cumulative prices
/// modulo 2**256, as the pair keeps them; differences wrap correctly.
contract CoopTwapOracle is ITwapOracle, AccessControl {
    // ---------------------------------------------------------------- storage

    address private immutable _pair;
    address private immutable _token0;
    address private immutable _token1;

    /// @dev The pair's cumulative prices at the last observation.
    uint256 private _price0Cumulative;
    uint256 private _price1Cumulative;

    /// @dev Average price of token0 in token1 over the last completed window, and the time of
    /// the last observation (zero: none yet) — one slot, written once per update.
    uint224 private _price0Average;
    uint32 private _observedAt;

    /// @dev Average price of token1 in token0 over the last completed window, and the window —
    /// one slot. An average is never zero once set: with both reserves in [1, 2**112) each
    /// price is at least 2**112 / (2**112 - 1) > 1 unit, so zero means "no window yet".
    uint224 private _price1Average;
    uint32 private _window;

    // ---------------------------------------------------------------- constructor

    /// @param pair_ The {CoopPair} to average.
    /// @param window_ The least number of seconds an average spans.
    /// @param admin The account that may change the window: the timelock.
    /// @dev Records the first observation at once if the pair holds liquidity; otherwise the
    /// first {update} after the first deposit does.
    constructor(address pair_, uint32 window_, address admin) {
        if (window_ == 0) revert TwapOracleInvalidWindow(window_);
        _pair = pair_;
        _token0 = ICoopPair(pair_).token0();
        _token1 = ICoopPair(pair_).token1();
        _window = window_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit WindowChanged(0, window_);
        if (_hasReserves()) _observeFirst();
    }

    // ---------------------------------------------------------------- external

    /// @inheritdoc ITwapOracle
    function pair() external view returns (address) {
        return _pair;
    }

    /// @inheritdoc ITwapOracle
    function window() external view returns (uint32) {
        return _window;
    }

    /// @notice When the last observation was recorded (seconds, modulo 2**32); zero if never.
    function observedAt() external view returns (uint32) {
        return _observedAt;
    }

    /// @inheritdoc ITwapOracle
    /// @dev Anyone may call it; it does nothing and returns false until a window has passed.
    ///
    /// Requirements: the pair holds liquidity (for the first observation).
    ///
    /// Emits {Observed} when it records an observation.
    function update() external returns (bool updated) {
        uint32 last = _observedAt;
        if (last == 0) {
            if (!_hasReserves()) revert TwapOracleNoReserves(_pair);
            _observeFirst();
            return true;
        }
        (uint256 price0Cumulative, uint256 price1Cumulative, uint32 timestamp) = ICoopPair(_pair)
            .currentCumulativePrices();
        uint32 elapsed;
        unchecked {
            // wrapping intended: time is kept modulo 2**32
            elapsed = timestamp - last;
        }
        uint32 window_ = _window;
        if (elapsed < window_) return false;

        uint224 price0Average;
        uint224 price1Average;
        unchecked {
            // wrapping intended: cumulative prices are kept modulo 2**256; the average of
            // UQ112x112 prices fits in 224 bits since every price does
            price0Average = uint224((price0Cumulative - _price0Cumulative) / elapsed);
            price1Average = uint224((price1Cumulative - _price1Cumulative) / elapsed);
        }
        // adjacent writes to the same slot, merged into one SSTORE by the optimizer
        (_price0Average, _observedAt) = (price0Average, timestamp);
        _price1Average = price1Average;
        _price0Cumulative = price0Cumulative;
        _price1Cumulative = price1Cumulative;
        emit Observed(timestamp, price0Cumulative, price1Cumulative, true);
        return true;
    }

    /// @inheritdoc ITwapOracle
    /// @dev Rounds down. Requirements: `token` is one of the pair's tokens; a full window has
    /// been observed.
    function consult(address token, uint256 amountIn) external view returns (uint256 amountOut) {
        uint256 average;
        if (token == _token0) {
            average = _price0Average;
        } else if (token == _token1) {
            average = _price1Average;
        } else {
            revert TwapOracleInvalidToken(token);
        }
        if (average == 0) revert TwapOracleNotReady(_observedAt, _window);
        return Math.mulDiv(amountIn, average, 1 << 112);
    }

    /// @notice Changes the least span of an average to `newWindow` seconds, from the next
    /// observation on.
    /// @dev Requirements:
    /// - the caller has `DEFAULT_ADMIN_ROLE` (the timelock);
    /// - `newWindow` is not zero.
    ///
    /// Emits {WindowChanged}.
    function setWindow(uint32 newWindow) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newWindow == 0) revert TwapOracleInvalidWindow(newWindow);
        emit WindowChanged(_window, newWindow);
        _window = newWindow;
    }

    // ---------------------------------------------------------------- internal

    function _observeFirst() private {
        (uint256 price0Cumulative, uint256 price1Cumulative, uint32 timestamp) = ICoopPair(_pair)
            .currentCumulativePrices();
        _price0Cumulative = price0Cumulative;
        _price1Cumulative = price1Cumulative;
        _observedAt = timestamp;
        emit Observed(timestamp, price0Cumulative, price1Cumulative, false);
    }

    function _hasReserves() private view returns (bool) {
        (uint112 reserve0, uint112 reserve1, ) = ICoopPair(_pair).getReserves();
        return reserve0 != 0 && reserve1 != 0;
    }
}
