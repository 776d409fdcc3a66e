// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {IFederationRegistry} from "../../contracts/interfaces/IFederationRegistry.sol";
import {IWorkHours} from "../../contracts/interfaces/IWorkHours.sol";
import {ClearingUnion} from "../../contracts/federation/ClearingUnion.sol";
import {RedemptionTreasury} from "../../contracts/treasury/RedemptionTreasury.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";

/// Drives a union of three cooperatives as members (payments in every direction, with any amount)
/// and as the federation's governance (index changes within the bound, freezes, limit raises,
/// time passing), settles debits from the cooperatives' treasuries (native RBTC, this handler
/// being each cooperative's governance), and keeps ghost figures of every payment.
contract ClearingUnionHandler is Test {
    ClearingUnion public immutable union;
    WorkHours[3] public coops;
    RedemptionTreasury[3] public treasuries;

    uint256 public constant ACTORS = 4;
    uint256 public constant PERIOD = 1 days;
    uint256 public constant EARNED = 1_000e18;
    /// The reserve each treasury starts with (native RBTC).
    uint256 public constant FUNDED = 10e18;

    uint256 public settlements;
    /// Settlements whose value differed from the balances' move.
    uint256 public settlementMismatches;

    address[] internal _actors;

    /// When each cooperative's index last changed, and the changes that broke the bound.
    mapping(uint256 coop => uint256) public lastIndexChange;
    uint256 public indexChangesTooSoon;
    uint256 public indexChangesTooLarge;

    uint256 public payments;
    /// Payments whose hours out times index(to) exceeded hours in times index(from).
    uint256 public valueCreated;
    /// Payments whose value differed from the balances' move.
    uint256 public balanceMismatches;
    mapping(uint256 coop => uint256) public burnedByUnion;
    mapping(uint256 coop => uint256) public mintedByUnion;
    /// The value each cooperative paid out and received per period, and in how many payments.
    mapping(uint256 coop => mapping(uint256 period => uint256)) public outflowOf;
    mapping(uint256 coop => mapping(uint256 period => uint256)) public inflowOf;
    mapping(uint256 coop => mapping(uint256 period => uint256)) public paymentsOutOf;
    mapping(uint256 coop => mapping(uint256 period => uint256)) public paymentsInOf;

    constructor() {
        union = new ClearingUnion(address(this), PERIOD, 500, "Federation");
        IFederationRegistry.Limits memory limits = IFederationRegistry.Limits({
            debitLimit: 300e18,
            outflowAllowance: 200e18,
            surplusCap: 300e18,
            inflowAllowance: 200e18
        });
        for (uint256 i = 0; i < ACTORS; ++i) _actors.push(address(uint160(0xF000 + i)));
        for (uint256 c = 0; c < 3; ++c) {
            WorkHours work = new WorkHours("Hours", "H", address(this));
            work.grantRole(work.FEDERATION_ROLE(), address(union));
            work.grantRole(work.MINTER_ROLE(), address(this));
            // each cooperative's timelock holds the admin role, and its federation seat
            work.grantRole(bytes32(0), address(uint160(0x7100 + c)));
            address[] memory accounts = new address[](ACTORS);
            uint256[] memory commons = new uint256[](ACTORS);
            uint256[] memory subsistence = new uint256[](ACTORS);
            for (uint256 i = 0; i < ACTORS; ++i) {
                accounts[i] = _actors[i];
                commons[i] = EARNED;
            }
            work.mintForWork(accounts, commons, subsistence);
            RedemptionTreasury treasury = new RedemptionTreasury(
                IWorkHours(address(work)),
                address(0),
                address(this),
                0,
                0,
                0,
                0
            );
            vm.deal(address(this), FUNDED);
            treasury.deposit{value: FUNDED}(FUNDED);
            work.grantRole(work.REDEEMER_ROLE(), address(treasury));
            union.admit(
                address(work),
                address(uint160(0x7100 + c)),
                address(treasury),
                1e18 + c * 1e16,
                limits
            );
            coops[c] = work;
            treasuries[c] = treasury;
        }
        // 50 federation hours per RBTC
        union.setSettlement(address(0), 50e18);
    }

    // ─── Members ─────────────────────────────────────────────────────────────────────────────

    function pay(
        uint256 who,
        uint256 fromSeed,
        uint256 toSeed,
        uint256 amount,
        uint256 to
    ) external {
        uint256 f = fromSeed % 3;
        uint256 t = toSeed % 3;
        if (f == t) t = (t + 1) % 3;
        address payer = _actor(who);
        address recipient = _actor(to);
        WorkHours from = coops[f];
        amount = bound(amount, 1, from.balanceOf(payer) + 1);
        int256 fromBefore = union.clearingBalance(address(from));
        int256 toBefore = union.clearingBalance(address(coops[t]));
        uint256 fromIndex = union.member(address(from)).index;
        uint256 toIndex = union.member(address(coops[t])).index;
        vm.prank(payer);
        try union.pay(address(from), address(coops[t]), recipient, amount, 0) returns (
            uint256 out
        ) {
            ++payments;
            burnedByUnion[f] += amount;
            mintedByUnion[t] += out;
            if (out * toIndex > amount * fromIndex) ++valueCreated;
            uint256 value = (amount * fromIndex) / 1e18;
            uint256 period = union.currentPeriod();
            outflowOf[f][period] += value;
            inflowOf[t][period] += value;
            ++paymentsOutOf[f][period];
            ++paymentsInOf[t][period];
            if (
                union.clearingBalance(address(from)) != fromBefore - int256(value) ||
                union.clearingBalance(address(coops[t])) != toBefore + int256(value)
            ) ++balanceMismatches;
        } catch {}
    }

    function transfer(uint256 who, uint256 coop, uint256 to, uint256 amount) external {
        WorkHours work = coops[coop % 3];
        address sender = _actor(who);
        amount = bound(amount, 0, work.balanceOf(sender));
        vm.prank(sender);
        work.transfer(_actor(to), amount);
    }

    /// A cooperative settles part of its debit with a creditor, by its treasury's governance.
    function settle(uint256 debtorSeed, uint256 creditorSeed, uint256 amount) external {
        uint256 d = debtorSeed % 3;
        uint256 c = creditorSeed % 3;
        if (d == c) c = (c + 1) % 3;
        (uint256 subsistence, uint256 commons) = treasuries[d].pools();
        amount = bound(amount, 1, subsistence + commons + 1);
        int256 debtorBefore = union.clearingBalance(address(coops[d]));
        int256 creditorBefore = union.clearingBalance(address(coops[c]));
        try treasuries[d].settleFederation(address(union), address(coops[c]), amount, 0) returns (
            uint256 value
        ) {
            ++settlements;
            if (
                value != (amount * 50e18) / 1e18 ||
                union.clearingBalance(address(coops[d])) != debtorBefore + int256(value) ||
                union.clearingBalance(address(coops[c])) != creditorBefore - int256(value)
            ) ++settlementMismatches;
        } catch {}
    }

    // ─── Federation governance ───────────────────────────────────────────────────────────────

    function setIndex(uint256 coop, uint256 bps) external {
        address c = address(coops[coop % 3]);
        uint256 index = union.member(c).index;
        bps = bound(bps, 0, 1_000);
        uint256 next = (index * (9_500 + bps)) / 10_000;
        try union.setIndex(c, next) {
            uint256 last = lastIndexChange[coop % 3];
            // a change less than a period after the last, or beyond the bound of the index in
            // force, should have reverted
            if (last != 0 && block.timestamp < last + PERIOD) ++indexChangesTooSoon;
            uint256 change = next > index ? next - index : index - next;
            if (change > (index * 500) / 10_000) ++indexChangesTooLarge;
            lastIndexChange[coop % 3] = block.timestamp;
        } catch {}
    }

    function toggleFreeze(uint256 coop) external {
        address c = address(coops[coop % 3]);
        if (union.statusOf(c) == IFederationRegistry.Status.Active) union.freeze(c);
        else union.unfreeze(c);
    }

    /// Raises a limit: lowering one below a balance is allowed on chain, but then the balance
    /// is outside the new limit by design, so the handler only raises.
    function raiseLimits(uint256 coop, uint96 more) external {
        address c = address(coops[coop % 3]);
        IFederationRegistry.Limits memory l = union.member(c).limits;
        uint96 add = uint96(bound(more, 0, 100e18));
        l.debitLimit += add;
        l.surplusCap += add;
        l.outflowAllowance += add;
        l.inflowAllowance += add;
        union.setLimits(c, l);
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 2 days));
    }

    // ─── Views ───────────────────────────────────────────────────────────────────────────────

    function actor(uint256 i) external view returns (address) {
        return _actors[i];
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % ACTORS];
    }
}

