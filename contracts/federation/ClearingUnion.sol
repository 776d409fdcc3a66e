// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IClearingUnion} from "../interfaces/IClearingUnion.sol";
import {IRedemptionTreasury} from "../interfaces/IRedemptionTreasury.sol";
import {IWorkHours} from "../interfaces/IWorkHours.sol";
import {FederationRegistry} from "./FederationRegistry.sol";

/// @title ClearingUnion
/// @notice The federation's clearing union: a member of one cooperative pays a member of another
/// in work hours. The payer's hours are burned, the two cooperatives' clearing balances move by the
/// payment's value in the federation's unit, and the receiving cooperative's hours are minted to
/// the recipient without earned credit, so they vote, trade and can be paid on, but can never be
/// redeemed from the receiving cooperative's pools. A cooperative in debt may also settle part
/// of its debit with reserve from its treasury, by its own vote, at the rate the federation voted.
/// @dev A mutual-credit clearing union in the sense of the white paper's federated markets: the
/// balances are the cooperatives' net positions against the federation and sum to zero. Limits
/// are checked where the balances move, so no path (any supply a cooperative mints itself, any
/// sequence of payments) can take a cooperative beyond its debit limit or surplus cap.
///
/// Rounding is in the union's favour: `value = hoursIn * index(from) / 1e18` and `hoursOut =
/// value * 1e18 / index(to)`, both rounded down, so `hoursOut * index(to) <= hoursIn *
/// index(from)` and a round trip A → B → A returns at most what was paid.
///
/// One call reads and writes one slot per cooperative, its balance and its period's usage, and
/// reads two that only governance writes, its index and its side of the limits (see
/// {FederationRegistry}); then it calls the two tokens (checks-effects-interactions) under a
/// transient reentrancy guard.
contract ClearingUnion is FederationRegistry, ReentrancyGuardTransient, IClearingUnion {
    using SafeERC20 for IERC20;

    // ─── Constructor ─────────────────────────────────────────────────────────────────────────

    /// @param governance_ The federation's timelock.
    /// @param period_ The period of the allowances and of the index bound, in seconds.
    /// @param maxIndexChangeBps_ How far an index may move in a period, in basis points.
    /// @param votesName The EIP-712 name of the federation's votes.
    constructor(
        address governance_,
        uint256 period_,
        uint256 maxIndexChangeBps_,
        string memory votesName
    ) FederationRegistry(governance_, period_, maxIndexChangeBps_, votesName) {}

    // ─── External ────────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IClearingUnion
    /// @dev `hoursIn` and `minOut` are hours (1e18 = one hour) of `from` and of `to`.
    ///
    /// Requirements:
    /// - `from` is active (frozen: {ClearingUnionFrozen}); `to` is active or frozen; they differ;
    /// - `hoursIn` is not zero and its value mints at least one unit of `to`;
    /// - `hoursOut >= minOut`, else {ClearingUnionInsufficientOutput};
    /// - `from`'s balance stays at or above `-debitLimit` and its outflow this period within its
    ///   allowance; `to`'s balance stays at or below `surplusCap` and its inflow within its
    ///   allowance; each with its named error and figures;
    /// - the caller holds `hoursIn` hours of `from`.
    ///
    /// Emits {Paid}, and the tokens' {IWorkHours-FederationBurned} and
    /// {IWorkHours-FederationMinted}.
    function pay(
        address from,
        address to,
        address recipient,
        uint256 hoursIn,
        uint256 minOut
    ) external nonReentrant returns (uint256 hoursOut) {
        if (from == to) revert ClearingUnionSameCooperative(from);
        if (hoursIn == 0) revert ClearingUnionZeroAmount();
        uint256 fromState = _state[from];
        uint256 toState = _state[to];
        _checkPayer(from, fromState);
        _checkReceiver(to, toState);
        uint256 value;
        (value, hoursOut) = _convert(_indexOf(from), _indexOf(to), hoursIn);
        if (hoursOut == 0) revert ClearingUnionZeroAmount();
        if (hoursOut < minOut) revert ClearingUnionInsufficientOutput(hoursOut, minOut);

        uint256 current = currentPeriod() & _PERIOD_MASK;
        // one write per cooperative: on RSK every write of a slot costs 5,000
        _state[from] = _debit(from, fromState, value, current);
        _state[to] = _credit(to, toState, value, current);

        emit Paid(from, to, msg.sender, recipient, hoursIn, value, hoursOut);
        IWorkHours(from).federationBurn(msg.sender, hoursIn);
        IWorkHours(to).federationMint(recipient, hoursOut);
    }

    /// @inheritdoc IClearingUnion
    /// @dev `amount` is in base units of the settlement asset; `value = amount * rate / 1e18`,
    /// rounded down (against the debtor). No loop: the debtor names its creditor, and pays
    /// several in several calls (one action each in one proposal).
    ///
    /// Requirements:
    /// - settlement is open (a rate set by the federation), else {ClearingUnionSettlementClosed};
    /// - the caller is `debtor`'s treasury, else {ClearingUnionNotTreasury}: the debtor settles by
    ///   its own vote, through its treasury's {IRedemptionTreasury-settleFederation};
    /// - `debtor` is active or frozen; `creditor` is any other cooperative ever admitted;
    /// - the value is not zero, and at least `minValue`, else {ClearingUnionSettlementBelowMinimum}:
    ///   the debtor's vote names the value it pays for, so no change of the rate between its vote
    ///   and its execution makes it pay more reserve for less;
    /// - the debtor's balance stays at or below zero, else {ClearingUnionSettlementExceedsDebit};
    ///   the creditor's at or above zero, else {ClearingUnionSettlementExceedsSurplus};
    /// - the creditor's treasury keeps the settlement asset, else
    ///   {ClearingUnionSettlementAssetMismatch};
    /// - exactly `amount` arrives: as `msg.value` for native RBTC, else pulled from the caller
    ///   (approved), else {ClearingUnionSettlementPayment}.
    ///
    /// Emits {Settled}, and the creditor treasury's {IRedemptionTreasury-Deposited}.
    function settle(
        address debtor,
        address creditor,
        uint256 amount,
        uint256 minValue
    ) external payable nonReentrant returns (uint256 value) {
        Settlement memory terms = _settlement;
        if (terms.rate == 0) revert ClearingUnionSettlementClosed();
        address treasury = _treasuries[debtor];
        if (msg.sender != treasury || treasury == address(0)) {
            revert ClearingUnionNotTreasury(debtor, msg.sender);
        }
        if (debtor == creditor) revert ClearingUnionSameCooperative(debtor);
        _checkMember(debtor, _state[debtor]);
        if (_statusOf(_state[creditor]) == Status.None) {
            revert ClearingUnionUnknownCooperative(creditor);
        }
        value = (amount * terms.rate) / ONE;
        if (value == 0) revert ClearingUnionZeroAmount();
        if (value < minValue) revert ClearingUnionSettlementBelowMinimum(value, minValue);
        _settleBalances(debtor, creditor, value);
        address creditorTreasury = _treasuries[creditor];
        address reserve =
            creditorTreasury == address(0)
                ? address(0)
                : IRedemptionTreasury(creditorTreasury).reserveAsset();
        if (creditorTreasury == address(0) || reserve != terms.asset) {
            revert ClearingUnionSettlementAssetMismatch(creditorTreasury, reserve, terms.asset);
        }
        emit Settled(debtor, creditor, amount, value);
        _forward(terms.asset, creditorTreasury, amount);
    }

    /// @inheritdoc IClearingUnion
    function quote(
        address from,
        address to,
        uint256 hoursIn
    ) external view returns (uint256 value, uint256 hoursOut) {
        return _convert(_indexOf(from), _indexOf(to), hoursIn);
    }

    // ─── Internal ────────────────────────────────────────────────────────────────────────────

    function _checkPayer(address from, uint256 state) private pure {
        Status status = _statusOf(state);
        if (status == Status.Active) return;
        if (status == Status.Frozen) revert ClearingUnionFrozen(from);
        revert ClearingUnionUnknownCooperative(from);
    }

    function _checkReceiver(address to, uint256 state) private pure {
        Status status = _statusOf(state);
        if (status != Status.Active && status != Status.Frozen) {
            revert ClearingUnionUnknownCooperative(to);
        }
    }

    /// @dev Value in the federation's unit and hours of `to`, both rounded down (the union's
    /// favour). An index is never zero for a member; for a non-member the callers revert first
    /// ({quote} returns zeros).
    function _convert(
        uint256 fromIndex,
        uint256 toIndex,
        uint256 hoursIn
    ) private pure returns (uint256 value, uint256 hoursOut) {
        value = (hoursIn * fromIndex) / ONE;
        hoursOut = toIndex == 0 ? 0 : (value * ONE) / toIndex;
    }

    /// @dev `from`'s state after paying `value` in period `current` (its low 32 bits): within
    /// its debit limit and this period's outflow allowance.
    function _debit(
        address from,
        uint256 state,
        uint256 value,
        uint256 current
    ) private view returns (uint256) {
        (uint256 limit, uint256 allowance) = _limitsSlot(from, 0);
        int256 balance = _balanceOf(state);
        int256 next = balance - SafeCast.toInt256(value);
        // cannot overflow: limit < 2^96
        if (next < -int256(limit)) {
            revert ClearingUnionDebitLimitExceeded(from, balance, value, limit);
        }
        (uint256 used, uint256 inflow) = _usedNow(state);
        uint256 outflow = used + _units(value);
        if (outflow > allowance / USAGE_UNIT) {
            revert ClearingUnionOutflowAllowanceExceeded(from, used * USAGE_UNIT, value, allowance);
        }
        // each usage fits 59 bits: it is at most allowance / 1e12 < 2^96 / 1e12 < 2^57
        return
            _withBalance(
                (state & (uint256(3) << _STATUS_SHIFT)) |
                    (outflow << _OUTFLOW_SHIFT) |
                    (inflow << _INFLOW_SHIFT) |
                    (current << _PERIOD_SHIFT),
                next
            );
    }

    /// @dev `to`'s state after receiving `value` in period `current` (its low 32 bits): within
    /// its surplus cap and this period's inflow allowance.
    function _credit(
        address to,
        uint256 state,
        uint256 value,
        uint256 current
    ) private view returns (uint256) {
        (uint256 cap, uint256 allowance) = _limitsSlot(to, 1);
        int256 balance = _balanceOf(state);
        int256 next = balance + SafeCast.toInt256(value);
        // cannot overflow: cap < 2^96
        if (next > int256(cap)) revert ClearingUnionSurplusCapExceeded(to, balance, value, cap);
        (uint256 outflow, uint256 used) = _usedNow(state);
        uint256 inflow = used + _units(value);
        if (inflow > allowance / USAGE_UNIT) {
            revert ClearingUnionInflowAllowanceExceeded(to, used * USAGE_UNIT, value, allowance);
        }
        // each usage fits 59 bits: it is at most allowance / 1e12 < 2^96 / 1e12 < 2^57
        return
            _withBalance(
                (state & (uint256(3) << _STATUS_SHIFT)) |
                    (outflow << _OUTFLOW_SHIFT) |
                    (inflow << _INFLOW_SHIFT) |
                    (current << _PERIOD_SHIFT),
                next
            );
    }

    /// @dev Moves `debtor`'s balance up and `creditor`'s down by `value`, neither past zero: their
    /// sum stays zero.
    function _settleBalances(address debtor, address creditor, uint256 value) private {
        uint256 debtorState = _state[debtor];
        uint256 creditorState = _state[creditor];
        int256 debtorBalance = _balanceOf(debtorState);
        int256 creditorBalance = _balanceOf(creditorState);
        int256 signedValue = SafeCast.toInt256(value);
        if (debtorBalance + signedValue > 0) {
            revert ClearingUnionSettlementExceedsDebit(debtor, debtorBalance, value);
        }
        if (creditorBalance - signedValue < 0) {
            revert ClearingUnionSettlementExceedsSurplus(creditor, creditorBalance, value);
        }
        _state[debtor] = _withBalance(debtorState, debtorBalance + signedValue);
        _state[creditor] = _withBalance(creditorState, creditorBalance - signedValue);
    }

    /// @dev Receives exactly `amount` of `asset` from the caller (as `msg.value` for native RBTC)
    /// and deposits it in `treasury`, which books it as an inflow split 75/25.
    function _forward(address asset, address treasury, uint256 amount) private {
        if (asset == address(0)) {
            if (msg.value != amount) revert ClearingUnionSettlementPayment(amount, msg.value);
            IRedemptionTreasury(treasury).deposit{value: amount}(amount);
            return;
        }
        if (msg.value != 0) revert ClearingUnionSettlementPayment(amount, msg.value);
        IERC20 token = IERC20(asset);
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received != amount) revert ClearingUnionSettlementPayment(amount, received);
        token.forceApprove(treasury, amount);
        IRedemptionTreasury(treasury).deposit(amount);
    }

    /// @dev `value` in `USAGE_UNIT`, rounded up (against the payer).
    function _units(uint256 value) private pure returns (uint256) {
        return (value + USAGE_UNIT - 1) / USAGE_UNIT;
    }

    /// @dev The two limits in slot `offset` of `cooperative`'s {Limits}: (debit limit, outflow
    /// allowance) at 0, (surplus cap, inflow allowance) at 1.
    function _limitsSlot(
        address cooperative,
        uint256 offset
    ) private view returns (uint256 limit, uint256 allowance) {
        Limits storage limits = _limits[cooperative];
        uint256 packed;
        // one read of the slot for both fields (Solidity reads a struct's fields one by one)
        assembly ("memory-safe") {
            packed := sload(add(limits.slot, offset))
        }
        return (packed & _MASK96, (packed >> 96) & _MASK96);
    }
}
