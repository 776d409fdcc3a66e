import { formatUnits, Interface } from "ethers";

import { hoursText } from "../claims.js";
import { buildProposal, withProposer, type Proposal } from "../proposals.js";
import type { Reserve } from "./reserve.js";

const treasuryInterface = new Interface([
  "function setRate(uint256 newRate)",
  "function setFees(uint16 maxFee, uint16 minFee, uint32 holdPeriod)",
  "function openSale(uint128 price, uint128 cap, uint128 accountCap, uint40 start, uint40 end)",
  "function setBand((address oracle, address router, uint128 floor, uint128 ceiling, uint96 buybackBudget, uint96 emissionCap, uint32 periodLength, uint16 maxSlippage) params)",
]);

function money(reserve: Reserve, amount: bigint): string {
  return `${formatUnits(amount, reserve.decimals)} ${reserve.symbol}`;
}

function percent(bps: bigint): string {
  return `${formatUnits(bps, 2)}%`;
}

/** The proposal that sets the redemption rate (reserve base units per hour). */
export function rateProposal(
  treasury: string,
  reserve: Reserve,
  rate: bigint,
  proposer: string,
): Proposal {
  return buildProposal(
    [{ target: treasury, calldata: treasuryInterface.encodeFunctionData("setRate", [rate]) }],
    withProposer(`# Set the redemption rate to ${money(reserve, rate)} per hour`, proposer),
  );
}

/** The proposal that sets the holding-bonus fee schedule. */
export function feesProposal(
  treasury: string,
  fees: { maxFee: bigint; minFee: bigint; holdPeriod: bigint },
  proposer: string,
): Proposal {
  return buildProposal(
    [
      {
        target: treasury,
        calldata: treasuryInterface.encodeFunctionData("setFees", [
          fees.maxFee,
          fees.minFee,
          fees.holdPeriod,
        ]),
      },
    ],
    withProposer(
      `# Redemption fee from ${percent(fees.maxFee)} down to ${percent(fees.minFee)} over ${fees.holdPeriod} s of holding`,
      proposer,
    ),
  );
}

export interface SaleTerms {
  price: bigint;
  cap: bigint;
  accountCap: bigint;
  start: bigint;
  end: bigint;
}

/** The proposal that opens a capital sale of newly minted hours (no redemption credit). */
export function saleProposal(
  treasury: string,
  reserve: Reserve,
  sale: SaleTerms,
  proposer: string,
): Proposal {
  return buildProposal(
    [
      {
        target: treasury,
        calldata: treasuryInterface.encodeFunctionData("openSale", [
          sale.price,
          sale.cap,
          sale.accountCap,
          sale.start,
          sale.end,
        ]),
      },
    ],
    withProposer(
      [
        `# Open a sale of ${hoursText(sale.cap)} at ${money(reserve, sale.price)} per hour`,
        "",
        `At most ${hoursText(sale.accountCap)} per account, from ${new Date(Number(sale.start) * 1000).toISOString()} to ${new Date(Number(sale.end) * 1000).toISOString()}.`,
        "Bought hours vote and trade but carry no redemption credit.",
      ].join("\n"),
      proposer,
    ),
  );
}

export interface BandTerms {
  oracle: string;
  router: string;
  floor: bigint;
  ceiling: bigint;
  buybackBudget: bigint;
  emissionCap: bigint;
  periodLength: bigint;
  maxSlippage: bigint;
}

/** The proposal that sets the price band the treasury defends. */
export function bandProposal(
  treasury: string,
  reserve: Reserve,
  band: BandTerms,
  proposer: string,
): Proposal {
  return buildProposal(
    [
      {
        target: treasury,
        calldata: treasuryInterface.encodeFunctionData("setBand", [
          [
            band.oracle,
            band.router,
            band.floor,
            band.ceiling,
            band.buybackBudget,
            band.emissionCap,
            band.periodLength,
            band.maxSlippage,
          ],
        ]),
      },
    ],
    withProposer(
      [
        `# Keep the hour between ${money(reserve, band.floor)} and ${money(reserve, band.ceiling)}`,
        "",
        `Per ${band.periodLength} s period: buy back with up to ${money(reserve, band.buybackBudget)} below the floor, emit up to ${hoursText(band.emissionCap)} above the ceiling; at most ${percent(band.maxSlippage)} below the TWAP.`,
      ].join("\n"),
      proposer,
    ),
  );
}
