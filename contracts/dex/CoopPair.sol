// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {ICoopCallee} from "../interfaces/ICoopCallee.sol";
import {ICoopPair} from "../interfaces/ICoopPair.sol";
import {ICoopPairFactory} from "../interfaces/ICoopPairFactory.sol";

/// @title CoopPair
/// @notice A constant-product pool of two ERC20 tokens with a 0.3% swap fee. Liquidity
/// providers hold this contract's ERC20 shares; the fee stays in the pool and accrues to them.
/// @dev Created only by {CoopPairFactory}, which passes the tokens through
/// {ICoopPairFactory-pendingTokens} so that the creation code, and thus the CREATE2 address
/// formula, does not depend on them.
///
/// Invariants after every external call:
/// - the reserves equal the token balances (`skim` and `sync` restore this after a donation);
/// - `reserve0 * reserve1` never decreases across a swap (it grows by the fee);
/// - once the first deposit is made, `totalSupply() >= MINIMUM_LIQUIDITY` and both reserves
///   stay above zero.
///
/// Gas (RSK prices every rewrite of a slot at 5,000): both reserves and the timestamp share one
/// slot, each slot is written at most once per call, the tokens are immutables, and the lock
/// lives in transient storage.
contract CoopPair is ICoopPair, ERC20, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ---------------------------------------------------------------- constants

    /// @dev Shares locked forever at the first deposit, at a dead address (OZ's ERC20 refuses
    /// the zero address).
    ///
    /// Why 1000. In the first-depositor inflation attack, an attacker makes the first deposit
    /// with dust, so that the supply `S` is tiny, then donates tokens so that one share is worth
    /// more than a victim's coming deposit `D`: the victim's deposit then rounds down to zero
    /// shares, or loses up to one share's worth, and that value accrues to the share holders.
    /// Here `S >= MINIMUM_LIQUIDITY + a`, where `a` is the attacker's own shares, and the locked
    /// shares own `MINIMUM_LIQUIDITY / S` of everything donated, forever. To make one share worth
    /// `D` the attacker must raise the pool's value to `D * S`, of which it gives away at least
    /// `D * MINIMUM_LIQUIDITY` to the locked shares, while the most it can take from the victim
    /// is less than one share, `D`, of which it owns only `a / S`. With 1000 the attack costs
    /// more than 1000 times what it can gain. A deposit that would mint zero shares reverts
    /// ({PairInsufficientLiquidityMinted}), and the router's minimum amounts bound the rest.
    /// The price of the lock to an honest first depositor is 1000 units of the geometric mean of
    /// the two tokens' smallest units: 1e-15 of a whole token for 18-decimal tokens.
    uint256 public constant MINIMUM_LIQUIDITY = 1000;

    /// @dev Holder of the locked minimum liquidity. Nobody has its key.
    address private constant _DEAD = 0x000000000000000000000000000000000000dEaD;

    /// @dev Fee: the pair keeps `_FEE_NUMERATOR / _FEE_DENOMINATOR` (0.3%) of every input out of
    /// the constant-product check.
    uint256 private constant _FEE_NUMERATOR = 3;
    uint256 private constant _FEE_DENOMINATOR = 1000;

    // ---------------------------------------------------------------- storage

    address private immutable _factory;
    address private immutable _token0;
    address private immutable _token1;

    /// @dev `reserve0 | reserve1 << 112 | blockTimestampLast << 224`: one slot, read once and
    /// written once per call.
    uint256 private _reserves;

    /// @dev Sums of UQ112x112 prices times seconds; they wrap modulo 2**256 by design, since
    /// readers only take differences.
    uint256 private _price0CumulativeLast;
    uint256 private _price1CumulativeLast;

    // ---------------------------------------------------------------- constructor

    constructor() ERC20("Coop Pair Liquidity", "COOP-LP") {
        (address token0_, address token1_) = ICoopPairFactory(msg.sender).pendingTokens();
        if (token0_ == address(0) || token0_ >= token1_) revert PairInvalidTokens(token0_, token1_);
        _factory = msg.sender;
        _token0 = token0_;
        _token1 = token1_;
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ICoopPair
    function factory() external view returns (address) {
        return _factory;
    }

    /// @inheritdoc ICoopPair
    function token0() external view returns (address) {
        return _token0;
    }

    /// @inheritdoc ICoopPair
    function token1() external view returns (address) {
        return _token1;
    }

    /// @inheritdoc ICoopPair
    function getReserves()
        external
        view
        nonReentrantView
        returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)
    {
        return _loadReserves();
    }

    /// @inheritdoc ICoopPair
    function price0CumulativeLast() external view returns (uint256) {
        return _price0CumulativeLast;
    }

    /// @inheritdoc ICoopPair
    function price1CumulativeLast() external view returns (uint256) {
        return _price1CumulativeLast;
    }

    /// @inheritdoc ICoopPair
    function currentCumulativePrices()
        external
        view
        nonReentrantView
        returns (uint256 price0Cumulative, uint256 price1Cumulative, uint32 blockTimestamp)
    {
        (uint112 reserve0, uint112 reserve1, uint32 last) = _loadReserves();
        price0Cumulative = _price0CumulativeLast;
        price1Cumulative = _price1CumulativeLast;
        // truncation intended: timestamps are kept modulo 2**32 and subtracted with wrapping
        blockTimestamp = uint32(block.timestamp);
        unchecked {
            // wrapping intended: time elapsed modulo 2**32, cumulative sums modulo 2**256
            uint32 elapsed = blockTimestamp - last;
            if (elapsed != 0 && reserve0 != 0 && reserve1 != 0) {
                price0Cumulative += _uq112Ratio(reserve1, reserve0) * elapsed;
                price1Cumulative += _uq112Ratio(reserve0, reserve1) * elapsed;
            }
        }
    }

    // ---------------------------------------------------------------- actions

    /// @inheritdoc ICoopPair
    /// @dev The first deposit mints `sqrt(amount0 * amount1)` shares, of which
    /// {MINIMUM_LIQUIDITY} are locked; later deposits mint in proportion to the smaller of the
    /// two contributions, rounded down (an unbalanced deposit gifts its excess to the pool).
    ///
    /// Requirements:
    /// - the first deposit mints more than {MINIMUM_LIQUIDITY};
    /// - the deposit mints at least one share;
    /// - no balance exceeds 2**112 - 1.
    ///
    /// Emits {Minted}, {Synced} and {IERC20-Transfer}.
    function mint(address to) external nonReentrant returns (uint256 liquidity) {
        uint256 packed = _reserves;
        (uint112 reserve0, uint112 reserve1, ) = _unpack(packed);
        uint256 balance0 = IERC20(_token0).balanceOf(address(this));
        uint256 balance1 = IERC20(_token1).balanceOf(address(this));
        _checkBalances(balance0, balance1);
        uint256 amount0 = balance0 - reserve0;
        uint256 amount1 = balance1 - reserve1;

        uint256 supply = totalSupply();
        if (supply == 0) {
            // cannot overflow: both amounts are below 2**112 (checked above)
            liquidity = Math.sqrt(amount0 * amount1);
            if (liquidity <= MINIMUM_LIQUIDITY) {
                revert PairInsufficientInitialLiquidity(liquidity, MINIMUM_LIQUIDITY);
            }
            unchecked {
                // cannot underflow: liquidity > MINIMUM_LIQUIDITY just above
                liquidity -= MINIMUM_LIQUIDITY;
            }
            _mint(_DEAD, MINIMUM_LIQUIDITY);
        } else {
            // rounds down: against the depositor
            liquidity = Math.min((amount0 * supply) / reserve0, (amount1 * supply) / reserve1);
        }
        if (liquidity == 0) revert PairInsufficientLiquidityMinted(amount0, amount1);
        _mint(to, liquidity);

        _update(balance0, balance1, packed);
        emit Minted(msg.sender, amount0, amount1, to);
    }

    /// @inheritdoc ICoopPair
    /// @dev Pays out the burnt shares' part of the balances, rounded down (against the
    /// redeemer), so shares never redeem more than the pool holds.
    ///
    /// Requirements:
    /// - the shares sent in are worth at least one unit of each token.
    ///
    /// Emits {Burned}, {Synced} and {IERC20-Transfer}.
    function burn(address to) external nonReentrant returns (uint256 amount0, uint256 amount1) {
        uint256 packed = _reserves;
        (address token0_, address token1_) = (_token0, _token1);
        uint256 balance0 = IERC20(token0_).balanceOf(address(this));
        uint256 balance1 = IERC20(token1_).balanceOf(address(this));
        uint256 liquidity = balanceOf(address(this));

        uint256 supply = totalSupply();
        // rounds down: against the redeemer; liquidity <= supply, so each amount <= its balance
        amount0 = (liquidity * balance0) / supply;
        amount1 = (liquidity * balance1) / supply;
        if (amount0 == 0 || amount1 == 0) revert PairInsufficientLiquidityBurned(amount0, amount1);
        _burn(address(this), liquidity);

        IERC20(token0_).safeTransfer(to, amount0);
        IERC20(token1_).safeTransfer(to, amount1);
        // read back rather than subtract, so the reserves match whatever the tokens did
        balance0 = IERC20(token0_).balanceOf(address(this));
        balance1 = IERC20(token1_).balanceOf(address(this));

        _update(balance0, balance1, packed);
        emit Burned(msg.sender, amount0, amount1, to);
    }

    /// @inheritdoc ICoopPair
    /// @dev Pays out optimistically, so `to` may use the output before paying (a flash swap)
    /// when `data` is not empty. After the callback the balances must satisfy
    /// `(balance0 * 1000 - amount0In * 3) * (balance1 * 1000 - amount1In * 3)
    ///  >= reserve0 * reserve1 * 1000**2`: the product of the reserves, with 0.3% of every input
    /// left out, must not fall.
    ///
    /// Requirements:
    /// - some output is asked for, and less than each reserve;
    /// - `to` is not one of the pair's tokens;
    /// - enough is paid in, before the call or during the callback;
    /// - no balance exceeds 2**112 - 1.
    ///
    /// Emits {Swapped} and {Synced}.
    function swap(
        uint256 amount0Out,
        uint256 amount1Out,
        address to,
        bytes calldata data
    ) external nonReentrant {
        if (amount0Out == 0 && amount1Out == 0) revert PairInsufficientOutputAmount();
        // kept packed until needed: fewer stack slots, one SLOAD
        uint256 packed = _reserves;
        {
            (uint112 reserve0, uint112 reserve1, ) = _unpack(packed);
            if (amount0Out >= reserve0 || amount1Out >= reserve1) {
                revert PairInsufficientLiquidity(amount0Out, amount1Out, reserve0, reserve1);
            }
        }

        (uint256 balance0, uint256 balance1) = _payOut(amount0Out, amount1Out, to, data);
        (uint256 amount0In, uint256 amount1In) = _checkSwap(
            balance0,
            balance1,
            amount0Out,
            amount1Out,
            packed
        );

        _update(balance0, balance1, packed);
        emit Swapped(msg.sender, amount0In, amount1In, amount0Out, amount1Out, to);
    }

    /// @inheritdoc ICoopPair
    /// @dev Leaves the reserves as they are. Emits {IERC20-Transfer} from the tokens.
    function skim(address to) external nonReentrant {
        (uint112 reserve0, uint112 reserve1, ) = _loadReserves();
        (address token0_, address token1_) = (_token0, _token1);
        // cannot underflow unless a token lowered the pair's balance on its own (then it reverts)
        IERC20(token0_).safeTransfer(to, IERC20(token0_).balanceOf(address(this)) - reserve0);
        IERC20(token1_).safeTransfer(to, IERC20(token1_).balanceOf(address(this)) - reserve1);
    }

    /// @inheritdoc ICoopPair
    /// @dev Requirements: no balance exceeds 2**112 - 1. Emits {Synced}.
    function sync() external nonReentrant {
        _update(
            IERC20(_token0).balanceOf(address(this)),
            IERC20(_token1).balanceOf(address(this)),
            _reserves
        );
    }

    // ---------------------------------------------------------------- internal

    /// @dev Sends the outputs, runs the flash-swap callback if asked, and returns the balances.
    function _payOut(
        uint256 amount0Out,
        uint256 amount1Out,
        address to,
        bytes calldata data
    ) private returns (uint256 balance0, uint256 balance1) {
        (address token0_, address token1_) = (_token0, _token1);
        if (to == token0_ || to == token1_) revert PairInvalidRecipient(to);
        if (amount0Out != 0) IERC20(token0_).safeTransfer(to, amount0Out);
        if (amount1Out != 0) IERC20(token1_).safeTransfer(to, amount1Out);
        if (data.length != 0) ICoopCallee(to).coopCall(msg.sender, amount0Out, amount1Out, data);
        balance0 = IERC20(token0_).balanceOf(address(this));
        balance1 = IERC20(token1_).balanceOf(address(this));
    }

    /// @dev Measures what the swap paid in and reverts unless something was paid in and the
    /// fee-adjusted product of the balances is at least the product of the reserves, both
    /// scaled by 1000**2.
    function _checkSwap(
        uint256 balance0,
        uint256 balance1,
        uint256 amount0Out,
        uint256 amount1Out,
        uint256 packed
    ) private pure returns (uint256 amount0In, uint256 amount1In) {
        _checkBalances(balance0, balance1);
        (uint112 reserve0, uint112 reserve1, ) = _unpack(packed);
        unchecked {
            // cannot underflow: each output is below its reserve, and each subtraction is guarded
            uint256 left0 = reserve0 - amount0Out;
            uint256 left1 = reserve1 - amount1Out;
            amount0In = balance0 > left0 ? balance0 - left0 : 0;
            amount1In = balance1 > left1 ? balance1 - left1 : 0;
        }
        if (amount0In == 0 && amount1In == 0) revert PairInsufficientInputAmount();

        uint256 kBefore;
        uint256 kAfter;
        unchecked {
            // cannot overflow or underflow: balances < 2**112 (checked) so each adjusted balance
            // is < 2**122 and each product < 2**244; amountIn <= balance so 3 * amountIn
            // <= 1000 * balance
            uint256 adjusted0 = balance0 * _FEE_DENOMINATOR - amount0In * _FEE_NUMERATOR;
            uint256 adjusted1 = balance1 * _FEE_DENOMINATOR - amount1In * _FEE_NUMERATOR;
            kAfter = adjusted0 * adjusted1;
            kBefore = uint256(reserve0) * reserve1 * (_FEE_DENOMINATOR * _FEE_DENOMINATOR);
        }
        if (kAfter < kBefore) revert PairInvariantViolated(kBefore, kAfter);
    }

    /// @dev Writes the balances as the new reserves, in one slot, after adding the time since
    /// the last write, priced at the old reserves, to the cumulative prices. A price set in
    /// this block therefore weighs nothing until a later block.
    function _update(uint256 balance0, uint256 balance1, uint256 packed) private {
        _checkBalances(balance0, balance1);
        (uint112 reserve0, uint112 reserve1, uint32 last) = _unpack(packed);
        // truncation intended: timestamps are kept modulo 2**32 and subtracted with wrapping
        uint32 timestamp = uint32(block.timestamp);
        unchecked {
            // wrapping intended: time elapsed modulo 2**32, cumulative sums modulo 2**256
            uint32 elapsed = timestamp - last;
            if (elapsed != 0 && reserve0 != 0 && reserve1 != 0) {
                _price0CumulativeLast += _uq112Ratio(reserve1, reserve0) * elapsed;
                _price1CumulativeLast += _uq112Ratio(reserve0, reserve1) * elapsed;
            }
        }
        // one SSTORE for both reserves and the timestamp
        _reserves = balance0 | (balance1 << 112) | (uint256(timestamp) << 224);
        emit Synced(uint112(balance0), uint112(balance1));
    }

    /// @dev One SLOAD for both reserves and the timestamp.
    function _loadReserves()
        private
        view
        returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)
    {
        return _unpack(_reserves);
    }

    function _unpack(
        uint256 packed
    ) private pure returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast) {
        // truncation intended: unpacking the fields of the packed slot
        reserve0 = uint112(packed);
        reserve1 = uint112(packed >> 112);
        blockTimestampLast = uint32(packed >> 224);
    }

    function _checkBalances(uint256 balance0, uint256 balance1) private pure {
        if (balance0 > type(uint112).max || balance1 > type(uint112).max) {
            revert PairBalanceOverflow(balance0, balance1);
        }
    }

    /// @dev `numerator / denominator` in UQ112x112 (scaled by 2**112), rounded down.
    /// Cannot overflow: `numerator << 112 < 2**224`; the caller ensures `denominator != 0`.
    function _uq112Ratio(uint112 numerator, uint112 denominator) private pure returns (uint256) {
        return (uint256(numerator) << 112) / denominator;
    }
}
