// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

import {IWorkHours} from "../interfaces/IWorkHours.sol";
import {TimestampVotes} from "./TimestampVotes.sol";
import {VoteCheckpoints} from "./VoteCheckpoints.sol";

/// @title WorkHours
/// @notice The cooperative's work-time mutual-credit token: 1e18 is one hour of approved work.
/// Every holder's tokens count as votes from the first receipt, without a `delegate`
/// transaction; a holder may still delegate elsewhere, and delegate to itself to come back.
/// @dev An OpenZeppelin ERC20 + ERC20Permit token whose votes come from {TimestampVotes} (the
/// ERC-6372 timestamp clock, shared with {CareReputation}), and whose account bookkeeping is
/// replaced to keep transfers and batch mints cheap:
///
/// - `_accounts[a]` packs the balance (low 96 bits) and the explicit delegatee (high 160 bits,
///   zero for the default, self-delegation) in one slot, so a transfer reads and writes one slot
///   per side and needs no separate delegatee lookup. The ERC20 `_balances` and the Votes
///   `_delegatee` mappings are never used.
/// - The vote checkpoints of each delegatee and of the total supply are {TimestampVotes}'
///   traces: the latest checkpoint and the count share one slot, so a transfer reads one slot per
///   side where an array needs its length and its last element, and {getPastVotes} /
///   {getPastTotalSupply} answer from that slot in O(1) when nothing moved since the timepoint.
/// - The total supply is the latest total-supply checkpoint; it is not stored twice.
/// - `_credits[a]` packs commons credit, subsistence credit and the holding clock in one slot,
///   so a mint for work or a redemption writes it once.
/// - A batch mint for work ({mintForWork}) writes each account's slots once, as {_update} would,
///   and the total-supply checkpoint once for the batch, not once per account.
///
/// Invariants a subclass must keep: every balance change goes through {_update}, except the mints
/// of {mintForWork}, which do per account what {_update} does for a mint and write the supply
/// once per batch (a hook on {_update} does not see them); every change of delegatee through
/// {_delegate}; `getVotes(d)` is the sum of the balances whose effective delegatee
/// ({delegates}) is `d`, so the sum of all votes equals {totalSupply}; no balance or supply
/// exceeds {_maxSupply} (2^96 - 1), which keeps the packed balance from overflowing.
contract WorkHours is ERC20, ERC20Permit, TimestampVotes, AccessControl, IWorkHours {
    using VoteCheckpoints for VoteCheckpoints.Trace;

    // ─── Storage ─────────────────────────────────────────────────────────────────────────────

    /// @notice The role of the contribution registry, which mints for approved work.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice The role of the treasury, which mints capital hours without credit.
    bytes32 public constant CAPITAL_ROLE = keccak256("CAPITAL_ROLE");
    /// @notice The role of the treasury, which burns tokens and credit on redemption.
    bytes32 public constant REDEEMER_ROLE = keccak256("REDEEMER_ROLE");
    /// @notice The role of the federation's clearing union, which burns a payer's hours and mints
    /// a recipient's hours without credit when cooperatives pay each other.
    bytes32 public constant FEDERATION_ROLE = keccak256("FEDERATION_ROLE");

    uint256 private constant _MASK96 = type(uint96).max;
    uint256 private constant _DELEGATEE_SHIFT = 96;
    uint256 private constant _SUBSISTENCE_SHIFT = 96;
    uint256 private constant _SINCE_SHIFT = 192;
    uint256 private constant _CREDIT_MASK = (1 << _SINCE_SHIFT) - 1;

    /// @dev balance (bits 0-95) | explicit delegatee (bits 96-255, zero means the account itself).
    mapping(address account => uint256) private _accounts;

    /// @dev commons credit (bits 0-95) | subsistence credit (96-191) | holdingSince (192-255).
    mapping(address account => uint256) private _credits;

    // ─── Constructor ─────────────────────────────────────────────────────────────────────────

    /// @param name_ The token name, also the EIP-712 domain name of permits and delegations.
    /// @param symbol_ The token symbol.
    /// @param admin The holder of `DEFAULT_ADMIN_ROLE`, which grants the other roles (the timelock).
    constructor(
        string memory name_,
        string memory symbol_,
        address admin
    ) ERC20(name_, symbol_) ERC20Permit(name_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ─── External: credit ────────────────────────────────────────────────────────────────────

    /// @inheritdoc IWorkHours
    /// @dev Requirements:
    /// - the caller holds `MINTER_ROLE`;
    /// - the three arrays have the same length;
    /// - no account is the zero address, and each gets more than zero hours;
    /// - the total supply after each account's mint stays at most {_maxSupply}, else
    ///   {ERC20ExceededSafeSupply} with that supply (checked on the running batch total, before
    ///   the account's storage is written).
    ///
    /// Emits, per account, a {Transfer} from zero, a {DelegateVotesChanged} for the account's
    /// delegatee, and a {WorkCredited} for each category with a non-zero amount.
    ///
    /// Each account's balance, credit and vote checkpoint are written once, as a mint through
    /// {_update} writes them; the total-supply checkpoint is written once for the whole batch, at
    /// its sum (the batch has one timepoint, so the history is the one that per-account mints leave).
    function mintForWork(
        address[] calldata accounts,
        uint256[] calldata commons,
        uint256[] calldata subsistence
    ) external onlyRole(MINTER_ROLE) {
        uint256 n = accounts.length;
        if (commons.length != n || subsistence.length != n) {
            revert WorkHoursLengthMismatch(n, commons.length, subsistence.length);
        }
        if (n == 0) return;
        uint256 supply = _getTotalSupply();
        uint256 cap = _maxSupply();
        for (uint256 i = 0; i < n; ++i) {
            address account = accounts[i];
            uint256 commonsHours = commons[i];
            uint256 subsistenceHours = subsistence[i];
            uint256 amount = commonsHours + subsistenceHours;
            if (amount == 0) revert WorkHoursZeroAmount(account);
            if (account == address(0)) revert ERC20InvalidReceiver(address(0));
            supply += amount;
            if (supply > cap) revert ERC20ExceededSafeSupply(supply, cap);
            _mintWithoutSupply(account, amount);
            _addCredit(account, commonsHours, subsistenceHours);
        }
        // one write of the supply checkpoint per batch: on RSK every rewrite of a slot costs 5,000
        _supply.push(clock(), supply);
    }

    /// @inheritdoc IWorkHours
    /// @dev Requirements:
    /// - the caller holds `CAPITAL_ROLE`;
    /// - `to` is not the zero address.
    ///
    /// Emits a {Transfer} from zero and a {CapitalMinted}.
    function mintCapital(address to, uint256 amount) external onlyRole(CAPITAL_ROLE) {
        _mint(to, amount);
        emit CapitalMinted(to, amount);
    }

    /// @inheritdoc IWorkHours
    /// @dev Requirements:
    /// - the caller holds `REDEEMER_ROLE`;
    /// - `account` holds at least `amount` tokens and `amount` credit of `category`.
    ///
    /// Emits a {Transfer} to zero and a {CreditRedeemed}.
    function redeemBurn(
        address account,
        Category category,
        uint256 amount
    ) external onlyRole(REDEEMER_ROLE) {
        uint256 packed = _credits[account];
        uint256 shift = category == Category.Commons ? 0 : _SUBSISTENCE_SHIFT;
        uint256 credit = (packed >> shift) & _MASK96;
        if (credit < amount) revert WorkHoursInsufficientCredit(account, category, credit, amount);
        // cannot borrow from the next field: amount <= credit, which fills the field at `shift`
        packed -= amount << shift;
        // one write: the reduced credit and the restarted holding clock together
        _credits[account] = (packed & _CREDIT_MASK) | (uint256(Time.timestamp()) << _SINCE_SHIFT);
        _burn(account, amount);
        emit CreditRedeemed(account, category, amount);
    }

    /// @inheritdoc IWorkHours
    /// @dev Requirements:
    /// - the caller holds `FEDERATION_ROLE`;
    /// - `to` is not the zero address.
    ///
    /// Emits a {Transfer} from zero and a {FederationMinted}.
    function federationMint(address to, uint256 amount) external onlyRole(FEDERATION_ROLE) {
        _mint(to, amount);
        emit FederationMinted(to, amount);
    }

    /// @inheritdoc IWorkHours
    /// @dev Requirements:
    /// - the caller holds `FEDERATION_ROLE`;
    /// - `account` holds at least `amount` tokens.
    ///
    /// Emits a {Transfer} to zero and a {FederationBurned}.
    function federationBurn(address account, uint256 amount) external onlyRole(FEDERATION_ROLE) {
        _burn(account, amount);
        emit FederationBurned(account, amount);
    }

    /// @inheritdoc IWorkHours
    /// @dev Requirements:
    /// - the caller holds at least `amount` tokens.
    ///
    /// Emits a {Transfer} to zero.
    function burn(uint256 amount) external {
        _burn(_msgSender(), amount);
    }

    // ─── External: views ─────────────────────────────────────────────────────────────────────

    /// @inheritdoc IWorkHours
    function earnedCredit(address account, Category category) external view returns (uint256) {
        uint256 shift = category == Category.Commons ? 0 : _SUBSISTENCE_SHIFT;
        return (_credits[account] >> shift) & _MASK96;
    }

    /// @inheritdoc IWorkHours
    function holdingSince(address account) external view returns (uint256) {
        return _credits[account] >> _SINCE_SHIFT;
    }

    /// @inheritdoc IERC20
    function balanceOf(address account) public view override(ERC20, IERC20) returns (uint256) {
        return _accounts[account] & _MASK96;
    }

    /// @inheritdoc IERC20
    /// @dev The latest total-supply checkpoint, which every mint and burn moves.
    function totalSupply() public view override(ERC20, IERC20) returns (uint256) {
        return _getTotalSupply();
    }

    /// @inheritdoc IVotes
    /// @dev The account itself unless it delegated elsewhere.
    function delegates(address account) public view override(Votes, IVotes) returns (address) {
        // the zero address (the mint and burn side) never holds tokens nor delegates
        if (account == address(0)) return address(0);
        return _delegateOf(account, _accounts[account]);
    }

    /// @inheritdoc ERC20Permit
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    // ─── Internal ────────────────────────────────────────────────────────────────────────────

    /// @dev Adds credit for approved work and starts the holding clock at the first credit,
    /// writing the account's credit slot once.
    function _addCredit(address account, uint256 commonsHours, uint256 subsistenceHours) private {
        uint256 packed = _credits[account];
        uint256 commonsCredit = SafeCast.toUint96((packed & _MASK96) + commonsHours);
        uint256 subsistenceCredit = SafeCast.toUint96(
            ((packed >> _SUBSISTENCE_SHIFT) & _MASK96) + subsistenceHours
        );
        uint256 since = packed >> _SINCE_SHIFT;
        if (since == 0) since = Time.timestamp();
        _credits[account] =
            commonsCredit |
            (subsistenceCredit << _SUBSISTENCE_SHIFT) |
            (since << _SINCE_SHIFT);
        if (commonsHours != 0) emit WorkCredited(account, Category.Commons, commonsHours);
        if (subsistenceHours != 0) {
            emit WorkCredited(account, Category.Subsistence, subsistenceHours);
        }
    }

    /// @dev What {_update} does for a mint of `amount` to `account`, except the total-supply
    /// checkpoint, which the caller writes once for its batch after checking {_maxSupply}:
    /// writes the account's slot once, emits {Transfer} and moves the votes of its delegatee.
    function _mintWithoutSupply(address account, uint256 amount) private {
        uint256 packed = _accounts[account];
        // only the low 96 bits change: balance + amount <= supply <= _maxSupply() < 2^96, which
        // the caller checked for the batch up to this account
        _accounts[account] = packed + amount;
        emit Transfer(address(0), account, amount);
        _moveDelegateVotes(address(0), _delegateOf(account, packed), amount);
    }

    /// @dev The effective delegatee of `account` whose packed slot is `packed`.
    function _delegateOf(address account, uint256 packed) private pure returns (address) {
        address delegatee = address(uint160(packed >> _DELEGATEE_SHIFT));
        return delegatee == address(0) ? account : delegatee;
    }

    // ─── Hooks ───────────────────────────────────────────────────────────────────────────────

    /// @dev The one override point for balance changes (transfers, mints and burns). Reads and
    /// writes one packed slot per side, moves the votes of the two effective delegatees, and on a
    /// mint or burn also the total-supply checkpoint.
    function _update(address from, address to, uint256 value) internal virtual override {
        address fromDelegate;
        address toDelegate;
        if (from == address(0)) {
            uint256 supply = _getTotalSupply() + value;
            uint256 cap = _maxSupply();
            if (supply > cap) revert ERC20ExceededSafeSupply(supply, cap);
        } else {
            uint256 packed = _accounts[from];
            uint256 fromBalance = packed & _MASK96;
            if (fromBalance < value) revert ERC20InsufficientBalance(from, fromBalance, value);
            // only the low 96 bits change: value <= fromBalance
            _accounts[from] = packed - value;
            fromDelegate = _delegateOf(from, packed);
        }
        if (to != address(0)) {
            uint256 packed = _accounts[to];
            // only the low 96 bits change: balance + value <= totalSupply <= _maxSupply() < 2^96
            _accounts[to] = packed + value;
            toDelegate = _delegateOf(to, packed);
        }
        emit Transfer(from, to, value);
        if (from == address(0) || to == address(0)) {
            _transferVotingUnits(from, to, value);
        } else {
            _moveDelegateVotes(fromDelegate, toDelegate, value);
        }
    }

    /// @dev Delegates `account`'s votes to `delegatee`. Delegating to the account itself restores
    /// the default (nothing stored). Delegating to the zero address would leave tokens without a
    /// vote, so it reverts with {WorkHoursInvalidDelegatee}.
    function _delegate(address account, address delegatee) internal virtual override {
        if (delegatee == address(0)) revert WorkHoursInvalidDelegatee(delegatee);
        uint256 packed = _accounts[account];
        address oldDelegate = _delegateOf(account, packed);
        uint256 balance = packed & _MASK96;
        uint256 stored = delegatee == account ? 0 : uint256(uint160(delegatee));
        _accounts[account] = balance | (stored << _DELEGATEE_SHIFT);
        emit DelegateChanged(account, oldDelegate, delegatee);
        _moveDelegateVotes(oldDelegate, delegatee, balance);
    }

    /// @dev Moves the total supply on a mint (`from` zero) or a burn (`to` zero), then the votes
    /// of the two effective delegatees; {Votes} does the same on its own arrays.
    function _transferVotingUnits(address from, address to, uint256 amount) internal override {
        if (from == address(0)) _supply.add(clock(), amount);
        if (to == address(0)) _supply.subtract(clock(), amount);
        _moveDelegateVotes(delegates(from), delegates(to), amount);
    }

    /// @dev 2^96 - 1, so a balance fits the low 96 bits of its packed slot (about 7.9e10 hours).
    function _maxSupply() internal view virtual returns (uint256) {
        return _MASK96;
    }

    /// @dev The voting units of an account are its balance.
    function _getVotingUnits(address account) internal view virtual override returns (uint256) {
        return balanceOf(account);
    }
}
