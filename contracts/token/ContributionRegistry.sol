// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ICareReputation} from "../interfaces/ICareReputation.sol";
import {IContributionRegistry} from "../interfaces/IContributionRegistry.sol";
import {IWorkHours} from "../interfaces/IWorkHours.sol";

/// @title ContributionRegistry
/// @notice Members submit claims of hours worked; governance (the timelock) approves or rejects
/// them in batches; approval mints WorkHours with credit (Commons, Subsistence) or
/// CareReputation (Care) to the claimants.
/// @dev Batch approval is what the cooperative pays most often, so it writes as little as it
/// can: per claim, only the claim's own slot (its status); per claimant, one
/// {IWorkHours-mintForWork} and one {ICareReputation-mint} entry, because the batch is summed per
/// claimant in memory and each token is called once per batch; per batch, one write of the
/// status counters.
///
/// Storage: a claim is one slot (claimant, amount, category, status); the evidence hash and URI
/// live only in {ClaimSubmitted}. The status counters and the claim cap share one slot, which
/// a submission reads and writes once. Each claimant's ids are indexed as they are added, so
/// {claimsOf} never loops over all claims.
///
/// Invariants a subclass must keep: a claim leaves `Pending` at most once; only `Pending ->
/// Approved` mints, by exactly the claim's amount to its claimant; the counters equal the
/// number of claims in each status; a batch skips the claims that are no longer pending, so
/// that no claimant's own action (a withdrawal) makes an approved batch revert.
contract ContributionRegistry is IContributionRegistry, AccessControl {
    // ─── Types ───────────────────────────────────────────────────────────────────────────────

    /// @dev A batch summed per claimant. `slots` is an open-addressing table from a claimant to
    /// its entry: each slot holds entry index + 1, or 0 when empty.
    struct Tally {
        address[] accounts;
        uint256[] commons;
        uint256[] subsistence;
        uint256[] care;
        uint256[] slots;
        uint256 length;
        uint256 workAccounts;
        uint256 careAccounts;
    }

    // ─── Storage ─────────────────────────────────────────────────────────────────────────────

    /// @notice The role of governance (the timelock), which approves and rejects claims.
    bytes32 public constant APPROVER_ROLE = keccak256("APPROVER_ROLE");

    uint256 private constant _MAX_AMOUNT = type(uint80).max;
    uint256 private constant _MASK40 = type(uint40).max;
    // claim slot: claimant (bits 0-159) | amount (160-239) | category (240-247) | status (248-255)
    uint256 private constant _AMOUNT_SHIFT = 160;
    uint256 private constant _CATEGORY_SHIFT = 240;
    uint256 private constant _STATUS_SHIFT = 248;
    // book slot: claims (0-39) | pending (40-79) | approved (80-119) | rejected (120-159) |
    // claim cap (160-239)
    uint256 private constant _PENDING_SHIFT = 40;
    uint256 private constant _APPROVED_SHIFT = 80;
    uint256 private constant _REJECTED_SHIFT = 120;
    uint256 private constant _CAP_SHIFT = 160;
    uint256 private constant _COUNTERS_MASK = (1 << _CAP_SHIFT) - 1;

    IWorkHours private immutable _work;
    ICareReputation private immutable _care;

    /// @dev The packed claim records, by id (ids start at 1).
    mapping(uint256 id => uint256) private _claims;

    /// @dev Each claimant's claim ids, oldest first; uint40 packs six ids per slot.
    mapping(address claimant => uint40[]) private _claimIds;

    /// @dev The status counters and the claim cap (see the layout above). Withdrawn claims are
    /// not counted: they are all claims minus the pending, approved and rejected ones.
    uint256 private _book;

    // ─── Constructor ─────────────────────────────────────────────────────────────────────────

    /// @param work The WorkHours token; this registry needs its `MINTER_ROLE`.
    /// @param care The CareReputation token; this registry needs its `MINTER_ROLE`.
    /// @param initialClaimCap The largest amount one claim may ask for (1e18 = one hour).
    /// @param admin Governance (the timelock): gets `DEFAULT_ADMIN_ROLE` and `APPROVER_ROLE`.
    constructor(IWorkHours work, ICareReputation care, uint256 initialClaimCap, address admin) {
        _work = work;
        _care = care;
        _setClaimCap(initialClaimCap);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(APPROVER_ROLE, admin);
    }

    // ─── External: members ───────────────────────────────────────────────────────────────────

    /// @inheritdoc IContributionRegistry
    /// @dev Anyone may submit. `evidenceHash` and `evidenceURI` are only emitted, not stored.
    ///
    /// Requirements:
    /// - `0 < amount <= claimCap()`.
    ///
    /// Emits a {ClaimSubmitted}.
    function submitClaim(
        uint256 amount,
        Category category,
        bytes32 evidenceHash,
        string calldata evidenceURI
    ) external returns (uint256 id) {
        uint256 book = _book;
        uint256 cap = book >> _CAP_SHIFT;
        if (amount == 0 || amount > cap) revert RegistryInvalidAmount(amount, cap);
        id = SafeCast.toUint40((book & _MASK40) + 1);
        // one write: the claim count (the low bits, now `id` < 2^40) and pending (<= claims) grow
        _book = book + 1 + (1 << _PENDING_SHIFT);
        address claimant = _msgSender();
        _claims[id] =
            uint256(uint160(claimant)) |
            (amount << _AMOUNT_SHIFT) |
            (uint256(category) << _CATEGORY_SHIFT) |
            (uint256(ClaimStatus.Pending) << _STATUS_SHIFT);
        _claimIds[claimant].push(uint40(id));
        emit ClaimSubmitted(id, claimant, category, amount, evidenceHash, evidenceURI);
    }

    /// @inheritdoc IContributionRegistry
    /// @dev Requirements:
    /// - claim `id` exists, the caller is its claimant, and it is pending.
    ///
    /// Emits a {ClaimWithdrawn}.
    function withdrawClaim(uint256 id) external {
        uint256 packed = _claims[id];
        address claimant = address(uint160(packed));
        if (claimant == address(0)) revert RegistryUnknownClaim(id);
        if (claimant != _msgSender()) revert RegistryNotClaimant(id, _msgSender());
        _settle(id, packed, ClaimStatus.Withdrawn);
        // withdrawn claims are derived: claims - pending - approved - rejected
        _book -= 1 << _PENDING_SHIFT;
        emit ClaimWithdrawn(id, claimant);
    }

    // ─── External: governance ────────────────────────────────────────────────────────────────

    /// @inheritdoc IContributionRegistry
    /// @dev Sums the batch per claimant in memory, then calls {IWorkHours-mintForWork} and
    /// {ICareReputation-mint} at most once each, so each claimant's token storage is written
    /// once per batch however many of its claims the batch holds.
    ///
    /// Requirements:
    /// - the caller holds `APPROVER_ROLE`;
    /// - `ids` is not empty, and every id names a claim that was submitted.
    ///
    /// A claim that is no longer pending (withdrawn by its claimant, or already approved or
    /// rejected, e.g. listed twice) is skipped, not an error: an approved batch mints every claim
    /// still pending at execution, and no claimant can make it revert by withdrawing.
    ///
    /// Emits a {ClaimApproved} per approved claim, a {ClaimSkipped} per skipped one, and the
    /// tokens' {Transfer}, {WorkCredited} and {DelegateVotesChanged} per claimant.
    function approveClaims(uint256[] calldata ids) external onlyRole(APPROVER_ROLE) {
        uint256 n = ids.length;
        if (n == 0) revert RegistryEmptyBatch();
        Tally memory tally = _newTally(n);
        uint256 approved = 0;
        for (uint256 i = 0; i < n; ++i) {
            uint256 id = ids[i];
            (bool settled, uint256 packed) = _settleInBatch(id, ClaimStatus.Approved);
            if (!settled) continue;
            ++approved;
            address claimant = address(uint160(packed));
            emit ClaimApproved(id, claimant);
            _add(
                tally,
                claimant,
                Category(uint8(packed >> _CATEGORY_SHIFT)),
                (packed >> _AMOUNT_SHIFT) & _MAX_AMOUNT
            );
        }
        // cannot underflow: each of the `approved` claims was pending
        _book = _book - (approved << _PENDING_SHIFT) + (approved << _APPROVED_SHIFT);
        _mint(tally);
    }

    /// @inheritdoc IContributionRegistry
    /// @dev Requirements:
    /// - the caller holds `APPROVER_ROLE`;
    /// - `ids` is not empty, and every id names a claim that was submitted.
    ///
    /// A claim that is no longer pending is skipped, as in {approveClaims}.
    ///
    /// Emits a {ClaimRejected} per rejected claim and a {ClaimSkipped} per skipped one.
    function rejectClaims(uint256[] calldata ids) external onlyRole(APPROVER_ROLE) {
        uint256 n = ids.length;
        if (n == 0) revert RegistryEmptyBatch();
        uint256 rejected = 0;
        for (uint256 i = 0; i < n; ++i) {
            uint256 id = ids[i];
            (bool settled, uint256 packed) = _settleInBatch(id, ClaimStatus.Rejected);
            if (!settled) continue;
            ++rejected;
            emit ClaimRejected(id, address(uint160(packed)));
        }
        // cannot underflow: each of the `rejected` claims was pending
        _book = _book - (rejected << _PENDING_SHIFT) + (rejected << _REJECTED_SHIFT);
    }

    /// @inheritdoc IContributionRegistry
    /// @dev Pending claims above the new cap stay valid; the cap applies to submissions.
    ///
    /// Requirements:
    /// - the caller holds `DEFAULT_ADMIN_ROLE`;
    /// - `0 < newCap < 2^80`.
    ///
    /// Emits a {ClaimCapUpdated}.
    function setClaimCap(uint256 newCap) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setClaimCap(newCap);
    }

    // ─── External: views ─────────────────────────────────────────────────────────────────────

    /// @inheritdoc IContributionRegistry
    function workHours() external view returns (IWorkHours) {
        return _work;
    }

    /// @inheritdoc IContributionRegistry
    function careReputation() external view returns (ICareReputation) {
        return _care;
    }

    /// @inheritdoc IContributionRegistry
    function claimCap() external view returns (uint256) {
        return _book >> _CAP_SHIFT;
    }

    /// @inheritdoc IContributionRegistry
    /// @dev Reverts with {RegistryUnknownClaim} for an id that was never issued.
    function claim(uint256 id) external view returns (Claim memory) {
        uint256 packed = _claims[id];
        address claimant = address(uint160(packed));
        if (claimant == address(0)) revert RegistryUnknownClaim(id);
        return
            Claim({
                claimant: claimant,
                amount: (packed >> _AMOUNT_SHIFT) & _MAX_AMOUNT,
                category: Category(uint8(packed >> _CATEGORY_SHIFT)),
                status: ClaimStatus(uint8(packed >> _STATUS_SHIFT))
            });
    }

    /// @inheritdoc IContributionRegistry
    function claimCount() external view returns (uint256) {
        return _book & _MASK40;
    }

    /// @inheritdoc IContributionRegistry
    function claimCountByStatus(ClaimStatus status) external view returns (uint256) {
        uint256 book = _book;
        uint256 pending = (book >> _PENDING_SHIFT) & _MASK40;
        uint256 approved = (book >> _APPROVED_SHIFT) & _MASK40;
        uint256 rejected = (book >> _REJECTED_SHIFT) & _MASK40;
        if (status == ClaimStatus.Pending) return pending;
        if (status == ClaimStatus.Approved) return approved;
        if (status == ClaimStatus.Rejected) return rejected;
        if (status == ClaimStatus.Withdrawn)
            return (book & _MASK40) - pending - approved - rejected;
        return 0;
    }

    /// @inheritdoc IContributionRegistry
    function claimCountOf(address account) external view returns (uint256) {
        return _claimIds[account].length;
    }

    /// @inheritdoc IContributionRegistry
    /// @dev Returns fewer than `limit` ids at the end of the list, and none past it.
    function claimsOf(
        address account,
        uint256 offset,
        uint256 limit
    ) external view returns (uint256[] memory ids) {
        uint40[] storage list = _claimIds[account];
        uint256 length = list.length;
        if (offset >= length) return new uint256[](0);
        uint256 count = length - offset < limit ? length - offset : limit;
        ids = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            ids[i] = list[offset + i];
        }
    }

    // ─── Internal ────────────────────────────────────────────────────────────────────────────

    /// @dev Moves claim `id`, whose record is `packed`, from `Pending` to `status` in one write,
    /// and returns the record. Reverts with {RegistryClaimNotPending} otherwise.
    function _settle(uint256 id, uint256 packed, ClaimStatus status) private returns (uint256) {
        ClaimStatus current = ClaimStatus(uint8(packed >> _STATUS_SHIFT));
        if (current != ClaimStatus.Pending) revert RegistryClaimNotPending(id, current);
        // the status is the top byte: clear it and set the new one
        packed = (packed & ((1 << _STATUS_SHIFT) - 1)) | (uint256(status) << _STATUS_SHIFT);
        _claims[id] = packed;
        return packed;
    }

    /// @dev In a batch: moves claim `id` from `Pending` to `status` and returns its record, or,
    /// when it is no longer pending, emits {ClaimSkipped} and returns `settled = false`. Reverts
    /// with {RegistryUnknownClaim} for an id never issued (a malformed batch, which no claimant
    /// can cause).
    function _settleInBatch(
        uint256 id,
        ClaimStatus status
    ) private returns (bool settled, uint256 packed) {
        packed = _claims[id];
        ClaimStatus current = ClaimStatus(uint8(packed >> _STATUS_SHIFT));
        if (current == ClaimStatus.Pending) return (true, _settle(id, packed, status));
        if (current == ClaimStatus.None) revert RegistryUnknownClaim(id);
        emit ClaimSkipped(id, current);
        return (false, packed);
    }

    function _setClaimCap(uint256 newCap) private {
        if (newCap == 0 || newCap > _MAX_AMOUNT) revert RegistryInvalidClaimCap(newCap);
        uint256 book = _book;
        _book = (book & _COUNTERS_MASK) | (newCap << _CAP_SHIFT);
        emit ClaimCapUpdated(book >> _CAP_SHIFT, newCap);
    }

    /// @dev An empty tally for a batch of `n` claims, with a table of at least 2n slots.
    function _newTally(uint256 n) private pure returns (Tally memory tally) {
        uint256 size = 4;
        while (size < 2 * n) size <<= 1;
        tally.accounts = new address[](n);
        tally.commons = new uint256[](n);
        tally.subsistence = new uint256[](n);
        tally.care = new uint256[](n);
        tally.slots = new uint256[](size);
    }

    /// @dev Adds `amount` of `category` to `claimant`'s entry, creating the entry if needed.
    function _add(
        Tally memory tally,
        address claimant,
        Category category,
        uint256 amount
    ) private pure {
        uint256 index = _entryOf(tally, claimant);
        if (category == Category.Care) {
            if (tally.care[index] == 0) ++tally.careAccounts;
            tally.care[index] += amount;
        } else {
            if (tally.commons[index] == 0 && tally.subsistence[index] == 0) ++tally.workAccounts;
            if (category == Category.Commons) tally.commons[index] += amount;
            else tally.subsistence[index] += amount;
        }
    }

    /// @dev The index of `claimant`'s entry, found or created by linear probing from its low
    /// address bits; the loop ends because the table has at least twice as many slots as entries. Addresses are hashes, so the bits spread evenly; a claimant who grinds an
    /// address to collide only makes its batch's lookups as slow as a linear search.
    function _entryOf(Tally memory tally, address claimant) private pure returns (uint256 index) {
        uint256 mask = tally.slots.length - 1;
        uint256 slot = uint256(uint160(claimant)) & mask;
        uint256 entry = tally.slots[slot];
        while (entry != 0) {
            if (tally.accounts[entry - 1] == claimant) return entry - 1;
            slot = (slot + 1) & mask;
            entry = tally.slots[slot];
        }
        index = tally.length;
        tally.length = index + 1;
        tally.slots[slot] = index + 1;
        tally.accounts[index] = claimant;
    }

    /// @dev Mints the tally: one {IWorkHours-mintForWork} call for the claimants with work hours
    /// and one {ICareReputation-mint} call for those with care hours.
    function _mint(Tally memory tally) private {
        if (tally.workAccounts != 0) {
            address[] memory accounts = new address[](tally.workAccounts);
            uint256[] memory commons = new uint256[](tally.workAccounts);
            uint256[] memory subsistence = new uint256[](tally.workAccounts);
            uint256 j = 0;
            for (uint256 i = 0; i < tally.length; ++i) {
                if (tally.commons[i] == 0 && tally.subsistence[i] == 0) continue;
                accounts[j] = tally.accounts[i];
                commons[j] = tally.commons[i];
                subsistence[j] = tally.subsistence[i];
                ++j;
            }
            _work.mintForWork(accounts, commons, subsistence);
        }
        if (tally.careAccounts != 0) {
            address[] memory accounts = new address[](tally.careAccounts);
            uint256[] memory amounts = new uint256[](tally.careAccounts);
            uint256 j = 0;
            for (uint256 i = 0; i < tally.length; ++i) {
                if (tally.care[i] == 0) continue;
                accounts[j] = tally.accounts[i];
                amounts[j] = tally.care[i];
                ++j;
            }
            _care.mint(accounts, amounts);
        }
    }
}
