// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {CoopPairFactory} from "../../contracts/dex/CoopPairFactory.sol";
import {CoopRouter} from "../../contracts/dex/CoopRouter.sol";
import {CoopTwapOracle} from "../../contracts/dex/CoopTwapOracle.sol";
import {IRedemptionTreasury} from "../../contracts/interfaces/IRedemptionTreasury.sol";
import {IWorkHours} from "../../contracts/interfaces/IWorkHours.sol";
import {IWRBTC} from "../../contracts/interfaces/IWRBTC.sol";
import {WorkHours} from "../../contracts/token/WorkHours.sol";
import {RedemptionTreasury} from "../../contracts/treasury/RedemptionTreasury.sol";

/// @dev Drives an RBTC treasury with its band on a real WRBTC pool: deposits, credit for work,
/// transfers, redemptions, purchases, pool trades, oracle updates, both defences, rate changes,
/// forced RBTC and surplus booking, and time. Keeps the ghost totals the invariants compare.
contract TreasuryHandler is Test {
    uint256 internal constant HOUR = 1e18;

    RedemptionTreasury public immutable treasury;
    WorkHours public immutable work;
    CoopRouter public immutable router;
    CoopTwapOracle public immutable oracle;
    IWRBTC public immutable wrbtc;

    address[3] internal _actors;
    address internal _trader = makeAddr("trader");

    // ghost totals
    uint256 public totalIn;
    uint256 public totalPaid;
    uint256 public totalBandSpent;
    uint256 public creditConsumed;
    uint256 public burnedByRedemption;
    uint256 public totalCredited;
    /// @dev Sandwiches of a defence that went through, and the best gain any of them made (in
    /// the token the attacker started with: RBTC around the floor, hours around the ceiling).
    uint256 public sandwiches;
    int256 public bestSandwichGain = type(int256).min;

    constructor(
        RedemptionTreasury treasury_,
        WorkHours work_,
        CoopRouter router_,
        CoopTwapOracle oracle_
    ) {
        treasury = treasury_;
        work = work_;
        router = router_;
        oracle = oracle_;
        wrbtc = IWRBTC(router_.wrbtc());
        _actors = [makeAddr("ann"), makeAddr("ben"), makeAddr("cid")];
    }

    /// @dev Called once by the test after it granted this handler its roles.
    function prepareTrader() external {
        work.mintCapital(_trader, 1e6 * HOUR);
        vm.deal(_trader, 1e5 ether);
        vm.startPrank(_trader);
        wrbtc.deposit{value: 1e4 ether}();
        wrbtc.approve(address(router), type(uint256).max);
        work.approve(address(router), type(uint256).max);
        vm.stopPrank();
    }

    function actors() external view returns (address[3] memory) {
        return _actors;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % 3];
    }

    // ─── actions ─────────────────────────────────────────────────────────────────────────────

    function deposit(uint256 amount) external {
        amount = bound(amount, 1, 10 ether);
        vm.deal(address(this), amount);
        treasury.deposit{value: amount}(amount);
        totalIn += amount;
    }

    function creditWork(uint256 seed, uint256 commons, uint256 subsistence) external {
        commons = bound(commons, 0, 1_000 * HOUR);
        subsistence = bound(subsistence, 1, 1_000 * HOUR);
        address[] memory a = new address[](1);
        uint256[] memory c = new uint256[](1);
        uint256[] memory s = new uint256[](1);
        (a[0], c[0], s[0]) = (_actor(seed), commons, subsistence);
        work.mintForWork(a, c, s);
        totalCredited += commons + subsistence;
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        amount = bound(amount, 0, work.balanceOf(from));
        vm.prank(from);
        work.transfer(_actor(toSeed), amount);
    }

    function redeem(uint256 seed, bool subsistence, uint256 amount) external {
        address who = _actor(seed);
        IWorkHours.Category category =
            subsistence ? IWorkHours.Category.Subsistence : IWorkHours.Category.Commons;
        uint256 credit = work.earnedCredit(who, category);
        uint256 balance = work.balanceOf(who);
        uint256 most = credit < balance ? credit : balance;
        if (most == 0) return;
        amount = bound(amount, 1, most);
        uint256 supply = work.totalSupply();
        uint256 held = who.balance;

        vm.prank(who);
        uint256 payout = treasury.redeem(category, amount, 0);

        assertEq(who.balance, held + payout, "paid the payout");
        totalPaid += payout;
        creditConsumed += credit - work.earnedCredit(who, category);
        burnedByRedemption += supply - work.totalSupply();
    }

    function buy(uint256 seed, uint256 amount) external {
        amount = bound(amount, 1, 50 * HOUR);
        address who = _actor(seed);
        uint256 cost = treasury.quotePurchase(amount);
        vm.deal(who, who.balance + cost);
        vm.prank(who);
        treasury.buy{value: cost}(amount, cost);
        totalIn += cost;
    }

    function trade(bool sellHours, uint256 amount) external {
        address[] memory path = new address[](2);
        if (sellHours) {
            amount = bound(amount, HOUR, 3_000 * HOUR);
            (path[0], path[1]) = (address(work), address(wrbtc));
        } else {
            amount = bound(amount, 0.001 ether, 3 ether);
            (path[0], path[1]) = (address(wrbtc), address(work));
        }
        vm.prank(_trader);
        router.swapExactTokensForTokens(amount, 0, path, _trader, block.timestamp);
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 2 days));
        oracle.update();
    }

    function defendFloor() external {
        vm.roll(block.number + 1);
        (uint256 spent, ) = treasury.defendFloor();
        totalBandSpent += spent;
    }

    function defendCeiling() external {
        vm.roll(block.number + 1);
        (, uint256 proceeds) = treasury.defendCeiling();
        totalIn += proceeds;
    }

    /// @dev The trader moves the pool, the defence runs, the trader trades back, all in one
    /// block (`floor`: buy hours first; else sell hours first). A refused defence undoes all.
    function sandwich(bool floor, uint256 amount) external {
        vm.roll(block.number + 1);
        address[] memory path = new address[](2);
        if (floor) {
            amount = bound(amount, 1e6, 5 ether);
            (path[0], path[1]) = (address(wrbtc), address(work));
        } else {
            amount = bound(amount, 1e9, 5_000 * HOUR);
            (path[0], path[1]) = (address(work), address(wrbtc));
        }
        IERC20 tokenIn = IERC20(path[0]);
        IERC20 tokenOut = IERC20(path[1]);
        uint256 startIn = tokenIn.balanceOf(_trader);
        uint256 startOut = tokenOut.balanceOf(_trader);
        vm.prank(_trader);
        router.swapExactTokensForTokens(amount, 0, path, _trader, block.timestamp);
        if (floor) {
            (uint256 spent, ) = treasury.defendFloor();
            totalBandSpent += spent;
        } else {
            (, uint256 proceeds) = treasury.defendCeiling();
            totalIn += proceeds;
        }
        uint256 got = tokenOut.balanceOf(_trader) - startOut;
        (path[0], path[1]) = (path[1], path[0]);
        vm.prank(_trader);
        router.swapExactTokensForTokens(got, 0, path, _trader, block.timestamp);
        int256 gain = int256(tokenIn.balanceOf(_trader)) - int256(startIn);
        ++sandwiches;
        if (gain > bestSandwichGain) bestSandwichGain = gain;
    }

    function setRate(uint256 rate) external {
        treasury.setRate(bound(rate, 1, 1e16));
    }

    /// @dev RBTC forced in without a deposit, by a self-destruct, then booked.
    function forceAndBook(uint256 amount) external {
        amount = bound(amount, 1, 1 ether);
        vm.deal(address(this), amount);
        new ForceSend{value: amount}(payable(address(treasury)));
        totalIn += treasury.depositSurplus();
    }
}

