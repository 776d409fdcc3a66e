// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {CoopPairFactory} from "../../contracts/dex/CoopPairFactory.sol";
import {CoopRouter} from "../../contracts/dex/CoopRouter.sol";
import {CoopTwapOracle} from "../../contracts/dex/CoopTwapOracle.sol";
import {IRedemptionTreasury} from "../../contracts/interfaces/IRedemptionTreasury.sol";
import {IWorkHours} from "../../contracts/interfaces/IWorkHours.sol";
import {MockReserveToken} from "../../contracts/mocks/treasury/MockReserveToken.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";
import {RedemptionTreasury} from "../../contracts/treasury/RedemptionTreasury.sol";

/// @dev Shared set-up: WorkHours, an RBTC treasury and an ERC20 treasury, both with the roles
/// they need; this contract is the timelock and the registry.
abstract contract TreasuryTestBase is Test {
    uint256 internal constant HOUR = 1e18;
    uint256 internal constant BPS = 10_000;
    uint128 internal constant RATE = 1e14;
    uint16 internal constant MAX_FEE = 1_000;
    uint16 internal constant MIN_FEE = 200;
    uint32 internal constant HOLD = 180 days;

    WorkHours internal work;
    MockReserveToken internal usd;
    RedemptionTreasury internal native;
    RedemptionTreasury internal erc20;

    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        work = new WorkHours("Work Hours", "HOURS", address(this));
        usd = new MockReserveToken("Stable", "USD", 18);
        native = _deploy(address(0));
        erc20 = _deploy(address(usd));
        work.grantRole(work.MINTER_ROLE(), address(this));
        work.grantRole(work.CAPITAL_ROLE(), address(this));
    }

    function _deploy(address reserve) internal returns (RedemptionTreasury t) {
        t = new RedemptionTreasury(work, reserve, address(this), RATE, MAX_FEE, MIN_FEE, HOLD);
        work.grantRole(work.CAPITAL_ROLE(), address(t));
        work.grantRole(work.REDEEMER_ROLE(), address(t));
    }

    function _credit(address account, uint256 commons, uint256 subsistence) internal {
        address[] memory a = new address[](1);
        uint256[] memory c = new uint256[](1);
        uint256[] memory s = new uint256[](1);
        (a[0], c[0], s[0]) = (account, commons, subsistence);
        work.mintForWork(a, c, s);
    }

    function _fund(RedemptionTreasury t, uint256 amount) internal {
        if (t.reserveAsset() == address(0)) {
            vm.deal(address(this), amount);
            t.deposit{value: amount}(amount);
        } else {
            usd.mint(address(this), amount);
            usd.approve(address(t), amount);
            t.deposit(amount);
        }
    }

    function _reserveOf(RedemptionTreasury t, address who) internal view returns (uint256) {
        return t.reserveAsset() == address(0) ? who.balance : usd.balanceOf(who);
    }

    function _treasury(bool useNative) internal view returns (RedemptionTreasury) {
        return useNative ? native : erc20;
    }

    receive() external payable {}
}

