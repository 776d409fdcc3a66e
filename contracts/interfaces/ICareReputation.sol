// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

/// @title ICareReputation
/// @notice A non-transferable record of care (reproductive) work: 1e18 is one approved hour.
/// @dev It offers the ERC-20 read interface and the IERC5805 votes interface with the ERC-6372
/// timestamp clock, like {IWorkHours}, so that a governor can combine the two. The ERC-20 write
/// functions (`transfer`, `transferFrom`, `approve`) always revert. Votes cannot be delegated:
/// an account's votes are always its own reputation.
interface ICareReputation is IERC20Metadata, IERC20Errors, IERC5805 {
    // ─── Errors ──────────────────────────────────────────────────────────────────────────────

    /// @notice Care reputation never moves between accounts.
    error CareReputationNonTransferable();

    /// @notice Care reputation votes stay with the person who did the work.
    error CareReputationNonDelegable(address delegatee);

    /// @notice The arrays given to {mint} differ in length.
    error CareReputationLengthMismatch(uint256 accounts, uint256 amounts);

    /// @notice A mint or a revocation of zero for `account`.
    error CareReputationZeroAmount(address account);

    /// @notice A mint of `amount` onto the total supply `supply` would take it above `cap`.
    error CareReputationExceededSupply(uint256 supply, uint256 amount, uint256 cap);

    // ─── Events ──────────────────────────────────────────────────────────────────────────────

    /// @notice Emitted when governance revokes `amount` of `account`'s reputation.
    event ReputationRevoked(address indexed account, uint256 amount, string reason);

    // ─── Functions ───────────────────────────────────────────────────────────────────────────

    /// @notice Mints `amounts[i]` of reputation to `accounts[i]` for approved care work.
    /// @dev Only the minter role (the contribution registry).
    function mint(address[] calldata accounts, uint256[] calldata amounts) external;

    /// @notice Burns `amount` of `account`'s reputation and records why.
    /// @dev Only the revoker role (the timelock).
    function revoke(address account, uint256 amount, string calldata reason) external;

    /// @notice The largest total supply of reputation.
    function MAX_SUPPLY() external view returns (uint256);
}
