// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {IClearingUnion} from "../../contracts/interfaces/IClearingUnion.sol";
import {IFederationRegistry} from "../../contracts/interfaces/IFederationRegistry.sol";
import {IWorkHours} from "../../contracts/interfaces/IWorkHours.sol";
import {ClearingUnion} from "../../contracts/federation/ClearingUnion.sol";
import {RedemptionTreasury} from "../../contracts/treasury/RedemptionTreasury.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";

/// Fuzz tests of settlement: two cooperatives with treasuries keeping native RBTC; this contract
/// is the federation's timelock and each cooperative's timelock (the treasuries' governor).
contract SettlementFuzzTest is Test {
    ClearingUnion internal union;
    WorkHours internal a;
    WorkHours internal b;
    RedemptionTreasury internal treasuryA;
    RedemptionTreasury internal treasuryB;
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    uint96 internal constant BIG = type(uint96).max;

    function setUp() public {
        union = new ClearingUnion(address(this), 1 days, 500, "Federation");
        (a, treasuryA) = _coop(0x7100);
        (b, treasuryB) = _coop(0x7101);
    }

    function _coop(uint160 timelock) internal returns (WorkHours work, RedemptionTreasury t) {
        work = new WorkHours("Hours", "H", address(this));
        work.grantRole(work.FEDERATION_ROLE(), address(union));
        work.grantRole(work.MINTER_ROLE(), address(this));
        work.grantRole(bytes32(0), address(timelock));
        t = new RedemptionTreasury(
            IWorkHours(address(work)),
            address(0),
            address(this),
            0,
            0,
            0,
            0
        );
        union.admit(
            address(work),
            address(timelock),
            address(t),
            1e18,
            IFederationRegistry.Limits(BIG, BIG, BIG, BIG)
        );
    }

    /// A's debt after alice of A paid `debt` hours to bob of B; A's pools hold `funds`.
    function _owe(uint256 debt, uint256 funds) internal {
        address[] memory accounts = new address[](1);
        uint256[] memory commons = new uint256[](1);
        accounts[0] = ALICE;
        commons[0] = debt;
        a.mintForWork(accounts, commons, new uint256[](1));
        vm.prank(ALICE);
        union.pay(address(a), address(b), BOB, debt, 0);
        if (funds == 0) return;
        vm.deal(address(this), funds);
        treasuryA.deposit{value: funds}(funds);
    }

    /// A settlement moves both balances toward zero by `amount * rate / 1e18`, never past zero;
    /// the debtor's pools lose exactly `amount` and the creditor's gain it, both split 75/25.
    function testFuzz_settlementMovesBalancesTowardZero(
        uint256 debt,
        uint256 amount,
        uint256 rate
    ) public {
        debt = bound(debt, 1, 1e24);
        rate = bound(rate, 1, 1e24);
        amount = bound(amount, 1, 1e24);
        _owe(debt, amount);
        union.setSettlement(address(0), rate);
        uint256 value = (amount * rate) / 1e18;
        if (value == 0) {
            vm.expectRevert(IClearingUnion.ClearingUnionZeroAmount.selector);
        } else if (value > debt) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IClearingUnion.ClearingUnionSettlementExceedsDebit.selector,
                    address(a),
                    -int256(debt),
                    value
                )
            );
        }
        uint256 settled = treasuryA.settleFederation(address(union), address(b), amount);
        if (value == 0 || value > debt) return;
        assertEq(settled, value);
        assertEq(union.clearingBalance(address(a)), -int256(debt) + int256(value));
        assertEq(union.clearingBalance(address(b)), int256(debt) - int256(value));
        (uint256 subA, uint256 comA) = treasuryA.pools();
        (uint256 subB, uint256 comB) = treasuryB.pools();
        assertEq(subA + comA, 0);
        assertEq(subB + comB, amount);
        assertEq(subB, (amount * 7_500) / 10_000);
        assertEq(address(treasuryB).balance, amount);
        assertEq(address(union).balance, 0);
    }

    /// Only the debtor's own treasury settles its debit.
    function testFuzz_onlyTheDebtorsTreasurySettles(address caller, uint256 amount) public {
        vm.assume(caller != address(treasuryA));
        amount = bound(amount, 1, 1e20);
        _owe(1e21, 0);
        union.setSettlement(address(0), 1e18);
        vm.deal(caller, amount);
        vm.prank(caller);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClearingUnion.ClearingUnionNotTreasury.selector,
                address(a),
                caller
            )
        );
        union.settle{value: amount}(address(a), address(b), amount);
    }
}
