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
/// cooperative's hot state in two packed slots, so that a payment reads and writes each once:
///
/// - `_state[c]`: clearing balance (int104 two's complement, bits 0-103) | exchange index
///   (uint96, bits 104-199) | status (uint8, bits 200-207);
/// - `_usage[c]`: outflow used (uint96, bits 0-95) | inflow used (uint96, bits 96-191) | the
///   period they were counted in (uint64, bits 192-255).
///
/// It deploys its {FederationVotes} in its constructor, so that only it can ever seat a
/// cooperative.
///
/// Invariants a subclass must keep: the clearing balances sum to zero (every change moves two
/// balances by the same value in opposite directions); a balance only moves within
/// `[-debitLimit, surplusCap]` of its cooperative; a status changes only through this contract's
/// functions; the seat of a cooperative exists exactly while it is active or frozen.
abstract contract FederationRegistry is IFederationRegistry {
    // ─── Storage ─────────────────────────────────────────────────────────────────────────────

    /// @notice The exchange index of one hour at par: 1e18.
    uint256 public constant ONE = 1e18;

    /// @notice The basis-point denominator of {maxIndexChangeBps}.
    uint256 public constant BPS = 10_000;

    /// @notice The role on a cooperative's hours that the union needs (see {IWorkHours}).
    bytes32 public constant FEDERATION_ROLE = keccak256("FEDERATION_ROLE");

    uint256 internal constant _MASK96 = type(uint96).max;
    uint256 private constant _MASK104 = type(uint104).max;
    uint256 internal constant _INDEX_SHIFT = 104;
    uint256 internal constant _STATUS_SHIFT = 200;
    uint256 internal constant _INFLOW_SHIFT = 96;
    uint256 internal constant _PERIOD_SHIFT = 192;

    address private immutable _governance;
    IFederationVotes private immutable _votes;
    uint256 private immutable _period;
    uint256 private immutable _maxIndexChangeBps;

    /// @dev balance (int104) | index (uint96) | status (uint8); see the contract's header.
    mapping(address cooperative => uint256) internal _state;

    /// @dev outflow used (uint96) | inflow used (uint96) | period (uint64).
    mapping(address cooperative => uint256) internal _usage;

    mapping(address cooperative => Limits) internal _limits;

    /// @dev The index at the start of the period of its last change (uint96) | that period (64).
    mapping(address cooperative => uint256) private _indexBase;

    mapping(address cooperative => address) private _timelocks;
    mapping(address cooperative => address) private _treasuries;

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
        _checkIndex(index);
        _state[cooperative] =
            (index << _INDEX_SHIFT) | (uint256(uint8(Status.Active)) << _STATUS_SHIFT);
        _indexBase[cooperative] = index | (currentPeriod() << _PERIOD_SHIFT);
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
    /// - `|index - base| <= base * maxIndexChangeBps / 10_000`, where `base` is the index at the
    ///   start of the current period (the one in force before its first change in this period),
    ///   else {FederationIndexChangeTooLarge}: several changes in one period cannot add up to more.
    ///
    /// Emits {IndexUpdated}.
    function setIndex(address cooperative, uint256 index) external onlyGovernance {
        uint256 state = _state[cooperative];
        _checkMember(cooperative, state);
        _checkIndex(index);
        uint256 oldIndex = _indexOf(state);
        uint256 current = currentPeriod();
        uint256 packedBase = _indexBase[cooperative];
        uint256 base = (packedBase >> _PERIOD_SHIFT) == current ? packedBase & _MASK96 : oldIndex;
        uint256 maxChange = (base * _maxIndexChangeBps) / BPS;
        uint256 change = index > base ? index - base : base - index;
        if (change > maxChange) {
            revert FederationIndexChangeTooLarge(cooperative, base, index, maxChange);
        }
        _indexBase[cooperative] = base | (current << _PERIOD_SHIFT);
        _state[cooperative] = (state & ~(_MASK96 << _INDEX_SHIFT)) | (index << _INDEX_SHIFT);
        emit IndexUpdated(cooperative, oldIndex, index);
    }

    // ─── External: views ─────────────────────────────────────────────────────────────────────

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
        (uint256 outflowUsed, uint256 inflowUsed) = _usedNow(_usage[cooperative]);
        m.status = _statusOf(state);
        m.timelock = _timelocks[cooperative];
        m.treasury = _treasuries[cooperative];
        m.balance = _balanceOf(state);
        m.index = _indexOf(state);
        m.limits = limits;
        m.outflowLeft = _left(limits.outflowAllowance, outflowUsed);
        m.inflowLeft = _left(limits.inflowAllowance, inflowUsed);
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
    function _checkMember(address cooperative, uint256 state) private pure {
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

    /// @dev The outflow and inflow used in the current period, per the packed `usage`.
    function _usedNow(uint256 usage) internal view returns (uint256 outflow, uint256 inflow) {
        if ((usage >> _PERIOD_SHIFT) != currentPeriod()) return (0, 0);
        return (usage & _MASK96, (usage >> _INFLOW_SHIFT) & _MASK96);
    }

    function _left(uint256 allowance, uint256 used) private pure returns (uint256) {
        return used >= allowance ? 0 : allowance - used;
    }

    function _statusOf(uint256 state) internal pure returns (Status) {
        return Status(uint8(state >> _STATUS_SHIFT));
    }

    function _withStatus(uint256 state, Status status) private pure returns (uint256) {
        return (state & ~(uint256(0xff) << _STATUS_SHIFT)) | (uint256(status) << _STATUS_SHIFT);
    }

    function _indexOf(uint256 state) internal pure returns (uint256) {
        return (state >> _INDEX_SHIFT) & _MASK96;
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
