// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {IContributionRegistry} from "../../contracts/interfaces/IContributionRegistry.sol";
import {IWorkHours} from "../../contracts/interfaces/IWorkHours.sol";
import {CareReputation} from "../../contracts/token/CareReputation.sol";
import {ContributionRegistry} from "../../contracts/token/ContributionRegistry.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";

/// Drives the registry and both tokens as members (submit, withdraw, transfer, delegate, burn)
/// and as governance and treasury (approve, reject, redeem, revoke), and keeps ghost totals of
/// what was approved and burned.
contract TokensHandler is Test {
    WorkHours public immutable work;
    CareReputation public immutable care;
    ContributionRegistry public immutable registry;

    uint256 public constant CAP = 40e18;
    uint256 public constant ACTORS = 5;

    address[] internal _actors;
    uint256[] internal _ids;

    uint256 public approvedWork;
    uint256 public burnedWork;
    uint256 public approvedCare;
    uint256 public revokedCare;
    uint256 public claimsMinted;
    uint256 public claimsMintedTwice;
    mapping(uint256 id => uint256) public mints;
    mapping(address account => uint256) public approvedCommons;
    mapping(address account => uint256) public approvedSubsistence;

    /// Batches whose effect on a token differed from the per-account reference (each claimant's
    /// balance and its delegatee's votes up by the claimant's sum, the supply up by the total).
    uint256 public batchMismatches;
    uint256 public batchesApproved;
    /// Approval batches that reverted: none may, whatever the claimants did before.
    uint256 public batchReverts;

    uint48[] internal _snapshotTimes;
    mapping(uint48 timepoint => uint256) public workSupplyAt;
    mapping(uint48 timepoint => uint256) public careSupplyAt;

    constructor() {
        work = new WorkHours("Work Hours", "HOUR", address(this));
        care = new CareReputation("Care Reputation", "CARE", address(this));
        registry = new ContributionRegistry(work, care, CAP, address(this));
        work.grantRole(work.MINTER_ROLE(), address(registry));
        work.grantRole(work.REDEEMER_ROLE(), address(this));
        care.grantRole(care.MINTER_ROLE(), address(registry));
        care.grantRole(care.REVOKER_ROLE(), address(this));
        for (uint256 i = 0; i < ACTORS; ++i) _actors.push(address(uint160(0xA000 + i)));
    }

    // ─── Members ─────────────────────────────────────────────────────────────────────────────

    function submit(uint256 who, uint256 amount, uint8 category) external {
        address claimant = _actor(who);
        amount = bound(amount, 1, CAP);
        vm.prank(claimant);
        _ids.push(
            registry.submitClaim(amount, IContributionRegistry.Category(category % 3), 0, "")
        );
    }

    function withdraw(uint256 pick) external {
        if (_ids.length == 0) return;
        uint256 id = _ids[pick % _ids.length];
        IContributionRegistry.Claim memory c = registry.claim(id);
        if (c.status != IContributionRegistry.ClaimStatus.Pending) return;
        vm.prank(c.claimant);
        registry.withdrawClaim(id);
    }

    function transfer(uint256 from, uint256 to, uint256 amount) external {
        address sender = _actor(from);
        amount = bound(amount, 0, work.balanceOf(sender));
        vm.prank(sender);
        work.transfer(_actor(to), amount);
    }

    function delegate(uint256 from, uint256 to) external {
        vm.prank(_actor(from));
        work.delegate(_actor(to));
    }

    function burn(uint256 who, uint256 amount) external {
        address holder = _actor(who);
        amount = bound(amount, 0, work.balanceOf(holder));
        vm.prank(holder);
        work.burn(amount);
        burnedWork += amount;
    }

    /// Tries to move care reputation; it must always fail.
    function moveCare(uint256 from, uint256 to, uint256 amount) external {
        address holder = _actor(from);
        vm.prank(holder);
        try care.transfer(_actor(to), amount) {
            revert("care moved");
        } catch {}
    }

    // ─── Governance and treasury ─────────────────────────────────────────────────────────────

    /// Approves up to `count` claims picked from `pick`; the batch may repeat an id or name one
    /// that is not pending, which the registry skips: it mints the first mention of each claim
    /// still pending, and the batch never reverts (every id exists).
    function approve(uint256 pick, uint256 count) external {
        if (_ids.length == 0) return;
        count = bound(count, 1, 12);
        uint256[] memory batch = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            batch[i] = _ids[(pick + i * (pick % 3)) % _ids.length];
        }
        // the claims the batch must mint: pending ones, each at its first mention
        IContributionRegistry.Claim[] memory claims = new IContributionRegistry.Claim[](count);
        uint256[] memory mintedIds = new uint256[](count);
        uint256 minted = 0;
        for (uint256 i = 0; i < count; ++i) {
            IContributionRegistry.Claim memory c = registry.claim(batch[i]);
            bool first = true;
            for (uint256 j = 0; j < i; ++j) first = first && batch[j] != batch[i];
            if (first && c.status == IContributionRegistry.ClaimStatus.Pending) {
                mintedIds[minted] = batch[i];
                claims[minted++] = c;
            }
        }
        // cannot exceed `count`: trims the array to the claims counted
        assembly ("memory-safe") {
            mstore(claims, minted)
        }
        Reference memory before = _reference();
        try registry.approveClaims(batch) {
            _checkBatch(before, claims);
            for (uint256 i = 0; i < minted; ++i) {
                if (++mints[mintedIds[i]] == 2) ++claimsMintedTwice;
                ++claimsMinted;
                IContributionRegistry.Claim memory c = claims[i];
                if (c.category == IContributionRegistry.Category.Care) {
                    approvedCare += c.amount;
                } else {
                    approvedWork += c.amount;
                    if (c.category == IContributionRegistry.Category.Commons) {
                        approvedCommons[c.claimant] += c.amount;
                    } else {
                        approvedSubsistence[c.claimant] += c.amount;
                    }
                }
            }
        } catch {
            ++batchReverts;
        }
    }

    /// The token state the per-account reference starts from: every actor's balance and votes
    /// and its work delegatee, and both supplies.
    struct Reference {
        uint256 workSupply;
        uint256 careSupply;
        uint256[] workBalance;
        uint256[] workVotes;
        address[] delegatee;
        uint256[] careBalance;
    }

    function _reference() internal view returns (Reference memory r) {
        r.workSupply = work.totalSupply();
        r.careSupply = care.totalSupply();
        r.workBalance = new uint256[](ACTORS);
        r.workVotes = new uint256[](ACTORS);
        r.delegatee = new address[](ACTORS);
        r.careBalance = new uint256[](ACTORS);
        for (uint256 i = 0; i < ACTORS; ++i) {
            address a = _actors[i];
            r.workBalance[i] = work.balanceOf(a);
            r.workVotes[i] = work.getVotes(a);
            r.delegatee[i] = work.delegates(a);
            r.careBalance[i] = care.balanceOf(a);
        }
    }

    /// Applies the approved claims one claimant at a time to `r`, as per-account mints would,
    /// and counts a mismatch if the tokens (minted in one batch) differ anywhere.
    function _checkBatch(Reference memory r, IContributionRegistry.Claim[] memory claims) internal {
        ++batchesApproved;
        for (uint256 c = 0; c < claims.length; ++c) {
            uint256 i = _indexOf(claims[c].claimant);
            uint256 amount = claims[c].amount;
            if (claims[c].category == IContributionRegistry.Category.Care) {
                r.careSupply += amount;
                r.careBalance[i] += amount;
            } else {
                r.workSupply += amount;
                r.workBalance[i] += amount;
                r.workVotes[_indexOf(r.delegatee[i])] += amount;
            }
        }
        bool same = work.totalSupply() == r.workSupply && care.totalSupply() == r.careSupply;
        for (uint256 i = 0; i < ACTORS; ++i) {
            address a = _actors[i];
            same = same && work.balanceOf(a) == r.workBalance[i];
            same = same && work.getVotes(a) == r.workVotes[i];
            same = same && care.balanceOf(a) == r.careBalance[i];
            same = same && care.getVotes(a) == r.careBalance[i];
        }
        if (!same) ++batchMismatches;
    }

    function _indexOf(address account) internal pure returns (uint256) {
        return uint160(account) - 0xA000;
    }

    function reject(uint256 pick) external {
        if (_ids.length == 0) return;
        uint256[] memory batch = new uint256[](1);
        batch[0] = _ids[pick % _ids.length];
        try registry.rejectClaims(batch) {} catch {}
    }

    function redeem(uint256 who, bool subsistence, uint256 amount) external {
        address holder = _actor(who);
        IWorkHours.Category category =
            subsistence ? IWorkHours.Category.Subsistence : IWorkHours.Category.Commons;
        uint256 credit = work.earnedCredit(holder, category);
        uint256 balance = work.balanceOf(holder);
        amount = bound(amount, 0, credit < balance ? credit : balance);
        work.redeemBurn(holder, category, amount);
        burnedWork += amount;
    }

    function revoke(uint256 who, uint256 amount) external {
        address holder = _actor(who);
        uint256 balance = care.balanceOf(holder);
        if (balance == 0) return;
        amount = bound(amount, 1, balance);
        care.revoke(holder, amount, "invariant");
        revokedCare += amount;
    }

    /// Records the current supplies, then moves time on, so past supplies can be checked later.
    function warp(uint256 seconds_) external {
        uint48 now_ = uint48(block.timestamp);
        if (workSupplyAt[now_] == 0 && careSupplyAt[now_] == 0) _snapshotTimes.push(now_);
        workSupplyAt[now_] = work.totalSupply();
        careSupplyAt[now_] = care.totalSupply();
        vm.warp(block.timestamp + bound(seconds_, 1, 7 days));
    }

    // ─── Views for the invariants ────────────────────────────────────────────────────────────

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function ids() external view returns (uint256[] memory) {
        return _ids;
    }

    function snapshotTimes() external view returns (uint48[] memory) {
        return _snapshotTimes;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % ACTORS];
    }
}

