import { useState, type FormEvent } from "react";
import { erc20Abi, parseEventLogs, type Address } from "viem";
import { useReadContract, useReadContracts } from "wagmi";

import { useAddresses } from "../chain/deployment.js";
import { useAccountAddress, useChainNow } from "../chain/hooks.js";
import { useReserve } from "../chain/reserve.js";
import { TxStatus, useTransaction, type Call } from "../chain/tx.js";
import { Figures, Section } from "../components/Figures.js";
import {
  duration,
  formatHours,
  getAmountOut,
  hoursText,
  moneyText,
  parseHoursInput,
  parseMoneyInput,
  parsePercentInput,
  priceText,
  type Money,
} from "../domain.js";
import { oracleAbi, pairAbi, routerAbi, workHoursAbi } from "../generated/abis.js";

const HOUR = 10n ** 18n;
const BPS = 10_000n;
/** How long a market transaction may wait before the router refuses it (as the CLI). */
const DEADLINE_SECONDS = 20n * 60n;
/** The highest slippage bound the forms accept. */
const MAX_SLIPPAGE_PERCENT = 50;

type Reserve = Money & { native: boolean; token?: Address };

/** The pool's reserves as [hours, reserve], in the pool's token order. */
function usePool(quote: Address | undefined) {
  const at = useAddresses();
  return useReadContract({
    address: at.router,
    abi: routerAbi,
    functionName: "getReserves",
    args: [at.workHours, quote ?? at.wrbtc],
    query: { enabled: quote !== undefined },
  });
}

/** Market: price, TWAP and its age, swap with a slippage bound, add and remove liquidity. */
export default function MarketPage() {
  const at = useAddresses();
  const now = useChainNow();
  const reserve = useReserve();
  const quote = reserve === undefined ? undefined : reserve.native ? at.wrbtc : reserve.token;
  const { data: pool } = usePool(quote);
  const { data: twap, error: twapError } = useReadContract({
    address: at.oracle,
    abi: oracleAbi,
    functionName: "consult",
    args: [at.workHours, HOUR],
    query: { enabled: at.oracle !== undefined, retry: false },
  });
  const { data: observedAt } = useReadContract({
    address: at.oracle,
    abi: oracleAbi,
    functionName: "observedAt",
    query: { enabled: at.oracle !== undefined },
  });
  if (reserve === undefined || pool === undefined || now === undefined) {
    return <p role="status">Reading the pool…</p>;
  }
  const [rHours, rReserve] = pool;
  const price = rHours === 0n ? undefined : (rReserve * HOUR) / rHours;
  return (
    <>
      <Figures
        label="Pool"
        rows={[
          ["Price", price === undefined ? "no liquidity yet" : priceText(reserve, price)],
          [
            "TWAP",
            twap !== undefined
              ? priceText(reserve, twap)
              : twapError !== null
                ? "not ready: the oracle has no full window yet"
                : "…",
          ],
          [
            "TWAP age",
            observedAt === undefined || observedAt === 0
              ? "never observed"
              : `last observed ${duration(now - BigInt(observedAt))} ago`,
          ],
          ["Pool holds", `${hoursText(rHours)} and ${moneyText(reserve, rReserve)}`],
        ]}
      />
      {quote !== undefined && (
        <>
          <Swap reserve={reserve} quote={quote} pool={[rHours, rReserve]} now={now} />
          {reserve.native ? (
            <Liquidity reserve={reserve} pool={[rHours, rReserve]} now={now} />
          ) : (
            <p>Liquidity against an ERC20 reserve is added with the CLI for now.</p>
          )}
        </>
      )}
    </>
  );
}

function slippageOf(text: string) {
  return parsePercentInput(text, MAX_SLIPPAGE_PERCENT);
}

