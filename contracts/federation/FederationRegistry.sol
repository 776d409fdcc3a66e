// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IFederationRegistry} from "../interfaces/IFederationRegistry.sol";
import {IFederationVotes} from "../interfaces/IFederationVotes.sol";
import {FederationVotes} from "./FederationVotes.sol";

/// @title FederationRegistry
/// @notice Who belongs to the federation and on which terms: admission, freeze, retirement,
/// limits and exchange indices, each a decision of the federation's timelock.
/// @dev The abstract core of the {ClearingUnion}, which adds payments. The registry keeps each
/// cooperative's state so that a payment writes one slot per cooperative (on RSK every write of a
/// slot costs 5,000 gas, whatever it held) and reads two more that only governance writes:
///
/// - `_state[c]`, read and written by every payment: clearing balance (int104 two's complement,
///   bits 0-103) | outflow used this period (bits 104-162) | inflow used this period (bits
///   163-221), both in millionths of an hour (`USAGE_UNIT`, 1e12) and rounded up | the period
///   they were counted in, modulo 2^32 (bits 222-253) | status (bits 254-255);
/// - `_indices[c]`, read by payments: exchange index (uint96, bits 0-95) | the time of its last
///   change by {setIndex} in seconds (uint64, bits 96-159; zero until the first change);
/// - `_limits[c]`: debit limit and outflow allowance in one slot (the payer's), surplus cap and
///   inflow allowance in the next (the receiver's).
///
/// The usage of a period is counted in millionths of an hour so that it fits the balance's slot:
/// each payment adds its value rounded up to the next millionth (against the payer), so a
/// cooperative never pays or receives more than its allowance in a period. A period number
/// repeats its low 32 bits only after 2^32 periods (136 years of one-second periods).
///
/// It deploys its {FederationVotes} in its constructor, so that only it can ever seat a
/// cooperative.
///
/// Invariants a subclass must keep: the clearing balances sum to zero (every change moves two
/// balances by the same value in opposite directions); a balance only moves within
/// `[-debitLimit, surplusCap]` of its cooperative; a period's usage never exceeds its allowance;
/// a status changes only through this contract's functions; the seat of a cooperative exists
/// exactly while it is active or frozen.
abstract contract FederationRegistry is IFederationRegistry {
    // ─── Storage ─────────────────────────────────────────────────────────────────────────────

    /// @notice The exchange index of one hour at par: 1e18.
    uint256 public constant ONE = 1e18;

    /// @notice The basis-point denominator of {maxIndexChangeBps}.
    uint256 public constant BPS = 10_000;

    /// @notice The role on a cooperative's hours that the union needs (see {IWorkHours}).
    bytes32 public constant FEDERATION_ROLE = keccak256("FEDERATION_ROLE");

    /// @dev The role on a cooperative's hours of its own treasury, which burns redeemed hours.
    bytes32 private constant _REDEEMER_ROLE = keccak256("REDEEMER_ROLE");

    /// @notice The unit in which a period's outflow and inflow are counted: a millionth of an
    /// hour (1e12). Each payment counts its value rounded up to it.
    uint256 public constant USAGE_UNIT = 1e12;

    uint256 internal constant _MASK96 = type(uint96).max;
    uint256 private constant _MASK104 = type(uint104).max;
    uint256 internal constant _USAGE_MASK = (1 << 59) - 1;
    uint256 internal constant _OUTFLOW_SHIFT = 104;
    uint256 internal constant _INFLOW_SHIFT = 163;
    uint256 internal constant _PERIOD_SHIFT = 222;
    uint256 internal constant _PERIOD_MASK = type(uint32).max;
    uint256 internal constant _STATUS_SHIFT = 254;
    uint256 private constant _CHANGED_AT_SHIFT = 96;

    address private immutable _governance;
    IFederationVotes private immutable _votes;
    uint256 private immutable _period;
    uint256 private immutable _maxIndexChangeBps;

    /// @dev balance (int104) | outflow used (59 bits, in USAGE_UNIT) | inflow used (59 bits) |
    /// period (32 bits) | status (2 bits); see the contract's header.
    mapping(address cooperative => uint256) internal _state;

    /// @dev index (uint96) | the time of its last change by {setIndex}, in seconds (uint64).
    mapping(address cooperative => uint256) internal _indices;

    mapping(address cooperative => Limits) internal _limits;

    mapping(address cooperative => address) private _timelocks;
    mapping(address cooperative => address) internal _treasuries;

    /// @dev The settlement asset (zero for native RBTC) and its rate. The rate takes a slot of its
    /// own: a reserve of few decimals needs a large rate (100 hours a token of 6 decimals is
    /// 1e32), and `amount * rate` cannot overflow with both below 2^128 (pools are uint128).
    struct Settlement {
        address asset;
        uint128 rate;
    }

    Settlement internal _settlement;

    // ─── Modifiers ───────────────────────────────────────────────────────────────────────────

    modifier onlyGovernance() {
        _checkGovernance();
        _;
    }

    // ─── Constructor ─────────────────────────────────────────────────────────────────────────

    /// @param governance_ The federation's timelock.
    /// @param period_ The length of a period of the allowances and of the index bound, in seconds.
    /// @param maxIndexChangeBps_ How far an index may move in a period, in basis points (<= 10_000).
    /// @param votesName The EIP-712 name of the federation's votes.
    constructor(
        address governance_,
        uint256 period_,
        uint256 maxIndexChangeBps_,
        string memory votesName
    ) {
        if (period_ == 0 || maxIndexChangeBps_ > BPS) {
            revert FederationInvalidSettings(period_, maxIndexChangeBps_);
        }
        _governance = governance_;
        _period = period_;
        _maxIndexChangeBps = maxIndexChangeBps_;
        _votes = new FederationVotes(votesName, address(this));
    }

    // ─── External: governance ────────────────────────────────────────────────────────────────

    /// @inheritdoc IFederationRegistry
    /// @dev Requirements:
    /// - the caller is the federation's timelock;
    /// - `cooperative` was never a member;
    /// - its hours grant this contract `FEDERATION_ROLE` (the cooperative's own vote), else
    ///   {FederationMissingRole};
    /// - `timelock` is the admin of its hours, else {FederationNotCooperativeTimelock};
    /// - `treasury` is zero (no settlement with it) or holds `REDEEMER_ROLE` on its hours, the
    ///   treasury its own vote set up, else {FederationNotCooperativeTreasury}: settlements owed
    ///   to the cooperative are paid into it;
    /// - `0 < index <= 2^96 - 1`, else {FederationInvalidIndex}.
    ///
    /// Emits {CooperativeAdmitted} and the seat's {IFederationVotes-SeatGranted}.
    function admit(
        address cooperative,
        address timelock,
        address treasury,
        uint256 index,
        Limits calldata limits
    ) external onlyGovernance {
        Status status = _statusOf(_state[cooperative]);
        if (status != Status.None) revert FederationAlreadyMember(cooperative, status);
        IAccessControl hours_ = IAccessControl(cooperative);
        if (!hours_.hasRole(FEDERATION_ROLE, address(this))) {
            revert FederationMissingRole(cooperative, address(this));
        }
        // DEFAULT_ADMIN_ROLE is bytes32(0)
        if (!hours_.hasRole(bytes32(0), timelock)) {
            revert FederationNotCooperativeTimelock(cooperative, timelock);
        }
        if (treasury != address(0) && !hours_.hasRole(_REDEEMER_ROLE, treasury)) {
            revert FederationNotCooperativeTreasury(cooperative, treasury);
        }
        _checkIndex(index);
        _state[cooperative] = uint256(uint8(Status.Active)) << _STATUS_SHIFT;
        _indices[cooperative] = index;
        _limits[cooperative] = limits;
        _timelocks[cooperative] = timelock;
        _treasuries[cooperative] = treasury;
        emit CooperativeAdmitted(cooperative, timelock, treasury, index, limits);
        _votes.grantSeat(timelock, 1);
    }

    /// @inheritdoc IFederationRegistry
    /// @dev Requirements: the caller is the federation's timelock; `cooperative` is active.
    /// Emits {CooperativeFrozen}.
    function freeze(address cooperative) external onlyGovernance {
        _setStatus(cooperative, Status.Active, Status.Frozen);
        emit CooperativeFrozen(cooperative);
    }

    /// @inheritdoc IFederationRegistry
    /// @dev Requirements: the caller is the federation's timelock; `cooperative` is frozen.
    /// Emits {CooperativeUnfrozen}.
    function unfreeze(address cooperative) external onlyGovernance {
        _setStatus(cooperative, Status.Frozen, Status.Active);
        emit CooperativeUnfrozen(cooperative);
    }

    /// @inheritdoc IFederationRegistry
    /// @dev Requirements: the caller is the federation's timelock; `cooperative` is active or
    /// frozen; its balance is zero or more, else {FederationRetireWithDebt}.
    ///
    /// Emits {CooperativeRetired} and the seat's {IFederationVotes-SeatWithdrawn}.
    function retire(address cooperative) external onlyGovernance {
        uint256 state = _state[cooperative];
        _checkMember(cooperative, state);
        int256 balance = _balanceOf(state);
        if (balance < 0) revert FederationRetireWithDebt(cooperative, balance);
        _state[cooperative] = _withStatus(state, Status.Retired);
        emit CooperativeRetired(cooperative, balance);
        _votes.withdrawSeat(_timelocks[cooperative]);
    }

    /// @inheritdoc IFederationRegistry
    /// @dev Requirements: the caller is the federation's timelock; `cooperative` is active or
    /// frozen. A balance already beyond a lowered limit stays; it only blocks further payments in
    /// that direction. Emits {LimitsUpdated}.
    function setLimits(address cooperative, Limits calldata limits) external onlyGovernance {
        _checkMember(cooperative, _state[cooperative]);
        _limits[cooperative] = limits;
        emit LimitsUpdated(cooperative, limits);
    }

    /// @inheritdoc IFederationRegistry
    /// @dev Requirements:
    /// - the caller is the federation's timelock; `cooperative` is active or frozen;
    /// - `0 < index <= 2^96 - 1`;
    /// - at least {period} seconds since the index's last change, else
    ///   {FederationIndexChangeTooSoon}: one change per period, measured from the last change and
    ///   not from a calendar period, so that no two changes fall a few seconds apart on either
    ///   side of a period boundary;
    /// - `|index - current| <= current * maxIndexChangeBps / 10_000`, else
    ///   {FederationIndexChangeTooLarge}.
    ///
    /// Emits {IndexUpdated}.
    function setIndex(address cooperative, uint256 index) external onlyGovernance {
        _checkMember(cooperative, _state[cooperative]);
        _checkIndex(index);
        uint256 packed = _indices[cooperative];
        uint256 oldIndex = packed & _MASK96;
        uint256 changedAt = packed >> _CHANGED_AT_SHIFT;
        if (changedAt != 0 && block.timestamp < changedAt + _period) {
            revert FederationIndexChangeTooSoon(cooperative, changedAt + _period);
        }
        uint256 maxChange = (oldIndex * _maxIndexChangeBps) / BPS;
        uint256 change = index > oldIndex ? index - oldIndex : oldIndex - index;
        if (change > maxChange) {
            revert FederationIndexChangeTooLarge(cooperative, oldIndex, index, maxChange);
        }
        _indices[cooperative] = index | (block.timestamp << _CHANGED_AT_SHIFT);
        emit IndexUpdated(cooperative, oldIndex, index);
    }

    /// @inheritdoc IFederationRegistry
    function indexChangedAt(address cooperative) external view returns (uint256) {
        return _indices[cooperative] >> _CHANGED_AT_SHIFT;
    }

    /// @inheritdoc IFederationRegistry
    /// @dev Requirements: the caller is the federation's timelock; `rate <= 2^128 - 1`, else
    /// {FederationInvalidSettlementRate}. Emits {SettlementUpdated}.
    function setSettlement(address asset, uint256 rate) external onlyGovernance {
        if (rate > type(uint128).max) revert FederationInvalidSettlementRate(rate);
        _settlement = Settlement({asset: asset, rate: uint128(rate)});
        emit SettlementUpdated(asset, rate);
    }

    // ─── External: views ─────────────────────────────────────────────────────────────────────

    /// @inheritdoc IFederationRegistry
    function settlement() external view returns (address asset, uint256 rate) {
        Settlement memory s = _settlement;
        return (s.asset, s.rate);
    }

    /// @inheritdoc IFederationRegistry
    function governance() external view returns (address) {
        return _governance;
    }

    /// @inheritdoc IFederationRegistry
    function votes() external view returns (IFederationVotes) {
        return _votes;
    }

    /// @inheritdoc IFederationRegistry
    function period() external view returns (uint256) {
        return _period;
    }

    /// @inheritdoc IFederationRegistry
    function maxIndexChangeBps() external view returns (uint256) {
        return _maxIndexChangeBps;
    }

    /// @inheritdoc IFederationRegistry
    function member(address cooperative) external view returns (Member memory m) {
        uint256 state = _state[cooperative];
        Limits memory limits = _limits[cooperative];
        (uint256 outflowUsed, uint256 inflowUsed) = _usedNow(state);
        m.status = _statusOf(state);
        m.timelock = _timelocks[cooperative];
        m.treasury = _treasuries[cooperative];
        m.balance = _balanceOf(state);
        m.index = _indexOf(cooperative);
        m.limits = limits;
        m.outflowLeft = _left(limits.outflowAllowance, outflowUsed) * USAGE_UNIT;
        m.inflowLeft = _left(limits.inflowAllowance, inflowUsed) * USAGE_UNIT;
    }

    /// @inheritdoc IFederationRegistry
    function statusOf(address cooperative) external view returns (Status) {
        return _statusOf(_state[cooperative]);
    }

    /// @inheritdoc IFederationRegistry
    function clearingBalance(address cooperative) external view returns (int256) {
        return _balanceOf(_state[cooperative]);
    }

    /// @inheritdoc IFederationRegistry
    function currentPeriod() public view returns (uint256) {
        return block.timestamp / _period;
    }

    // ─── Internal ────────────────────────────────────────────────────────────────────────────

    function _checkGovernance() private view {
        if (msg.sender != _governance) revert FederationUnauthorized(msg.sender);
    }

    function _checkIndex(uint256 index) private pure {
        if (index == 0 || index > _MASK96) revert FederationInvalidIndex(index);
    }

    /// @dev Reverts unless `cooperative` is active or frozen.
    function _checkMember(address cooperative, uint256 state) internal pure {
        Status status = _statusOf(state);
        if (status != Status.Active && status != Status.Frozen) {
            revert FederationWrongStatus(cooperative, status, Status.Active);
        }
    }

    function _setStatus(address cooperative, Status from, Status to) private {
        uint256 state = _state[cooperative];
        Status status = _statusOf(state);
        if (status != from) revert FederationWrongStatus(cooperative, status, from);
        _state[cooperative] = _withStatus(state, to);
    }

    /// @dev The outflow and inflow used in the current period, in `USAGE_UNIT`, per the packed
    /// `state` (zero when they were counted in an earlier period).
    function _usedNow(uint256 state) internal view returns (uint256 outflow, uint256 inflow) {
        if (((state >> _PERIOD_SHIFT) & _PERIOD_MASK) != (currentPeriod() & _PERIOD_MASK)) {
            return (0, 0);
        }
        return ((state >> _OUTFLOW_SHIFT) & _USAGE_MASK, (state >> _INFLOW_SHIFT) & _USAGE_MASK);
    }

    /// @dev What is left of `allowance` (hours) after `used` (in `USAGE_UNIT`), in `USAGE_UNIT`,
    /// rounded down: any value up to it fits, rounded up.
    function _left(uint256 allowance, uint256 used) private pure returns (uint256) {
        uint256 units = allowance / USAGE_UNIT;
        return used >= units ? 0 : units - used;
    }

    function _statusOf(uint256 state) internal pure returns (Status) {
        return Status(uint8(state >> _STATUS_SHIFT));
    }

    function _withStatus(uint256 state, Status status) private pure returns (uint256) {
        return (state & ~(uint256(3) << _STATUS_SHIFT)) | (uint256(status) << _STATUS_SHIFT);
    }

    /// @dev The exchange index of `cooperative`; zero for one never admitted.
    function _indexOf(address cooperative) internal view returns (uint256) {
        return _indices[cooperative] & _MASK96;
    }

    /// @dev The signed balance in the low 104 bits (two's complement).
    function _balanceOf(uint256 state) internal pure returns (int256) {
        return int256(int104(uint104(state & _MASK104)));
    }

    /// @dev `state` with its balance replaced by `balance`, which fits 104 bits: the callers keep
    /// it within [-2^96, 2^96] (a limit or a cap is a uint96).
    function _withBalance(uint256 state, int256 balance) internal pure returns (uint256) {
        return (state & ~_MASK104) | uint256(uint104(SafeCast.toInt104(balance)));
    }
}
