// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

/// @title IFederationVotes
/// @notice The federation's votes: one non-transferable seat per admitted cooperative, held by the
/// cooperative's own timelock and cast by the liaison that timelock appoints.
/// @dev ERC-5805 on the ERC-6372 timestamp clock, read at snapshots by the federation's governor.
/// A seat is granted and withdrawn only by the federation's registry (admission and retirement).
interface IFederationVotes is IERC5805 {
    // ─── Errors ──────────────────────────────────────────────────────────────────────────────

    /// @notice `caller` is not the federation registry, the only account that seats cooperatives.
    error FederationVotesUnauthorized(address caller);

    /// @notice `cooperative` already holds a seat.
    error FederationVotesAlreadySeated(address cooperative);

    /// @notice `account` holds no seat, so it has no votes to hand to a liaison.
    error FederationVotesNotSeated(address account);

    /// @notice Seats are not signed over: a cooperative's timelock appoints its liaison itself.
    error FederationVotesBySignatureDisabled();

    /// @notice `liaison` cannot cast a seat's votes (the zero address).
    error FederationVotesInvalidLiaison(address liaison);

    // ─── Events ──────────────────────────────────────────────────────────────────────────────

    /// @notice Emitted when the registry gives `cooperative` (its timelock) a seat of `votes`.
    event SeatGranted(address indexed cooperative, uint256 votes);

    /// @notice Emitted when the registry withdraws the seat of `cooperative`.
    event SeatWithdrawn(address indexed cooperative, uint256 votes);

    /// @notice Emitted when `cooperative` appoints `liaison` to cast its votes (itself: revoked).
    event LiaisonAppointed(address indexed cooperative, address indexed liaison);

    // ─── Functions ───────────────────────────────────────────────────────────────────────────

    /// @notice The registry that seats cooperatives.
    function registry() external view returns (address);

    /// @notice The votes of `cooperative`'s seat (zero when it holds none).
    function seatOf(address cooperative) external view returns (uint256);

    /// @notice The liaison who casts `cooperative`'s votes: the address its timelock appointed, or
    /// the timelock itself when none is appointed or the last one was revoked.
    function liaisonOf(address cooperative) external view returns (address);

    /// @notice Appoints `liaison` to cast the caller's votes from now on (from the next snapshot).
    /// @dev The caller is a cooperative's timelock, so the appointment is the cooperative's own vote.
    /// Reverts with {FederationVotesNotSeated} for a caller without a seat.
    function appointLiaison(address liaison) external;

    /// @notice Revokes the caller's liaison: its votes return to the caller (the timelock).
    function revokeLiaison() external;

    /// @notice Gives `cooperative` a seat of `votes`. Only the registry.
    function grantSeat(address cooperative, uint256 votes) external;

    /// @notice Withdraws `cooperative`'s seat. Only the registry.
    function withdrawSeat(address cooperative) external;
}
