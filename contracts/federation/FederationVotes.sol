// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

import {IFederationVotes} from "../interfaces/IFederationVotes.sol";
import {TimestampVotes} from "../token/TimestampVotes.sol";
import {VoteCheckpoints} from "../token/VoteCheckpoints.sol";

/// @title FederationVotes
/// @notice The federation's votes: one non-transferable seat per admitted cooperative, held by the
/// cooperative's own timelock, which appoints and revokes the liaison who casts it.
/// @dev The votes core of the project's tokens ({TimestampVotes}: the ERC-6372 timestamp clock and
/// snapshot lookups), so that the project's {HolisticGovernor} reads it as it reads a cooperative's
/// tokens (with this contract as both tokens and a care weight of zero). A seat has no transfer:
/// only the registry grants and withdraws it. The default liaison of a seat is its holder, so the
/// seat counts from the moment it is granted.
///
/// Invariants: the total supply is the sum of the seats; `getVotes(l)` is the sum of the seats
/// whose liaison ({delegates}) is `l`; seats change only through the registry.
contract FederationVotes is TimestampVotes, IFederationVotes {
    using VoteCheckpoints for VoteCheckpoints.Trace;

    // ─── Storage ─────────────────────────────────────────────────────────────────────────────

    address private immutable _registry;

    mapping(address cooperative => uint256) private _seats;

    /// @dev The appointed liaison; zero means the seat's holder itself.
    mapping(address cooperative => address) private _liaisons;

    // ─── Modifiers ───────────────────────────────────────────────────────────────────────────

    modifier onlyRegistry() {
        _checkRegistry();
        _;
    }

    // ─── Constructor ─────────────────────────────────────────────────────────────────────────

    /// @param name_ The EIP-712 domain name.
    /// @param registry_ The registry (the clearing union) that seats cooperatives.
    constructor(string memory name_, address registry_) EIP712(name_, "1") {
        _registry = registry_;
    }

    // ─── External ────────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IFederationVotes
    function registry() external view returns (address) {
        return _registry;
    }

    /// @inheritdoc IFederationVotes
    function seatOf(address cooperative) external view returns (uint256) {
        return _seats[cooperative];
    }

    /// @inheritdoc IFederationVotes
    function liaisonOf(address cooperative) external view returns (address) {
        return delegates(cooperative);
    }

    /// @inheritdoc IFederationVotes
    /// @dev Requirements: the caller holds a seat; `liaison` is not zero.
    ///
    /// Emits {LiaisonAppointed}, {IVotes-DelegateChanged} and {IVotes-DelegateVotesChanged}.
    function appointLiaison(address liaison) external {
        _delegate(msg.sender, liaison);
    }

    /// @inheritdoc IFederationVotes
    /// @dev Requirements: the caller holds a seat. Emits {LiaisonAppointed} with the caller.
    function revokeLiaison() external {
        _delegate(msg.sender, msg.sender);
    }

    /// @inheritdoc IVotes
    /// @dev The same as {appointLiaison}.
    function delegate(address delegatee) public override(IVotes, Votes) {
        _delegate(msg.sender, delegatee);
    }

    /// @inheritdoc IVotes
    /// @dev Always reverts with {FederationVotesBySignatureDisabled}: a timelock does not sign.
    function delegateBySig(
        address,
        uint256,
        uint256,
        uint8,
        bytes32,
        bytes32
    ) public pure override(IVotes, Votes) {
        revert FederationVotesBySignatureDisabled();
    }

    /// @inheritdoc IFederationVotes
    /// @dev Requirements: the caller is the registry; `cooperative` holds no seat.
    ///
    /// Emits {SeatGranted} and {IVotes-DelegateVotesChanged} for its liaison (itself).
    function grantSeat(address cooperative, uint256 votes) external onlyRegistry {
        if (_seats[cooperative] != 0) revert FederationVotesAlreadySeated(cooperative);
        _seats[cooperative] = votes;
        _transferVotingUnits(address(0), cooperative, votes);
        emit SeatGranted(cooperative, votes);
    }

    /// @inheritdoc IFederationVotes
    /// @dev Requirements: the caller is the registry; `cooperative` holds a seat. Its liaison
    /// loses the votes from now on; past snapshots keep them.
    ///
    /// Emits {SeatWithdrawn} and {IVotes-DelegateVotesChanged} for its liaison.
    function withdrawSeat(address cooperative) external onlyRegistry {
        uint256 votes = _seats[cooperative];
        if (votes == 0) revert FederationVotesNotSeated(cooperative);
        _transferVotingUnits(cooperative, address(0), votes);
        delete _seats[cooperative];
        delete _liaisons[cooperative];
        emit SeatWithdrawn(cooperative, votes);
    }

    /// @inheritdoc IVotes
    /// @dev The appointed liaison, or `account` itself when none is appointed.
    function delegates(address account) public view override(IVotes, Votes) returns (address) {
        if (account == address(0)) return address(0);
        address liaison = _liaisons[account];
        return liaison == address(0) ? account : liaison;
    }

    // ─── Internal ────────────────────────────────────────────────────────────────────────────

    function _checkRegistry() private view {
        if (msg.sender != _registry) revert FederationVotesUnauthorized(msg.sender);
    }

    // ─── Hooks ───────────────────────────────────────────────────────────────────────────────

    /// @dev The one override point of appointments: `account` must hold a seat; appointing the
    /// account itself clears the stored liaison (a revocation).
    function _delegate(address account, address delegatee) internal override {
        uint256 votes = _seats[account];
        if (votes == 0) revert FederationVotesNotSeated(account);
        if (delegatee == address(0)) revert FederationVotesInvalidLiaison(delegatee);
        address oldLiaison = delegates(account);
        _liaisons[account] = delegatee == account ? address(0) : delegatee;
        emit DelegateChanged(account, oldLiaison, delegatee);
        emit LiaisonAppointed(account, delegatee);
        _moveDelegateVotes(oldLiaison, delegatee, votes);
    }

    /// @dev Moves the total supply on a grant (`from` zero) or a withdrawal (`to` zero), then the
    /// votes of the liaisons.
    function _transferVotingUnits(address from, address to, uint256 amount) internal override {
        if (from == address(0)) _supply.add(clock(), amount);
        if (to == address(0)) _supply.subtract(clock(), amount);
        _moveDelegateVotes(delegates(from), delegates(to), amount);
    }

    /// @dev The voting units of a cooperative are its seat.
    function _getVotingUnits(address account) internal view override returns (uint256) {
        return _seats[account];
    }
}
