// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";

import {CoopPair} from "../../contracts/dex/CoopPair.sol";
import {CoopPairFactory} from "../../contracts/dex/CoopPairFactory.sol";
import {CoopRouter} from "../../contracts/dex/CoopRouter.sol";
import {CoopTwapOracle} from "../../contracts/dex/CoopTwapOracle.sol";
import {WRBTC} from "../../contracts/dex/WRBTC.sol";
import {ICoopPair} from "../../contracts/interfaces/ICoopPair.sol";
import {ICoopRouter} from "../../contracts/interfaces/ICoopRouter.sol";
import {IWRBTC} from "../../contracts/interfaces/IWRBTC.sol";
import {DexMockToken} from "../../contracts/mocks/dex/DexMockToken.sol";

/// Shared set-up: a factory, a router with a fresh WRBTC, and the pair of two mock tokens.
abstract contract DexBase is Test {
    CoopPairFactory internal factory;
    CoopRouter internal router;
    DexMockToken internal token0;
    DexMockToken internal token1;
    CoopPair internal pair;

    uint256 internal constant MAX_RESERVE = 1e30; // far below 2**112, far above real pools

    function _deployDex() internal {
        factory = new CoopPairFactory();
        router = new CoopRouter(address(factory), address(0));
        DexMockToken a = new DexMockToken("A", "A");
        DexMockToken b = new DexMockToken("B", "B");
        (token0, token1) = address(a) < address(b) ? (a, b) : (b, a);
        pair = CoopPair(factory.createPair(address(a), address(b)));
    }

    function _deposit(address to, uint256 amount0, uint256 amount1) internal returns (uint256) {
        token0.mint(address(pair), amount0);
        token1.mint(address(pair), amount1);
        return pair.mint(to);
    }

    function _k() internal view returns (uint256) {
        (uint112 reserve0, uint112 reserve1, ) = pair.getReserves();
        return uint256(reserve0) * reserve1;
    }

    function _amountOut(
        uint256 amountIn,
        uint256 reserveIn,
        uint256 reserveOut
    ) internal pure returns (uint256) {
        return (amountIn * 997 * reserveOut) / (reserveIn * 1000 + amountIn * 997);
    }
}

