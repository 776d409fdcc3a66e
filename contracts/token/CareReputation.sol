// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

import {ICareReputation} from "../interfaces/ICareReputation.sol";
import {TimestampVotes} from "./TimestampVotes.sol";
import {VoteCheckpoints} from "./VoteCheckpoints.sol";

/// @title CareReputation
/// @notice A non-transferable record of care (reproductive) work: 1e18 is one approved hour.
/// It is minted only for approved care claims and burned only by governance, with a reason.
/// @dev Built on {TimestampVotes}, the votes core it shares with {WorkHours}, so a governor reads
/// both exactly alike (`getVotes`, `getPastVotes`, `getPastTotalSupply`, the timestamp clock).
///
/// Delegation: care reputation is personal, like the work it records. Letting it be delegated
/// would let it be pooled, which non-transferability exists to prevent, so every account is
/// always its own delegatee: `delegates(a) == a`; `delegate` and `delegateBySig` to anyone else
/// revert with {CareReputationNonDelegable}, and to oneself they change nothing.
///
/// Because votes never move, an account's votes are its balance: {balanceOf} reads the latest
/// vote checkpoint and {totalSupply} the latest total checkpoint, and a mint writes only those.
/// A governor's {getPastVotes} at a snapshot after the account's last change costs one storage read.
///
/// A batch {mint} writes each account's checkpoint once and the total-supply checkpoint once for
/// the batch, not once per account.
///
/// Invariants a subclass must keep: every balance change goes through {_update} as a mint or a
/// burn (never from one account to another), except the mints of {mint}, which do per account
/// what {_update} does for a mint and write the supply once per batch (a hook on {_update} does
/// not see them); no account delegates to anyone but itself; the
/// supply never exceeds {MAX_SUPPLY}, the widest value a {VoteCheckpoints} trace holds.
contract CareReputation is ICareReputation, TimestampVotes, AccessControl {
    using VoteCheckpoints for VoteCheckpoints.Trace;

    // ─── Storage ─────────────────────────────────────────────────────────────────────────────

    /// @notice The role of the contribution registry, which mints for approved care claims.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice The role of governance (the timelock), which revokes reputation.
    bytes32 public constant REVOKER_ROLE = keccak256("REVOKER_ROLE");

    /// @inheritdoc ICareReputation
    /// @dev 2^160 - 1, the widest value a {VoteCheckpoints} checkpoint holds (about 1.5e30 hours).
    uint256 public constant MAX_SUPPLY = type(uint160).max;

    string private _name;
    string private _symbol;

    // ─── Constructor ─────────────────────────────────────────────────────────────────────────

    /// @param name_ The token name, also the EIP-712 domain name.
    /// @param symbol_ The token symbol.
    /// @param admin The holder of `DEFAULT_ADMIN_ROLE`, which grants the other roles (the timelock).
    constructor(string memory name_, string memory symbol_, address admin) EIP712(name_, "1") {
        _name = name_;
        _symbol = symbol_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ─── External: issuance ──────────────────────────────────────────────────────────────────

    /// @inheritdoc ICareReputation
    /// @dev Requirements:
    /// - the caller holds `MINTER_ROLE`;
    /// - the arrays have the same length;
    /// - no account is the zero address, and no amount is zero;
    /// - the total supply stays at most {MAX_SUPPLY}, else {CareReputationExceededSupply} with the
    ///   supply before the first account that would pass it (checked on the running batch total,
    ///   before that account's storage is written).
    ///
    /// Emits a {DelegateVotesChanged} and a {Transfer} from zero per account.
    ///
    /// Each account's vote checkpoint (its reputation) is written once, as a mint through
    /// {_update} writes it; the total-supply checkpoint is written once for the whole batch, at its
    /// sum (the batch has one timepoint, so the history is the one that per-account mints leave).
    function mint(
        address[] calldata accounts,
        uint256[] calldata amounts
    ) external onlyRole(MINTER_ROLE) {
        uint256 n = accounts.length;
        if (amounts.length != n) revert CareReputationLengthMismatch(n, amounts.length);
        if (n == 0) return;
        uint256 supply = _supply.latest();
        for (uint256 i = 0; i < n; ++i) {
            address account = accounts[i];
            uint256 amount = amounts[i];
            if (account == address(0)) revert ERC20InvalidReceiver(address(0));
            if (amount == 0) revert CareReputationZeroAmount(account);
            if (amount > MAX_SUPPLY - supply) {
                revert CareReputationExceededSupply(supply, amount, MAX_SUPPLY);
            }
            // cannot overflow: supply + amount <= MAX_SUPPLY, checked above
            unchecked {
                supply += amount;
            }
            _moveDelegateVotes(address(0), account, amount);
            emit Transfer(address(0), account, amount);
        }
        // one write of the supply checkpoint per batch: on RSK every rewrite of a slot costs 5,000
        _supply.push(clock(), supply);
    }

    /// @inheritdoc ICareReputation
    /// @dev Requirements:
    /// - the caller holds `REVOKER_ROLE`;
    /// - `amount` is not zero and `account` holds at least `amount`.
    ///
    /// Emits a {Transfer} to zero, a {DelegateVotesChanged} and a {ReputationRevoked}.
    function revoke(
        address account,
        uint256 amount,
        string calldata reason
    ) external onlyRole(REVOKER_ROLE) {
        if (amount == 0) revert CareReputationZeroAmount(account);
        uint256 balance = balanceOf(account);
        if (balance < amount) revert ERC20InsufficientBalance(account, balance, amount);
        _update(account, address(0), amount);
        emit ReputationRevoked(account, amount, reason);
    }

    // ─── External: ERC-20 (non-transferable) ─────────────────────────────────────────────────

    /// @notice Always reverts: care reputation cannot be transferred.
    /// @dev Reverts with {CareReputationNonTransferable}.
    function transfer(address, uint256) external pure returns (bool) {
        revert CareReputationNonTransferable();
    }

    /// @notice Always reverts: care reputation cannot be transferred.
    /// @dev Reverts with {CareReputationNonTransferable}.
    function transferFrom(address, address, uint256) external pure returns (bool) {
        revert CareReputationNonTransferable();
    }

    /// @notice Always reverts: there is nothing to approve.
    /// @dev Reverts with {CareReputationNonTransferable}.
    function approve(address, uint256) external pure returns (bool) {
        revert CareReputationNonTransferable();
    }

    /// @notice Always zero: no allowance can exist.
    function allowance(address, address) external pure returns (uint256) {
        return 0;
    }

    /// @inheritdoc IERC20Metadata
    function name() external view returns (string memory) {
        return _name;
    }

    /// @inheritdoc IERC20Metadata
    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @inheritdoc IERC20Metadata
    /// @dev 18, so that 1e18 is one hour of care work, as for {WorkHours}.
    function decimals() external pure returns (uint8) {
        return 18;
    }

    /// @inheritdoc IERC20
    /// @dev The latest total-supply checkpoint.
    function totalSupply() external view returns (uint256) {
        return _getTotalSupply();
    }

    /// @inheritdoc IERC20
    /// @dev The account's current votes, which are always its own reputation.
    function balanceOf(address account) public view returns (uint256) {
        return getVotes(account);
    }

    // ─── External: votes ─────────────────────────────────────────────────────────────────────

    /// @inheritdoc IVotes
    /// @dev Always the account itself: care reputation votes cannot be delegated.
    function delegates(address account) public pure override(Votes, IVotes) returns (address) {
        return account;
    }

    // ─── Hooks ───────────────────────────────────────────────────────────────────────────────

    /// @dev The one override point for balance changes: a mint (`from` zero) or a burn (`to`
    /// zero). Moves the account's vote checkpoint and the total-supply checkpoint.
    function _update(address from, address to, uint256 value) internal virtual {
        _transferVotingUnits(from, to, value);
        emit Transfer(from, to, value);
    }

    /// @dev Moves the total supply on a mint or a burn, checking {MAX_SUPPLY}, then the account's
    /// votes; {Votes} does the same on its own arrays.
    function _transferVotingUnits(
        address from,
        address to,
        uint256 amount
    ) internal virtual override {
        uint48 timepoint = clock();
        if (from == address(0)) {
            uint256 supply = _supply.latest();
            if (amount > MAX_SUPPLY - supply) {
                revert CareReputationExceededSupply(supply, amount, MAX_SUPPLY);
            }
            // cannot exceed MAX_SUPPLY, checked above; nor can any account's reputation
            _supply.push(timepoint, supply + amount);
        }
        if (to == address(0)) _supply.subtract(timepoint, amount);
        _moveDelegateVotes(from, to, amount);
    }

    /// @dev Accepts only `delegatee == account`, which changes nothing.
    function _delegate(address account, address delegatee) internal virtual override {
        if (delegatee != account) revert CareReputationNonDelegable(delegatee);
    }

    /// @dev The voting units of an account are its reputation.
    function _getVotingUnits(address account) internal view virtual override returns (uint256) {
        return balanceOf(account);
    }
}
