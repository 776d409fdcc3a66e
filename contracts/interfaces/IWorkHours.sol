// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

/// @title IWorkHours
/// @notice The cooperative's work-time mutual-credit token: 1e18 is one hour of approved work.
/// @dev Every mint for work also records earned credit per category. Credit survives transfers;
/// only redemption at the treasury consumes it. Tokens minted for capital carry no credit.
/// Votes use the ERC-6372 timestamp clock, and every holder is its own delegate until it
/// delegates elsewhere, so every token counts as a vote without a `delegate` transaction.
interface IWorkHours is IERC20, IERC5805 {
    /// @notice The two kinds of work that earn hours.
    enum Category {
        Commons,
        Subsistence
    }

    // ─── Errors ──────────────────────────────────────────────────────────────────────────────

    /// @notice The arrays given to {mintForWork} differ in length.
    error WorkHoursLengthMismatch(uint256 accounts, uint256 commons, uint256 subsistence);

    /// @notice {mintForWork} was asked to credit `account` with zero hours.
    error WorkHoursZeroAmount(address account);

    /// @notice `account` holds `credit` hours of `category` credit, less than the `needed` ones.
    error WorkHoursInsufficientCredit(
        address account,
        Category category,
        uint256 credit,
        uint256 needed
    );

    /// @notice `delegatee` cannot receive votes: every token must count for someone.
    error WorkHoursInvalidDelegatee(address delegatee);

    /// @notice A mint would take the total supply to `increasedSupply`, above the `cap` that a
    /// balance's packed slot holds (the same error as OpenZeppelin's ERC20Votes).
    error ERC20ExceededSafeSupply(uint256 increasedSupply, uint256 cap);

    // ─── Events ──────────────────────────────────────────────────────────────────────────────

    /// @notice Emitted when approved work credits `account` with `amount` hours in `category`.
    event WorkCredited(address indexed account, Category indexed category, uint256 amount);

    /// @notice Emitted when the treasury burns `amount` of `account`'s tokens and credit.
    event CreditRedeemed(address indexed account, Category indexed category, uint256 amount);

    /// @notice Emitted when the treasury mints `amount` hours without credit to `account`.
    event CapitalMinted(address indexed account, uint256 amount);

    /// @notice Emitted when the federation's clearing union mints `amount` hours without credit
    /// to `account`, for a payment from another cooperative.
    event FederationMinted(address indexed account, uint256 amount);

    /// @notice Emitted when the federation's clearing union burns `amount` of `account`'s hours
    /// for a payment to another cooperative. Credit is untouched.
    event FederationBurned(address indexed account, uint256 amount);

    // ─── Functions ───────────────────────────────────────────────────────────────────────────

    /// @notice Hours of `category` work that `account` has earned and not yet redeemed.
    function earnedCredit(address account, Category category) external view returns (uint256);

    /// @notice When `account`'s holding clock started: its first credit, or its last redemption.
    /// Zero when the account never earned credit. The treasury's holding bonus reads it.
    function holdingSince(address account) external view returns (uint256);

    /// @notice Mints hours for approved work, with credit, to many accounts at once.
    /// @dev Only the minter role (the contribution registry). `commons[i]` and `subsistence[i]`
    /// are the hours of each category for `accounts[i]`; accounts should be distinct.
    function mintForWork(
        address[] calldata accounts,
        uint256[] calldata commons,
        uint256[] calldata subsistence
    ) external;

    /// @notice Mints hours that carry no earned credit (capital entry, band emission).
    /// @dev Only the capital role (the treasury).
    function mintCapital(address to, uint256 amount) external;

    /// @notice Burns `amount` of `account`'s tokens and the same amount of its `category` credit,
    /// and restarts its holding clock.
    /// @dev Only the redeemer role (the treasury). Reverts when the balance or credit is short.
    function redeemBurn(address account, Category category, uint256 amount) external;

    /// @notice Burns `amount` of the caller's own tokens. Credit is untouched.
    function burn(uint256 amount) external;

    /// @notice Mints hours without credit to `to`: a payment arriving from another cooperative
    /// of the federation (see {IClearingUnion-pay}).
    /// @dev Only the federation role (the clearing union), granted by the cooperative's own vote.
    function federationMint(address to, uint256 amount) external;

    /// @notice Burns `amount` of `account`'s hours, which it pays to another cooperative through
    /// the federation's clearing union. Credit is untouched.
    /// @dev Only the federation role (the clearing union), which burns only its caller's hours.
    function federationBurn(address account, uint256 amount) external;
}
