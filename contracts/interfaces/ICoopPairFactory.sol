// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICoopPairFactory
/// @notice Creates one {ICoopPair} per unordered token pair at a CREATE2 address that depends only
/// on the factory, the two tokens and the pair's creation code.
interface ICoopPairFactory {
    // ---------------------------------------------------------------- errors

    /// @dev Both tokens of a pair are the same.
    error FactoryIdenticalTokens(address token);

    /// @dev A token is the zero address.
    error FactoryZeroAddress(address tokenA, address tokenB);

    /// @dev The pair of these tokens exists already.
    error FactoryPairExists(address token0, address token1, address pair);

    // ---------------------------------------------------------------- events

    /// @dev A pair was created; `index` is its position in {allPairs}.
    event PairCreated(address indexed token0, address indexed token1, address pair, uint256 index);

    // ---------------------------------------------------------------- functions

    /// @notice Creates the pair of `tokenA` and `tokenB`, in either order.
    function createPair(address tokenA, address tokenB) external returns (address pair);

    /// @notice The pair of `tokenA` and `tokenB` (either order), created first if it does not
    /// exist: a deployment that needs the pair cannot be blocked by someone creating it first.
    function getOrCreatePair(address tokenA, address tokenB) external returns (address pair);

    /// @notice The pair of `tokenA` and `tokenB` (either order), or zero if not created.
    function getPair(address tokenA, address tokenB) external view returns (address pair);

    /// @notice The `index`-th pair created.
    function allPairs(uint256 index) external view returns (address pair);

    /// @notice How many pairs exist.
    function allPairsLength() external view returns (uint256);

    /// @notice keccak256 of the pair's creation code, the last input of its CREATE2 address.
    function pairInitCodeHash() external view returns (bytes32);

    /// @notice Where the pair of `tokenA` and `tokenB` is or will be, created or not.
    function pairFor(address tokenA, address tokenB) external view returns (address pair);

    /// @notice The tokens of the pair being created, read once by the pair's constructor.
    /// @dev Zero outside of {createPair}.
    function pendingTokens() external view returns (address token0, address token1);
}