function Swap({
  reserve,
  quote,
  pool,
  now,
}: {
  reserve: Reserve;
  quote: Address;
  pool: readonly [bigint, bigint];
  now: bigint;
}) {
  const at = useAddresses();
  const me = useAccountAddress();
  const { state, send, refuse } = useTransaction();
  const [sell, setSell] = useState<"hours" | "reserve">("hours");
  const [amountText, setAmountText] = useState("");
  const [slippageText, setSlippageText] = useState("0.5");
  const { data: held } = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: at.workHours, abi: workHoursAbi, functionName: "balanceOf", args: [me] },
      {
        address: at.workHours,
        abi: workHoursAbi,
        functionName: "allowance",
        args: [me, at.router],
      },
    ],
  });
  const [rHours, rReserve] = pool;
  const amount =
    sell === "hours" ? parseHoursInput(amountText, "amount") : parseMoneyInput(amountText, reserve);
  const out =
    amount.ok && rHours > 0n
      ? sell === "hours"
        ? getAmountOut(amount.value, rHours, rReserve)
        : getAmountOut(amount.value, rReserve, rHours)
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rHours === 0n) return refuse("the pool has no liquidity yet");
    if (!amount.ok) return refuse(amount.error);
    const slippage = slippageOf(slippageText);
    if (!slippage.ok) return refuse(slippage.error);
    if (sell === "hours" && held !== undefined && held[0] < amount.value) {
      return refuse(`you hold ${hoursText(held[0])}, cannot sell ${hoursText(amount.value)}`);
    }
    const expected = out ?? 0n;
    const minOut = (expected * (BPS - slippage.value)) / BPS;
    const deadline = now + DEADLINE_SECONDS;
    const calls: Call[] = [];
    const path = sell === "hours" ? [at.workHours, quote] : [quote, at.workHours];
    if (sell === "hours") {
      if (held === undefined || held[1] < amount.value) {
        calls.push({
          address: at.workHours,
          abi: workHoursAbi,
          functionName: "approve",
          args: [at.router, amount.value],
        });
      }
      calls.push({
        address: at.router,
        abi: routerAbi,
        functionName: reserve.native ? "swapExactTokensForRBTC" : "swapExactTokensForTokens",
        args: [amount.value, minOut, path, me, deadline],
      });
    } else if (reserve.native) {
      calls.push({
        address: at.router,
        abi: routerAbi,
        functionName: "swapExactRBTCForTokens",
        args: [minOut, path, me, deadline],
        value: amount.value,
      });
    } else {
      calls.push(
        { address: quote, abi: erc20Abi, functionName: "approve", args: [at.router, amount.value] },
        {
          address: at.router,
          abi: routerAbi,
          functionName: "swapExactTokensForTokens",
          args: [amount.value, minOut, path, me, deadline],
        },
      );
    }
    const sold = sell === "hours" ? hoursText(amount.value) : moneyText(reserve, amount.value);
    const outToken = sell === "hours" ? quote : at.workHours;
    void send("swap", calls, (receipt) => {
      // What the pair paid out: its Transfer of the bought token.
      const paid = parseEventLogs({
        abi: erc20Abi,
        eventName: "Transfer",
        logs: receipt.logs,
      }).find(
        (log) =>
          log.address.toLowerCase() === outToken.toLowerCase() &&
          log.args.from.toLowerCase() === at.pair?.toLowerCase(),
      );
      const got = paid?.args.value ?? expected;
      return `swapped ${sold} for ${sell === "hours" ? moneyText(reserve, got) : hoursText(got)}`;
    });
  };
  return (
    <Section title="Swap">
      <form onSubmit={submit} noValidate>
        <label>
          Sell
          <select
            name="sell"
            value={sell}
            onChange={(e) => setSell(e.target.value as "hours" | "reserve")}
          >
            <option value="hours">Hours for {reserve.symbol}</option>
            <option value="reserve">{reserve.symbol} for hours</option>
          </select>
        </label>
        <label>
          Amount to sell ({sell === "hours" ? "hours" : reserve.symbol})
          <input
            name="swap-amount"
            inputMode="decimal"
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
          />
        </label>
        <label>
          Slippage bound (%)
          <input
            name="slippage"
            inputMode="decimal"
            value={slippageText}
            onChange={(e) => setSlippageText(e.target.value)}
          />
        </label>
        {out !== undefined && (
          <p data-testid="swap-quote">
            You receive about{" "}
            {sell === "hours" ? moneyText(reserve, out) : `${formatHours(out)} hours`}.
          </p>
        )}
        <button type="submit">Swap</button>
        <TxStatus state={state} />
      </form>
    </Section>
  );
}