/// @dev Sends its value to `to` without calling it: a self-destruct in the constructor.
contract ForceSend {
    constructor(address payable to) payable {
        selfdestruct(to);
    }
}

/// @dev The treasury's accounting invariants under the handler's random sequences.
contract RedemptionTreasuryInvariantTest is Test {
    uint256 internal constant HOUR = 1e18;

    WorkHours internal work;
    RedemptionTreasury internal treasury;
    CoopRouter internal router;
    CoopTwapOracle internal oracle;
    TreasuryHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        work = new WorkHours("Work Hours", "HOURS", address(this));
        treasury = new RedemptionTreasury(
            work,
            address(0),
            address(this),
            1e14,
            1_000,
            200,
            180 days
        );
        CoopPairFactory factory = new CoopPairFactory();
        router = new CoopRouter(address(factory), address(0));

        work.grantRole(work.CAPITAL_ROLE(), address(this));
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
        oracle = new CoopTwapOracle(
            factory.getPair(address(work), router.wrbtc()),
            1 hours,
            address(this)
        );
        treasury.setBand(
            IRedemptionTreasury.BandParams({
                oracle: oracle,
                router: router,
                floor: 0.8e15,
                ceiling: 1.25e15,
                buybackBudget: 0.1 ether,
                emissionCap: 100e18,
                periodLength: 1 days,
                maxSlippage: 1_000
            })
        );
        treasury.openSale(2e14, type(uint128).max, type(uint128).max, 0, type(uint40).max);

        handler = new TreasuryHandler(treasury, work, router, oracle);
        work.grantRole(work.CAPITAL_ROLE(), address(treasury));
        work.grantRole(work.REDEEMER_ROLE(), address(treasury));
        work.grantRole(work.MINTER_ROLE(), address(handler));
        work.grantRole(work.CAPITAL_ROLE(), address(handler));
        treasury.grantRole(treasury.GOVERNOR_ROLE(), address(handler));
        handler.prepareTrader();

        vm.warp(block.timestamp + 1 hours);
        oracle.update();
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = TreasuryHandler.deposit.selector;
        selectors[1] = TreasuryHandler.creditWork.selector;
        selectors[2] = TreasuryHandler.transfer.selector;
        selectors[3] = TreasuryHandler.redeem.selector;
        selectors[4] = TreasuryHandler.buy.selector;
        selectors[5] = TreasuryHandler.trade.selector;
        selectors[6] = TreasuryHandler.warp.selector;
        selectors[7] = TreasuryHandler.defendFloor.selector;
        selectors[8] = TreasuryHandler.defendCeiling.selector;
        selectors[9] = TreasuryHandler.setRate.selector;
        selectors[10] = TreasuryHandler.forceAndBook.selector;
        selectors[11] = TreasuryHandler.sandwich.selector;
        // the actions only: not the one-off set-up nor the views
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    function _pools() internal view returns (uint256) {
        (uint256 subsistence, uint256 commons) = treasury.pools();
        return subsistence + commons;
    }

    /// @dev The reserve held covers both pools.
    function invariant_reserveCoversPools() public view {
        assertGe(address(treasury).balance, _pools());
    }

    /// @dev Every wei that came in is in a pool, was paid to a redeemer or spent by the band.
    function invariant_inflowsAreAccountedFor() public view {
        assertEq(
            handler.totalIn(),
            _pools() + handler.totalPaid() + handler.totalBandSpent(),
            "in = pools + payouts + band spending"
        );
    }

    /// @dev Each redemption burned as many tokens as it consumed credit.
    function invariant_creditConsumedEqualsTokensBurned() public view {
        assertEq(handler.creditConsumed(), handler.burnedByRedemption());
        // and independently: the credit that is left is what was credited less what was burned
        address[3] memory actors = handler.actors();
        uint256 left;
        for (uint256 i; i < actors.length; ++i) {
            left += work.earnedCredit(actors[i], IWorkHours.Category.Commons);
            left += work.earnedCredit(actors[i], IWorkHours.Category.Subsistence);
        }
        assertEq(handler.totalCredited() - left, handler.burnedByRedemption());
    }

    /// @dev No one who moves the pool in the block of a defence and back gains from it.
    function invariant_bandSandwichNeverPays() public view {
        if (handler.sandwiches() > 0) assertLt(handler.bestSandwichGain(), 0);
    }

    /// @dev The band leaves neither hours nor WRBTC in the treasury.
    function invariant_bandLeavesNothingBehind() public view {
        assertEq(work.balanceOf(address(treasury)), 0);
        assertEq(IERC20(router.wrbtc()).balanceOf(address(treasury)), 0);
    }
}
