// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";

import {IWorkHours} from "../../interfaces/IWorkHours.sol";

/// @dev Temporary stand-in for the tokens domain's WorkHours while it is being written.
contract MockWorkHours is ERC20, ERC20Permit, ERC20Votes, AccessControl, IWorkHours {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant CAPITAL_ROLE = keccak256("CAPITAL_ROLE");
    bytes32 public constant REDEEMER_ROLE = keccak256("REDEEMER_ROLE");

    error MockShort(uint256 have, uint256 need);

    mapping(address account => mapping(Category => uint256)) private _credit;
    mapping(address account => uint256) private _since;

    constructor(
        string memory name,
        string memory symbol,
        address admin
    ) ERC20(name, symbol) ERC20Permit(name) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    function earnedCredit(address account, Category category) external view returns (uint256) {
        return _credit[account][category];
    }

    function holdingSince(address account) external view returns (uint256) {
        return _since[account];
    }

    function mintForWork(
        address[] calldata accounts,
        uint256[] calldata commons,
        uint256[] calldata subsistence
    ) external onlyRole(MINTER_ROLE) {
        for (uint256 i; i < accounts.length; ++i) {
            _credit[accounts[i]][Category.Commons] += commons[i];
            _credit[accounts[i]][Category.Subsistence] += subsistence[i];
            if (_since[accounts[i]] == 0) _since[accounts[i]] = block.timestamp;
            _mint(accounts[i], commons[i] + subsistence[i]);
        }
    }

    function mintCapital(address to, uint256 amount) external onlyRole(CAPITAL_ROLE) {
        _mint(to, amount);
    }

    function redeemBurn(
        address account,
        Category category,
        uint256 amount
    ) external onlyRole(REDEEMER_ROLE) {
        uint256 credit = _credit[account][category];
        if (credit < amount) revert MockShort(credit, amount);
        _credit[account][category] = credit - amount;
        _since[account] = block.timestamp;
        _burn(account, amount);
        emit CreditRedeemed(account, category, amount);
    }

    function burn(uint256 amount) external {
        _burn(msg.sender, amount);
    }

    function clock() public view override(Votes, IERC6372) returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(Votes, IERC6372) returns (string memory) {
        return "mode=timestamp";
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
