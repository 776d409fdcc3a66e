// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IFederationVotes} from "./IFederationVotes.sol";

/// @title IFederationRegistry
/// @notice Who belongs to the federation, and on which terms. Every change is a decision of the
/// federation's governance (its timelock); admission also needs the cooperative's own decision,
/// the grant of `FEDERATION_ROLE` on its {IWorkHours} to the clearing union.
/// @dev Amounts in the federation's unit of account are in hours (1e18 = one hour at index one);
/// an exchange index is the value of one of a cooperative's hours in that unit (1e18 = one hour).
interface IFederationRegistry {
    /// @notice Where a cooperative stands in the federation.
    enum Status {
        None,
        Active,
        Frozen,
        Retired
    }

    /// @notice A cooperative's limits, in the federation's unit (1e18 = one hour at index one).
    /// @param debitLimit How far below zero its clearing balance may go (its members' net spending).
    /// @param outflowAllowance What its members may pay out through the union per period.
    /// @param surplusCap How far above zero its clearing balance may go (what it accepts net).
    /// @param inflowAllowance What its members may receive through the union per period.
    /// @dev In this order so that a payment reads one slot per side: the payer's debit limit and
    /// outflow allowance share one, the receiver's surplus cap and inflow allowance the other.
    struct Limits {
        uint96 debitLimit;
        uint96 outflowAllowance;
        uint96 surplusCap;
        uint96 inflowAllowance;
    }

    /// @notice Everything about one cooperative, as {member} reports it.
    /// @param outflowLeft / inflowLeft The allowances left in the current period.
    struct Member {
        Status status;
        address timelock;
        address treasury;
        int256 balance;
        uint256 index;
        Limits limits;
        uint256 outflowLeft;
        uint256 inflowLeft;
    }

    // ─── Errors ──────────────────────────────────────────────────────────────────────────────

    /// @notice `caller` is not the federation's timelock.
    error FederationUnauthorized(address caller);

    /// @notice `cooperative` is already a member (or was one: a retired cooperative stays retired).
    error FederationAlreadyMember(address cooperative, Status status);

    /// @notice `cooperative` is not in the `expected` status for this change (it is in `status`).
    error FederationWrongStatus(address cooperative, Status status, Status expected);

    /// @notice `cooperative` has not granted the clearing union `FEDERATION_ROLE` on its hours:
    /// its own members have not voted to join.
    error FederationMissingRole(address cooperative, address union);

    /// @notice `timelock` is not the admin of `cooperative`'s hours, so it is not its timelock.
    error FederationNotCooperativeTimelock(address cooperative, address timelock);

    /// @notice `treasury` holds no `REDEEMER_ROLE` on `cooperative`'s hours: it is not the treasury
    /// the cooperative's own vote set up, so settlements owed to it must not be paid there.
    error FederationNotCooperativeTreasury(address cooperative, address treasury);

    /// @notice An exchange index of zero, or above the largest the state holds (2^96 - 1).
    error FederationInvalidIndex(uint256 index);

    /// @notice The index of `cooperative` may move at most `maxChange` from `base`, its value
    /// in force; `requested` is further.
    error FederationIndexChangeTooLarge(
        address cooperative,
        uint256 base,
        uint256 requested,
        uint256 maxChange
    );

    /// @notice The index of `cooperative` changed less than a period ago: the next change may
    /// take effect at `nextChangeAt` (seconds) or later.
    error FederationIndexChangeTooSoon(address cooperative, uint256 nextChangeAt);

    /// @notice `cooperative` owes the federation `balance` (below zero): it cannot retire in debt.
    error FederationRetireWithDebt(address cooperative, int256 balance);

    /// @notice A settlement rate above the largest the registry holds (2^128 - 1).
    error FederationInvalidSettlementRate(uint256 rate);

    /// @notice A period of zero seconds, or an index bound above 10_000 basis points.
    error FederationInvalidSettings(uint256 period, uint256 maxIndexChangeBps);

    // ─── Events ──────────────────────────────────────────────────────────────────────────────

    /// @notice Emitted when the federation admits `cooperative` (its hours token).
    event CooperativeAdmitted(
        address indexed cooperative,
        address timelock,
        address treasury,
        uint256 index,
        Limits limits
    );

