// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

import {IContributionRegistry} from "../../contracts/interfaces/IContributionRegistry.sol";
import {IWorkHours} from "../../contracts/interfaces/IWorkHours.sol";
import {CareReputation} from "../../contracts/token/CareReputation.sol";
import {ContributionRegistry} from "../../contracts/token/ContributionRegistry.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";

/// Fuzz tests of every ContributionRegistry function.
contract ContributionRegistryFuzzTest is Test {
    WorkHours internal work;
    CareReputation internal care;
    ContributionRegistry internal registry;
    uint256 internal constant CAP = 40e18;

    function setUp() public {
        work = new WorkHours("Work Hours", "HOUR", address(this));
        care = new CareReputation("Care Reputation", "CARE", address(this));
        registry = new ContributionRegistry(work, care, CAP, address(this));
        work.grantRole(work.MINTER_ROLE(), address(registry));
        care.grantRole(care.MINTER_ROLE(), address(registry));
    }

    function _category(uint8 seed) internal pure returns (IContributionRegistry.Category) {
        return IContributionRegistry.Category(seed % 3);
    }

    function testFuzz_submitClaim(address claimant, uint256 amount, uint8 category) public {
        vm.assume(claimant != address(0));
        vm.prank(claimant);
        if (amount == 0 || amount > CAP) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IContributionRegistry.RegistryInvalidAmount.selector,
                    amount,
                    CAP
                )
            );
            registry.submitClaim(amount, _category(category), bytes32(0), "");
            return;
        }
        uint256 id = registry.submitClaim(amount, _category(category), keccak256("e"), "uri");
        assertEq(id, 1);
        IContributionRegistry.Claim memory c = registry.claim(id);
        assertEq(c.claimant, claimant);
        assertEq(c.amount, amount);
        assertEq(uint8(c.category), category % 3);
        assertEq(uint8(c.status), uint8(IContributionRegistry.ClaimStatus.Pending));
        assertEq(registry.claimCountOf(claimant), 1);
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Pending), 1);
    }

    function testFuzz_withdrawClaim(address claimant, address caller) public {
        vm.assume(claimant != address(0));
        vm.prank(claimant);
        uint256 id = registry.submitClaim(1e18, IContributionRegistry.Category.Care, 0, "");
        vm.prank(caller);
        if (caller != claimant) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IContributionRegistry.RegistryNotClaimant.selector,
                    id,
                    caller
                )
            );
            registry.withdrawClaim(id);
            return;
        }
        registry.withdrawClaim(id);
        assertEq(
            uint8(registry.claim(id).status),
            uint8(IContributionRegistry.ClaimStatus.Withdrawn)
        );
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Withdrawn), 1);
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Pending), 0);
    }

    /// A batch of claims from up to 4 claimants, in any categories, mints each claimant exactly
    /// the sum of its claims.
    function testFuzz_approveClaims(
        uint8[12] memory who,
        uint8[12] memory what,
        uint64[12] memory amounts
    ) public {
        uint256[] memory ids = new uint256[](12);
        uint256[3][4] memory expected;
        for (uint256 i = 0; i < 12; ++i) {
            address claimant = address(uint160(0x1000 + (who[i] % 4)));
            uint256 amount = bound(amounts[i], 1, CAP);
            vm.prank(claimant);
            ids[i] = registry.submitClaim(amount, _category(what[i]), 0, "");
            expected[who[i] % 4][what[i] % 3] += amount;
        }
        registry.approveClaims(ids);
        uint256 supply;
        for (uint256 k = 0; k < 4; ++k) {
            address claimant = address(uint160(0x1000 + k));
            uint256 workHours = expected[k][0] + expected[k][1];
            supply += workHours;
            assertEq(work.balanceOf(claimant), workHours);
            assertEq(work.earnedCredit(claimant, IWorkHours.Category.Commons), expected[k][0]);
            assertEq(work.earnedCredit(claimant, IWorkHours.Category.Subsistence), expected[k][1]);
            assertEq(care.balanceOf(claimant), expected[k][2]);
        }
        assertEq(work.totalSupply(), supply);
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Approved), 12);
    }

    /// A repeated id in a batch is minted once; its repeat is skipped with {ClaimSkipped}.
    function testFuzz_approveClaimsSkipsRepeats(uint8 n, uint8 repeat) public {
        n = uint8(bound(n, 1, 10));
        uint256[] memory ids = new uint256[](uint256(n) + 1);
        for (uint256 i = 0; i < n; ++i) {
            ids[i] = registry.submitClaim(1e18, IContributionRegistry.Category.Commons, 0, "");
        }
        ids[n] = ids[repeat % n];
        vm.expectEmit(address(registry));
        emit IContributionRegistry.ClaimSkipped(ids[n], IContributionRegistry.ClaimStatus.Approved);
        registry.approveClaims(ids);
        assertEq(work.totalSupply(), uint256(n) * 1e18);
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Approved), n);
    }

    /// Whatever claimants withdraw between the vote and the execution (`withdrawn` bit i: claim
    /// i is withdrawn; `rejected` bit i: it was rejected by an earlier batch), the batch does not
    /// revert and mints exactly the claims still pending, to their claimants.
    function testFuzz_approveClaimsMintsExactlyThePending(
        uint8[16] memory who,
        uint8[16] memory what,
        uint64[16] memory amounts,
        uint16 withdrawn,
        uint16 rejected
    ) public {
        uint256[] memory ids = new uint256[](16);
        uint256[3][4] memory expected;
        for (uint256 i = 0; i < 16; ++i) {
            address claimant = address(uint160(0x1000 + (who[i] % 4)));
            uint256 amount = bound(amounts[i], 1, CAP);
            vm.prank(claimant);
            ids[i] = registry.submitClaim(amount, _category(what[i]), 0, "");
            if ((withdrawn >> i) & 1 == 1) {
                vm.prank(claimant);
                registry.withdrawClaim(ids[i]);
            } else if ((rejected >> i) & 1 == 1) {
                uint256[] memory one = new uint256[](1);
                one[0] = ids[i];
                registry.rejectClaims(one);
            } else {
                expected[who[i] % 4][what[i] % 3] += amount;
            }
        }
        uint256 pending = registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Pending);
        registry.approveClaims(ids);
        uint256 supply;
        for (uint256 k = 0; k < 4; ++k) {
            address claimant = address(uint160(0x1000 + k));
            uint256 workHours = expected[k][0] + expected[k][1];
            supply += workHours;
            assertEq(work.balanceOf(claimant), workHours);
            assertEq(work.earnedCredit(claimant, IWorkHours.Category.Commons), expected[k][0]);
            assertEq(work.earnedCredit(claimant, IWorkHours.Category.Subsistence), expected[k][1]);
            assertEq(care.balanceOf(claimant), expected[k][2]);
        }
        assertEq(work.totalSupply(), supply);
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Approved), pending);
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Pending), 0);
    }

    /// An id never issued still reverts the batch: a malformed proposal, not a claimant's act.
    function testFuzz_approveClaimsRejectsUnknown(uint256 id) public {
        registry.submitClaim(1e18, IContributionRegistry.Category.Commons, 0, "");
        vm.assume(id != 1);
        uint256[] memory ids = new uint256[](2);
        ids[0] = 1;
        ids[1] = id;
        vm.expectRevert(
            abi.encodeWithSelector(IContributionRegistry.RegistryUnknownClaim.selector, id)
        );
        registry.approveClaims(ids);
    }

    function testFuzz_approveClaimsRejectsOthers(address caller) public {
        vm.assume(caller != address(this));
        uint256[] memory ids = new uint256[](1);
        ids[0] = registry.submitClaim(1e18, IContributionRegistry.Category.Commons, 0, "");
        bytes memory denied = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector,
            caller,
            registry.APPROVER_ROLE()
        );
        vm.startPrank(caller);
        vm.expectRevert(denied);
        registry.approveClaims(ids);
        vm.expectRevert(denied);
        registry.rejectClaims(ids);
        vm.stopPrank();
    }

    function testFuzz_rejectClaims(uint8 n) public {
        n = uint8(bound(n, 1, 20));
        uint256[] memory ids = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            ids[i] = registry.submitClaim(1e18, _category(uint8(i)), 0, "");
        }
        registry.rejectClaims(ids);
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Rejected), n);
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Pending), 0);
        assertEq(work.totalSupply() + care.totalSupply(), 0);
    }

    function testFuzz_setClaimCap(uint256 cap) public {
        if (cap == 0 || cap > type(uint80).max) {
            vm.expectRevert(
                abi.encodeWithSelector(IContributionRegistry.RegistryInvalidClaimCap.selector, cap)
            );
            registry.setClaimCap(cap);
            return;
        }
        registry.setClaimCap(cap);
        assertEq(registry.claimCap(), cap);
        assertEq(registry.claimCount(), 0);
        uint256 id = registry.submitClaim(cap, IContributionRegistry.Category.Commons, 0, "");
        assertEq(registry.claim(id).amount, cap);
    }

    function testFuzz_claimsOf(uint8 n, uint256 offset, uint256 limit) public {
        n = uint8(bound(n, 0, 30));
        for (uint256 i = 0; i < n; ++i) {
            registry.submitClaim(1e18, IContributionRegistry.Category.Care, 0, "");
        }
        uint256[] memory ids = registry.claimsOf(address(this), offset, limit);
        uint256 expected = offset >= n ? 0 : (n - offset < limit ? n - offset : limit);
        assertEq(ids.length, expected);
        for (uint256 i = 0; i < ids.length; ++i) assertEq(ids[i], offset + i + 1);
    }
}