contract ClearingUnionInvariantTest is Test {
    ClearingUnionHandler internal handler;
    ClearingUnion internal union;

    function setUp() public {
        handler = new ClearingUnionHandler();
        union = handler.union();
        targetContract(address(handler));
    }

    /// The handler's payment path goes through (so the invariants below see payments).
    function test_handlerPays() public {
        handler.pay(0, 0, 1, 5e18, 1);
        handler.pay(1, 2, 0, 3e18, 2);
        assertEq(handler.payments(), 2);
        handler.settle(0, 1, 1e16);
        assertEq(handler.settlements(), 1);
        assertEq(union.clearingBalance(address(handler.coops(0))) < 0, true);
    }

    /// The clearing balances sum to zero.
    function invariant_balancesSumToZero() public view {
        int256 sum;
        for (uint256 c = 0; c < 3; ++c) sum += union.clearingBalance(address(handler.coops(c)));
        assertEq(sum, 0);
    }

    /// Each balance stays within its cooperative's debit limit and surplus cap.
    function invariant_balancesWithinLimits() public view {
        for (uint256 c = 0; c < 3; ++c) {
            IFederationRegistry.Member memory m = union.member(address(handler.coops(c)));
            assertGe(m.balance, -int256(uint256(m.limits.debitLimit)));
            assertLe(m.balance, int256(uint256(m.limits.surplusCap)));
        }
    }

    /// Settlements move reserve only between the treasuries, whole, and the balances by exactly
    /// their value; the union keeps nothing; each treasury holds what its pools book.
    function invariant_settlementConservesReserve() public view {
        assertEq(handler.settlementMismatches(), 0);
        uint256 held;
        for (uint256 c = 0; c < 3; ++c) {
            RedemptionTreasury treasury = handler.treasuries(c);
            (uint256 subsistence, uint256 commons) = treasury.pools();
            assertEq(address(treasury).balance, subsistence + commons);
            held += address(treasury).balance;
        }
        assertEq(held, 3 * handler.FUNDED());
        assertEq(address(union).balance, 0);
    }

    /// What each cooperative paid out and received this period stays within its allowances, and
    /// the union counts at least that (each payment rounded up to a millionth of an hour).
    function invariant_usageWithinAllowances() public view {
        uint256 period = union.currentPeriod();
        uint256 unit = union.USAGE_UNIT();
        for (uint256 c = 0; c < 3; ++c) {
            IFederationRegistry.Member memory m = union.member(address(handler.coops(c)));
            uint256 outflow = handler.outflowOf(c, period);
            uint256 inflow = handler.inflowOf(c, period);
            assertLe(outflow, m.limits.outflowAllowance);
            assertLe(inflow, m.limits.inflowAllowance);
            uint256 countedOut = m.limits.outflowAllowance - m.outflowLeft;
            uint256 countedIn = m.limits.inflowAllowance - m.inflowLeft;
            assertGe(countedOut, outflow);
            assertGe(countedIn, inflow);
            // rounding: under one unit per payment, plus the allowance's own remainder
            assertLt(countedOut, outflow + (handler.paymentsOutOf(c, period) + 1) * unit);
            assertLt(countedIn, inflow + (handler.paymentsInOf(c, period) + 1) * unit);
        }
    }

    /// An index changes at most once per period, measured from its last change, and each change
    /// stays within the bound of the index in force.
    function invariant_indexChangesOncePerPeriodWithinBound() public view {
        assertEq(handler.indexChangesTooSoon(), 0);
        assertEq(handler.indexChangesTooLarge(), 0);
    }

    /// For every payment, hours out × index(to) <= hours in × index(from), and the balances
    /// moved by exactly the payment's value.
    function invariant_noValueCreated() public view {
        assertEq(handler.valueCreated(), 0);
        assertEq(handler.balanceMismatches(), 0);
    }

    /// No path mints earned credit: each actor's credit is what it earned for work, and each
    /// supply is the earned hours minus what the union burned plus what it minted.
    function invariant_noCreditThroughTheUnion() public view {
        for (uint256 c = 0; c < 3; ++c) {
            WorkHours work = handler.coops(c);
            uint256 credit;
            for (uint256 i = 0; i < handler.ACTORS(); ++i) {
                credit += work.earnedCredit(handler.actor(i), IWorkHours.Category.Commons);
                assertEq(work.earnedCredit(handler.actor(i), IWorkHours.Category.Subsistence), 0);
            }
            assertEq(credit, handler.EARNED() * handler.ACTORS());
            assertEq(
                work.totalSupply(),
                handler.EARNED() * handler.ACTORS() -
                    handler.burnedByUnion(c) +
                    handler.mintedByUnion(c)
            );
        }
    }
}
