// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @title ICoopPair
/// @notice A constant-product pool of two ERC20 tokens whose liquidity shares are an ERC20.
/// @dev Low-level: callers pay in before calling {mint} or {swap} and send shares in before
/// {burn}; the pair measures what it received from its balances. Use {ICoopRouter} for slippage
/// bounds and deadlines. Prices are UQ112x112 fixed point: a price `p` is stored as
/// `p * 2**112`, and the cumulative prices are sums of `price * seconds` that wrap modulo 2**256.
interface ICoopPair is IERC20Metadata {
    // ---------------------------------------------------------------- errors

    /// @dev The first deposit must mint more than the permanently locked minimum liquidity.
    error PairInsufficientInitialLiquidity(uint256 liquidity, uint256 minimum);

    /// @dev A deposit that would mint zero shares.
    error PairInsufficientLiquidityMinted(uint256 amount0, uint256 amount1);

    /// @dev A burn that would pay out zero of either token.
    error PairInsufficientLiquidityBurned(uint256 amount0, uint256 amount1);

    /// @dev A swap that asks for no output.
    error PairInsufficientOutputAmount();

    /// @dev A swap that asks for at least a whole reserve.
    error PairInsufficientLiquidity(
        uint256 amount0Out,
        uint256 amount1Out,
        uint112 reserve0,
        uint112 reserve1
    );

    /// @dev A swap that sends output to one of the pair's own tokens.
    error PairInvalidRecipient(address to);

    /// @dev A swap into which nothing was paid.
    error PairInsufficientInputAmount();

    /// @dev A swap that would lower the fee-adjusted product of the reserves.
    /// Both sides are scaled by 1000**2.
    error PairInvariantViolated(uint256 kBefore, uint256 kAfter);

    /// @dev A balance above 2**112 - 1 cannot be stored as a reserve.
    error PairBalanceOverflow(uint256 balance0, uint256 balance1);

    /// @dev The deployer gave no token pair: pairs are created by {ICoopPairFactory-createPair}.
    error PairInvalidTokens(address token0, address token1);

    // ---------------------------------------------------------------- events

    /// @dev Shares were minted against `amount0` and `amount1` paid in.
    event Minted(address indexed sender, uint256 amount0, uint256 amount1, address indexed to);

    /// @dev Shares were burnt and `amount0` and `amount1` paid out to `to`.
    event Burned(address indexed sender, uint256 amount0, uint256 amount1, address indexed to);

    /// @dev A swap took `amount0In`/`amount1In` and paid `amount0Out`/`amount1Out` to `to`.
    event Swapped(
        address indexed sender,
        uint256 amount0In,
        uint256 amount1In,
        uint256 amount0Out,
        uint256 amount1Out,
        address indexed to
    );

    /// @dev The reserves were set to these values (after every state-changing call).
    event Synced(uint112 reserve0, uint112 reserve1);

    // ---------------------------------------------------------------- views

    /// @notice Shares locked forever at the first deposit.
    function MINIMUM_LIQUIDITY() external view returns (uint256);

    /// @notice The factory that created this pair.
    function factory() external view returns (address);

    /// @notice The token with the lower address.
    function token0() external view returns (address);

    /// @notice The token with the higher address.
    function token1() external view returns (address);

    /// @notice The reserves as of the end of the last call, and the block timestamp (mod 2**32)
    /// at which they were last written.
    /// @dev Reverts with `ReentrancyGuardReentrantCall` while a pair call is in progress, so that
    /// no integrator can read half-updated reserves from inside a callback.
    function getReserves()
        external
        view
        returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);

    /// @notice Sum over time of the price of token0 in token1 (UQ112x112 times seconds), as of
    /// the last write of the reserves.
    function price0CumulativeLast() external view returns (uint256);

    /// @notice Sum over time of the price of token1 in token0 (UQ112x112 times seconds), as of
    /// the last write of the reserves.
    function price1CumulativeLast() external view returns (uint256);

    /// @notice The cumulative prices extended to the current block timestamp without a write,
    /// using the reserves held since the last write (never a price set in this block).
    function currentCumulativePrices()
        external
        view
        returns (uint256 price0Cumulative, uint256 price1Cumulative, uint32 blockTimestamp);

    // ---------------------------------------------------------------- actions

    /// @notice Mints shares to `to` for the tokens paid in since the last call.
    function mint(address to) external returns (uint256 liquidity);

    /// @notice Burns the shares sent to the pair and pays both tokens out to `to`.
    function burn(address to) external returns (uint256 amount0, uint256 amount1);

    /// @notice Pays out `amount0Out` and `amount1Out` to `to`, optionally calls
    /// {ICoopCallee-coopCall} on `to`, then requires that enough was paid in.
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;

    /// @notice Sends to `to` whatever the balances hold above the reserves.
    function skim(address to) external;

    /// @notice Sets the reserves to the balances.
    function sync() external;
}
