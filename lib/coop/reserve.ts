import { Contract, ZeroAddress } from "ethers";

import { formatHours, formatReserve as formatReserveUnits, hoursText } from "../format/units.js";

import { CliError } from "../cli/errors.js";
import { send, type SendableMethod } from "../cli/tx.js";
import type { Coop } from "./context.js";
import { explainError } from "./explain.js";
import { notice } from "../notice.js";

/** The ERC20 calls the CLI makes on a reserve token. */
export interface Erc20 {
  balanceOf(account: string): Promise<bigint>;
  allowance(owner: string, spender: string): Promise<bigint>;
  approve: SendableMethod<[string, bigint]>;
  symbol(): Promise<string>;
  decimals(): Promise<bigint>;
}

const ERC20_ABI = [
  "function balanceOf(address) view returns (uint256)",
  "function allowance(address, address) view returns (uint256)",
  "function approve(address, uint256) returns (bool)",
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
];

/** The treasury's reserve asset: native RBTC, or one ERC20. */
export interface Reserve {
  native: boolean;
  address: string;
  symbol: string;
  decimals: number;
  /** The ERC20 the pool quotes WorkHours in: the reserve token, or WRBTC. */
  quoteToken: string;
  token?: Erc20;
}

export async function reserveOf(coop: Coop): Promise<Reserve> {
  const address = await coop.treasury.reserveAsset();
  if (address === ZeroAddress) {
    return {
      native: true,
      address,
      symbol: "RBTC",
      decimals: 18,
      quoteToken: coop.addresses.wrbtc,
    };
  }
  const token = new Contract(address, ERC20_ABI, coop.signer) as unknown as Erc20;
  const [symbol, decimals] = await Promise.all([token.symbol(), token.decimals()]);
  return { native: false, address, symbol, decimals: Number(decimals), quoteToken: address, token };
}

/** "0.0125 RBTC" */
export function formatReserve(reserve: Reserve, amount: bigint): string {
  return formatReserveUnits(reserve, amount);
}

/** The signer's spendable balance of the reserve asset. */
export async function reserveBalance(
  coop: Coop,
  reserve: Reserve,
  account: string,
): Promise<bigint> {
  return reserve.native
    ? coop.ethers.provider.getBalance(account)
    : (reserve.token as Erc20).balanceOf(account);
}

/** Fails with one line when the signer holds less than `amount` of the reserve. */
export async function ensureReserve(coop: Coop, reserve: Reserve, amount: bigint): Promise<void> {
  const held = await reserveBalance(coop, reserve, coop.signer.address);
  if (held < amount) {
    throw new CliError(
      `${coop.signer.address} holds ${formatReserve(reserve, held)}, needs ${formatReserve(reserve, amount)}`,
    );
  }
}

/** Approves `spender` for `amount` of an ERC20 when the allowance is short. */
export async function approveIfNeeded(
  coop: Coop,
  token: Pick<Erc20, "allowance" | "approve">,
  spender: string,
  amount: bigint,
): Promise<void> {
  const allowance = await token.allowance(coop.signer.address, spender);
  if (allowance >= amount) return;
  const sent = await send(
    "approve",
    token.approve,
    [spender, amount],
    coop.interfaces,
    explainError,
  );
  const tokenAddress = String((token as { target?: unknown }).target ?? "").toLowerCase();
  const spenderName =
    spender.toLowerCase() === coop.addresses.router.toLowerCase()
      ? "the pool's router"
      : spender.toLowerCase() === coop.addresses.treasury.toLowerCase()
        ? "the treasury"
        : spender;
  const amountText =
    tokenAddress === coop.addresses.workHours.toLowerCase()
      ? hoursText(amount)
      : tokenAddress === (coop.addresses.pair ?? "").toLowerCase()
        ? `${formatHours(amount)} pool shares`
        : formatReserveUnits(await reserveOf(coop), amount);
  notice(
    `approved ${spenderName} to take ${amountText} first (a separate transaction, gas ${sent.gasUsed.toLocaleString("en-US")})`,
  );
}

export { useNotice } from "../notice.js";
