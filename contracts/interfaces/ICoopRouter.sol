// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICoopRouter
/// @notice Liquidity and swaps across the cooperative's constant-product pairs, with slippage
/// bounds and deadlines. `path` lists the tokens from the one paid in to the one paid out.
/// @dev The router holds no tokens between calls. Tokens that take a fee on transfer or rebase
/// are not supported: the router pays the amounts it computed, and the pair's balance checks
/// make such a swap revert rather than pay out more than it received.
interface ICoopRouter {
    // ---------------------------------------------------------------- errors

    /// @dev The deadline passed before the transaction was mined.
    error RouterExpired(uint256 deadline, uint256 timestamp);

    /// @dev A path has fewer than two tokens.
    error RouterInvalidPath(uint256 length);

    /// @dev A native-RBTC path must start (or end) with WRBTC.
    error RouterInvalidPathToken(address expected, address actual);

    /// @dev Both tokens of a pair are the same.
    error RouterIdenticalTokens(address token);

    /// @dev A token is the zero address.
    error RouterZeroAddress(address tokenA, address tokenB);

    /// @dev A swap or a quote with no amount.
    error RouterInsufficientAmount(uint256 amount);

    /// @dev A quote against a pool that is empty or too small for the requested output.
    error RouterInsufficientLiquidity(uint256 reserveIn, uint256 reserveOut);

    /// @dev A swap would pay out less than the caller accepts.
    error RouterInsufficientOutputAmount(uint256 amountOut, uint256 amountOutMin);

    /// @dev A swap would take more than the caller allows.
    error RouterExcessiveInputAmount(uint256 amountIn, uint256 amountInMax);

    /// @dev Liquidity added or removed would use less of token A than the caller accepts.
    error RouterInsufficientAAmount(uint256 amountA, uint256 amountAMin);

    /// @dev Liquidity added or removed would use less of token B than the caller accepts.
    error RouterInsufficientBAmount(uint256 amountB, uint256 amountBMin);

    /// @dev Sending native RBTC failed.
    error RouterRBTCTransferFailed(address to, uint256 amount);

    /// @dev Only WRBTC may send native RBTC to the router (when unwrapping).
    error RouterUnexpectedRBTCSender(address sender);

    /// @dev On RSK testnet and mainnet the canonical WRBTC must be given to the constructor.
    error RouterWRBTCRequired(uint256 chainId);

    // ---------------------------------------------------------------- views

    function factory() external view returns (address);

    function wrbtc() external view returns (address);

    // ---------------------------------------------------------------- liquidity

    function addLiquidity(
        address tokenA,
        address tokenB,
        uint256 amountADesired,
        uint256 amountBDesired,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external returns (uint256 amountA, uint256 amountB, uint256 liquidity);

    function removeLiquidity(
        address tokenA,
        address tokenB,
        uint256 liquidity,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external returns (uint256 amountA, uint256 amountB);

    /// @notice Adds liquidity to the pair of `token` and WRBTC with native RBTC as the other
    /// side; refunds the RBTC not used.
    function addLiquidityRBTC(
        address token,
        uint256 amountTokenDesired,
        uint256 amountTokenMin,
        uint256 amountRBTCMin,
        address to,
        uint256 deadline
    ) external payable returns (uint256 amountToken, uint256 amountRBTC, uint256 liquidity);

    /// @notice Removes liquidity from the pair of `token` and WRBTC, paying RBTC natively.
    function removeLiquidityRBTC(
        address token,
        uint256 liquidity,
        uint256 amountTokenMin,
        uint256 amountRBTCMin,
        address to,
        uint256 deadline
    ) external returns (uint256 amountToken, uint256 amountRBTC);

    // ---------------------------------------------------------------- swaps

    function swapExactTokensForTokens(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external returns (uint256[] memory amounts);

    function swapTokensForExactTokens(
        uint256 amountOut,
        uint256 amountInMax,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external returns (uint256[] memory amounts);

    /// @notice Swaps all the RBTC sent for at least `amountOutMin` of `path[path.length - 1]`;
    /// `path[0]` must be WRBTC.
    function swapExactRBTCForTokens(
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external payable returns (uint256[] memory amounts);

    /// @notice Swaps exactly `amountIn` of `path[0]` for at least `amountOutMin` RBTC;
    /// the path must end with WRBTC.
    function swapExactTokensForRBTC(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external returns (uint256[] memory amounts);

    /// @notice Swaps at most `amountInMax` of `path[0]` for exactly `amountOut` RBTC;
    /// the path must end with WRBTC.
    function swapTokensForExactRBTC(
        uint256 amountOut,
        uint256 amountInMax,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external returns (uint256[] memory amounts);

    /// @notice Swaps at most the RBTC sent for exactly `amountOut` of the last token of `path`
    /// and refunds the rest; `path[0]` must be WRBTC.
    function swapRBTCForExactTokens(
        uint256 amountOut,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external payable returns (uint256[] memory amounts);

    // ---------------------------------------------------------------- quotes

    function getAmountsOut(
        uint256 amountIn,
        address[] calldata path
    ) external view returns (uint256[] memory amounts);

    function getAmountsIn(
        uint256 amountOut,
        address[] calldata path
    ) external view returns (uint256[] memory amounts);

    /// @notice `amountA` of a token worth as much of the other at the ratio of the reserves
    /// (no fee): what {addLiquidity} deposits against it.
    function quote(
        uint256 amountA,
        uint256 reserveA,
        uint256 reserveB
    ) external pure returns (uint256 amountB);

    /// @notice What a swap of `amountIn` pays out after the 0.3% fee, rounded down.
    function getAmountOut(
        uint256 amountIn,
        uint256 reserveIn,
        uint256 reserveOut
    ) external pure returns (uint256 amountOut);

    /// @notice The least input that pays out `amountOut` after the 0.3% fee, rounded up.
    function getAmountIn(
        uint256 amountOut,
        uint256 reserveIn,
        uint256 reserveOut
    ) external pure returns (uint256 amountIn);

    /// @notice The reserves of the pair of `tokenA` and `tokenB`, in that order.
    function getReserves(
        address tokenA,
        address tokenB
    ) external view returns (uint256 reserveA, uint256 reserveB);

    /// @notice The CREATE2 address of the pair of `tokenA` and `tokenB`, created or not.
    function pairFor(address tokenA, address tokenB) external view returns (address pair);
}
