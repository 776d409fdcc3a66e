// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IWorkHours} from "./IWorkHours.sol";
import {ICoopRouter} from "./ICoopRouter.sol";
import {ITwapOracle} from "./ITwapOracle.sol";

/// @title IRedemptionTreasury
/// @notice The cooperative's common funds and internal exchange point. It holds one reserve asset
/// (native RBTC or one ERC20), splits every inflow 75% / 25% between the subsistence and commons
/// pools, redeems earned `WorkHours` from the pool of their category, runs capital sales, and
/// defends a price band around the `WorkHours` market through a TWAP of the DEX pool.
/// @dev Units: amounts of hours are `WorkHours` base units (1e18 = one hour). Amounts of reserve
/// are the reserve's base units (wei for RBTC). Prices and the redemption rate are reserve base
/// units per whole hour (1e18 `WorkHours`). Fees and slippage are basis points (10_000 = 100%).
interface IRedemptionTreasury {
    /// @notice Where an inflow came from.
    enum Inflow {
        Revenue,
        Sale,
        Band,
        Surplus
    }

    /// @notice The current (or last) capital sale. `id` is zero before the first sale.
    struct SaleState {
        uint48 id;
        uint128 price;
        uint128 cap;
        uint128 accountCap;
        uint128 sold;
        uint40 start;
        uint40 end;
        bool active;
    }

    /// @notice The price band parameters that governance sets. `oracle == address(0)` disables
    /// the band. Prices are reserve per hour, as read from `oracle.consult(workHours, 1e18)`.
    struct BandParams {
        ITwapOracle oracle;
        ICoopRouter router;
        uint128 floor;
        uint128 ceiling;
        uint96 buybackBudget;
        uint96 emissionCap;
        uint32 periodLength;
        uint16 maxSlippage;
    }

    /// @notice The band parameters, the token it trades against (the reserve, or WRBTC for an
    /// RBTC reserve), the oracle's TWAP window, and what the current period has used.
    struct BandState {
        BandParams params;
        address quoteToken;
        uint32 window;
        uint64 period;
        uint96 spent;
        uint96 minted;
    }

    // ─── Errors ──────────────────────────────────────────────────────────────────────────────

    /// @notice The constructor got an unusable token or reserve address.
    error TreasuryInvalidSetup(address workHours, address reserve, address admin);

    /// @notice An amount of zero was given where a positive amount is needed.
    error TreasuryZeroAmount();

    /// @notice The native value sent does not match what the call needs.
    error TreasuryWrongPayment(uint256 expected, uint256 paid);

    /// @notice Native RBTC was sent to a treasury whose reserve is an ERC20.
    error TreasuryNativeNotAccepted(address from, uint256 value);

    /// @notice There is no reserve beyond the pools to book as an inflow.
    error TreasuryNoSurplus(uint256 balance, uint256 pools);

    /// @notice Redemption is closed: the rate is zero.
    error TreasuryRedemptionClosed();

    /// @notice `account` has earned only `credit` hours of `category` and asked to redeem `needed`.
    error TreasuryInsufficientCredit(
        address account,
        IWorkHours.Category category,
        uint256 credit,
        uint256 needed
    );

    /// @notice `account` holds only `balance` hours and asked to redeem `needed`.
    error TreasuryInsufficientBalance(address account, uint256 balance, uint256 needed);

    /// @notice The pool of `category` holds only `pool` and the payout needs `needed`.
    error TreasuryInsufficientPool(IWorkHours.Category category, uint256 pool, uint256 needed);

    /// @notice The payout is below the minimum the caller accepts.
    error TreasuryPayoutBelowMinimum(uint256 payout, uint256 minOut);

    /// @notice Fee parameters out of range: `minFee <= maxFee <= 10_000` is required.
    error TreasuryInvalidFees(uint256 maxFee, uint256 minFee);

    /// @notice A sale needs a positive price.
    error TreasuryInvalidSalePrice(uint256 price);

    /// @notice A sale needs `0 < accountCap <= cap`.
    error TreasuryInvalidSaleCaps(uint256 cap, uint256 accountCap);

    /// @notice A sale needs `start < end` and an `end` in the future.
    error TreasuryInvalidSaleWindow(uint256 start, uint256 end);

