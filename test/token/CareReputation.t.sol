// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test, Vm} from "forge-std/Test.sol";
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

    /// A batch mint (one supply write) against a per-account reference: the same accounts minted
    /// one call each on a second token with the same history, at the same timepoint. Supply,
    /// past supply, balances, votes, checkpoints and events must all be equal.
    function testFuzz_mintBatchMatchesPerAccountMints(
        uint8[6] memory who,
        uint64[6] memory amounts,
        uint32 gap
    ) public {
        CareReputation ref = new CareReputation("Care Reputation", "CARE", address(this));
        ref.grantRole(ref.MINTER_ROLE(), MINTER);
        address[4] memory pool = [address(0xA11CE), address(0xB0B), address(0xCA401), address(0xD)];
        for (uint256 k = 0; k < 4; k += 2) {
            _mint(pool[k], 10 + k);
            address[] memory one = new address[](1);
            uint256[] memory amount = new uint256[](1);
            (one[0], amount[0]) = (pool[k], 10 + k);
            vm.prank(MINTER);
            ref.mint(one, amount);
        }
        uint256 before = block.timestamp;
        vm.warp(before + uint256(gap) + 1);
        uint256 at = block.timestamp;

        address[] memory accounts = new address[](6);
        uint256[] memory values = new uint256[](6);
        for (uint256 i = 0; i < 6; ++i) {
            accounts[i] = pool[who[i] % 4];
            values[i] = uint256(amounts[i]) + 1;
        }
        vm.recordLogs();
        vm.prank(MINTER);
        care.mint(accounts, values);
        Vm.Log[] memory batchLogs = vm.getRecordedLogs();
        for (uint256 i = 0; i < 6; ++i) {
            address[] memory one = new address[](1);
            uint256[] memory amount = new uint256[](1);
            (one[0], amount[0]) = (accounts[i], values[i]);
            vm.prank(MINTER);
            ref.mint(one, amount);
        }
        Vm.Log[] memory refLogs = vm.getRecordedLogs();
        assertEq(batchLogs.length, refLogs.length, "events");
        for (uint256 i = 0; i < batchLogs.length; ++i) {
            assertEq(batchLogs[i].topics, refLogs[i].topics, "event topics");
            assertEq(batchLogs[i].data, refLogs[i].data, "event data");
        }

        assertEq(care.totalSupply(), ref.totalSupply(), "supply");
        vm.warp(at + 1);
        assertEq(care.getPastTotalSupply(at), ref.getPastTotalSupply(at), "supply at the batch");
        assertEq(care.getPastTotalSupply(before), ref.getPastTotalSupply(before), "earlier");
        for (uint256 k = 0; k < 4; ++k) {
            address a = pool[k];
            assertEq(care.balanceOf(a), ref.balanceOf(a), "balance");
            assertEq(care.getVotes(a), ref.getVotes(a), "votes");
            assertEq(care.getPastVotes(a, at), ref.getPastVotes(a, at), "votes at the batch");
            assertEq(care.getPastVotes(a, before), ref.getPastVotes(a, before), "earlier votes");
            uint32 n = care.numCheckpoints(a);
            assertEq(n, ref.numCheckpoints(a), "checkpoints");
            for (uint32 pos = 0; pos < n; ++pos) {
                assertEq(care.checkpoints(a, pos)._key, ref.checkpoints(a, pos)._key);
                assertEq(care.checkpoints(a, pos)._value, ref.checkpoints(a, pos)._value);
            }
        }
    }

    /// The cap is checked on the running batch total, before the account is written: the batch
    /// reverts at the first account that would pass MAX_SUPPLY, with the supply before it.
    function testFuzz_mintBatchCap(uint160 held, uint160[3] memory amounts) public {
        if (held > 0) _mint(address(0xA11CE), held);
        address[] memory accounts = new address[](3);
        uint256[] memory values = new uint256[](3);
        uint256 supply = held;
        bytes memory expected;
        for (uint256 i = 0; i < 3; ++i) {
            vm.assume(amounts[i] > 0);
            accounts[i] = i == 1 ? address(0xB0B) : address(0xCA401);
            values[i] = amounts[i];
            if (expected.length == 0) {
                if (values[i] > type(uint160).max - supply) {
                    expected = abi.encodeWithSelector(
                        ICareReputation.CareReputationExceededSupply.selector,
                        supply,
                        values[i],
                        type(uint160).max
                    );
                } else {
                    supply += values[i];
                }
            }
        }
        if (expected.length != 0) vm.expectRevert(expected);
        vm.prank(MINTER);
        care.mint(accounts, values);
        if (expected.length == 0) {
            assertEq(care.totalSupply(), supply);
            assertEq(
                care.balanceOf(address(0xB0B)) + care.balanceOf(address(0xCA401)),
                supply - held
            );
        } else {
            assertEq(care.totalSupply(), held);
        }
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