/// @dev Fuzz tests: one per function, each checking the result against an independent formula.
contract RedemptionTreasuryFuzzTest is TreasuryTestBase {
    function testFuzz_deposit_splitsExactly(bool useNative, uint256 amount) public {
        amount = bound(amount, 1, type(uint128).max);
        RedemptionTreasury t = _treasury(useNative);
        _fund(t, amount);
        (uint256 subsistence, uint256 commons) = t.pools();
        assertEq(subsistence + commons, amount, "parts add up");
        assertEq(subsistence, (amount * 3) / 4, "75% rounded down");
        assertEq(_reserveOf(t, address(t)), amount, "held");
    }

    function testFuzz_depositSurplus_booksTheExcess(
        bool useNative,
        uint256 funded,
        uint256 extra
    ) public {
        funded = bound(funded, 1, 1e30);
        extra = bound(extra, 1, 1e30);
        RedemptionTreasury t = _treasury(useNative);
        _fund(t, funded);
        if (useNative) vm.deal(address(t), funded + extra);
        else usd.mint(address(t), extra);
        assertEq(t.depositSurplus(), extra);
        (uint256 subsistence, uint256 commons) = t.pools();
        assertEq(subsistence + commons, funded + extra);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRedemptionTreasury.TreasuryNoSurplus.selector,
                funded + extra,
                funded + extra
            )
        );
        t.depositSurplus();
    }

    function testFuzz_feeOf_fallsLinearly(uint256 elapsed, uint16 maxFee, uint16 minFee) public {
        maxFee = uint16(bound(maxFee, 0, BPS));
        minFee = uint16(bound(minFee, 0, maxFee));
        elapsed = bound(elapsed, 0, 2 * uint256(HOLD));
        native.setFees(maxFee, minFee, HOLD);
        _credit(alice, 0, HOUR);
        vm.warp(block.timestamp + elapsed);
        uint256 fee = native.feeOf(alice);
        assertLe(fee, maxFee);
        assertGe(fee, minFee);
        if (elapsed >= HOLD) {
            assertEq(fee, minFee);
        } else {
            // fee * HOLD >= maxFee * HOLD - (maxFee - minFee) * elapsed: rounded up, by < 1 bps
            uint256 exact = uint256(maxFee) * HOLD - uint256(maxFee - minFee) * elapsed;
            assertGe(fee * HOLD, exact);
            assertLt(fee * HOLD, exact + HOLD);
        }
    }

    function testFuzz_redeem_paysRateLessFee(
        bool useNative,
        bool subsistence,
        uint256 amount,
        uint128 rate,
        uint256 elapsed
    ) public {
        RedemptionTreasury t = _treasury(useNative);
        amount = bound(amount, 1, 1e9 * HOUR);
        rate = uint128(bound(rate, 1, 1e24));
        elapsed = bound(elapsed, 0, 2 * uint256(HOLD));
        IWorkHours.Category category =
            subsistence ? IWorkHours.Category.Subsistence : IWorkHours.Category.Commons;
        t.setRate(rate);
        _credit(alice, subsistence ? 0 : amount, subsistence ? amount : 0);
        uint256 gross = Math.mulDiv(amount, rate, HOUR);
        _fund(t, gross * 4 + 4);
        vm.warp(block.timestamp + elapsed);

        uint256 fee = t.feeOf(alice);
        uint256 expected = Math.mulDiv(amount * rate, BPS - fee, HOUR * BPS);
        (uint256 s0, uint256 c0) = t.pools();
        uint256 supply = work.totalSupply();
        uint256 before = _reserveOf(t, alice);

        vm.prank(alice);
        uint256 payout = t.redeem(category, amount, expected);

        assertEq(payout, expected, "payout");
        assertLe(payout, gross, "fee is not negative");
        assertEq(_reserveOf(t, alice), before + payout, "paid");
        assertEq(work.totalSupply(), supply - amount, "burned");
        assertEq(work.earnedCredit(alice, category), 0, "credit consumed");
        (uint256 s1, uint256 c1) = t.pools();
        if (subsistence) {
            assertEq(s1, s0 - payout);
            assertEq(c1, c0, "other pool untouched");
        } else {
            assertEq(c1, c0 - payout);
            assertEq(s1, s0, "other pool untouched");
        }
        assertEq(work.holdingSince(alice), block.timestamp, "clock restarted");
    }

    function testFuzz_redeem_neverBeyondCredit(uint256 credit, uint256 amount) public {
        credit = bound(credit, 0, 1e6 * HOUR);
        amount = bound(amount, credit + 1, 1e7 * HOUR);
        if (credit > 0) _credit(alice, 0, credit);
        // alice holds enough tokens (without credit) to make only the credit short
        work.mintCapital(alice, amount);
        _fund(native, 1e30);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRedemptionTreasury.TreasuryInsufficientCredit.selector,
                alice,
                IWorkHours.Category.Subsistence,
                credit,
                amount
            )
        );
        vm.prank(alice);
        native.redeem(IWorkHours.Category.Subsistence, amount, 0);
    }

    function testFuzz_buy_costRoundsUpAndSplits(
        bool useNative,
        uint128 price,
        uint256 amount
    ) public {
        RedemptionTreasury t = _treasury(useNative);
        price = uint128(bound(price, 1, 1e24));
        amount = bound(amount, 1, 1e6 * HOUR);
        t.openSale(price, uint128(amount), uint128(amount), uint40(block.timestamp), 2 ** 39);
        uint256 cost = Math.mulDiv(amount, price, HOUR, Math.Rounding.Ceil);
        assertEq(t.quotePurchase(amount), cost);
        vm.deal(bob, cost);
        usd.mint(bob, cost);
        vm.startPrank(bob);
        usd.approve(address(t), cost);
        t.buy{value: useNative ? cost : 0}(amount, cost);
        vm.stopPrank();
        assertEq(work.balanceOf(bob), amount, "hours");
        assertEq(work.earnedCredit(bob, IWorkHours.Category.Commons), 0, "no credit");
        assertEq(work.earnedCredit(bob, IWorkHours.Category.Subsistence), 0, "no credit");
        (uint256 s, uint256 c) = t.pools();
        assertEq(s + c, cost);
        assertEq(s, (cost * 3) / 4);
        assertEq(t.purchased(bob), amount);
        // the sale is sold out
        vm.expectRevert(
            abi.encodeWithSelector(
                IRedemptionTreasury.TreasurySaleCapExceeded.selector,
                amount,
                1,
                amount
            )
        );
        t.buy(1, type(uint256).max);
    }

    function testFuzz_openSale_validates(
        uint128 price,
        uint128 cap,
        uint128 accountCap,
        uint40 start,
        uint40 end
    ) public {
        bool valid =
            price != 0 &&
                accountCap != 0 &&
                accountCap <= cap &&
                start < end &&
                end > block.timestamp;
        if (!valid) vm.expectRevert();
        native.openSale(price, cap, accountCap, start, end);
        if (valid) assertEq(native.sale().id, 1);
    }

    function testFuzz_setRate_onlyGovernorAnd128Bits(address caller, uint256 newRate) public {
        vm.assume(caller != address(this));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                caller,
                native.GOVERNOR_ROLE()
            )
        );
        vm.prank(caller);
        native.setRate(newRate);
        if (newRate > type(uint128).max) vm.expectRevert();
        native.setRate(newRate);
        if (newRate <= type(uint128).max) assertEq(native.rate(), newRate);
    }

    function testFuzz_setFees_validates(address caller, uint16 maxFee, uint16 minFee) public {
        vm.assume(caller != address(this));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                caller,
                native.GOVERNOR_ROLE()
            )
        );
        vm.prank(caller);
        native.setFees(maxFee, minFee, HOLD);
        bool valid = minFee <= maxFee && maxFee <= BPS;
        if (!valid) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IRedemptionTreasury.TreasuryInvalidFees.selector,
                    maxFee,
                    minFee
                )
            );
        }
        native.setFees(maxFee, minFee, HOLD);
    }
}