/// Fuzz tests of the pair, the router, the oracle and WRBTC.
contract CoopPairFuzzTest is DexBase {
    function setUp() public {
        _deployDex();
    }

    function testFuzz_SwapKeepsK(
        uint256 reserve0,
        uint256 reserve1,
        uint256 amountIn,
        bool zeroForOne
    ) public {
        reserve0 = bound(reserve0, 1e6, MAX_RESERVE);
        reserve1 = bound(reserve1, 1e6, MAX_RESERVE);
        _deposit(address(this), reserve0, reserve1);
        (uint256 reserveIn, uint256 reserveOut) = zeroForOne
            ? (reserve0, reserve1)
            : (reserve1, reserve0);
        amountIn = bound(amountIn, 1, MAX_RESERVE);
        uint256 amountOut = _amountOut(amountIn, reserveIn, reserveOut);
        vm.assume(amountOut > 0);

        (zeroForOne ? token0 : token1).mint(address(pair), amountIn);
        uint256 kBefore = _k();
        // One more than the formula allows breaks the invariant...
        (uint256 out0, uint256 out1) = zeroForOne
            ? (uint256(0), amountOut + 1)
            : (amountOut + 1, 0);
        if (amountOut + 1 < reserveOut) {
            vm.expectRevert();
            pair.swap(out0, out1, address(0xBEEF), "");
        }
        // ...the formula's amount goes through and k does not fall.
        (out0, out1) = zeroForOne ? (uint256(0), amountOut) : (amountOut, 0);
        pair.swap(out0, out1, address(0xBEEF), "");
        assertGe(_k(), kBefore);
    }

    function testFuzz_MintThenBurnReturnsNoMore(
        uint256 reserve0,
        uint256 reserve1,
        uint256 amount0,
        uint256 amount1
    ) public {
        reserve0 = bound(reserve0, 1e6, MAX_RESERVE);
        reserve1 = bound(reserve1, 1e6, MAX_RESERVE);
        _deposit(address(0xA11CE), reserve0, reserve1);
        amount0 = bound(amount0, 1, MAX_RESERVE);
        amount1 = bound(amount1, 1, MAX_RESERVE);
        uint256 supply = pair.totalSupply();
        vm.assume((amount0 * supply) / reserve0 > 0 && (amount1 * supply) / reserve1 > 0);

        uint256 shares = _deposit(address(this), amount0, amount1);
        pair.transfer(address(pair), shares);
        supply = pair.totalSupply();
        uint256 expected0 = (shares * token0.balanceOf(address(pair))) / supply;
        uint256 expected1 = (shares * token1.balanceOf(address(pair))) / supply;
        if (expected0 == 0 || expected1 == 0) {
            // too few shares for one unit of both tokens: refused rather than rounded up
            vm.expectRevert(
                abi.encodeWithSelector(
                    ICoopPair.PairInsufficientLiquidityBurned.selector,
                    expected0,
                    expected1
                )
            );
            pair.burn(address(this));
            return;
        }
        (uint256 out0, uint256 out1) = pair.burn(address(this));
        assertEq(out0, expected0);
        assertEq(out1, expected1);
        assertLe(out0, amount0);
        assertLe(out1, amount1);
    }

    function testFuzz_FirstDepositLocksMinimum(uint256 amount0, uint256 amount1) public {
        amount0 = bound(amount0, 1, MAX_RESERVE);
        amount1 = bound(amount1, 1, MAX_RESERVE);
        token0.mint(address(pair), amount0);
        token1.mint(address(pair), amount1);
        uint256 root = _sqrt(amount0 * amount1);
        if (root <= 1000) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ICoopPair.PairInsufficientInitialLiquidity.selector,
                    root,
                    1000
                )
            );
            pair.mint(address(this));
            return;
        }
        assertEq(pair.mint(address(this)), root - 1000);
        assertEq(pair.balanceOf(address(0xdEaD)), 1000);
    }

    function testFuzz_RouterExactOutputPaysExactly(
        uint256 amountOut,
        uint256 reserve0,
        uint256 reserve1
    ) public {
        reserve0 = bound(reserve0, 1e9, MAX_RESERVE);
        reserve1 = bound(reserve1, 1e9, MAX_RESERVE);
        _deposit(address(this), reserve0, reserve1);
        amountOut = bound(amountOut, 1, reserve1 - 1);
        address[] memory path = new address[](2);
        (path[0], path[1]) = (address(token0), address(token1));
        uint256 amountIn = router.getAmountsIn(amountOut, path)[0];
        vm.assume(amountIn <= MAX_RESERVE);
        // the least input: one wei less pays out less than asked
        if (amountIn > 1)
            assertLt(router.getAmountOut(amountIn - 1, reserve0, reserve1), amountOut);

        token0.mint(address(this), amountIn);
        token0.approve(address(router), amountIn);
        uint256 kBefore = _k();
        router.swapTokensForExactTokens(amountOut, amountIn, path, address(0xB0B), block.timestamp);
        assertEq(token1.balanceOf(address(0xB0B)), amountOut);
        assertGe(_k(), kBefore);
    }

    function testFuzz_RouterExactInputMatchesQuote(
        uint256 amountIn,
        uint256 reserve0,
        uint256 reserve1
    ) public {
        reserve0 = bound(reserve0, 1e9, MAX_RESERVE);
        reserve1 = bound(reserve1, 1e9, MAX_RESERVE);
        _deposit(address(this), reserve0, reserve1);
        amountIn = bound(amountIn, 1, MAX_RESERVE);
        address[] memory path = new address[](2);
        (path[0], path[1]) = (address(token1), address(token0));
        uint256 quoted = _amountOut(amountIn, reserve1, reserve0);
        vm.assume(quoted > 0);
        token1.mint(address(this), amountIn);
        token1.approve(address(router), amountIn);
        uint256[] memory amounts = router.swapExactTokensForTokens(
            amountIn,
            quoted,
            path,
            address(0xB0B),
            block.timestamp
        );
        assertEq(amounts[1], quoted);
        assertEq(token0.balanceOf(address(0xB0B)), quoted);
    }

    function testFuzz_RouterRejectsExpiredDeadline(uint256 deadline, uint256 late) public {
        deadline = bound(deadline, 0, type(uint64).max);
        late = bound(late, 1, type(uint32).max);
        vm.warp(deadline + late);
        address[] memory path = new address[](2);
        (path[0], path[1]) = (address(token0), address(token1));
        vm.expectRevert(
            abi.encodeWithSelector(ICoopRouter.RouterExpired.selector, deadline, deadline + late)
        );
        router.swapExactTokensForTokens(1, 0, path, address(this), deadline);
    }

    function testFuzz_OracleAveragesAConstantPrice(
        uint256 reserve0,
        uint256 reserve1,
        uint32 window
    ) public {
        reserve0 = bound(reserve0, 1e6, MAX_RESERVE);
        reserve1 = bound(reserve1, 1e6, MAX_RESERVE);
        window = uint32(bound(window, 1, 30 days));
        _deposit(address(this), reserve0, reserve1);
        CoopTwapOracle oracle = new CoopTwapOracle(address(pair), window, address(this));
        vm.warp(block.timestamp + window);
        assertTrue(oracle.update());
        // A constant price: the average is the UQ112x112 price itself.
        uint256 price0 = (reserve1 << 112) / reserve0;
        assertEq(oracle.consult(address(token0), 1e18), (1e18 * price0) >> 112);
    }

    function test_RouterRequiresWRBTCOnRsk() public {
        for (uint256 chainId = 30; chainId <= 31; ++chainId) {
            vm.chainId(chainId);
            vm.expectRevert(
                abi.encodeWithSelector(ICoopRouter.RouterWRBTCRequired.selector, chainId)
            );
            new CoopRouter(address(factory), address(0));
        }
        vm.chainId(33); // regtest may deploy its own
        assertTrue(new CoopRouter(address(factory), address(0)).wrbtc() != address(0));
    }

    function testFuzz_WRBTCRoundTrip(uint96 amount) public {
        WRBTC wrbtc = new WRBTC();
        address holder = address(0xCAFE);
        vm.deal(holder, amount);
        vm.prank(holder);
        wrbtc.deposit{value: amount}();
        assertEq(wrbtc.balanceOf(holder), amount);
        vm.prank(holder);
        wrbtc.withdraw(amount);
        assertEq(holder.balance, amount);
        assertEq(wrbtc.totalSupply(), 0);
    }

    function test_WRBTCNamesARecipientThatRefusesRBTC() public {
        // This test contract has no receive function.
        WRBTC wrbtc = new WRBTC();
        wrbtc.deposit{value: 1 ether}();
        vm.expectRevert(
            abi.encodeWithSelector(IWRBTC.WRBTCTransferFailed.selector, address(this), 1 ether)
        );
        wrbtc.withdraw(1 ether);
    }

    function _sqrt(uint256 x) private pure returns (uint256 y) {
        if (x == 0) return 0;
        y = x;
        uint256 z = (x + 1) / 2;
        while (z < y) (y, z) = (z, (x / z + z) / 2);
    }
}