    /// @notice No sale is running now.
    error TreasurySaleNotActive(uint256 id, uint256 start, uint256 end);

    /// @notice Buying `amount` more would exceed the sale's total cap.
    error TreasurySaleCapExceeded(uint256 sold, uint256 amount, uint256 cap);

    /// @notice Buying `amount` more would exceed `account`'s cap in this sale.
    error TreasuryAccountCapExceeded(
        address account,
        uint256 bought,
        uint256 amount,
        uint256 accountCap
    );

    /// @notice The purchase would cost more than the buyer accepts.
    error TreasuryCostAboveMaximum(uint256 cost, uint256 maxCost);

    /// @notice The price band is not configured.
    error TreasuryBandDisabled();

    /// @notice Band prices out of order: `floor < ceiling` is required.
    error TreasuryInvalidBandPrices(uint256 floor, uint256 ceiling);

    /// @notice The band needs a positive period length.
    error TreasuryInvalidBandPeriod(uint256 periodLength);

    /// @notice The band's slippage tolerance exceeds the maximum.
    error TreasuryInvalidSlippage(uint256 maxSlippage, uint256 limit);

    /// @notice The oracle's TWAP window is shorter than the minimum the treasury accepts.
    error TreasuryTwapWindowTooShort(uint256 window, uint256 minimum);

    /// @notice The oracle does not watch the router's pool of `WorkHours` against `quoteToken`.
    error TreasuryOraclePairMismatch(address oraclePair, address routerPair, address quoteToken);

    /// @notice The TWAP reports a zero price, which no trade bound can be derived from.
    error TreasuryZeroTwap();

    /// @notice The floor defence was called while the TWAP is not below the floor.
    error TreasuryFloorNotBreached(uint256 twap, uint256 floor);

    /// @notice The ceiling defence was called while the TWAP is not above the ceiling.
    error TreasuryCeilingNotBreached(uint256 twap, uint256 ceiling);

    /// @notice This period's buyback budget is spent.
    error TreasuryBuybackBudgetSpent(uint256 period, uint256 budget);

    /// @notice This period's emission cap is minted.
    error TreasuryEmissionCapReached(uint256 period, uint256 cap);

    /// @notice The pools are empty: there is no reserve to buy back with.
    error TreasuryNoReserve();

    /// @notice A band defence already traded in this block: one per block, so that no caller can
    /// chain several between two trades of their own.
    error TreasuryBandDefendedThisBlock(uint256 blockNumber);

    /// @notice The pool's spot price (reserve per hour) is so far from the TWAP that no trade
    /// would meet the slippage bound: the pool was moved, so the defence waits.
    error TreasurySpotFarFromTwap(uint256 spot, uint256 twap);

    /// @notice `union` does not hold `FEDERATION_ROLE` on this cooperative's hours: it is not the
    /// clearing union the cooperative voted to join.
    error TreasuryNotFederation(address union);

    // ─── Events ──────────────────────────────────────────────────────────────────────────────

    /// @notice `amount` of reserve came in from `from` and was split between the pools.
    event Deposited(
        address indexed from,
        Inflow indexed source,
        uint256 amount,
        uint256 subsistence,
        uint256 commons
    );

    /// @notice The cooperative paid `amount` of the reserve (`subsistence` + `commons` from its
    /// pools) through the clearing `union` to `creditor`'s treasury, settling `value` of its debit.
    event FederationSettled(
        address indexed union,
        address indexed creditor,
        uint256 amount,
        uint256 subsistence,
        uint256 commons,
        uint256 value
    );

    /// @notice `account` redeemed `amount` hours of `category` for `payout`; `fee` stayed in the
    /// pool.
    event Redeemed(
        address indexed account,
        IWorkHours.Category indexed category,
        uint256 amount,
        uint256 payout,
        uint256 fee
    );

    /// @notice Governance changed the redemption rate.
    event RateUpdated(uint256 oldRate, uint256 newRate);

    /// @notice Governance changed the fee schedule.
    event FeesUpdated(uint256 maxFee, uint256 minFee, uint256 holdPeriod);

    /// @notice Governance opened capital sale `id`.
    event SaleOpened(
        uint256 indexed id,
        uint256 price,
        uint256 cap,
        uint256 accountCap,
        uint256 start,
        uint256 end
    );

