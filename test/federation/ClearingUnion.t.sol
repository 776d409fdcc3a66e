// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {IClearingUnion} from "../../contracts/interfaces/IClearingUnion.sol";
import {IFederationRegistry} from "../../contracts/interfaces/IFederationRegistry.sol";
import {IWorkHours} from "../../contracts/interfaces/IWorkHours.sol";
import {ClearingUnion} from "../../contracts/federation/ClearingUnion.sol";
import {FederationVotes} from "../../contracts/federation/FederationVotes.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";

/// Fuzz tests of the clearing union and the federation's votes: this contract is the federation's
/// timelock and the admin of the two cooperatives' hours.
contract ClearingUnionFuzzTest is Test {
    ClearingUnion internal union;
    WorkHours internal a;
    WorkHours internal b;
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    uint96 internal constant BIG = type(uint96).max;

    function setUp() public {
        union = new ClearingUnion(address(this), 1 days, 500, "Federation");
        a = _coop();
        b = _coop();
    }

    uint256 internal _coops;

    /// A cooperative's hours; its timelock (the admin whose seat it holds) is `_timelock(work)`.
    function _coop() internal returns (WorkHours work) {
        work = new WorkHours("Hours", "H", address(this));
        work.grantRole(work.FEDERATION_ROLE(), address(union));
        work.grantRole(work.MINTER_ROLE(), address(this));
        work.grantRole(bytes32(0), address(uint160(0x7100 + _coops++)));
    }

    function _timelock(WorkHours work) internal view returns (address) {
        return work == a ? address(0x7100) : address(0x7101);
    }

    function _admit(WorkHours work, uint256 index, uint96 debit, uint96 cap) internal {
        union.admit(
            address(work),
            _timelock(work),
            address(0),
            index,
            IFederationRegistry.Limits(debit, BIG, cap, BIG)
        );
    }

    function _earn(WorkHours work, address account, uint256 amount) internal {
        address[] memory accounts = new address[](1);
        uint256[] memory commons = new uint256[](1);
        accounts[0] = account;
        commons[0] = amount;
        work.mintForWork(accounts, commons, new uint256[](1));
    }

    /// hours out × index(B) <= hours in × index(A), the balances move by the value, and the
    /// recipient gets no credit.
    function testFuzz_payConvertsInTheUnionsFavour(
        uint256 amount,
        uint256 indexA,
        uint256 indexB
    ) public {
        indexA = bound(indexA, 1e16, 1e20);
        indexB = bound(indexB, 1e16, 1e20);
        amount = bound(amount, 1, 1e24);
        _admit(a, indexA, BIG, BIG);
        _admit(b, indexB, BIG, BIG);
        _earn(a, ALICE, amount);
        (uint256 value, uint256 out) = union.quote(address(a), address(b), amount);
        vm.prank(ALICE);
        if (out == 0) {
            vm.expectRevert(IClearingUnion.ClearingUnionZeroAmount.selector);
            union.pay(address(a), address(b), BOB, amount, 0);
            return;
        }
        assertEq(union.pay(address(a), address(b), BOB, amount, 0), out);
        assertLe(out * indexB, amount * indexA);
        assertEq(value, (amount * indexA) / 1e18);
        assertEq(union.clearingBalance(address(a)), -int256(value));
        assertEq(union.clearingBalance(address(b)), int256(value));
        assertEq(b.balanceOf(BOB), out);
        assertEq(b.earnedCredit(BOB, IWorkHours.Category.Commons), 0);
        assertEq(a.balanceOf(ALICE), 0);
    }

    /// Whatever a cooperative mints itself, its members cannot take its balance below its limit.
    function testFuzz_debitLimitHoldsWhateverTheSupply(uint256 supply, uint96 limit) public {
        supply = bound(supply, 1, type(uint96).max / 2);
        limit = uint96(bound(limit, 0, 1e24));
        _admit(a, 1e18, limit, BIG);
        _admit(b, 1e18, BIG, BIG);
        _earn(a, ALICE, supply);
        vm.prank(ALICE);
        if (supply > limit) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IClearingUnion.ClearingUnionDebitLimitExceeded.selector,
                    address(a),
                    int256(0),
                    supply,
                    uint256(limit)
                )
            );
        }
        union.pay(address(a), address(b), BOB, supply, 0);
        assertGe(union.clearingBalance(address(a)), -int256(uint256(limit)));
    }

    /// A period's outflow is counted in millionths of an hour, each payment rounded up and the
    /// allowance down: what is left fits in full, one unit more does not, and the payer never
    /// pays out more than its allowance.
    function testFuzz_outflowAllowanceCountsUsageRoundedUp(uint96 allowance, uint256 first) public {
        allowance = uint96(bound(allowance, 1e12, 1e24));
        first = bound(first, 1, (allowance / 1e12) * 1e12);
        union.admit(
            address(a),
            _timelock(a),
            address(0),
            1e18,
            IFederationRegistry.Limits(BIG, allowance, BIG, BIG)
        );
        _admit(b, 1e18, BIG, BIG);
        _earn(a, ALICE, uint256(allowance) + 1);
        vm.prank(ALICE);
        union.pay(address(a), address(b), BOB, first, 0);
        uint256 left = union.member(address(a)).outflowLeft;
        uint256 unit = union.USAGE_UNIT();
        assertLe(left, allowance - first);
        assertLt(allowance - first, left + 2 * unit);
        if (left > 0) {
            vm.prank(ALICE);
            union.pay(address(a), address(b), BOB, left, 0);
        }
        assertEq(union.member(address(a)).outflowLeft, 0);
        vm.prank(ALICE);
        vm.expectPartialRevert(IClearingUnion.ClearingUnionOutflowAllowanceExceeded.selector);
        union.pay(address(a), address(b), BOB, 1, 0);
        assertLe(uint256(-union.clearingBalance(address(a))), allowance);
    }

    /// A round trip A → B → A returns at most what was paid.
    function testFuzz_roundTripCreatesNothing(
        uint256 amount,
        uint256 indexA,
        uint256 indexB
    ) public {
        indexA = bound(indexA, 1e16, 1e20);
        indexB = bound(indexB, 1e16, 1e20);
        amount = bound(amount, 1, 1e24);
        _admit(a, indexA, BIG, BIG);
        _admit(b, indexB, BIG, BIG);
        _earn(a, ALICE, amount);
        (, uint256 out) = union.quote(address(a), address(b), amount);
        vm.assume(out > 0);
        vm.prank(ALICE);
        union.pay(address(a), address(b), ALICE, amount, 0);
        (, uint256 back) = union.quote(address(b), address(a), out);
        vm.assume(back > 0);
        vm.prank(ALICE);
        union.pay(address(b), address(a), ALICE, out, 0);
        assertLe(a.balanceOf(ALICE), amount);
        assertLe(union.clearingBalance(address(a)), 0);
    }

    /// An index changes at most once per period, measured from its last change (never twice a
    /// few seconds apart across a period boundary), each time within the bound of the index in
    /// force.
    function testFuzz_indexChangeBounded(uint256 first, uint256 second, uint256 gap) public {
        _admit(a, 1e18, BIG, BIG);
        uint256 maxChange = (1e18 * 500) / 10_000;
        first = bound(first, 1e18 - maxChange, 1e18 + maxChange);
        union.setIndex(address(a), first);
        uint256 changedAt = block.timestamp;
        assertEq(union.indexChangedAt(address(a)), changedAt);
        gap = bound(gap, 0, 3 days);
        vm.warp(block.timestamp + gap);
        second = bound(second, 1, 3e18);
        uint256 secondMax = (first * 500) / 10_000;
        uint256 change = second > first ? second - first : first - second;
        if (gap < 1 days) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IFederationRegistry.FederationIndexChangeTooSoon.selector,
                    address(a),
                    changedAt + 1 days
                )
            );
        } else if (change > secondMax) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IFederationRegistry.FederationIndexChangeTooLarge.selector,
                    address(a),
                    first,
                    second,
                    secondMax
                )
            );
        }
        union.setIndex(address(a), second);
    }

    /// Retirement needs a balance of zero or more.
    function testFuzz_retireNeedsNoDebt(uint256 amount) public {
        _admit(a, 1e18, BIG, BIG);
        _admit(b, 1e18, BIG, BIG);
        amount = bound(amount, 1, 1e24);
        _earn(a, ALICE, amount);
        vm.prank(ALICE);
        union.pay(address(a), address(b), BOB, amount, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFederationRegistry.FederationRetireWithDebt.selector,
                address(a),
                -int256(amount)
            )
        );
        union.retire(address(a));
        union.retire(address(b));
        assertEq(uint8(union.statusOf(address(b))), uint8(IFederationRegistry.Status.Retired));
    }

    /// A seat's vote follows its liaison, and stays at the snapshot when the liaison changes.
    function testFuzz_liaisonVotesAtSnapshot(address liaison, uint32 later) public {
        address timelock = _timelock(a);
        vm.assume(liaison != address(0) && liaison != timelock);
        _admit(a, 1e18, BIG, BIG);
        FederationVotes votes = FederationVotes(address(union.votes()));
        vm.prank(timelock);
        votes.appointLiaison(liaison);
        uint256 appointed = block.timestamp;
        vm.warp(block.timestamp + 1 + uint256(later));
        vm.prank(timelock);
        votes.revokeLiaison();
        assertEq(votes.getPastVotes(liaison, appointed), 1);
        assertEq(votes.getVotes(liaison), 0);
        assertEq(votes.getVotes(timelock), 1);
    }
}
