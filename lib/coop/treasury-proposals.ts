import { Interface } from "ethers";

import { durationText, timestampText } from "../format/durations.js";
import { formatBps, formatPrice, formatReserve, hoursText } from "../format/units.js";
import { buildProposal, withProposer, type Proposal } from "../proposals.js";
import type { Reserve } from "./reserve.js";

const treasuryInterface = new Interface([
  "function setRate(uint256 newRate)",
  "function setFees(uint16 maxFee, uint16 minFee, uint32 holdPeriod)",
  "function openSale(uint128 price, uint128 cap, uint128 accountCap, uint40 start, uint40 end)",
  "function setBand((address oracle, address router, uint128 floor, uint128 ceiling, uint96 buybackBudget, uint96 emissionCap, uint32 periodLength, uint16 maxSlippage) params)",
]);

function money(reserve: Reserve, amount: bigint): string {
  return formatReserve(reserve, amount);
}

function percent(bps: bigint): string {
  return formatBps(bps);
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
    withProposer(`# Set the redemption rate to ${formatPrice(reserve, rate)}`, proposer),
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
      `# Redemption fee from ${percent(fees.maxFee)} down to ${percent(fees.minFee)} over ${durationText(fees.holdPeriod)} of holding`,
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
        `# Open a sale of ${hoursText(sale.cap)} at ${formatPrice(reserve, sale.price)}, at most ${hoursText(sale.accountCap)} per account, for ${durationText(sale.end - sale.start)}`,
        "",
        `- price: ${formatPrice(reserve, sale.price)}`,
        `- hours for sale: ${hoursText(sale.cap)}`,
        `- at most per account: ${hoursText(sale.accountCap)}`,
        `- open from ${timestampText(sale.start)} to ${timestampText(sale.end)} (${durationText(sale.end - sale.start)})`,
        "",
        "Replaces any sale still open. Bought hours vote and trade but carry no redemption credit.",
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
        `# Keep the hour between ${money(reserve, band.floor)} and ${money(reserve, band.ceiling)}: per ${durationText(band.periodLength)} buy back with up to ${money(reserve, band.buybackBudget)}, emit up to ${hoursText(band.emissionCap)}, slippage ${percent(band.maxSlippage)}`,
        "",
        `- floor: ${formatPrice(reserve, band.floor)} (below it the treasury buys hours back and burns them)`,
        `- ceiling: ${formatPrice(reserve, band.ceiling)} (above it the treasury emits new hours)`,
        `- buy-back budget: ${money(reserve, band.buybackBudget)} per period`,
        `- emission cap: ${hoursText(band.emissionCap)} per period`,
        `- period: ${durationText(band.periodLength)}`,
        `- largest trade price below the TWAP: ${percent(band.maxSlippage)}`,
        `- TWAP oracle: ${band.oracle}; router: ${band.router}`,
        "",
        "Replaces the band in force, if any.",
      ].join("\n"),
      proposer,
    ),
  );
}