    /// @notice Governance closed capital sale `id` after `sold` hours.
    event SaleClosed(uint256 indexed id, uint256 sold);

    /// @notice `buyer` bought `amount` hours (without credit) for `cost` in sale `id`.
    event Purchased(address indexed buyer, uint256 indexed id, uint256 amount, uint256 cost);

    /// @notice Governance changed the price band.
    event BandUpdated(BandParams params);

    /// @notice The floor defence spent `spent` reserve to buy and burn `burned` hours.
    event FloorDefended(uint256 indexed period, uint256 twap, uint256 spent, uint256 burned);

    /// @notice The ceiling defence minted and sold `minted` hours for `proceeds` of reserve.
    event CeilingDefended(uint256 indexed period, uint256 twap, uint256 minted, uint256 proceeds);

    // ─── Views ───────────────────────────────────────────────────────────────────────────────

    /// @notice The token redeemed, sold and defended.
    function workHours() external view returns (IWorkHours);

    /// @notice The reserve asset: an ERC20, or `address(0)` for native RBTC.
    function reserveAsset() external view returns (address);

    /// @notice The reserve held for subsistence and for commons redemptions.
    function pools() external view returns (uint256 subsistence, uint256 commons);

    /// @notice Reserve paid per whole hour redeemed, before the fee.
    function rate() external view returns (uint256);

    /// @notice The holding-bonus fee schedule: the fee falls linearly from `maxFee` to `minFee`
    /// (basis points) over `holdPeriod` seconds after the holder's clock started.
    function feeParameters()
        external
        view
        returns (uint16 maxFee, uint16 minFee, uint32 holdPeriod);

    /// @notice The fee, in basis points, that a redemption by `account` would pay now.
    function feeOf(address account) external view returns (uint256 feeBps);

    /// @notice What redeeming `amount` hours would pay `account` now, the fee kept in the pool,
    /// and the fee rate. Does not check the credit, the balance or the pool.
    function quoteRedemption(
        address account,
        uint256 amount
    ) external view returns (uint256 payout, uint256 fee, uint256 feeBps);

    /// @notice The current (or last) capital sale.
    function sale() external view returns (SaleState memory);

    /// @notice Hours `account` bought in the current sale.
    function purchased(address account) external view returns (uint256);

    /// @notice The reserve that buying `amount` hours in the current sale costs (rounded up).
    function quotePurchase(uint256 amount) external view returns (uint256 cost);

    /// @notice The price band and what its current period has used.
    function band() external view returns (BandState memory);

    /// @notice The oracle's TWAP: reserve per hour. Reverts while the band is off or the oracle
    /// has not observed a full window.
    function bandPrice() external view returns (uint256 twap);

    // ─── Actions ─────────────────────────────────────────────────────────────────────────────

    /// @notice Deposits `amount` of reserve as revenue, split 75% subsistence / 25% commons.
    /// @dev RBTC: send exactly `amount` as value. ERC20: approve first; send no value.
    ///
    /// Requirements:
    /// - `amount` is positive and matches the value sent (RBTC) or is approved (ERC20).
    ///
    /// Emits a {Deposited} event.
    function deposit(uint256 amount) external payable;

    /// @notice Books reserve that reached the treasury outside {deposit} (a plain ERC20 transfer,
    /// a forced RBTC send) as revenue, split 75/25.
    /// @dev Requirements:
    /// - the reserve held exceeds the pools.
    ///
    /// Emits a {Deposited} event with source `Surplus`.
    function depositSurplus() external returns (uint256 amount);

    /// @notice Redeems `amount` of the caller's hours of `category` for reserve from that
    /// category's pool, paying `amount * rate * (1 - fee)`, rounded down.
    /// @dev Burns the tokens and consumes the same credit through `WorkHours.redeemBurn`, which
    /// also restarts the caller's holding clock.
    ///
    /// Requirements:
    /// - the rate is positive and `amount` is positive;
    /// - the caller has at least `amount` credit of `category` and `amount` tokens;
    /// - the pool of `category` covers the payout, and the payout is at least `minOut`.
    ///
    /// Emits a {Redeemed} event.
    function redeem(
        IWorkHours.Category category,
        uint256 amount,
        uint256 minOut
    ) external returns (uint256 payout);