function Liquidity({
  reserve,
  pool,
  now,
}: {
  reserve: Reserve;
  pool: readonly [bigint, bigint];
  now: bigint;
}) {
  const at = useAddresses();
  const me = useAccountAddress();
  const add = useTransaction();
  const remove = useTransaction();
  const [hoursText_, setHours] = useState("");
  const [moneyText_, setMoney] = useState("");
  const [sharesText, setShares] = useState("");
  const [slippageText, setSlippageText] = useState("0.5");
  const { data } = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: at.pair, abi: pairAbi, functionName: "balanceOf", args: [me] },
      { address: at.pair, abi: pairAbi, functionName: "totalSupply" },
    ],
    query: { enabled: at.pair !== undefined },
  });
  const [rHours, rReserve] = pool;
  const [shares, totalShares] = data ?? [0n, 0n];
  const deadline = now + DEADLINE_SECONDS;

  const submitAdd = (event: FormEvent) => {
    event.preventDefault();
    const hours = parseHoursInput(hoursText_);
    if (!hours.ok) return add.refuse(hours.error);
    const money = parseMoneyInput(moneyText_, reserve);
    if (!money.ok) return add.refuse(money.error);
    const slippage = slippageOf(slippageText);
    if (!slippage.ok) return add.refuse(slippage.error);
    // What the router will take: all of one side and the pool's ratio of the other.
    let [h, m] = [hours.value, money.value];
    if (rHours > 0n && rReserve > 0n) {
      const forHours = (h * rReserve) / rHours;
      if (forHours <= m) m = forHours;
      else h = (m * rHours) / rReserve;
    }
    const min = (x: bigint) => (x * (BPS - slippage.value)) / BPS;
    void add.send(
      "add liquidity",
      [
        { address: at.workHours, abi: workHoursAbi, functionName: "approve", args: [at.router, h] },
        {
          address: at.router,
          abi: routerAbi,
          functionName: "addLiquidityRBTC",
          args: [at.workHours, h, min(h), min(m), me, deadline],
          value: m,
        },
      ],
      () => `added ${hoursText(h)} and ${moneyText(reserve, m)} to the pool`,
    );
  };

  const submitRemove = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseMoneyInput(sharesText, { symbol: "pool shares", decimals: 18 }, "shares");
    if (!amount.ok) return remove.refuse(amount.error);
    if (amount.value > shares) {
      return remove.refuse(
        `you hold ${moneyText({ symbol: "pool shares", decimals: 18 }, shares)}, cannot remove more`,
      );
    }
    const slippage = slippageOf(slippageText);
    if (!slippage.ok) return remove.refuse(slippage.error);
    if (at.pair === undefined || totalShares === 0n) return remove.refuse("the pool is empty");
    const h = (rHours * amount.value) / totalShares;
    const m = (rReserve * amount.value) / totalShares;
    const min = (x: bigint) => (x * (BPS - slippage.value)) / BPS;
    void remove.send(
      "remove liquidity",
      [
        {
          address: at.pair,
          abi: pairAbi,
          functionName: "approve",
          args: [at.router, amount.value],
        },
        {
          address: at.router,
          abi: routerAbi,
          functionName: "removeLiquidityRBTC",
          args: [at.workHours, amount.value, min(h), min(m), me, deadline],
        },
      ],
      () => `removed about ${hoursText(h)} and ${moneyText(reserve, m)} from the pool`,
    );
  };

  return (
    <Section title="Liquidity">
      <p>
        You hold {moneyText({ symbol: "pool shares", decimals: 18 }, shares)}
        {totalShares > 0n &&
          ` (${hoursText((rHours * shares) / totalShares)} and ${moneyText(reserve, (rReserve * shares) / totalShares)})`}
        .
      </p>
      <label>
        Slippage bound for liquidity (%)
        <input
          name="liquidity-slippage"
          inputMode="decimal"
          value={slippageText}
          onChange={(e) => setSlippageText(e.target.value)}
        />
      </label>
      <form onSubmit={submitAdd} noValidate aria-label="Add liquidity">
        <label>
          Hours to add
          <input
            name="add-hours"
            inputMode="decimal"
            value={hoursText_}
            onChange={(e) => setHours(e.target.value)}
          />
        </label>
        <label>
          {reserve.symbol} to add (at most)
          <input
            name="add-reserve"
            inputMode="decimal"
            value={moneyText_}
            onChange={(e) => setMoney(e.target.value)}
          />
        </label>
        <button type="submit">Add liquidity</button>
        <TxStatus state={add.state} />
      </form>
      <form onSubmit={submitRemove} noValidate aria-label="Remove liquidity">
        <label>
          Pool shares to remove
          <input
            name="remove-shares"
            inputMode="decimal"
            value={sharesText}
            onChange={(e) => setShares(e.target.value)}
          />
        </label>
        <button type="submit">Remove liquidity</button>
        <TxStatus state={remove.state} />
      </form>
    </Section>
  );
}
