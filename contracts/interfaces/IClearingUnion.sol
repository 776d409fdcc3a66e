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

    /// @notice The federation has set no settlement rate: settlement is closed.
    error ClearingUnionSettlementClosed();

    /// @notice `caller` is not the treasury that `cooperative` was admitted with.
    error ClearingUnionNotTreasury(address cooperative, address caller);

    /// @notice Settling `value` would take the debtor `cooperative` from `balance` above zero.
    error ClearingUnionSettlementExceedsDebit(address cooperative, int256 balance, uint256 value);

    /// @notice Settling `value` would take the creditor `cooperative` from `balance` below zero.
    error ClearingUnionSettlementExceedsSurplus(address cooperative, int256 balance, uint256 value);

    /// @notice The creditor's `treasury` keeps `reserve`, not the settlement asset `asset`.
    error ClearingUnionSettlementAssetMismatch(address treasury, address reserve, address asset);

    /// @notice The settlement asset arrived as `received`, not the `amount` settled (a native
    /// payment of another value, or a token that takes a fee).
    error ClearingUnionSettlementPayment(uint256 amount, uint256 received);

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

    /// @notice Emitted when the treasury of `debtor` paid `amount` of the settlement asset to
    /// the treasury of `creditor`, and the two balances moved by its `value`.
    event Settled(address indexed debtor, address indexed creditor, uint256 amount, uint256 value);

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

    /// @notice Settles part of `debtor`'s debit with `amount` of the settlement asset, paid by
    /// `debtor`'s treasury into `creditor`'s treasury (where it is an inflow, split 75/25): the
    /// debtor's balance rises and the creditor's falls by its value at the federation's rate.
    /// @return value The value settled, in the federation's unit (1e18 = one hour), rounded down.
    function settle(
        address debtor,
        address creditor,
        uint256 amount
    ) external payable returns (uint256 value);

    /// @notice What paying `hoursIn` hours of `from` to `to` would be worth and mint now, before
    /// any limit is checked.
    function quote(
        address from,
        address to,
        uint256 hoursIn
    ) external view returns (uint256 value, uint256 hoursOut);
}