/// @dev Fuzz tests of the band on the real DEX: an RBTC treasury against a WRBTC pool of
/// 10,000 hours and 10 RBTC (0.001 RBTC per hour), a one-hour TWAP, a band at 0.8 and 1.25.
contract RedemptionTreasuryBandFuzzTest is TreasuryTestBase {
    CoopRouter internal router;
    CoopTwapOracle internal oracle;
    address internal wrbtc;
    address internal trader = makeAddr("trader");

    uint128 internal constant PRICE = 1e15;
    uint96 internal constant BUDGET = 0.1 ether;
    uint96 internal constant CAP = 100e18;

    function setUp() public override {
        super.setUp();
        CoopPairFactory factory = new CoopPairFactory();
        router = new CoopRouter(address(factory), address(0));
        wrbtc = router.wrbtc();
        work.mintCapital(address(this), 10_000 * HOUR);
        work.approve(address(router), type(uint256).max);
        vm.deal(address(this), 10 ether);
        router.addLiquidityRBTC{value: 10 ether}(
            address(work),
            10_000 * HOUR,
            0,
            0,
            address(this),
            block.timestamp
        );
        oracle = new CoopTwapOracle(factory.getPair(address(work), wrbtc), 1 hours, address(this));
        native.setBand(
            IRedemptionTreasury.BandParams({
                oracle: oracle,
                router: router,
                floor: (PRICE * 8) / 10,
                ceiling: (PRICE * 5) / 4,
                buybackBudget: BUDGET,
                emissionCap: CAP,
                periodLength: 1 days,
                maxSlippage: 500
            })
        );
        _fund(native, 1 ether);
        work.mintCapital(trader, 1e6 * HOUR);
        vm.deal(trader, 1e6 ether);
        vm.startPrank(trader);
        work.approve(address(router), type(uint256).max);
        (bool ok, ) = wrbtc.call{value: 1e5 ether}(abi.encodeWithSignature("deposit()"));
        assertTrue(ok);
        (ok, ) = wrbtc.call(
            abi.encodeWithSignature("approve(address,uint256)", address(router), type(uint256).max)
        );
        assertTrue(ok);
        vm.stopPrank();
        vm.warp(block.timestamp + 1 hours);
        oracle.update();
    }

    function _trade(bool sellHours, uint256 amount) internal {
        address[] memory path = new address[](2);
        (path[0], path[1]) = sellHours ? (address(work), wrbtc) : (wrbtc, address(work));
        vm.prank(trader);
        router.swapExactTokensForTokens(amount, 0, path, trader, block.timestamp);
    }

    function testFuzz_defendFloor_onlyBelowFloorAndWithinBudget(uint256 sold) public {
        sold = bound(sold, HOUR, 6_000 * HOUR);
        _trade(true, sold);
        vm.warp(block.timestamp + 1 hours);
        oracle.update();
        uint256 twap = native.bandPrice();
        (uint256 s0, uint256 c0) = native.pools();
        uint256 supply = work.totalSupply();
        if (twap >= (PRICE * 8) / 10) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IRedemptionTreasury.TreasuryFloorNotBreached.selector,
                    twap,
                    (PRICE * 8) / 10
                )
            );
            native.defendFloor();
            return;
        }
        // one tranche per block until the budget is spent or the spot price reaches the bound
        uint256 total;
        uint256 totalBurned;
        for (uint256 i = 0; i < 64 && total < BUDGET; ++i) {
            (uint256 quoteReserve, ) = router.getReserves(wrbtc, address(work));
            try native.defendFloor() returns (uint256 spent, uint256 burned) {
                assertLe(spent, (quoteReserve * native.BAND_TRANCHE()) / BPS, "one tranche");
                assertGe(burned, Math.mulDiv(spent, HOUR * (BPS - 500), twap * BPS), "bound");
                total += spent;
                totalBurned += burned;
            } catch (bytes memory reason) {
                assertEq(
                    bytes4(reason),
                    IRedemptionTreasury.TreasurySpotFarFromTwap.selector,
                    "stops only at the bound"
                );
                break;
            }
            vm.roll(block.number + 1);
        }
        assertLe(total, BUDGET, "within the budget");
        assertEq(work.totalSupply(), supply - totalBurned, "burned what it bought");
        (uint256 s1, uint256 c1) = native.pools();
        assertEq(s0 + c0 - s1 - c1, total, "pools paid what was spent");
        assertEq(address(native).balance, s1 + c1, "held = pools");
        if (total == BUDGET) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IRedemptionTreasury.TreasuryBuybackBudgetSpent.selector,
                    block.timestamp / 1 days,
                    BUDGET
                )
            );
            native.defendFloor();
        }
    }

    function testFuzz_defendCeiling_onlyAboveCeilingAndWithinCap(uint256 bought) public {
        bought = bound(bought, 0.001 ether, 6 ether);
        _trade(false, bought);
        vm.warp(block.timestamp + 1 hours);
        oracle.update();
        uint256 twap = native.bandPrice();
        (uint256 s0, uint256 c0) = native.pools();
        if (twap <= (PRICE * 5) / 4) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IRedemptionTreasury.TreasuryCeilingNotBreached.selector,
                    twap,
                    (PRICE * 5) / 4
                )
            );
            native.defendCeiling();
            return;
        }
        uint256 total;
        for (uint256 i = 0; i < 64 && total < CAP; ++i) {
            (uint256 hoursReserve, ) = router.getReserves(address(work), wrbtc);
            (uint256 s, uint256 c) = native.pools();
            try native.defendCeiling() returns (uint256 minted, uint256 proceeds) {
                assertLe(minted, (hoursReserve * native.BAND_TRANCHE()) / BPS, "one tranche");
                assertGe(proceeds, Math.mulDiv(minted, twap * (BPS - 500), HOUR * BPS), "bound");
                (uint256 s1, uint256 c1) = native.pools();
                assertEq(s1 - s, (proceeds * 3) / 4, "75%");
                assertEq(c1 - c, proceeds - (proceeds * 3) / 4, "25%");
                total += minted;
            } catch (bytes memory reason) {
                assertEq(
                    bytes4(reason),
                    IRedemptionTreasury.TreasurySpotFarFromTwap.selector,
                    "stops only at the bound"
                );
                break;
            }
            vm.roll(block.number + 1);
        }
        assertLe(total, CAP, "within the cap");
        (uint256 s2, uint256 c2) = native.pools();
        assertGe(s2 + c2, s0 + c0, "proceeds booked");
        assertEq(address(native).balance, s2 + c2, "held = pools");
        assertEq(work.balanceOf(address(native)), 0, "sold everything");
        if (total == CAP) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IRedemptionTreasury.TreasuryEmissionCapReached.selector,
                    block.timestamp / 1 days,
                    CAP
                )
            );
            native.defendCeiling();
        }
    }

    function testFuzz_setBand_validates(uint128 floor, uint128 ceiling, uint16 slippage) public {
        bool valid = floor < ceiling && slippage <= 2_000;
        if (!valid) vm.expectRevert();
        native.setBand(
            IRedemptionTreasury.BandParams({
                oracle: oracle,
                router: router,
                floor: floor,
                ceiling: ceiling,
                buybackBudget: BUDGET,
                emissionCap: CAP,
                periodLength: 1 days,
                maxSlippage: slippage
            })
        );
        if (valid) assertEq(native.band().params.floor, floor);
    }
}
