// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {ICareReputation} from "../../contracts/interfaces/ICareReputation.sol";
import {CareReputation} from "../../contracts/token/CareReputation.sol";

/// Fuzz tests of every CareReputation function.
contract CareReputationFuzzTest is Test {
    CareReputation internal care;
    address internal constant MINTER = address(0x1111);
    address internal constant REVOKER = address(0x3333);

    function setUp() public {
        care = new CareReputation("Care Reputation", "CARE", address(this));
        care.grantRole(care.MINTER_ROLE(), MINTER);
        care.grantRole(care.REVOKER_ROLE(), REVOKER);
        vm.warp(1_000_000);
    }

    function _mint(address account, uint256 amount) internal {
        address[] memory accounts = new address[](1);
        uint256[] memory amounts = new uint256[](1);
        (accounts[0], amounts[0]) = (account, amount);
        vm.prank(MINTER);
        care.mint(accounts, amounts);
    }

    function testFuzz_mint(address account, uint128 first, uint128 second) public {
        vm.assume(account != address(0) && first > 0 && second > 0);
        _mint(account, first);
        uint256 before = block.timestamp;
        vm.warp(before + 5);
        _mint(account, second);
        assertEq(care.balanceOf(account), uint256(first) + second);
        assertEq(care.getVotes(account), uint256(first) + second);
        assertEq(care.totalSupply(), uint256(first) + second);
        assertEq(care.getPastVotes(account, before), first);
        assertEq(care.getPastTotalSupply(before), first);
    }

    function testFuzz_mintRejectsOthers(address caller) public {
        vm.assume(caller != MINTER);
        address[] memory accounts = new address[](1);
        uint256[] memory amounts = new uint256[](1);
        (accounts[0], amounts[0]) = (caller, 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                caller,
                care.MINTER_ROLE()
            )
        );
        vm.prank(caller);
        care.mint(accounts, amounts);
    }

    function testFuzz_revoke(address account, uint128 minted, uint128 revoked) public {
        vm.assume(account != address(0) && minted > 0 && revoked > 0);
        _mint(account, minted);
        vm.prank(REVOKER);
        if (revoked > minted) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IERC20Errors.ERC20InsufficientBalance.selector,
                    account,
                    minted,
                    revoked
                )
            );
            care.revoke(account, revoked, "fuzz");
            return;
        }
        vm.expectEmit(address(care));
        emit ICareReputation.ReputationRevoked(account, revoked, "fuzz");
        care.revoke(account, revoked, "fuzz");
        assertEq(care.balanceOf(account), minted - revoked);
        assertEq(care.totalSupply(), minted - revoked);
    }

    function testFuzz_transferReverts(address from, address to, uint256 amount) public {
        vm.assume(from != address(0));
        _mint(from, 10);
        vm.startPrank(from);
        vm.expectRevert(ICareReputation.CareReputationNonTransferable.selector);
        care.transfer(to, amount);
        vm.expectRevert(ICareReputation.CareReputationNonTransferable.selector);
        care.approve(to, amount);
        vm.stopPrank();
        vm.prank(to);
        vm.expectRevert(ICareReputation.CareReputationNonTransferable.selector);
        care.transferFrom(from, to, amount);
        assertEq(care.balanceOf(from), 10);
        assertEq(care.allowance(from, to), 0);
    }

    function testFuzz_delegate(address account, address delegatee) public {
        vm.assume(account != address(0) && account != delegatee);
        _mint(account, 10);
        vm.prank(account);
        vm.expectRevert(
            abi.encodeWithSelector(ICareReputation.CareReputationNonDelegable.selector, delegatee)
        );
        care.delegate(delegatee);
        vm.prank(account);
        care.delegate(account);
        assertEq(care.delegates(account), account);
        assertEq(care.getVotes(account), 10);
    }

    /// Mints and revocations at timepoints that advance by 0 to 2 seconds, recording what each
    /// timepoint ended with; then every past lookup (fast path and fallback) returns the record.
    function testFuzz_pastVotesAtEveryTimepoint(uint16[24] memory steps) public {
        address alice = address(0xA11CE);
        _mint(alice, 1_000);
        uint256 start = block.timestamp;
        uint256[2][] memory record = new uint256[2][](steps.length * 3);
        uint256 end = start;
        for (uint256 i = 0; i < steps.length; ++i) {
            vm.warp(block.timestamp + (steps[i] % 3));
            uint256 amount = ((steps[i] >> 2) % 50) + 1;
            if (steps[i] & 0x8000 != 0) {
                _mint(address(0xB0B), amount);
            } else if (steps[i] & 0x4000 != 0 && care.balanceOf(alice) >= amount) {
                vm.prank(REVOKER);
                care.revoke(alice, amount, "fuzz");
            } else {
                _mint(alice, amount);
            }
            end = block.timestamp;
            record[end - start] = [care.getVotes(alice), care.totalSupply()];
        }
        vm.warp(end + 1);
        uint256[2] memory expected = [uint256(1_000), 1_000];
        for (uint256 t = start; t <= end; ++t) {
            // a timepoint without a change keeps the previous one's values
            if (record[t - start][1] != 0) expected = record[t - start];
            assertEq(care.getPastVotes(alice, t), expected[0], "alice");
            assertEq(care.getPastTotalSupply(t), expected[1], "supply");
        }
        assertEq(care.getPastVotes(alice, start - 1), 0);
        assertEq(care.getPastTotalSupply(start - 1), 0);
    }
}
