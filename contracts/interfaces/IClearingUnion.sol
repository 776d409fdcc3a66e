// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IFederationRegistry} from "./IFederationRegistry.sol";

/// @title IClearingUnion
/// @notice Cooperatives of a federation pay each other in their own work hours. A payment burns
/// the payer's hours, moves the two cooperatives' clearing balances by their value in the
/// federation's unit, and mints the receiving cooperative's hours, without earned credit, to the
/// recipient. The balances always sum to zero.
/// @dev Value = `hoursIn * index(from) / 1e18`, rounded down; hours out =
/// `value * 1e18 / index(to)`, rounded down: both in the union's favour, so that a round trip
/// returns at most what was paid.
interface IClearingUnion is IFederationRegistry {
    // ─── Errors ──────────────────────────────────────────────────────────────────────────────

    /// @notice `cooperative` is not a member that may take part (never admitted, or retired).
    error ClearingUnionUnknownCooperative(address cooperative);

    /// @notice `cooperative` is frozen: it may receive but not pay.
    error ClearingUnionFrozen(address cooperative);

    /// @notice The payer's and the recipient's cooperative are the same `cooperative`.
    error ClearingUnionSameCooperative(address cooperative);

    /// @notice A payment of zero hours, or one whose value rounds to zero.
    error ClearingUnionZeroAmount();

    /// @notice Paying `value` would take `cooperative`'s balance from `balance` below `-debitLimit`.
    error ClearingUnionDebitLimitExceeded(
        address cooperative,
        int256 balance,
        uint256 value,
        uint256 debitLimit
    );

    /// @notice Receiving `value` would take `cooperative`'s balance from `balance` above
    /// `surplusCap`.
    error ClearingUnionSurplusCapExceeded(
        address cooperative,
        int256 balance,
        uint256 value,
        uint256 surplusCap
    );

    /// @notice `cooperative` has paid out `used` of its `allowance` this period; `value` more
    /// does not fit.
    error ClearingUnionOutflowAllowanceExceeded(
        address cooperative,
        uint256 used,
        uint256 value,
        uint256 allowance
    );

    /// @notice `cooperative` has received `used` of its `allowance` this period; `value` more
    /// does not fit.
    error ClearingUnionInflowAllowanceExceeded(
        address cooperative,
        uint256 used,
        uint256 value,
        uint256 allowance
    );

    /// @notice The payment would mint `hoursOut`, fewer than the payer's `minOut`.
    error ClearingUnionInsufficientOutput(uint256 hoursOut, uint256 minOut);

    // ─── Events ──────────────────────────────────────────────────────────────────────────────

    /// @notice Emitted for every payment: `payer` paid `hoursIn` hours of `from`, worth `value` in
    /// the federation's unit, and `recipient` received `hoursOut` hours of `to`.
    event Paid(
        address indexed from,
        address indexed to,
        address indexed payer,
        address recipient,
        uint256 hoursIn,
        uint256 value,
        uint256 hoursOut
    );

    // ─── Functions ───────────────────────────────────────────────────────────────────────────

    /// @notice Pays `hoursIn` of the caller's hours of cooperative `from` to `recipient`, who
    /// receives at least `minOut` hours of cooperative `to`.
    /// @return hoursOut The hours of `to` minted to `recipient`.
    function pay(
        address from,
        address to,
        address recipient,
        uint256 hoursIn,
        uint256 minOut
    ) external returns (uint256 hoursOut);

    /// @notice What paying `hoursIn` hours of `from` to `to` would be worth and mint now, before
    /// any limit is checked.
    function quote(
        address from,
        address to,
        uint256 hoursIn
    ) external view returns (uint256 value, uint256 hoursOut);
}