    /// @notice Emitted when the federation freezes `cooperative`: it may receive but not pay.
    event CooperativeFrozen(address indexed cooperative);

    /// @notice Emitted when the federation lifts the freeze of `cooperative`.
    event CooperativeUnfrozen(address indexed cooperative);

    /// @notice Emitted when `cooperative` leaves the federation with `balance` (zero or more).
    event CooperativeRetired(address indexed cooperative, int256 balance);

    /// @notice Emitted when the federation changes the limits of `cooperative`.
    event LimitsUpdated(address indexed cooperative, Limits limits);

    /// @notice Emitted when the federation changes the exchange index of `cooperative`.
    event IndexUpdated(address indexed cooperative, uint256 oldIndex, uint256 newIndex);

    /// @notice Emitted when the federation sets the reserve asset of settlements (zero for
    /// native RBTC) and the rate at which it reduces a debit (zero closes settlement).
    event SettlementUpdated(address asset, uint256 rate);

    // ─── Functions ───────────────────────────────────────────────────────────────────────────

    /// @notice The federation's timelock, which alone changes the registry.
    function governance() external view returns (address);

    /// @notice The federation's votes, one seat per admitted cooperative.
    function votes() external view returns (IFederationVotes);

    /// @notice The length of a period of the allowances and of the index bound, in seconds.
    function period() external view returns (uint256);

    /// @notice How far one change may move an index, in basis points of its value in force; an
    /// index changes at most once per {period}.
    function maxIndexChangeBps() external view returns (uint256);

    /// @notice The current period's number: `block.timestamp / period()`.
    function currentPeriod() external view returns (uint256);

    /// @notice The reserve asset in which a cooperative in debt may settle (zero for native
    /// RBTC), and the rate: the value in the federation's unit (1e18 = one hour) of 1e18 base
    /// units of the asset. A rate of zero means settlement is closed.
    function settlement() external view returns (address asset, uint256 rate);

    /// @notice The state of `cooperative` (its hours token).
    function member(address cooperative) external view returns (Member memory);

    /// @notice The status of `cooperative`.
    function statusOf(address cooperative) external view returns (Status);

    /// @notice The signed clearing balance of `cooperative`, in the federation's unit.
    function clearingBalance(address cooperative) external view returns (int256);

    /// @notice Admits `cooperative` (its hours token) with its timelock, its treasury, an exchange
    /// index (1e18 = one hour) and its limits, and gives its timelock a seat of one vote.
    /// @dev Only the federation's timelock. Reverts with {FederationMissingRole} until the
    /// cooperative's own vote has granted the union `FEDERATION_ROLE` on its hours.
    function admit(
        address cooperative,
        address timelock,
        address treasury,
        uint256 index,
        Limits calldata limits
    ) external;

    /// @notice Freezes `cooperative`: it can no longer pay, it can still receive.
    function freeze(address cooperative) external;

    /// @notice Lifts the freeze of `cooperative`.
    function unfreeze(address cooperative) external;

    /// @notice Retires `cooperative` (active or frozen) whose balance is zero or more, and
    /// withdraws its seat. It can neither pay nor receive afterwards; its balance stays recorded.
    function retire(address cooperative) external;

    /// @notice Replaces the limits of `cooperative`.
    function setLimits(address cooperative, Limits calldata limits) external;

    /// @notice Changes the exchange index of `cooperative` (federation hours per hour, 1e18 =
    /// one), within {maxIndexChangeBps} of its value in force and at least {period} seconds
    /// after its last change.
    function setIndex(address cooperative, uint256 index) external;

    /// @notice When the index of `cooperative` last changed by {setIndex}, in seconds; zero if
    /// it never did (its admission's index is in force).
    function indexChangedAt(address cooperative) external view returns (uint256);

    /// @notice Sets the reserve asset of settlements (zero for native RBTC) and its rate (the
    /// federation's value of 1e18 base units of it; zero closes settlement).
    /// @dev Only the federation's timelock: the rate is a voted parameter, never a market price,
    /// so no trade can move it.
    function setSettlement(address asset, uint256 rate) external;
}