/// Drives the pair with random swaps, deposits, withdrawals and donations (each donation
/// followed at once by `sync` or `skim`), recording anything the invariants must not see.
contract PairHandler is Test {
    CoopPair internal immutable pair;
    DexMockToken internal immutable token0;
    DexMockToken internal immutable token1;
    address[3] internal actors = [address(0xA1), address(0xA2), address(0xA3)];

    uint256 public swaps;
    uint256 public kDecreases;
    uint256 public overRedemptions;

    constructor(CoopPair pair_, DexMockToken token0_, DexMockToken token1_) {
        (pair, token0, token1) = (pair_, token0_, token1_);
    }

    function actorList() external view returns (address[3] memory) {
        return actors;
    }

    function swap(uint256 amountIn, bool zeroForOne, uint256 actorSeed) external {
        (uint112 reserve0, uint112 reserve1, ) = pair.getReserves();
        (uint256 reserveIn, uint256 reserveOut) = zeroForOne
            ? (uint256(reserve0), uint256(reserve1))
            : (uint256(reserve1), uint256(reserve0));
        amountIn = bound(amountIn, 1, reserveIn * 2 + 1);
        uint256 amountOut = (amountIn * 997 * reserveOut) / (reserveIn * 1000 + amountIn * 997);
        if (amountOut == 0) return;
        uint256 kBefore = uint256(reserve0) * reserve1;
        (zeroForOne ? token0 : token1).mint(address(pair), amountIn);
        (uint256 out0, uint256 out1) = zeroForOne ? (uint256(0), amountOut) : (amountOut, 0);
        pair.swap(out0, out1, actors[actorSeed % 3], "");
        (reserve0, reserve1, ) = pair.getReserves();
        ++swaps;
        if (uint256(reserve0) * reserve1 < kBefore) ++kDecreases;
    }

    function deposit(uint256 amount0, uint256 amount1, uint256 actorSeed) external {
        amount0 = bound(amount0, 1, 1e27);
        amount1 = bound(amount1, 1, 1e27);
        token0.mint(address(pair), amount0);
        token1.mint(address(pair), amount1);
        pair.mint(actors[actorSeed % 3]);
    }

    function withdraw(uint256 fraction, uint256 actorSeed) external {
        address actor = actors[actorSeed % 3];
        uint256 shares = (pair.balanceOf(actor) * bound(fraction, 1, 100)) / 100;
        if (shares == 0) return;
        uint256 supply = pair.totalSupply();
        (uint112 reserve0, uint112 reserve1, ) = pair.getReserves();
        vm.prank(actor);
        pair.transfer(address(pair), shares);
        (uint256 amount0, uint256 amount1) = pair.burn(actor);
        // never more than the shares' part of the reserves, never all of a reserve
        if (
            amount0 > (shares * reserve0) / supply ||
            amount1 > (shares * reserve1) / supply ||
            amount0 >= reserve0 ||
            amount1 >= reserve1
        ) ++overRedemptions;
    }

    function donateAndSync(uint256 amount, bool zero) external {
        amount = bound(amount, 1, 1e24);
        (zero ? token0 : token1).mint(address(pair), amount);
        pair.sync();
    }

    function donateAndSkim(uint256 amount, bool zero, uint256 actorSeed) external {
        amount = bound(amount, 1, 1e24);
        (zero ? token0 : token1).mint(address(pair), amount);
        pair.skim(actors[actorSeed % 3]);
    }
}

