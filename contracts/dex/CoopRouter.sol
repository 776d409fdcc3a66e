// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {ICoopPair} from "../interfaces/ICoopPair.sol";
import {ICoopPairFactory} from "../interfaces/ICoopPairFactory.sol";
import {ICoopRouter} from "../interfaces/ICoopRouter.sol";
import {IWRBTC} from "../interfaces/IWRBTC.sol";
import {WRBTC} from "./WRBTC.sol";

/// @title CoopRouter
/// @notice The safe way to use the cooperative's pairs: every call takes a deadline and
/// minimum (or maximum) amounts, and native RBTC is wrapped and unwrapped through WRBTC.
/// @dev Stateless: it holds tokens and RBTC only within a call. It computes pair addresses
/// from the factory's CREATE2 formula instead of asking the factory.
contract CoopRouter is ICoopRouter {
    using SafeERC20 for IERC20;

    // ---------------------------------------------------------------- constants

    uint256 private constant _FEE_FACTOR = 997; // 1000 - 3: what remains of an input after 0.3%
    uint256 private constant _FEE_DENOMINATOR = 1000;
    uint256 private constant _RSK_MAINNET = 30;
    uint256 private constant _RSK_TESTNET = 31;

    // ---------------------------------------------------------------- storage

    address private immutable _factory;
    address private immutable _wrbtc;
    bytes32 private immutable _pairInitCodeHash;

    // ---------------------------------------------------------------- modifiers

    modifier ensure(uint256 deadline) {
        _checkDeadline(deadline);
        _;
    }

    // ---------------------------------------------------------------- constructor

    /// @param factory_ The {CoopPairFactory}.
    /// @param wrbtc_ The WRBTC to wrap RBTC in. Zero deploys a fresh {WRBTC}, which is allowed
    /// only off RSK testnet and mainnet, where the canonical WRBTC must be used.
    constructor(address factory_, address wrbtc_) {
        if (wrbtc_ == address(0)) {
            if (block.chainid == _RSK_MAINNET || block.chainid == _RSK_TESTNET) {
                revert RouterWRBTCRequired(block.chainid);
            }
            wrbtc_ = address(new WRBTC());
        }
        _factory = factory_;
        _wrbtc = wrbtc_;
        _pairInitCodeHash = ICoopPairFactory(factory_).pairInitCodeHash();
    }

    // ---------------------------------------------------------------- receive

    /// @dev Accepts RBTC only from WRBTC, when unwrapping.
    receive() external payable {
        if (msg.sender != _wrbtc) revert RouterUnexpectedRBTCSender(msg.sender);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ICoopRouter
    function factory() external view returns (address) {
        return _factory;
    }

    /// @inheritdoc ICoopRouter
    function wrbtc() external view returns (address) {
        return _wrbtc;
    }

    // ---------------------------------------------------------------- liquidity

    /// @inheritdoc ICoopRouter
    /// @dev Creates the pair if needed. Deposits `amountADesired` and `amountBDesired` into an
    /// empty pair; otherwise as much of both as matches the reserves' ratio.
    ///
    /// Requirements:
    /// - `deadline` has not passed;
    /// - the amounts deposited are at least `amountAMin` and `amountBMin`;
    /// - the caller approved the router for both amounts.
    ///
    /// Emits {ICoopPair-Minted} from the pair.
    function addLiquidity(
        address tokenA,
        address tokenB,
        uint256 amountADesired,
        uint256 amountBDesired,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256 amountA, uint256 amountB, uint256 liquidity) {
        (amountA, amountB) = _addLiquidity(
            tokenA,
            tokenB,
            amountADesired,
            amountBDesired,
            amountAMin,
            amountBMin
        );
        liquidity = _depositAndMint(tokenA, tokenB, amountA, amountB, to);
    }

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed;
    /// - the amounts paid out are at least `amountTokenMin` and `amountRBTCMin`;
    /// - the caller approved the router for the token amount.
    ///
    /// Emits {ICoopPair-Minted} from the pair.
    function addLiquidityRBTC(
        address token,
        uint256 amountTokenDesired,
        uint256 amountTokenMin,
        uint256 amountRBTCMin,
        address to,
        uint256 deadline
    )
        external
        payable
        ensure(deadline)
        returns (uint256 amountToken, uint256 amountRBTC, uint256 liquidity)
    {
        (amountToken, amountRBTC) = _addLiquidity(
            token,
            _wrbtc,
            amountTokenDesired,
            msg.value,
            amountTokenMin,
            amountRBTCMin
        );
        address pair = _pairFor(token, _wrbtc);
        IERC20(token).safeTransferFrom(msg.sender, pair, amountToken);
        _wrapTo(pair, amountRBTC);
        liquidity = ICoopPair(pair).mint(to);
        // cannot underflow: amountRBTC <= msg.value by _addLiquidity
        unchecked {
            if (msg.value > amountRBTC) _sendRBTC(msg.sender, msg.value - amountRBTC);
        }
    }

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed;
    /// - the amounts paid out are at least `amountAMin` and `amountBMin`;
    /// - the caller approved the router for `liquidity` shares of the pair.
    ///
    /// Emits {ICoopPair-Burned} from the pair.
    function removeLiquidity(
        address tokenA,
        address tokenB,
        uint256 liquidity,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256 amountA, uint256 amountB) {
        return _removeLiquidity(tokenA, tokenB, liquidity, amountAMin, amountBMin, to);
    }

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed;
    /// - the amounts paid out are at least `amountTokenMin` and `amountRBTCMin`;
    /// - the caller approved the router for `liquidity` shares; `to` accepts RBTC.
    ///
    /// Emits {ICoopPair-Burned} from the pair.
    function removeLiquidityRBTC(
        address token,
        uint256 liquidity,
        uint256 amountTokenMin,
        uint256 amountRBTCMin,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256 amountToken, uint256 amountRBTC) {
        (amountToken, amountRBTC) = _removeLiquidity(
            token,
            _wrbtc,
            liquidity,
            amountTokenMin,
            amountRBTCMin,
            address(this)
        );
        IERC20(token).safeTransfer(to, amountToken);
        _unwrapTo(to, amountRBTC);
    }

    // ---------------------------------------------------------------- swaps

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed; `path` has at least two tokens whose pairs hold liquidity;
    /// - the output is at least `amountOutMin`;
    /// - the caller approved the router for `amountIn`.
    ///
    /// Emits {ICoopPair-Swapped} from every pair on the path.
    function swapExactTokensForTokens(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256[] memory amounts) {
        amounts = _getAmountsOut(amountIn, path);
        _checkOutput(amounts[amounts.length - 1], amountOutMin);
        IERC20(path[0]).safeTransferFrom(msg.sender, _pairFor(path[0], path[1]), amounts[0]);
        _swap(amounts, path, to);
    }

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed; `path` has at least two tokens whose pairs hold liquidity;
    /// - the input is at most `amountInMax`;
    /// - the caller approved the router for it.
    ///
    /// Emits {ICoopPair-Swapped} from every pair on the path.
    function swapTokensForExactTokens(
        uint256 amountOut,
        uint256 amountInMax,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256[] memory amounts) {
        amounts = _getAmountsIn(amountOut, path);
        _checkInput(amounts[0], amountInMax);
        IERC20(path[0]).safeTransferFrom(msg.sender, _pairFor(path[0], path[1]), amounts[0]);
        _swap(amounts, path, to);
    }

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed; `path[0]` is WRBTC; the output is at least `amountOutMin`.
    ///
    /// Emits {ICoopPair-Swapped} from every pair on the path.
    function swapExactRBTCForTokens(
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external payable ensure(deadline) returns (uint256[] memory amounts) {
        _checkPathStart(path);
        amounts = _getAmountsOut(msg.value, path);
        _checkOutput(amounts[amounts.length - 1], amountOutMin);
        _wrapTo(_pairFor(path[0], path[1]), amounts[0]);
        _swap(amounts, path, to);
    }

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed; the path ends with WRBTC; the output is at least
    ///   `amountOutMin`; the caller approved the router for `amountIn`; `to` accepts RBTC.
    ///
    /// Emits {ICoopPair-Swapped} from every pair on the path.
    function swapExactTokensForRBTC(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256[] memory amounts) {
        _checkPathEnd(path);
        amounts = _getAmountsOut(amountIn, path);
        uint256 amountOut = amounts[amounts.length - 1];
        _checkOutput(amountOut, amountOutMin);
        IERC20(path[0]).safeTransferFrom(msg.sender, _pairFor(path[0], path[1]), amounts[0]);
        _swap(amounts, path, address(this));
        _unwrapTo(to, amountOut);
    }

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed; the path ends with WRBTC; the input is at most
    ///   `amountInMax`; the caller approved the router for it; `to` accepts RBTC.
    ///
    /// Emits {ICoopPair-Swapped} from every pair on the path.
    function swapTokensForExactRBTC(
        uint256 amountOut,
        uint256 amountInMax,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256[] memory amounts) {
        _checkPathEnd(path);
        amounts = _getAmountsIn(amountOut, path);
        _checkInput(amounts[0], amountInMax);
        IERC20(path[0]).safeTransferFrom(msg.sender, _pairFor(path[0], path[1]), amounts[0]);
        _swap(amounts, path, address(this));
        _unwrapTo(to, amountOut);
    }

    /// @inheritdoc ICoopRouter
    /// @dev Requirements:
    /// - `deadline` has not passed; `path[0]` is WRBTC; the input is at most `msg.value`;
    ///   the caller accepts the refund of the rest.
    ///
    /// Emits {ICoopPair-Swapped} from every pair on the path.
    function swapRBTCForExactTokens(
        uint256 amountOut,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external payable ensure(deadline) returns (uint256[] memory amounts) {
        _checkPathStart(path);
        amounts = _getAmountsIn(amountOut, path);
        uint256 amountIn = amounts[0];
        _checkInput(amountIn, msg.value);
        _wrapTo(_pairFor(path[0], path[1]), amountIn);
        _swap(amounts, path, to);
        // cannot underflow: amountIn <= msg.value just checked
        unchecked {
            if (msg.value > amountIn) _sendRBTC(msg.sender, msg.value - amountIn);
        }
    }

    // ---------------------------------------------------------------- quotes

    /// @inheritdoc ICoopRouter
    function getAmountsOut(
        uint256 amountIn,
        address[] calldata path
    ) external view returns (uint256[] memory amounts) {
        return _getAmountsOut(amountIn, path);
    }

    /// @inheritdoc ICoopRouter
    function getAmountsIn(
        uint256 amountOut,
        address[] calldata path
    ) external view returns (uint256[] memory amounts) {
        return _getAmountsIn(amountOut, path);
    }

    /// @inheritdoc ICoopRouter
    function quote(
        uint256 amountA,
        uint256 reserveA,
        uint256 reserveB
    ) external pure returns (uint256 amountB) {
        return _quote(amountA, reserveA, reserveB);
    }

    /// @inheritdoc ICoopRouter
    function getAmountOut(
        uint256 amountIn,
        uint256 reserveIn,
        uint256 reserveOut
    ) external pure returns (uint256 amountOut) {
        return _getAmountOut(amountIn, reserveIn, reserveOut);
    }

    /// @inheritdoc ICoopRouter
    function getAmountIn(
        uint256 amountOut,
        uint256 reserveIn,
        uint256 reserveOut
    ) external pure returns (uint256 amountIn) {
        return _getAmountIn(amountOut, reserveIn, reserveOut);
    }

    /// @inheritdoc ICoopRouter
    function getReserves(
        address tokenA,
        address tokenB
    ) external view returns (uint256 reserveA, uint256 reserveB) {
        return _getReserves(tokenA, tokenB);
    }

    /// @inheritdoc ICoopRouter
    function pairFor(address tokenA, address tokenB) external view returns (address) {
        return _pairFor(tokenA, tokenB);
    }

    // ---------------------------------------------------------------- internal

    /// @dev The amounts to deposit: the desired ones into an empty pair, else the largest pair
    /// of amounts at the reserves' ratio that fits within the desired ones.
    function _addLiquidity(
        address tokenA,
        address tokenB,
        uint256 amountADesired,
        uint256 amountBDesired,
        uint256 amountAMin,
        uint256 amountBMin
    ) private returns (uint256 amountA, uint256 amountB) {
        address pair = _pairFor(tokenA, tokenB);
        if (pair.code.length == 0) {
            pair = ICoopPairFactory(_factory).createPair(tokenA, tokenB);
        }
        // A pair without shares has no price: dust sent and synced into it (or a one-sided
        // donation) must not set the first depositor's ratio, so the desired amounts go in.
        if (IERC20(pair).totalSupply() == 0) return (amountADesired, amountBDesired);
        (uint256 reserveA, uint256 reserveB) = _getReserves(tokenA, tokenB);

        uint256 amountBOptimal = _quote(amountADesired, reserveA, reserveB);
        if (amountBOptimal <= amountBDesired) {
            if (amountBOptimal < amountBMin) {
                revert RouterInsufficientBAmount(amountBOptimal, amountBMin);
            }
            return (amountADesired, amountBOptimal);
        }
        // amountAOptimal <= amountADesired: amountBOptimal > amountBDesired at the same ratio
        uint256 amountAOptimal = _quote(amountBDesired, reserveB, reserveA);
        if (amountAOptimal < amountAMin) {
            revert RouterInsufficientAAmount(amountAOptimal, amountAMin);
        }
        return (amountAOptimal, amountBDesired);
    }

    /// @dev Pays both amounts from the caller into the pair and mints the shares to `to`.
    function _depositAndMint(
        address tokenA,
        address tokenB,
        uint256 amountA,
        uint256 amountB,
        address to
    ) private returns (uint256 liquidity) {
        address pair = _pairFor(tokenA, tokenB);
        IERC20(tokenA).safeTransferFrom(msg.sender, pair, amountA);
        IERC20(tokenB).safeTransferFrom(msg.sender, pair, amountB);
        return ICoopPair(pair).mint(to);
    }

    function _removeLiquidity(
        address tokenA,
        address tokenB,
        uint256 liquidity,
        uint256 amountAMin,
        uint256 amountBMin,
        address to
    ) private returns (uint256 amountA, uint256 amountB) {
        address pair = _pairFor(tokenA, tokenB);
        IERC20(pair).safeTransferFrom(msg.sender, pair, liquidity);
        (uint256 amount0, uint256 amount1) = ICoopPair(pair).burn(to);
        (amountA, amountB) = tokenA < tokenB ? (amount0, amount1) : (amount1, amount0);
        if (amountA < amountAMin) revert RouterInsufficientAAmount(amountA, amountAMin);
        if (amountB < amountBMin) revert RouterInsufficientBAmount(amountB, amountBMin);
    }

    /// @dev Runs the swaps along `path`; the first pair must have been paid `amounts[0]`. Each
    /// pair pays its output straight into the next pair, the last one to `to`.
    function _swap(uint256[] memory amounts, address[] calldata path, address to) private {
        uint256 hops = path.length - 1;
        address pair = _pairFor(path[0], path[1]);
        for (uint256 i = 0; i < hops; ++i) {
            (address input, address output) = (path[i], path[i + 1]);
            address recipient = i + 1 < hops ? _pairFor(output, path[i + 2]) : to;
            uint256 amountOut = amounts[i + 1];
            (uint256 amount0Out, uint256 amount1Out) = input < output
                ? (uint256(0), amountOut)
                : (amountOut, uint256(0));
            ICoopPair(pair).swap(amount0Out, amount1Out, recipient, "");
            pair = recipient;
        }
    }

    function _getAmountsOut(
        uint256 amountIn,
        address[] calldata path
    ) private view returns (uint256[] memory amounts) {
        _checkPath(path);
        amounts = new uint256[](path.length);
        amounts[0] = amountIn;
        for (uint256 i = 0; i + 1 < path.length; ++i) {
            (uint256 reserveIn, uint256 reserveOut) = _getReserves(path[i], path[i + 1]);
            amounts[i + 1] = _getAmountOut(amounts[i], reserveIn, reserveOut);
        }
    }

    function _getAmountsIn(
        uint256 amountOut,
        address[] calldata path
    ) private view returns (uint256[] memory amounts) {
        _checkPath(path);
        amounts = new uint256[](path.length);
        amounts[path.length - 1] = amountOut;
        for (uint256 i = path.length - 1; i > 0; --i) {
            (uint256 reserveIn, uint256 reserveOut) = _getReserves(path[i - 1], path[i]);
            amounts[i - 1] = _getAmountIn(amounts[i], reserveIn, reserveOut);
        }
    }

    /// @dev Reserves of the pair of `tokenA` and `tokenB`, in that order; zero if the pair
    /// does not exist yet.
    function _getReserves(
        address tokenA,
        address tokenB
    ) private view returns (uint256 reserveA, uint256 reserveB) {
        address pair = _pairFor(tokenA, tokenB);
        if (pair.code.length == 0) return (0, 0);
        (uint256 reserve0, uint256 reserve1, ) = ICoopPair(pair).getReserves();
        (reserveA, reserveB) = tokenA < tokenB ? (reserve0, reserve1) : (reserve1, reserve0);
    }

    function _pairFor(address tokenA, address tokenB) private view returns (address) {
        if (tokenA == tokenB) revert RouterIdenticalTokens(tokenA);
        (address token0, address token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        if (token0 == address(0)) revert RouterZeroAddress(tokenA, tokenB);
        bytes32 digest = keccak256(
            abi.encodePacked(
                bytes1(0xff),
                _factory,
                keccak256(abi.encode(token0, token1)),
                _pairInitCodeHash
            )
        );
        // truncation intended: an address is the low 20 bytes of the digest
        return address(uint160(uint256(digest)));
    }

    /// @dev `amountA` at the ratio `reserveB / reserveA`, rounded down.
    function _quote(
        uint256 amountA,
        uint256 reserveA,
        uint256 reserveB
    ) private pure returns (uint256) {
        if (amountA == 0) revert RouterInsufficientAmount(amountA);
        if (reserveA == 0 || reserveB == 0) revert RouterInsufficientLiquidity(reserveA, reserveB);
        return Math.mulDiv(amountA, reserveB, reserveA);
    }

    /// @dev `amountIn * 997 * reserveOut / (reserveIn * 1000 + amountIn * 997)`, rounded down
    /// (against the trader).
    function _getAmountOut(
        uint256 amountIn,
        uint256 reserveIn,
        uint256 reserveOut
    ) private pure returns (uint256) {
        if (amountIn == 0) revert RouterInsufficientAmount(amountIn);
        if (reserveIn == 0 || reserveOut == 0) {
            revert RouterInsufficientLiquidity(reserveIn, reserveOut);
        }
        uint256 amountInWithFee = amountIn * _FEE_FACTOR;
        return
            Math.mulDiv(
                amountInWithFee,
                reserveOut,
                reserveIn * _FEE_DENOMINATOR + amountInWithFee
            );
    }

    /// @dev The least input with `_getAmountOut(amountIn) >= amountOut`:
    /// `ceil(reserveIn * amountOut * 1000 / ((reserveOut - amountOut) * 997))`, rounded up
    /// (against the trader), which is exactly what the pair's invariant check needs.
    function _getAmountIn(
        uint256 amountOut,
        uint256 reserveIn,
        uint256 reserveOut
    ) private pure returns (uint256) {
        if (amountOut == 0) revert RouterInsufficientAmount(amountOut);
        if (reserveIn == 0 || amountOut >= reserveOut) {
            revert RouterInsufficientLiquidity(reserveIn, reserveOut);
        }
        // cannot underflow: amountOut < reserveOut just checked
        uint256 remaining;
        unchecked {
            remaining = reserveOut - amountOut;
        }
        return
            Math.mulDiv(
                reserveIn * _FEE_DENOMINATOR,
                amountOut,
                remaining * _FEE_FACTOR,
                Math.Rounding.Ceil
            );
    }

    function _wrapTo(address pair, uint256 amount) private {
        IWRBTC(_wrbtc).deposit{value: amount}();
        IERC20(_wrbtc).safeTransfer(pair, amount);
    }

    function _unwrapTo(address to, uint256 amount) private {
        IWRBTC(_wrbtc).withdraw(amount);
        _sendRBTC(to, amount);
    }

    function _sendRBTC(address to, uint256 amount) private {
        (bool sent, ) = to.call{value: amount}("");
        if (!sent) revert RouterRBTCTransferFailed(to, amount);
    }

    function _checkDeadline(uint256 deadline) private view {
        if (block.timestamp > deadline) revert RouterExpired(deadline, block.timestamp);
    }

    function _checkPath(address[] calldata path) private pure {
        if (path.length < 2) revert RouterInvalidPath(path.length);
    }

    function _checkPathStart(address[] calldata path) private view {
        _checkPath(path);
        if (path[0] != _wrbtc) revert RouterInvalidPathToken(_wrbtc, path[0]);
    }

    function _checkPathEnd(address[] calldata path) private view {
        _checkPath(path);
        address last = path[path.length - 1];
        if (last != _wrbtc) revert RouterInvalidPathToken(_wrbtc, last);
    }

    function _checkOutput(uint256 amountOut, uint256 amountOutMin) private pure {
        if (amountOut < amountOutMin)
            revert RouterInsufficientOutputAmount(amountOut, amountOutMin);
    }

    function _checkInput(uint256 amountIn, uint256 amountInMax) private pure {
        if (amountIn > amountInMax) revert RouterExcessiveInputAmount(amountIn, amountInMax);
    }
}
