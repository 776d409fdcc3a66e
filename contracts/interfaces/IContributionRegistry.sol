// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICareReputation} from "./ICareReputation.sol";
import {IWorkHours} from "./IWorkHours.sol";

/// @title IContributionRegistry
/// @notice The claims workflow: members submit claims of hours worked, governance approves or
/// rejects them in batches, and approval mints {IWorkHours} (Commons, Subsistence) or
/// {ICareReputation} (Care) to the claimants.
/// @dev A claim's claimant, amount, category and status are on chain ({claim}); its evidence
/// hash and URI only in {ClaimSubmitted}. Ids start at 1 and follow submission order.
interface IContributionRegistry {
    /// @notice The kind of work a claim is for. Commons and Subsistence earn WorkHours with
    /// credit of that category; Care earns CareReputation.
    enum Category {
        Commons,
        Subsistence,
        Care
    }

    /// @notice The life of a claim. `None` is an id that was never issued.
    enum ClaimStatus {
        None,
        Pending,
        Approved,
        Rejected,
        Withdrawn
    }

    /// @notice A claim as {claim} returns it.
    struct Claim {
        address claimant;
        uint256 amount;
        Category category;
        ClaimStatus status;
    }

    // ─── Errors ──────────────────────────────────────────────────────────────────────────────

    /// @notice `amount` is zero or above the per-claim cap `cap`.
    error RegistryInvalidAmount(uint256 amount, uint256 cap);

    /// @notice `cap` is zero or above the largest storable amount (2^80 - 1).
    error RegistryInvalidClaimCap(uint256 cap);

    /// @notice No claim has id `id`.
    error RegistryUnknownClaim(uint256 id);

    /// @notice Claim `id` is `status`, not pending.
    error RegistryClaimNotPending(uint256 id, ClaimStatus status);

    /// @notice `account` is not the claimant of claim `id`.
    error RegistryNotClaimant(uint256 id, address account);

    /// @notice A batch without ids.
    error RegistryEmptyBatch();

    // ─── Events ──────────────────────────────────────────────────────────────────────────────

    /// @notice Emitted when `claimant` submits claim `id` of `amount` hours of `category` work.
    event ClaimSubmitted(
        uint256 indexed id,
        address indexed claimant,
        Category indexed category,
        uint256 amount,
        bytes32 evidenceHash,
        string evidenceURI
    );

    /// @notice Emitted when the claimant withdraws pending claim `id`.
    event ClaimWithdrawn(uint256 indexed id, address indexed claimant);

    /// @notice Emitted when governance approves claim `id`; its hours are minted to `claimant`.
    event ClaimApproved(uint256 indexed id, address indexed claimant);

    /// @notice Emitted when governance rejects claim `id`.
    event ClaimRejected(uint256 indexed id, address indexed claimant);

    /// @notice Emitted when a batch approval or rejection leaves out claim `id` because it is no
    /// longer pending (`status`: withdrawn by its claimant, or already approved or rejected).
    event ClaimSkipped(uint256 indexed id, ClaimStatus status);

    /// @notice Emitted when governance changes the per-claim cap.
    event ClaimCapUpdated(uint256 oldCap, uint256 newCap);

    // ─── Functions ───────────────────────────────────────────────────────────────────────────

    /// @notice Submits a claim of `amount` hours (1e18 = one hour) of `category` work.
    /// @return id The new claim's id.
    function submitClaim(
        uint256 amount,
        Category category,
        bytes32 evidenceHash,
        string calldata evidenceURI
    ) external returns (uint256 id);

    /// @notice Withdraws the caller's pending claim `id`.
    function withdrawClaim(uint256 id) external;

    /// @notice Approves those of claims `ids` that are still pending and mints their hours, once
    /// per claimant; skips the others ({ClaimSkipped}), so that no claimant can block a batch.
    function approveClaims(uint256[] calldata ids) external;

    /// @notice Rejects those of claims `ids` that are still pending; skips the others.
    function rejectClaims(uint256[] calldata ids) external;

    /// @notice Sets the largest amount one claim may ask for.
    function setClaimCap(uint256 newCap) external;

    /// @notice The WorkHours token that Commons and Subsistence claims mint.
    function workHours() external view returns (IWorkHours);

    /// @notice The CareReputation token that Care claims mint.
    function careReputation() external view returns (ICareReputation);

    /// @notice The largest amount one claim may ask for.
    function claimCap() external view returns (uint256);

    /// @notice Claim `id`.
    function claim(uint256 id) external view returns (Claim memory);

    /// @notice How many claims were ever submitted; also the last id.
    function claimCount() external view returns (uint256);

    /// @notice How many claims are in `status` now.
    function claimCountByStatus(ClaimStatus status) external view returns (uint256);

    /// @notice How many claims `account` ever submitted.
    function claimCountOf(address account) external view returns (uint256);

    /// @notice Up to `limit` ids of `account`'s claims, from its `offset`-th claim, oldest first.
    function claimsOf(
        address account,
        uint256 offset,
        uint256 limit
    ) external view returns (uint256[] memory ids);
}