/// Invariants of the pair under the handler's random sequences of calls.
contract CoopPairInvariantTest is DexBase {
    PairHandler internal handler;

    function setUp() public {
        _deployDex();
        _deposit(address(0xA1), 1e21, 4e21);
        handler = new PairHandler(pair, token0, token1);
        targetContract(address(handler));
    }

    /// The handler's actions do run (a guard against invariants that pass vacuously).
    function test_HandlerActionsRun() public {
        handler.swap(1e18, true, 0);
        handler.deposit(1e18, 4e18, 1);
        handler.withdraw(50, 1);
        handler.donateAndSync(1e18, false);
        handler.donateAndSkim(1e18, true, 2);
        assertEq(handler.swaps(), 1);
        assertEq(handler.kDecreases(), 0);
        assertEq(handler.overRedemptions(), 0);
        invariant_ReservesEqualBalances();
        invariant_SharesNeverRedeemMoreThanReserves();
    }

    /// The reserves equal the balances after every call.
    function invariant_ReservesEqualBalances() public view {
        (uint112 reserve0, uint112 reserve1, ) = pair.getReserves();
        assertEq(reserve0, token0.balanceOf(address(pair)));
        assertEq(reserve1, token1.balanceOf(address(pair)));
    }

    /// k never decreases across a swap.
    function invariant_KNeverDecreasesAcrossSwaps() public view {
        assertEq(handler.kDecreases(), 0);
    }

    /// Shares never redeem more than their part of the reserves, and all shares together
    /// never claim more than the reserves: the locked minimum keeps both above zero.
    function invariant_SharesNeverRedeemMoreThanReserves() public view {
        assertEq(handler.overRedemptions(), 0);
        (uint112 reserve0, uint112 reserve1, ) = pair.getReserves();
        uint256 supply = pair.totalSupply();
        uint256 held = pair.balanceOf(address(0xdEaD));
        assertEq(held, 1000);
        address[3] memory actors = handler.actorList();
        uint256 claim0;
        uint256 claim1;
        for (uint256 i = 0; i < actors.length; ++i) {
            uint256 shares = pair.balanceOf(actors[i]);
            held += shares;
            claim0 += (shares * reserve0) / supply;
            claim1 += (shares * reserve1) / supply;
        }
        assertEq(held, supply);
        assertLt(claim0, reserve0);
        assertLt(claim1, reserve1);
    }
}