/// The invariants of the token domain, under random sequences of the handler's actions.
contract TokensInvariantTest is Test {
    TokensHandler internal handler;
    WorkHours internal work;
    CareReputation internal care;
    ContributionRegistry internal registry;

    function setUp() public {
        vm.warp(1_000_000);
        handler = new TokensHandler();
        work = handler.work();
        care = handler.care();
        registry = handler.registry();
        targetContract(address(handler));
    }

    /// totalSupply(WorkHours) = approved Commons and Subsistence hours - burns.
    function invariant_workSupplyIsApprovedMinusBurned() public view {
        assertEq(work.totalSupply(), handler.approvedWork() - handler.burnedWork());
    }

    /// totalSupply(CareReputation) = approved Care hours - revocations.
    function invariant_careSupplyIsApprovedMinusRevoked() public view {
        assertEq(care.totalSupply(), handler.approvedCare() - handler.revokedCare());
    }

    /// Earned credit per account never exceeds the hours approved for it in that category.
    function invariant_creditWithinApprovedHours() public view {
        address[] memory actors = handler.actors();
        for (uint256 i = 0; i < actors.length; ++i) {
            address a = actors[i];
            assertLe(work.earnedCredit(a, IWorkHours.Category.Commons), handler.approvedCommons(a));
            assertLe(
                work.earnedCredit(a, IWorkHours.Category.Subsistence),
                handler.approvedSubsistence(a)
            );
        }
    }

    /// The sum of votes never exceeds the supply; since every holder votes (default
    /// self-delegation, no delegation to zero), it equals it.
    function invariant_votesWithinSupply() public view {
        address[] memory actors = handler.actors();
        uint256 workVotes;
        uint256 careVotes;
        for (uint256 i = 0; i < actors.length; ++i) {
            workVotes += work.getVotes(actors[i]);
            careVotes += care.getVotes(actors[i]);
        }
        assertLe(workVotes, work.totalSupply());
        assertLe(careVotes, care.totalSupply());
        assertEq(workVotes, work.totalSupply());
        assertEq(careVotes, care.totalSupply());
    }

    /// Every approved batch, minted with one supply write per token, left each actor's balance
    /// and votes and both supplies where per-account mints of its claims would have left them.
    /// (Past supplies at a batch's timepoint are checked by {invariant_pastSuppliesFrozen}.)
    function invariant_batchMatchesPerAccountMints() public view {
        assertEq(handler.batchMismatches(), 0);
    }

    /// An approval batch of existing ids never reverts, whatever the claimants withdrew and
    /// whatever it repeats: it mints exactly the claims still pending ({_checkBatch}).
    function invariant_noClaimantBlocksABatch() public view {
        assertEq(handler.batchReverts(), 0);
    }

    /// No claim is minted twice, and every minted claim is the one approved claim of its id.
    function invariant_noClaimMintedTwice() public view {
        assertEq(handler.claimsMintedTwice(), 0);
        uint256[] memory ids = handler.ids();
        uint256 approved;
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 minted = handler.mints(ids[i]);
            assertLe(minted, 1);
            bool isApproved =
                registry.claim(ids[i]).status == IContributionRegistry.ClaimStatus.Approved;
            assertEq(minted == 1, isApproved);
            if (isApproved) ++approved;
        }
        assertEq(approved, handler.claimsMinted());
        assertEq(registry.claimCountByStatus(IContributionRegistry.ClaimStatus.Approved), approved);
    }

    /// The status counters add up to the number of claims.
    function invariant_countersAddUp() public view {
        uint256 sum;
        for (uint8 s = 1; s <= 4; ++s) {
            sum += registry.claimCountByStatus(IContributionRegistry.ClaimStatus(s));
        }
        assertEq(sum, registry.claimCount());
        assertEq(registry.claimCount(), handler.ids().length);
    }

    /// Past supplies stay as they were recorded: no checkpoint is lost or rewritten.
    function invariant_pastSuppliesFrozen() public view {
        uint48[] memory times = handler.snapshotTimes();
        for (uint256 i = 0; i < times.length; ++i) {
            if (times[i] >= block.timestamp) continue;
            assertEq(work.getPastTotalSupply(times[i]), handler.workSupplyAt(times[i]));
            assertEq(care.getPastTotalSupply(times[i]), handler.careSupplyAt(times[i]));
        }
    }
}
