// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IClearingUnion} from "../interfaces/IClearingUnion.sol";
import {ICoopPairFactory} from "../interfaces/ICoopPairFactory.sol";
import {ICoopRouter} from "../interfaces/ICoopRouter.sol";
import {IRedemptionTreasury} from "../interfaces/IRedemptionTreasury.sol";
import {ITwapOracle} from "../interfaces/ITwapOracle.sol";
import {IWorkHours} from "../interfaces/IWorkHours.sol";
import {IWRBTC} from "../interfaces/IWRBTC.sol";

/// @title RedemptionTreasury
/// @notice The cooperative's common funds: one reserve asset (native RBTC or one ERC20) kept in a
/// subsistence pool and a commons pool. Every inflow is split 75% / 25% between them. Members
/// redeem the hours they earned from the pool of the work's category; governance runs capital
/// sales and a price band that defends a floor and a ceiling through a TWAP of the DEX pool.
/// @dev Invariants that every path (and every subclass) must keep:
/// - the reserve held is at least `subsistence + commons`: every inflow is booked into the pools
///   by {_bookInflow} only after it arrived, and every outflow leaves a pool before it is paid;
/// - every hour redeemed burns one hour of tokens and one hour of the caller's credit, through
///   `WorkHours.redeemBurn`, in the same call that pays it;
/// - each external call writes each storage slot at most once (on RSK a rewrite costs 5,000
///   gas): the pools share one slot, the redemption parameters one, the band's usage one.
///
/// Roles: `DEFAULT_ADMIN_ROLE` administers the roles; {GOVERNOR_ROLE} sets every parameter. Both
/// belong to the timelock. The treasury itself needs `WorkHours`'s redeemer role (for
/// {redeem}) and capital role (for {buy} and {defendCeiling}).
contract RedemptionTreasury is IRedemptionTreasury, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    // ─── Constants ───────────────────────────────────────────────────────────────────────────

    /// @notice The role that sets the rate, the fees, the sales and the band: the timelock.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");

    /// @notice The denominator of fees, slippage and the pool split.
    uint256 public constant BPS = 10_000;

    /// @notice The subsistence pool's share of every inflow; commons gets the rest.
    uint256 public constant SUBSISTENCE_SHARE = 7_500;

    /// @notice The most slippage from the TWAP that a band trade may be allowed.
    uint256 public constant MAX_SLIPPAGE = 2_000;

    /// @notice The shortest TWAP window the band accepts: 30 minutes, about 60 RSK blocks.
    uint256 public constant MIN_TWAP_WINDOW = 30 minutes;

    /// @notice The most a band defence trades in one call, in basis points of the pool's reserve
    /// of the token it sells into the pool: 0.25%, so one trade moves the spot price by at most
    /// about 0.5%, less than the 0.6% that a round trip through the pool's 0.3% fee costs. A
    /// caller who moves the price before the defence and back after it pays more in fees than
    /// the defence's trade can give back, whatever the size of the move. See docs/treasury.md.
    uint256 public constant BAND_TRANCHE = 25;

    /// @dev The role on `WorkHours` that the cooperative's vote to join grants the clearing union.
    bytes32 private constant _FEDERATION_ROLE = keccak256("FEDERATION_ROLE");

    /// @dev One whole hour of `WorkHours`.
    uint256 private constant _HOUR = 1e18;

    /// @dev What the pool keeps of an input (0.3% fee), as in `CoopRouter.getAmountOut`.
    uint256 private constant _POOL_FEE_FACTOR = 997;
    uint256 private constant _POOL_FEE_DENOMINATOR = 1000;

    // ─── Storage ─────────────────────────────────────────────────────────────────────────────

    /// @dev Both pools in one slot: an inflow or a redemption writes it once.
    struct Pools {
        uint128 subsistence;
        uint128 commons;
    }

    /// @dev Everything {redeem} reads, in one slot.
    struct RedemptionConfig {
        uint128 rate;
        uint16 maxFee;
        uint16 minFee;
        uint32 holdPeriod;
    }

    /// @dev The sale's read-only terms (one slot) ...
    struct SaleTerms {
        uint128 price;
        uint128 cap;
    }

    /// @dev ... and the slot {buy} writes: `sold` next to what it reads with it.
    struct SaleProgress {
        uint128 sold;
        uint40 start;
        uint40 end;
        uint48 id;
    }

    /// @dev What an account bought, tagged with the sale, so a new sale needs no reset loop.
    struct Purchase {
        uint48 saleId;
        uint208 amount;
    }

    /// @dev The band's parameters in four slots, each full.
    struct Band {
        ITwapOracle oracle;
        uint32 periodLength;
        uint16 maxSlippage;
        ICoopRouter router;
        uint96 buybackBudget;
        address wrbtc;
        uint96 emissionCap;
        uint128 floor;
        uint128 ceiling;
    }

    /// @dev What the band used in `period`, and the block of the last defence: the one slot a
    /// defence writes besides the pools. 32 bits hold a period index and a block number for
    /// longer than the contract will live (a one-second period until 2106).
    struct BandUsage {
        uint32 period;
        uint32 lastBlock;
        uint96 spent;
        uint96 minted;
    }

    IWorkHours private immutable _workHours;
    address private immutable _reserve;

    Pools private _pools;
    RedemptionConfig private _redemption;
    SaleTerms private _saleTerms;
    SaleProgress private _saleProgress;
    uint128 private _saleAccountCap;
    mapping(address account => Purchase) private _purchases;
    Band private _band;
    BandUsage private _bandUsage;

    // ─── Modifiers ───────────────────────────────────────────────────────────────────────────

    modifier onlyGovernor() {
        _checkRole(GOVERNOR_ROLE);
        _;
    }

    // ─── Constructor ─────────────────────────────────────────────────────────────────────────

    /// @param workHours_ The `WorkHours` token.
    /// @param reserve_ The reserve ERC20, or `address(0)` for native RBTC.
    /// @param admin The timelock: gets `DEFAULT_ADMIN_ROLE` and {GOVERNOR_ROLE}.
    /// @param rate_ The initial redemption rate (reserve per whole hour).
    /// @param maxFee The initial fee for a holder whose clock just started (basis points).
    /// @param minFee The initial fee after a full hold period (basis points).
    /// @param holdPeriod The initial hold period, in seconds.
    constructor(
        IWorkHours workHours_,
        address reserve_,
        address admin,
        uint128 rate_,
        uint16 maxFee,
        uint16 minFee,
        uint32 holdPeriod
    ) {
        if (
            address(workHours_) == address(0) ||
            reserve_ == address(workHours_) ||
            admin == address(0)
        ) {
            revert TreasuryInvalidSetup(address(workHours_), reserve_, admin);
        }
        _workHours = workHours_;
        _reserve = reserve_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _setRate(rate_);
        _setFees(maxFee, minFee, holdPeriod);
    }

    /// @notice Native RBTC sent to the treasury: from WRBTC it is the unwrapped proceeds of a
    /// ceiling defence (booked by {defendCeiling}); from anyone else it is a revenue deposit.
    /// @dev Requirements: the reserve is RBTC.
    ///
    /// Emits a {Deposited} event, except for WRBTC's payments.
    // WRBTC's unwrap must be told apart from revenue, hence the branch.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        // _band.wrbtc is zero unless the reserve is RBTC and the band is on; no sender is zero.
        if (msg.sender == _band.wrbtc) return;
        _depositNative();
    }

    // ─── Views ───────────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IRedemptionTreasury
    function workHours() external view returns (IWorkHours) {
        return _workHours;
    }

    /// @inheritdoc IRedemptionTreasury
    function reserveAsset() external view returns (address) {
        return _reserve;
    }

    /// @inheritdoc IRedemptionTreasury
    function pools() external view returns (uint256 subsistence, uint256 commons) {
        Pools memory p = _pools;
        return (p.subsistence, p.commons);
    }

    /// @inheritdoc IRedemptionTreasury
    function rate() external view returns (uint256) {
        return _redemption.rate;
    }

    /// @inheritdoc IRedemptionTreasury
    function feeParameters()
        external
        view
        returns (uint16 maxFee, uint16 minFee, uint32 holdPeriod)
    {
        RedemptionConfig memory c = _redemption;
        return (c.maxFee, c.minFee, c.holdPeriod);
    }

    /// @inheritdoc IRedemptionTreasury
    function feeOf(address account) external view returns (uint256 feeBps) {
        return _feeOf(account, _redemption);
    }

    /// @inheritdoc IRedemptionTreasury
    function quoteRedemption(
        address account,
        uint256 amount
    ) external view returns (uint256 payout, uint256 fee, uint256 feeBps) {
        RedemptionConfig memory c = _redemption;
        feeBps = _feeOf(account, c);
        payout = _payout(amount, c.rate, feeBps);
        fee = Math.mulDiv(amount, c.rate, _HOUR) - payout;
    }

    /// @inheritdoc IRedemptionTreasury
    function sale() external view returns (SaleState memory) {
        SaleTerms memory t = _saleTerms;
        SaleProgress memory p = _saleProgress;
        return
            SaleState({
                id: p.id,
                price: t.price,
                cap: t.cap,
                accountCap: _saleAccountCap,
                sold: p.sold,
                start: p.start,
                end: p.end,
                active: _saleActive(p) && p.sold < t.cap
            });
    }

    /// @inheritdoc IRedemptionTreasury
    function purchased(address account) external view returns (uint256) {
        Purchase memory mine = _purchases[account];
        return mine.saleId == _saleProgress.id ? mine.amount : 0;
    }

    /// @inheritdoc IRedemptionTreasury
    function quotePurchase(uint256 amount) external view returns (uint256 cost) {
        return _cost(amount, _saleTerms.price);
    }

    /// @inheritdoc IRedemptionTreasury
    function band() external view returns (BandState memory state) {
        Band memory b = _band;
        state.params = BandParams({
            oracle: b.oracle,
            router: b.router,
            floor: b.floor,
            ceiling: b.ceiling,
            buybackBudget: b.buybackBudget,
            emissionCap: b.emissionCap,
            periodLength: b.periodLength,
            maxSlippage: b.maxSlippage
        });
        if (address(b.oracle) == address(0)) return state;
        state.quoteToken = _quoteToken(b);
        state.window = b.oracle.window();
        BandUsage memory u = _currentUsage(b.periodLength);
        (state.period, state.spent, state.minted) = (u.period, u.spent, u.minted);
    }

    /// @inheritdoc IRedemptionTreasury
    function bandPrice() external view returns (uint256 twap) {
        ITwapOracle oracle = _band.oracle;
        if (address(oracle) == address(0)) revert TreasuryBandDisabled();
        return oracle.consult(address(_workHours), _HOUR);
    }

    // ─── Actions ─────────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IRedemptionTreasury
    function deposit(uint256 amount) external payable nonReentrant {
        if (amount == 0) revert TreasuryZeroAmount();
        uint256 received;
        if (_reserve == address(0)) {
            if (msg.value != amount) revert TreasuryWrongPayment(amount, msg.value);
            received = amount;
        } else {
            if (msg.value != 0) revert TreasuryWrongPayment(0, msg.value);
            received = _pull(msg.sender, amount);
        }
        _bookInflow(msg.sender, Inflow.Revenue, received);
    }

    /// @inheritdoc IRedemptionTreasury
    function depositSurplus() external nonReentrant returns (uint256 amount) {
        Pools memory p = _pools;
        uint256 booked = uint256(p.subsistence) + p.commons;
        uint256 held = _reserveBalance();
        if (held <= booked) revert TreasuryNoSurplus(held, booked);
        // cannot underflow: checked just above
        unchecked {
            amount = held - booked;
        }
        _bookInflow(msg.sender, Inflow.Surplus, amount);
    }

    /// @inheritdoc IRedemptionTreasury
    function redeem(
        IWorkHours.Category category,
        uint256 amount,
        uint256 minOut
    ) external nonReentrant returns (uint256 payout) {
        RedemptionConfig memory c = _redemption;
        if (c.rate == 0) revert TreasuryRedemptionClosed();
        if (amount == 0) revert TreasuryZeroAmount();

        // Checks: credit, balance, pool and the caller's bound, each with its figures.
        uint256 credit = _workHours.earnedCredit(msg.sender, category);
        if (credit < amount)
            revert TreasuryInsufficientCredit(msg.sender, category, credit, amount);
        uint256 balance = _workHours.balanceOf(msg.sender);
        if (balance < amount) revert TreasuryInsufficientBalance(msg.sender, balance, amount);

        uint256 feeBps = _feeOf(msg.sender, c);
        payout = _payout(amount, c.rate, feeBps);
        Pools memory p = _pools;
        uint256 pool = category == IWorkHours.Category.Subsistence ? p.subsistence : p.commons;
        if (pool < payout) revert TreasuryInsufficientPool(category, pool, payout);
        if (payout < minOut) revert TreasuryPayoutBelowMinimum(payout, minOut);

        // Effects: the fee (gross - payout) never leaves the pool.
        // cannot underflow: payout <= pool, checked above; payout < 2**128 as pool is a uint128
        unchecked {
            if (category == IWorkHours.Category.Subsistence) {
                p.subsistence = uint128(pool - payout);
            } else {
                p.commons = uint128(pool - payout);
            }
        }
        _pools = p;
        emit Redeemed(
            msg.sender,
            category,
            amount,
            payout,
            Math.mulDiv(amount, c.rate, _HOUR) - payout
        );

        // Interactions: burn tokens and credit, then pay.
        _workHours.redeemBurn(msg.sender, category, amount);
        _push(msg.sender, payout);
    }

    /// @inheritdoc IRedemptionTreasury
    function buy(
        uint256 amount,
        uint256 maxCost
    ) external payable nonReentrant returns (uint256 cost) {
        if (amount == 0) revert TreasuryZeroAmount();
        SaleTerms memory t = _saleTerms;
        SaleProgress memory p = _saleProgress;
        if (!_saleActive(p)) revert TreasurySaleNotActive(p.id, p.start, p.end);
        if (amount > t.cap - p.sold) revert TreasurySaleCapExceeded(p.sold, amount, t.cap);

        Purchase memory mine = _purchases[msg.sender];
        uint256 bought = mine.saleId == p.id ? mine.amount : 0;
        uint256 accountCap = _saleAccountCap;
        if (amount > accountCap - bought) {
            revert TreasuryAccountCapExceeded(msg.sender, bought, amount, accountCap);
        }
        cost = _cost(amount, t.price);
        if (cost > maxCost) revert TreasuryCostAboveMaximum(cost, maxCost);
        if (msg.value != (_reserve == address(0) ? cost : 0)) {
            revert TreasuryWrongPayment(_reserve == address(0) ? cost : 0, msg.value);
        }

        // Effects. cannot overflow: amount <= cap - sold and <= accountCap - bought, both < 2**128
        unchecked {
            p.sold += uint128(amount);
            _purchases[msg.sender] = Purchase(p.id, uint208(bought + amount));
        }
        _saleProgress = p;
        emit Purchased(msg.sender, p.id, amount, cost);

        // Interactions: take the payment, book it, mint the hours without credit.
        uint256 received = _reserve == address(0) ? cost : _pull(msg.sender, cost);
        _bookInflow(msg.sender, Inflow.Sale, received);
        _workHours.mintCapital(msg.sender, amount);
    }

    /// @inheritdoc IRedemptionTreasury
    function defendFloor() external nonReentrant returns (uint256 spent, uint256 burned) {
        Band memory b = _band;
        uint256 twap = _refreshTwap(b);
        if (twap >= b.floor) revert TreasuryFloorNotBreached(twap, b.floor);

        BandUsage memory u = _useBand(b.periodLength);
        if (u.spent >= b.buybackBudget)
            revert TreasuryBuybackBudgetSpent(u.period, b.buybackBudget);
        Pools memory p = _pools;
        uint256 held = uint256(p.subsistence) + p.commons;
        if (held == 0) revert TreasuryNoReserve();

        // The trade: the rest of the budget, within what the treasury holds, one tranche of the
        // pool, and what the pool can take at a price within the TWAP-derived bound.
        address quote = _quoteToken(b);
        (uint256 reserveQuote, uint256 reserveHours) = b.router.getReserves(
            quote,
            address(_workHours)
        );
        // cannot underflow: spent < budget checked above
        unchecked {
            spent = Math.min(b.buybackBudget - u.spent, held);
        }
        spent = Math.min(spent, _trancheAndBound(reserveQuote, reserveHours, twap, b, true));

        // Effects: take the spending from the pools pro rata, the commons part by subtraction.
        uint256 fromSubsistence = Math.mulDiv(spent, p.subsistence, held);
        // cannot underflow: fromSubsistence <= spent; the commons part <= commons as spent <= held
        unchecked {
            p.subsistence -= uint128(fromSubsistence);
            p.commons -= uint128(spent - fromSubsistence);
            u.spent += uint96(spent);
        }
        _pools = p;
        _bandUsage = u;

        // Interactions: buy through the router with a TWAP-derived bound, then burn.
        if (quote == b.wrbtc) IWRBTC(quote).deposit{value: spent}();
        uint256 minOut = Math.mulDiv(spent, _HOUR * (BPS - b.maxSlippage), twap * BPS);
        burned = _swap(b.router, quote, address(_workHours), spent, minOut);
        _workHours.burn(burned);
        emit FloorDefended(u.period, twap, spent, burned);
    }

    /// @inheritdoc IRedemptionTreasury
    function defendCeiling() external nonReentrant returns (uint256 minted, uint256 proceeds) {
        Band memory b = _band;
        uint256 twap = _refreshTwap(b);
        if (twap <= b.ceiling) revert TreasuryCeilingNotBreached(twap, b.ceiling);

        BandUsage memory u = _useBand(b.periodLength);
        if (u.minted >= b.emissionCap) revert TreasuryEmissionCapReached(u.period, b.emissionCap);
        address quote = _quoteToken(b);
        (uint256 reserveHours, uint256 reserveQuote) = b.router.getReserves(
            address(_workHours),
            quote
        );
        // cannot underflow: minted < cap checked above
        unchecked {
            minted = b.emissionCap - u.minted;
        }
        minted = Math.min(minted, _trancheAndBound(reserveHours, reserveQuote, twap, b, false));
        // cannot overflow: minted <= cap - u.minted
        unchecked {
            u.minted += uint96(minted);
        }
        _bandUsage = u;

        // Interactions: mint without credit, sell with a TWAP-derived bound, book what arrived.
        uint256 minOut = Math.mulDiv(minted, twap * (BPS - b.maxSlippage), _HOUR * BPS);
        _workHours.mintCapital(address(this), minted);
        proceeds = _swap(b.router, address(_workHours), quote, minted, minOut);
        if (quote == b.wrbtc) IWRBTC(quote).withdraw(proceeds);
        emit CeilingDefended(u.period, twap, minted, proceeds);
        _bookInflow(address(this), Inflow.Band, proceeds);
    }

    // ─── Governance ──────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IRedemptionTreasury
    /// @dev The outflow leaves both pools before it is paid, split as every inflow is (the
    /// commons part by subtraction). The union is the one the cooperative voted to join: it holds
    /// `FEDERATION_ROLE` on the cooperative's hours, and checks the debit and the creditor.
    function settleFederation(
        address union,
        address creditor,
        uint256 amount
    ) external onlyGovernor nonReentrant returns (uint256 value) {
        if (amount == 0) revert TreasuryZeroAmount();
        if (!IAccessControl(address(_workHours)).hasRole(_FEDERATION_ROLE, union)) {
            revert TreasuryNotFederation(union);
        }
        uint256 subsistence = Math.mulDiv(amount, SUBSISTENCE_SHARE, BPS);
        uint256 commons = amount - subsistence;
        Pools memory p = _pools;
        if (p.subsistence < subsistence) {
            revert TreasuryInsufficientPool(
                IWorkHours.Category.Subsistence,
                p.subsistence,
                subsistence
            );
        }
        if (p.commons < commons) {
            revert TreasuryInsufficientPool(IWorkHours.Category.Commons, p.commons, commons);
        }
        // cannot underflow: checked just above
        unchecked {
            _pools = Pools({
                subsistence: p.subsistence - uint128(subsistence),
                commons: p.commons - uint128(commons)
            });
        }
        if (_reserve == address(0)) {
            value = IClearingUnion(union).settle{value: amount}(
                address(_workHours),
                creditor,
                amount
            );
        } else {
            IERC20(_reserve).forceApprove(union, amount);
            value = IClearingUnion(union).settle(address(_workHours), creditor, amount);
        }
        emit FederationSettled(union, creditor, amount, subsistence, commons, value);
    }

    /// @inheritdoc IRedemptionTreasury
    function setRate(uint256 newRate) external onlyGovernor {
        _setRate(newRate);
    }

    /// @inheritdoc IRedemptionTreasury
    function setFees(uint16 maxFee, uint16 minFee, uint32 holdPeriod) external onlyGovernor {
        _setFees(maxFee, minFee, holdPeriod);
    }

    /// @inheritdoc IRedemptionTreasury
    function openSale(
        uint128 price,
        uint128 cap,
        uint128 accountCap,
        uint40 start,
        uint40 end
    ) external onlyGovernor {
        if (price == 0) revert TreasuryInvalidSalePrice(price);
        if (accountCap == 0 || accountCap > cap) revert TreasuryInvalidSaleCaps(cap, accountCap);
        if (start >= end || end <= block.timestamp) revert TreasuryInvalidSaleWindow(start, end);
        uint48 id = _saleProgress.id + 1;
        _saleTerms = SaleTerms(price, cap);
        _saleProgress = SaleProgress({sold: 0, start: start, end: end, id: id});
        _saleAccountCap = accountCap;
        emit SaleOpened(id, price, cap, accountCap, start, end);
    }

    /// @inheritdoc IRedemptionTreasury
    function closeSale() external onlyGovernor {
        SaleProgress memory p = _saleProgress;
        if (p.id == 0 || block.timestamp >= p.end) {
            revert TreasurySaleNotActive(p.id, p.start, p.end);
        }
        p.end = uint40(block.timestamp);
        if (p.start > p.end) p.start = p.end;
        _saleProgress = p;
        emit SaleClosed(p.id, p.sold);
    }

    /// @inheritdoc IRedemptionTreasury
    function setBand(BandParams calldata params) external onlyGovernor {
        if (address(params.oracle) == address(0)) {
            delete _band;
            emit BandUpdated(params);
            return;
        }
        if (params.floor >= params.ceiling) {
            revert TreasuryInvalidBandPrices(params.floor, params.ceiling);
        }
        if (params.periodLength == 0) revert TreasuryInvalidBandPeriod(params.periodLength);
        if (params.maxSlippage > MAX_SLIPPAGE) {
            revert TreasuryInvalidSlippage(params.maxSlippage, MAX_SLIPPAGE);
        }
        uint256 window = params.oracle.window();
        if (window < MIN_TWAP_WINDOW) revert TreasuryTwapWindowTooShort(window, MIN_TWAP_WINDOW);

        address wrbtc = _reserve == address(0) ? params.router.wrbtc() : address(0);
        address quote = _reserve == address(0) ? wrbtc : _reserve;
        address routerPair = ICoopPairFactory(params.router.factory()).getPair(
            address(_workHours),
            quote
        );
        address oraclePair = params.oracle.pair();
        if (routerPair == address(0) || oraclePair != routerPair) {
            revert TreasuryOraclePairMismatch(oraclePair, routerPair, quote);
        }

        _band = Band({
            oracle: params.oracle,
            periodLength: params.periodLength,
            maxSlippage: params.maxSlippage,
            router: params.router,
            buybackBudget: params.buybackBudget,
            wrbtc: wrbtc,
            emissionCap: params.emissionCap,
            floor: params.floor,
            ceiling: params.ceiling
        });
        emit BandUpdated(params);
    }

    // ─── Internal ────────────────────────────────────────────────────────────────────────────

    /// @dev Splits `amount` that has arrived into the pools: subsistence 75% rounded down,
    /// commons the rest, so that the parts add up to the wei. The one place an inflow is booked.
    function _bookInflow(address from, Inflow source, uint256 amount) internal virtual {
        uint256 subsistence = Math.mulDiv(amount, SUBSISTENCE_SHARE, BPS);
        uint256 commons = amount - subsistence;
        Pools memory p = _pools;
        _pools = Pools({
            subsistence: (p.subsistence + subsistence).toUint128(),
            commons: (p.commons + commons).toUint128()
        });
        emit Deposited(from, source, amount, subsistence, commons);
    }

    /// @dev {receive}'s deposit path, under the same guard as {deposit}.
    function _depositNative() private nonReentrant {
        if (_reserve != address(0)) revert TreasuryNativeNotAccepted(msg.sender, msg.value);
        if (msg.value == 0) revert TreasuryZeroAmount();
        _bookInflow(msg.sender, Inflow.Revenue, msg.value);
    }

    /// @dev The fee that `account` pays now, in basis points. It falls linearly from `maxFee`
    /// when the holding clock starts to `minFee` after `holdPeriod`; the bonus rounds down, so
    /// the fee rounds up. An account whose clock never started pays `maxFee`.
    function _feeOf(
        address account,
        RedemptionConfig memory c
    ) internal view virtual returns (uint256) {
        uint256 since = _workHours.holdingSince(account);
        if (since == 0 || since >= block.timestamp) return c.maxFee;
        uint256 held = block.timestamp - since;
        if (held >= c.holdPeriod) return c.minFee;
        return c.maxFee - (uint256(c.maxFee - c.minFee) * held) / c.holdPeriod;
    }

    /// @dev `amount * rate * (1 - fee)`, rounded down once.
    function _payout(
        uint256 amount,
        uint256 rate_,
        uint256 feeBps
    ) internal pure returns (uint256) {
        return Math.mulDiv(amount, rate_ * (BPS - feeBps), _HOUR * BPS);
    }

    /// @dev What `amount` hours cost at `price`, rounded up (against the buyer).
    function _cost(uint256 amount, uint256 price) internal pure returns (uint256) {
        return Math.mulDiv(amount, price, _HOUR, Math.Rounding.Ceil);
    }

    function _saleActive(SaleProgress memory p) internal view returns (bool) {
        return p.id != 0 && block.timestamp >= p.start && block.timestamp < p.end;
    }

    /// @dev This period's usage: the stored one, or a fresh one when a new period began.
    function _currentUsage(uint32 periodLength) internal view returns (BandUsage memory u) {
        uint32 period = uint32(block.timestamp / periodLength);
        u = _bandUsage;
        if (u.period != period) {
            u = BandUsage({period: period, lastBlock: u.lastBlock, spent: 0, minted: 0});
        }
    }

    /// @dev This period's usage, marked as used in this block: one defence per block, so that
    /// no caller can chain tranches between two trades of their own.
    function _useBand(uint32 periodLength) internal view returns (BandUsage memory u) {
        u = _currentUsage(periodLength);
        if (u.lastBlock == uint32(block.number)) revert TreasuryBandDefendedThisBlock(block.number);
        u.lastBlock = uint32(block.number);
    }

    /// @dev The most a defence sells into a pool holding `reserveIn` of what it sells and
    /// `reserveOut` of what it buys: one {BAND_TRANCHE} of `reserveIn`, and no more than keeps
    /// the average price within `maxSlippage` of the TWAP (`buyingHours`: paying at most
    /// `twap / (1 - slippage)` per hour; else: getting at least `twap * (1 - slippage)`).
    /// Reverts when the pool's spot price is already past that bound: the pool is far from the
    /// TWAP, as after a same-block move, and the defence waits for a block where it is not.
    function _trancheAndBound(
        uint256 reserveIn,
        uint256 reserveOut,
        uint256 twap,
        Band memory b,
        bool buyingHours
    ) internal pure returns (uint256 amount) {
        // The bound `out(a) >= a * limit` holds for a <= reserveOut / limit - reserveIn / fee,
        // with `out(a) = a * fee * reserveOut / (reserveIn + a * fee)`; `limit` is hours per
        // quote when buying hours, quote per hour when selling them.
        uint256 reach =
            buyingHours
                ? Math.mulDiv(reserveOut, twap * BPS, _HOUR * (BPS - b.maxSlippage))
                : Math.mulDiv(reserveOut, _HOUR * BPS, twap * (BPS - b.maxSlippage));
        uint256 start = Math.mulDiv(
            reserveIn,
            _POOL_FEE_DENOMINATOR,
            _POOL_FEE_FACTOR,
            Math.Rounding.Ceil
        );
        // one part in 10,000 kept back for the router's rounding down of the output
        if (reach > start) {
            // cannot underflow: reach > start
            unchecked {
                amount = Math.mulDiv(reach - start, BPS - 1, BPS);
            }
            amount = Math.min(amount, Math.mulDiv(reserveIn, BAND_TRANCHE, BPS));
        }
        if (amount == 0) {
            (uint256 quote, uint256 hours_) = buyingHours
                ? (reserveIn, reserveOut)
                : (reserveOut, reserveIn);
            revert TreasurySpotFarFromTwap(
                hours_ == 0 ? 0 : Math.mulDiv(quote, _HOUR, hours_),
                twap
            );
        }
    }

    /// @dev Checks the oracle's window, records an observation if a window has passed, then
    /// reads the TWAP of one hour in the quote token. Never the spot price.
    function _refreshTwap(Band memory b) internal returns (uint256 twap) {
        if (address(b.oracle) == address(0)) revert TreasuryBandDisabled();
        // checked at every use, as the oracle's admin may shorten its window after setBand
        uint256 window = b.oracle.window();
        if (window < MIN_TWAP_WINDOW) revert TreasuryTwapWindowTooShort(window, MIN_TWAP_WINDOW);
        b.oracle.update();
        twap = b.oracle.consult(address(_workHours), _HOUR);
        if (twap == 0) revert TreasuryZeroTwap();
    }

    /// @dev Sells exactly `amountIn` of `tokenIn` for at least `minOut` of `tokenOut`, to this
    /// contract, in this block; returns what arrived, measured by the balance (not the router's
    /// quote), so that a token that takes a transfer fee cannot inflate the pools.
    function _swap(
        ICoopRouter router,
        address tokenIn,
        address tokenOut,
        uint256 amountIn,
        uint256 minOut
    ) internal returns (uint256) {
        IERC20(tokenIn).forceApprove(address(router), amountIn);
        address[] memory path = new address[](2);
        (path[0], path[1]) = (tokenIn, tokenOut);
        uint256 before = IERC20(tokenOut).balanceOf(address(this));
        router.swapExactTokensForTokens(amountIn, minOut, path, address(this), block.timestamp);
        return IERC20(tokenOut).balanceOf(address(this)) - before;
    }

    function _quoteToken(Band memory b) internal view returns (address) {
        return _reserve == address(0) ? b.wrbtc : _reserve;
    }

    function _setRate(uint256 newRate) internal {
        RedemptionConfig memory c = _redemption;
        emit RateUpdated(c.rate, newRate);
        c.rate = newRate.toUint128();
        _redemption = c;
    }

    function _setFees(uint16 maxFee, uint16 minFee, uint32 holdPeriod) internal {
        if (minFee > maxFee || maxFee > BPS) revert TreasuryInvalidFees(maxFee, minFee);
        RedemptionConfig memory c = _redemption;
        (c.maxFee, c.minFee, c.holdPeriod) = (maxFee, minFee, holdPeriod);
        _redemption = c;
        emit FeesUpdated(maxFee, minFee, holdPeriod);
    }

    // ─── Hooks: moving the reserve ───────────────────────────────────────────────────────────

    /// @dev Takes `amount` of the ERC20 reserve from `from`; returns what arrived, measured by
    /// the balance so that a token that takes a transfer fee cannot inflate the pools.
    function _pull(address from, uint256 amount) internal virtual returns (uint256) {
        IERC20 token = IERC20(_reserve);
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(from, address(this), amount);
        return token.balanceOf(address(this)) - before;
    }

    /// @dev Pays `amount` of the reserve to `to`.
    function _push(address to, uint256 amount) internal virtual {
        if (amount == 0) return;
        if (_reserve == address(0)) {
            Address.sendValue(payable(to), amount);
        } else {
            IERC20(_reserve).safeTransfer(to, amount);
        }
    }

    /// @dev The reserve this contract holds.
    function _reserveBalance() internal view virtual returns (uint256) {
        return
            _reserve == address(0)
                ? address(this).balance
                : IERC20(_reserve).balanceOf(address(this));
    }
}