    /// @notice Buys `amount` hours in the current capital sale. The hours carry no earned credit.
    /// @dev The cost `amount * price`, rounded up, is split 75/25 between the pools.
    ///
    /// Requirements:
    /// - a sale is running and neither its cap nor the caller's cap is exceeded;
    /// - the cost is at most `maxCost`; RBTC: the value sent equals the cost; ERC20: no value.
    ///
    /// Emits {Purchased} and {Deposited} events.
    function buy(uint256 amount, uint256 maxCost) external payable returns (uint256 cost);

    /// @notice When the TWAP is below the floor, spends up to the rest of this period's buyback
    /// budget to buy hours from the pool, and burns them. Anyone may call it.
    /// @dev The swap's minimum output is derived from the TWAP and `maxSlippage`, never from
    /// the spot price. The spending is taken from the pools in proportion to their sizes.
    ///
    /// Requirements:
    /// - the band is on, the TWAP is below the floor, and budget and reserve remain.
    ///
    /// Emits a {FloorDefended} event.
    function defendFloor() external returns (uint256 spent, uint256 burned);

    /// @notice When the TWAP is above the ceiling, mints the rest of this period's emission cap
    /// and sells it into the pool; the proceeds are split 75/25. Anyone may call it.
    /// @dev The swap's minimum output is derived from the TWAP and `maxSlippage`.
    ///
    /// Requirements:
    /// - the band is on, the TWAP is above the ceiling, and emission cap remains.
    ///
    /// Emits {CeilingDefended} and {Deposited} events.
    function defendCeiling() external returns (uint256 minted, uint256 proceeds);

    // ─── Governance ──────────────────────────────────────────────────────────────────────────

    /// @notice Pays `amount` of the reserve out of both pools (75% subsistence, 25% commons) to
    /// settle part of the cooperative's debit in the federation's clearing `union`, which passes
    /// it to `creditor`'s treasury as an inflow there.
    /// @dev Requirements: the caller has the governor role (the cooperative's own vote); `union`
    /// holds `FEDERATION_ROLE` on this cooperative's hours, else {TreasuryNotFederation}; both
    /// pools hold their part, else {TreasuryInsufficientPool}; the union accepts the settlement
    /// (see `IClearingUnion.settle`).
    ///
    /// Emits a {FederationSettled} event.
    /// @return value The value settled, in the federation's unit (1e18 = one hour).
    function settleFederation(
        address union,
        address creditor,
        uint256 amount
    ) external returns (uint256 value);

    /// @notice Sets the redemption rate (reserve per whole hour). Zero closes redemption.
    /// @dev Requirements: the caller has the governor role; `newRate` fits in 128 bits.
    ///
    /// Emits a {RateUpdated} event.
    function setRate(uint256 newRate) external;

    /// @notice Sets the holding-bonus fee schedule.
    /// @dev Requirements: the caller has the governor role; `minFee <= maxFee <= 10_000`.
    ///
    /// Emits a {FeesUpdated} event.
    function setFees(uint16 maxFee, uint16 minFee, uint32 holdPeriod) external;

    /// @notice Opens a new capital sale, replacing any current one.
    /// @dev Requirements: the caller has the governor role; `price > 0`;
    /// `0 < accountCap <= cap`; `start < end` and `end` in the future.
    ///
    /// Emits a {SaleOpened} event.
    function openSale(
        uint128 price,
        uint128 cap,
        uint128 accountCap,
        uint40 start,
        uint40 end
    ) external;

    /// @notice Ends the current capital sale now.
    /// @dev Requirements: the caller has the governor role; a sale is running.
    ///
    /// Emits a {SaleClosed} event.
    function closeSale() external;

    /// @notice Sets (or, with `oracle == address(0)`, switches off) the price band.
    /// @dev Requirements: the caller has the governor role; `floor < ceiling`; a positive
    /// period; slippage within the maximum; the oracle's window at least the minimum; the
    /// oracle watches the router's pool of `WorkHours` against the reserve (or WRBTC).
    ///
    /// Emits a {BandUpdated} event.
    function setBand(BandParams calldata params) external;
}
