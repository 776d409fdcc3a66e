// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IWorkHours} from "../../contracts/interfaces/IWorkHours.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";

/// Fuzz tests of every WorkHours function.
contract WorkHoursFuzzTest is Test {
    WorkHours internal work;
    address internal constant MINTER = address(0x1111);
    address internal constant TREASURY = address(0x2222);
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    address internal constant CAROL = address(0xCA401);

    uint256 internal constant MAX = type(uint96).max;

    function setUp() public {
        work = new WorkHours("Work Hours", "HOUR", address(this));
        work.grantRole(work.MINTER_ROLE(), MINTER);
        work.grantRole(work.CAPITAL_ROLE(), TREASURY);
        work.grantRole(work.REDEEMER_ROLE(), TREASURY);
        vm.warp(1_000_000);
    }

    function _mintWork(address account, uint256 commons, uint256 subsistence) internal {
        address[] memory accounts = new address[](1);
        uint256[] memory c = new uint256[](1);
        uint256[] memory s = new uint256[](1);
        (accounts[0], c[0], s[0]) = (account, commons, subsistence);
        vm.prank(MINTER);
        work.mintForWork(accounts, c, s);
    }

    function testFuzz_mintForWork(uint96 commons, uint96 subsistence, uint32 later) public {
        uint256 amount = uint256(commons) + subsistence;
        vm.assume(amount > 0 && amount <= MAX);
        _mintWork(ALICE, commons, subsistence);
        uint256 first = block.timestamp;
        assertEq(work.balanceOf(ALICE), amount);
        assertEq(work.getVotes(ALICE), amount);
        assertEq(work.totalSupply(), amount);
        assertEq(work.earnedCredit(ALICE, IWorkHours.Category.Commons), commons);
        assertEq(work.earnedCredit(ALICE, IWorkHours.Category.Subsistence), subsistence);
        assertEq(work.holdingSince(ALICE), first);
        vm.warp(block.timestamp + uint256(later) + 1);
        if (amount < MAX) {
            _mintWork(ALICE, 0, 1);
            assertEq(work.holdingSince(ALICE), first);
            assertEq(work.getPastVotes(ALICE, block.timestamp - 1), amount);
        }
    }

    function testFuzz_mintForWorkBatch(address[4] memory accounts, uint64[4] memory hours_) public {
        address[] memory list = new address[](4);
        uint256[] memory c = new uint256[](4);
        uint256[] memory s = new uint256[](4);
        uint256 total;
        for (uint256 i = 0; i < 4; ++i) {
            vm.assume(accounts[i] != address(0) && hours_[i] > 0);
            list[i] = accounts[i];
            c[i] = hours_[i] / 2;
            s[i] = hours_[i] - c[i];
            total += hours_[i];
        }
        vm.prank(MINTER);
        work.mintForWork(list, c, s);
        assertEq(work.totalSupply(), total);
        uint256 votes;
        for (uint256 i = 0; i < 4; ++i) {
            bool seen;
            for (uint256 j = 0; j < i; ++j) if (accounts[j] == accounts[i]) seen = true;
            if (!seen) votes += work.getVotes(accounts[i]);
        }
        assertEq(votes, total);
    }

    function testFuzz_mintForWorkRejectsOthers(address caller) public {
        vm.assume(caller != MINTER);
        address[] memory accounts = new address[](1);
        uint256[] memory amounts = new uint256[](1);
        (accounts[0], amounts[0]) = (caller, 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                caller,
                work.MINTER_ROLE()
            )
        );
        vm.prank(caller);
        work.mintForWork(accounts, amounts, amounts);
    }

    function testFuzz_mintCapital(address to, uint96 amount) public {
        vm.assume(to != address(0));
        vm.prank(TREASURY);
        work.mintCapital(to, amount);
        assertEq(work.balanceOf(to), amount);
        assertEq(work.getVotes(to), amount);
        assertEq(work.earnedCredit(to, IWorkHours.Category.Commons), 0);
        assertEq(work.earnedCredit(to, IWorkHours.Category.Subsistence), 0);
        assertEq(work.holdingSince(to), 0);
    }

    function testFuzz_redeemBurn(
        uint96 commons,
        uint96 subsistence,
        uint96 amount,
        bool sub
    ) public {
        uint256 total = uint256(commons) + subsistence;
        vm.assume(total > 0 && total <= MAX);
        _mintWork(ALICE, commons, subsistence);
        vm.warp(block.timestamp + 100);
        IWorkHours.Category category =
            sub ? IWorkHours.Category.Subsistence : IWorkHours.Category.Commons;
        uint256 credit = sub ? subsistence : commons;
        vm.prank(TREASURY);
        if (amount > credit) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IWorkHours.WorkHoursInsufficientCredit.selector,
                    ALICE,
                    category,
                    credit,
                    amount
                )
            );
            work.redeemBurn(ALICE, category, amount);
            return;
        }
        work.redeemBurn(ALICE, category, amount);
        assertEq(work.balanceOf(ALICE), total - amount);
        assertEq(work.getVotes(ALICE), total - amount);
        assertEq(work.totalSupply(), total - amount);
        assertEq(work.earnedCredit(ALICE, category), credit - amount);
        assertEq(
            work.earnedCredit(
                ALICE,
                sub ? IWorkHours.Category.Commons : IWorkHours.Category.Subsistence
            ),
            sub ? commons : subsistence
        );
        assertEq(work.holdingSince(ALICE), block.timestamp);
    }

    function testFuzz_burn(uint96 minted, uint96 burned) public {
        vm.assume(minted > 0);
        _mintWork(ALICE, minted, 0);
        vm.prank(ALICE);
        if (burned > minted) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IERC20Errors.ERC20InsufficientBalance.selector,
                    ALICE,
                    minted,
                    burned
                )
            );
            work.burn(burned);
            return;
        }
        work.burn(burned);
        assertEq(work.balanceOf(ALICE), minted - burned);
        assertEq(work.totalSupply(), minted - burned);
        assertEq(work.earnedCredit(ALICE, IWorkHours.Category.Commons), minted);
    }

    function testFuzz_transfer(uint96 minted, uint96 sent, address to) public {
        vm.assume(to != address(0) && to != ALICE && minted > 0 && sent <= minted);
        _mintWork(ALICE, minted, 0);
        uint256 before = block.timestamp;
        vm.warp(before + 10);
        vm.prank(ALICE);
        work.transfer(to, sent);
        assertEq(work.balanceOf(ALICE), minted - sent);
        assertEq(work.balanceOf(to), sent);
        assertEq(work.getVotes(ALICE), minted - sent);
        assertEq(work.getVotes(to), sent);
        assertEq(work.getPastVotes(ALICE, before), minted);
        assertEq(work.getPastVotes(to, before), 0);
        assertEq(work.earnedCredit(to, IWorkHours.Category.Commons), 0);
        assertEq(work.earnedCredit(ALICE, IWorkHours.Category.Commons), minted);
    }

    function testFuzz_transferFrom(uint96 minted, uint96 allowed, uint96 sent) public {
        vm.assume(minted > 0 && sent <= minted);
        _mintWork(ALICE, minted, 0);
        vm.prank(ALICE);
        work.approve(BOB, allowed);
        assertEq(work.allowance(ALICE, BOB), allowed);
        vm.prank(BOB);
        if (sent > allowed) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IERC20Errors.ERC20InsufficientAllowance.selector,
                    BOB,
                    allowed,
                    sent
                )
            );
            work.transferFrom(ALICE, CAROL, sent);
            return;
        }
        work.transferFrom(ALICE, CAROL, sent);
        assertEq(work.balanceOf(CAROL), sent);
        assertEq(work.allowance(ALICE, BOB), allowed - sent);
    }

    function testFuzz_delegate(uint96 a, uint96 b, address delegatee, uint96 sent) public {
        vm.assume(a > 0 && b > 0 && uint256(a) + b <= MAX && sent <= a);
        vm.assume(delegatee != address(0) && delegatee != ALICE && delegatee != BOB);
        _mintWork(ALICE, a, 0);
        _mintWork(BOB, b, 0);
        vm.prank(ALICE);
        work.delegate(delegatee);
        assertEq(work.delegates(ALICE), delegatee);
        assertEq(work.getVotes(ALICE), 0);
        assertEq(work.getVotes(delegatee), a);
        vm.prank(ALICE);
        work.transfer(BOB, sent);
        assertEq(work.getVotes(delegatee), a - sent);
        assertEq(work.getVotes(BOB), uint256(b) + sent);
        vm.prank(ALICE);
        work.delegate(ALICE);
        assertEq(work.delegates(ALICE), ALICE);
        assertEq(work.getVotes(ALICE), a - sent);
        assertEq(work.getVotes(delegatee), 0);
    }

    function testFuzz_delegateRejectsZero(address account) public {
        vm.assume(account != address(0));
        vm.expectRevert(
            abi.encodeWithSelector(IWorkHours.WorkHoursInvalidDelegatee.selector, address(0))
        );
        vm.prank(account);
        work.delegate(address(0));
    }

    function testFuzz_permit(uint256 key, uint96 value) public {
        key = bound(key, 1, 2 ** 128);
        address owner = vm.addr(key);
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                work.DOMAIN_SEPARATOR(),
                keccak256(
                    abi.encode(
                        keccak256(
                            "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                        ),
                        owner,
                        BOB,
                        value,
                        0,
                        block.timestamp
                    )
                )
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        work.permit(owner, BOB, value, block.timestamp, v, r, s);
        assertEq(work.allowance(owner, BOB), value);
        assertEq(work.nonces(owner), 1);
    }

    /// Transfers and mints at timepoints that advance by 0 to 2 seconds (0: several changes in one
    /// timepoint), recording what each timepoint ended with; then every past lookup, at, between
    /// and before the changes (fast path and fallback), returns the recorded votes and supply.
    function testFuzz_pastVotesAtEveryTimepoint(uint16[24] memory steps) public {
        _mintWork(ALICE, 1_000, 0);
        _mintWork(BOB, 1_000, 0);
        uint256 start = block.timestamp;
        uint256[3][] memory record = new uint256[3][](steps.length * 3);
        uint256 end = start;
        for (uint256 i = 0; i < steps.length; ++i) {
            vm.warp(block.timestamp + (steps[i] % 3));
            // at most 24 * 39 < 1_000 leaves either side: no transfer fails
            uint256 amount = (steps[i] >> 2) % 40;
            if (steps[i] & 0x8000 != 0) {
                _mintWork(CAROL, amount + 1, 0);
            } else if (steps[i] & 0x4000 != 0) {
                vm.prank(BOB);
                work.transfer(ALICE, amount);
            } else {
                vm.prank(ALICE);
                work.transfer(BOB, amount);
            }
            end = block.timestamp;
            record[end - start] = [work.getVotes(ALICE), work.getVotes(BOB), work.totalSupply()];
        }
        vm.warp(end + 1);
        uint256[3] memory expected = [uint256(1_000), 1_000, 2_000];
        for (uint256 t = start; t <= end; ++t) {
            // a timepoint without a change keeps the previous one's values
            if (record[t - start][2] != 0) expected = record[t - start];
            assertEq(work.getPastVotes(ALICE, t), expected[0], "alice");
            assertEq(work.getPastVotes(BOB, t), expected[1], "bob");
            assertEq(work.getPastTotalSupply(t), expected[2], "supply");
        }
        assertEq(work.getPastVotes(ALICE, start - 1), 0);
        assertEq(work.getPastTotalSupply(start - 1), 0);
    }
}
