// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {CoopTimelock} from "../../contracts/governance/CoopTimelock.sol";
import {HolisticGovernor} from "../../contracts/governance/HolisticGovernor.sol";
import {CareReputation} from "../../contracts/token/CareReputation.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";

/// @dev Drives random mints, transfers, votes and time against one proposal on each of two
/// governors (one capped, one not) and records the weight every vote counted.
contract GovernorHandler is Test {
    WorkHours public immutable work;
    CareReputation public immutable care;
    HolisticGovernor[2] public governors;
    uint256[2] public proposalIds;
    uint256[2] public countedByHandler;
    address[] public actors;

    constructor(
        WorkHours work_,
        CareReputation care_,
        HolisticGovernor[2] memory governors_,
        uint256[2] memory ids
    ) {
        work = work_;
        care = care_;
        governors = governors_;
        proposalIds = ids;
        for (uint256 i = 0; i < 6; ++i) actors.push(address(uint160(0xA11CE + i)));
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function mintWork(uint256 actor, uint256 amount) external {
        address[] memory accounts = new address[](1);
        uint256[] memory commons = new uint256[](1);
        uint256[] memory subsistence = new uint256[](1);
        accounts[0] = actors[actor % actors.length];
        commons[0] = bound(amount, 1, 1_000e18);
        work.mintForWork(accounts, commons, subsistence);
    }

    function mintCare(uint256 actor, uint256 amount) external {
        address[] memory accounts = new address[](1);
        uint256[] memory amounts = new uint256[](1);
        accounts[0] = actors[actor % actors.length];
        amounts[0] = bound(amount, 1, 1_000e18);
        care.mint(accounts, amounts);
    }

    function transfer(uint256 from, uint256 to, uint256 amount) external {
        address sender = actors[from % actors.length];
        uint256 balance = work.balanceOf(sender);
        if (balance == 0) return;
        vm.prank(sender);
        work.transfer(actors[to % actors.length], bound(amount, 1, balance));
    }

    function vote(uint256 which, uint256 actor, uint8 support) external {
        uint256 g = which % 2;
        HolisticGovernor governor = governors[g];
        uint256 id = proposalIds[g];
        address voter = actors[actor % actors.length];
        if (governor.state(id) != IGovernor.ProposalState.Active || governor.hasVoted(id, voter))
            return;
        vm.prank(voter);
        countedByHandler[g] += governor.castVote(id, support % 3);
    }

    function wait(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 0, 120));
    }
}

