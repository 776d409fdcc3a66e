// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test, Vm} from "forge-std/Test.sol";
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

    /// A batch mint (one supply write) against a per-account reference: the same accounts minted
    /// one `mintCapital` at a time through `_update` on a second token with the same history and
    /// delegations, at the same timepoint. Supply, past supply, balances, votes, checkpoints and
    /// the Transfer / DelegateVotesChanged events must all be equal; credit follows the batch.
    function testFuzz_mintForWorkBatchMatchesPerAccountMints(
        uint8[6] memory who,
        uint64[6] memory commons,
        uint64[6] memory subsistence,
        uint8 delegations,
        uint32 gap
    ) public {
        WorkHours ref = new WorkHours("Work Hours", "HOUR", address(this));
        ref.grantRole(ref.CAPITAL_ROLE(), TREASURY);
        address[4] memory pool = [ALICE, BOB, CAROL, address(0xD4FE)];
        // the same earlier history and delegations on both tokens
        for (uint256 k = 0; k < 4; ++k) {
            if (k % 2 == 0) {
                _mintWork(pool[k], 10 + k, 0);
                vm.prank(TREASURY);
                ref.mintCapital(pool[k], 10 + k);
            }
            if ((delegations >> k) & 1 == 1) {
                address delegatee = pool[(k + 1) % 4];
                vm.prank(pool[k]);
                work.delegate(delegatee);
                vm.prank(pool[k]);
                ref.delegate(delegatee);
            }
        }
        uint256 before = block.timestamp;
        vm.warp(before + uint256(gap) + 1);
        uint256 at = block.timestamp;

        address[] memory accounts = new address[](6);
        uint256[] memory c = new uint256[](6);
        uint256[] memory s = new uint256[](6);
        for (uint256 i = 0; i < 6; ++i) {
            accounts[i] = pool[who[i] % 4];
            c[i] = commons[i];
            s[i] = uint256(subsistence[i]) + 1;
        }
        vm.recordLogs();
        vm.prank(MINTER);
        work.mintForWork(accounts, c, s);
        bytes32[] memory batchLogs = _votesLogs(vm.getRecordedLogs());
        for (uint256 i = 0; i < 6; ++i) {
            vm.prank(TREASURY);
            ref.mintCapital(accounts[i], c[i] + s[i]);
        }
        bytes32[] memory refLogs = _votesLogs(vm.getRecordedLogs());
        assertEq(batchLogs, refLogs, "Transfer and DelegateVotesChanged events");

        assertEq(work.totalSupply(), ref.totalSupply(), "supply");
        vm.warp(at + 1);
        assertEq(work.getPastTotalSupply(at), ref.getPastTotalSupply(at), "supply at the batch");
        assertEq(work.getPastTotalSupply(before), ref.getPastTotalSupply(before), "earlier");
        for (uint256 k = 0; k < 4; ++k) {
            address a = pool[k];
            assertEq(work.balanceOf(a), ref.balanceOf(a), "balance");
            assertEq(work.getVotes(a), ref.getVotes(a), "votes");
            assertEq(work.getPastVotes(a, at), ref.getPastVotes(a, at), "votes at the batch");
            assertEq(work.getPastVotes(a, before), ref.getPastVotes(a, before), "earlier votes");
            uint32 n = work.numCheckpoints(a);
            assertEq(n, ref.numCheckpoints(a), "checkpoints");
            for (uint32 pos = 0; pos < n; ++pos) {
                assertEq(work.checkpoints(a, pos)._key, ref.checkpoints(a, pos)._key);
                assertEq(work.checkpoints(a, pos)._value, ref.checkpoints(a, pos)._value);
            }
            uint256 commonsOf;
            uint256 subsistenceOf;
            for (uint256 i = 0; i < 6; ++i) {
                if (accounts[i] != a) continue;
                commonsOf += c[i];
                subsistenceOf += s[i];
            }
            uint256 priorCommons = k % 2 == 0 ? 10 + k : 0;
            assertEq(work.earnedCredit(a, IWorkHours.Category.Commons), priorCommons + commonsOf);
            assertEq(work.earnedCredit(a, IWorkHours.Category.Subsistence), subsistenceOf);
        }
    }

    /// Each log of a Transfer or DelegateVotesChanged, hashed with its topics and data.
    function _votesLogs(Vm.Log[] memory logs) internal pure returns (bytes32[] memory kept) {
        bytes32 transfer = keccak256("Transfer(address,address,uint256)");
        bytes32 votes = keccak256("DelegateVotesChanged(address,uint256,uint256)");
        kept = new bytes32[](logs.length);
        uint256 n;
        for (uint256 i = 0; i < logs.length; ++i) {
            bytes32 topic = logs[i].topics[0];
            if (topic != transfer && topic != votes) continue;
            kept[n++] = keccak256(abi.encode(logs[i].topics, logs[i].data));
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(kept, n)
        }
    }

    /// The cap is checked on the running batch total, before any account is written: the batch
    /// reverts with the first supply that passes 2^96 - 1, as per-account mints would.
    function testFuzz_mintForWorkBatchCap(uint96 held, uint96[3] memory amounts) public {
        if (held > 0) _mintWork(ALICE, held, 0);
        address[] memory accounts = new address[](3);
        uint256[] memory c = new uint256[](3);
        uint256 supply = held;
        bytes memory expected;
        for (uint256 i = 0; i < 3; ++i) {
            vm.assume(amounts[i] > 0);
            accounts[i] = i == 1 ? BOB : CAROL;
            c[i] = amounts[i];
            supply += amounts[i];
            if (expected.length == 0 && supply > MAX) {
                expected = abi.encodeWithSignature(
                    "ERC20ExceededSafeSupply(uint256,uint256)",
                    supply,
                    MAX
                );
            }
        }
        if (expected.length != 0) vm.expectRevert(expected);
        vm.prank(MINTER);
        work.mintForWork(accounts, c, new uint256[](3));
        if (expected.length == 0) {
            assertEq(work.totalSupply(), supply);
            assertEq(work.balanceOf(BOB) + work.balanceOf(CAROL), supply - held);
        } else {
            assertEq(work.totalSupply(), held);
        }
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
