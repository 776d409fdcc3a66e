// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICoopPairFactory} from "../interfaces/ICoopPairFactory.sol";
import {CoopPair} from "./CoopPair.sol";

/// @title CoopPairFactory
/// @notice Creates the one {CoopPair} of each unordered token pair, at a deterministic address.
/// @dev Permissionless and ownerless: it holds no parameter that governance could change (the
/// pairs take no protocol fee; all fees go to liquidity providers).
///
/// The pair's CREATE2 salt is `keccak256(abi.encode(token0, token1))` with `token0 < token1`,
/// and its creation code takes no constructor arguments: the pair reads its tokens back from
/// {pendingTokens}, which lives in transient storage for the duration of {createPair}. So the
/// address is `keccak256(0xff ++ factory ++ salt ++ pairInitCodeHash)[12:]` for every pair.
contract CoopPairFactory is ICoopPairFactory {
    // ---------------------------------------------------------------- storage

    bytes32 private immutable _pairInitCodeHash;

    /// @dev Keyed by the sorted tokens only: one write per pair, and lookups sort first.
    mapping(address token0 => mapping(address token1 => address pair)) private _pairs;
    address[] private _allPairs;

    // transient: set only while a pair's constructor runs, never costs a storage write
    address private transient _pendingToken0;
    address private transient _pendingToken1;

    // ---------------------------------------------------------------- constructor

    constructor() {
        _pairInitCodeHash = keccak256(type(CoopPair).creationCode);
    }

    // ---------------------------------------------------------------- external

    /// @inheritdoc ICoopPairFactory
    /// @dev Requirements:
    /// - the tokens differ and neither is the zero address;
    /// - the pair does not exist yet.
    ///
    /// Emits {PairCreated}.
    function createPair(address tokenA, address tokenB) external returns (address pair) {
        (address token0, address token1) = _sortTokens(tokenA, tokenB);
        address existing = _pairs[token0][token1];
        if (existing != address(0)) revert FactoryPairExists(token0, token1, existing);
        pair = _create(token0, token1);
    }

    /// @inheritdoc ICoopPairFactory
    /// @dev Requirements: the tokens differ and neither is the zero address.
    ///
    /// Emits {PairCreated} when it creates the pair.
    function getOrCreatePair(address tokenA, address tokenB) external returns (address pair) {
        (address token0, address token1) = _sortTokens(tokenA, tokenB);
        pair = _pairs[token0][token1];
        if (pair == address(0)) pair = _create(token0, token1);
    }

    /// @inheritdoc ICoopPairFactory
    function getPair(address tokenA, address tokenB) external view returns (address) {
        (address token0, address token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        return _pairs[token0][token1];
    }

    /// @inheritdoc ICoopPairFactory
    function allPairs(uint256 index) external view returns (address) {
        return _allPairs[index];
    }

    /// @inheritdoc ICoopPairFactory
    function allPairsLength() external view returns (uint256) {
        return _allPairs.length;
    }

    /// @inheritdoc ICoopPairFactory
    function pairInitCodeHash() external view returns (bytes32) {
        return _pairInitCodeHash;
    }

    /// @inheritdoc ICoopPairFactory
    /// @dev Requirements: the tokens differ and neither is the zero address.
    function pairFor(address tokenA, address tokenB) external view returns (address) {
        (address token0, address token1) = _sortTokens(tokenA, tokenB);
        bytes32 digest = keccak256(
            abi.encodePacked(bytes1(0xff), address(this), _salt(token0, token1), _pairInitCodeHash)
        );
        // truncation intended: an address is the low 20 bytes of the digest
        return address(uint160(uint256(digest)));
    }

    /// @inheritdoc ICoopPairFactory
    function pendingTokens() external view returns (address token0, address token1) {
        return (_pendingToken0, _pendingToken1);
    }

    // ---------------------------------------------------------------- internal

    /// @dev Deploys the pair of the sorted `token0` and `token1` and records it.
    function _create(address token0, address token1) private returns (address pair) {
        _pendingToken0 = token0;
        _pendingToken1 = token1;
        pair = address(new CoopPair{salt: _salt(token0, token1)}());
        _pendingToken0 = address(0);
        _pendingToken1 = address(0);

        _pairs[token0][token1] = pair;
        _allPairs.push(pair);
        emit PairCreated(token0, token1, pair, _allPairs.length - 1);
    }

    function _sortTokens(
        address tokenA,
        address tokenB
    ) private pure returns (address token0, address token1) {
        if (tokenA == tokenB) revert FactoryIdenticalTokens(tokenA);
        (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        if (token0 == address(0)) revert FactoryZeroAddress(tokenA, tokenB);
    }

    function _salt(address token0, address token1) private pure returns (bytes32) {
        return keccak256(abi.encode(token0, token1));
    }
}