/// @notice For any sequence of mints, transfers and votes, the weight counted on a proposal is
/// at most the combined supply at its snapshot, and equals the sum of the weights its votes got.
contract HolisticGovernorInvariantTest is Test {
    WorkHours internal work;
    CareReputation internal care;
    HolisticGovernor[2] internal governors;
    uint256[2] internal ids;
    GovernorHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        work = new WorkHours("Work Hours", "HOUR", address(this));
        care = new CareReputation("Care Reputation", "CARE", address(this));
        CoopTimelock timelock = new CoopTimelock(
            1 days,
            new address[](0),
            new address[](0),
            address(this)
        );
        for (uint256 g = 0; g < 2; ++g) {
            governors[g] = new HolisticGovernor(
                "G",
                IERC5805(address(work)),
                IERC5805(address(care)),
                TimelockController(payable(address(timelock))),
                HolisticGovernor.Settings({
                    proposalThreshold: 0,
                    quorumFraction: 1_000,
                    careWeight: 15_000,
                    maxVoterShare: g == 0 ? 0 : 3_000,
                    votingDelay: 300,
                    votingPeriod: 7 days,
                    lateQuorumExtension: 1 hours,
                    queueGracePeriod: 7 days
                }),
                new address[](0)
            );
            address[] memory targets = new address[](1);
            targets[0] = address(governors[g]);
            ids[g] = governors[g].propose(
                targets,
                new uint256[](1),
                new bytes[](1),
                string.concat("invariant#proposer=", Strings.toHexString(address(this)))
            );
        }
        handler = new GovernorHandler(work, care, governors, ids);
        work.grantRole(work.MINTER_ROLE(), address(handler));
        care.grantRole(care.MINTER_ROLE(), address(handler));
        targetContract(address(handler));
    }

    function _counted(uint256 g) internal view returns (uint256) {
        (uint256 against, uint256 for_, uint256 abstain) = governors[g].proposalVotes(ids[g]);
        return against + for_ + abstain;
    }

    function invariant_countedAtMostCombinedSupply() public view {
        for (uint256 g = 0; g < 2; ++g) {
            uint256 snapshot = governors[g].proposalSnapshot(ids[g]);
            if (block.timestamp <= snapshot) {
                assertEq(_counted(g), 0);
                continue;
            }
            assertLe(_counted(g), governors[g].combinedPastTotalSupply(snapshot));
        }
    }

    function invariant_countedEqualsVoteWeights() public view {
        for (uint256 g = 0; g < 2; ++g) assertEq(_counted(g), handler.countedByHandler(g));
    }

    function invariant_cappedVoterShare() public view {
        // on the capped governor no vote counts more than 30% of the combined supply
        uint256 snapshot = governors[1].proposalSnapshot(ids[1]);
        if (block.timestamp <= snapshot) return;
        uint256 cap = (governors[1].combinedPastTotalSupply(snapshot) * 3_000) / 10_000;
        for (uint256 i = 0; i < handler.actorCount(); ++i) {
            assertLe(governors[1].proposalVoteWeight(ids[1], handler.actors(i)), cap);
        }
    }

    /// @dev Fuzz: the weight of any holdings is work + care x 1.5, and never above the supply.
    function testFuzz_voteWeight(uint96 workHours, uint96 careHours) public {
        address member = address(0xBEEF);
        address[] memory accounts = new address[](1);
        accounts[0] = member;
        uint256[] memory a = new uint256[](1);
        uint256[] memory zero = new uint256[](1);
        work.grantRole(work.MINTER_ROLE(), address(this));
        care.grantRole(care.MINTER_ROLE(), address(this));
        if (workHours > 0) {
            a[0] = workHours;
            work.mintForWork(accounts, a, zero);
        }
        if (careHours > 0) {
            a[0] = careHours;
            care.mint(accounts, a);
        }
        uint256 t = block.timestamp;
        vm.warp(t + 1);
        uint256 expected = uint256(workHours) + (uint256(careHours) * 15_000) / 10_000;
        assertEq(governors[0].voteWeight(member, t), expected);
        assertLe(governors[0].voteWeight(member, t), governors[0].combinedPastTotalSupply(t));
    }

    /// @dev Fuzz: a proposal is created only by the account its `#proposer=` suffix names, in
    /// lower case or with its EIP-55 checksum; a corrupted digit or a missing suffix is refused.
    function testFuzz_proposerSuffix(
        address named,
        address sender,
        bool checksummed,
        uint8 corruptAt
    ) public {
        vm.assume(sender != address(0));
        string memory hexAddress =
            checksummed ? Strings.toChecksumHexString(named) : Strings.toHexString(named);
        address[] memory targets = new address[](1);
        targets[0] = address(governors[0]);
        string memory description = string.concat("fuzz\n\n#proposer=", hexAddress);
        // a copy of the description, built again (not an alias of it)
        bytes memory corrupted = bytes(string.concat("fuzz\n\n#proposer=", hexAddress));
        // one digit (after "0x") replaced by a character that is not hex
        corrupted[corrupted.length - 1 - (corruptAt % 40)] = "g";
        vm.startPrank(sender);
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorRestrictedProposer.selector, sender)
        );
        governors[0].propose(targets, new uint256[](1), new bytes[](1), string(corrupted));
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorRestrictedProposer.selector, sender)
        );
        governors[0].propose(targets, new uint256[](1), new bytes[](1), "fuzz, no suffix");
        if (sender != named) {
            vm.expectRevert(
                abi.encodeWithSelector(IGovernor.GovernorRestrictedProposer.selector, sender)
            );
        }
        governors[0].propose(targets, new uint256[](1), new bytes[](1), description);
        vm.stopPrank();
    }
}
