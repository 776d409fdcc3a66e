import { useState, type FormEvent } from "react";
import { parseEventLogs } from "viem";
import { useReadContract, useReadContracts } from "wagmi";

import { useAddresses } from "../chain/deployment.js";
import { useAccountAddress, useChainNow } from "../chain/hooks.js";
import { useReserve } from "../chain/reserve.js";
import { TxStatus, useTransaction, type Call } from "../chain/tx.js";
import { Figures, Section } from "../components/Figures.js";
import {
  bpsText,
  hoursText,
  moneyText,
  parseHoursInput,
  parseMoneyInput,
  priceText,
  when,
  type Money,
} from "../domain.js";
import { treasuryAbi, workHoursAbi } from "../generated/abis.js";
import { erc20Abi } from "viem";

const CREDIT = ["commons", "subsistence"] as const;

/** Treasury: both pools, the rate, a redemption quote and redeem; the open sale. */
export default function TreasuryPage() {
  const at = useAddresses();
  const reserve = useReserve();
  const { data } = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: at.treasury, abi: treasuryAbi, functionName: "pools" },
      { address: at.treasury, abi: treasuryAbi, functionName: "rate" },
      { address: at.treasury, abi: treasuryAbi, functionName: "feeParameters" },
    ],
  });
  if (data === undefined || reserve === undefined) return <p role="status">Reading…</p>;
  const [[subsistence, commons], rate, [maxFee, minFee, holdPeriod]] = data;
  return (
    <>
      <Figures
        label="Treasury"
        rows={[
          ["Subsistence pool", moneyText(reserve, subsistence)],
          ["Commons pool", moneyText(reserve, commons)],
          ["Rate", priceText(reserve, rate)],
          [
            "Redemption fee",
            `${bpsText(BigInt(maxFee))}, falling to ${bpsText(BigInt(minFee))} after holding for ${Number(holdPeriod) / 86_400} days`,
          ],
        ]}
      />
      <Redeem reserve={reserve} />
      <Sale reserve={reserve} />
    </>
  );
}

function Redeem({ reserve }: { reserve: Money }) {
  const at = useAddresses();
  const me = useAccountAddress();
  const { state, send, refuse } = useTransaction();
  const [category, setCategory] = useState("0");
  const [hours, setHours] = useState("");
  const [minimum, setMinimum] = useState("");
  const parsed = parseHoursInput(hours);
  const amount = parsed.ok ? parsed.value : undefined;
  const { data: credit } = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: at.workHours, abi: workHoursAbi, functionName: "balanceOf", args: [me] },
      {
        address: at.workHours,
        abi: workHoursAbi,
        functionName: "earnedCredit",
        args: [me, Number(category)],
      },
    ],
  });
  const { data: quote } = useReadContract({
    address: at.treasury,
    abi: treasuryAbi,
    functionName: "quoteRedemption",
    args: [me, amount ?? 0n],
    query: { enabled: amount !== undefined },
  });
  const name = CREDIT[Number(category)];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.ok) return refuse(parsed.error);
    const value = parsed.value;
    if (credit !== undefined && credit[0] < value) {
      return refuse(`you hold ${hoursText(credit[0])}, cannot redeem ${hoursText(value)}`);
    }
    if (credit !== undefined && credit[1] < value) {
      return refuse(
        `you have ${hoursText(credit[1])} of ${name} credit, cannot redeem ${hoursText(value)}`,
      );
    }
    let minOut = quote?.[0] ?? 0n;
    if (minimum.trim() !== "") {
      const min = parseMoneyInput(minimum, reserve, "minimum payout");
      if (!min.ok) return refuse(min.error);
      minOut = min.value;
    }
    void send(
      "redeem",
      [
        {
          address: at.treasury,
          abi: treasuryAbi,
          functionName: "redeem",
          args: [Number(category), value, minOut],
        },
      ],
      (receipt) => {
        const [done] = parseEventLogs({
          abi: treasuryAbi,
          eventName: "Redeemed",
          logs: receipt.logs,
        });
        const payout = done === undefined ? "" : ` for ${moneyText(reserve, done.args.payout)}`;
        return `redeemed ${hoursText(value)} of ${name} credit${payout}`;
      },
    );
  };
  return (
    <Section title="Redeem hours">
      <form onSubmit={submit} noValidate>
        <label>
          Credit
          <select name="credit" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="0">Commons</option>
            <option value="1">Subsistence</option>
          </select>
        </label>
        <label>
          Hours to redeem
          <input
            name="redeem-hours"
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        </label>
        {credit !== undefined && (
          <p className="hint">
            You hold {hoursText(credit[0])} with {hoursText(credit[1])} of {name} credit.
          </p>
        )}
        {quote !== undefined && amount !== undefined && (
          <p data-testid="redemption-quote">
            Quote: {moneyText(reserve, quote[0])} after a fee of {moneyText(reserve, quote[1])} (
            {bpsText(quote[2])}).
          </p>
        )}
        <label>
          Minimum payout in {reserve.symbol} (empty for the quote)
          <input
            name="minimum"
            inputMode="decimal"
            value={minimum}
            onChange={(e) => setMinimum(e.target.value)}
          />
        </label>
        <button type="submit">Redeem</button>
        <TxStatus state={state} />
      </form>
    </Section>
  );
}

function Sale({ reserve }: { reserve: Money & { native: boolean; token?: `0x${string}` } }) {
  const at = useAddresses();
  const now = useChainNow();
  const { state, send, refuse } = useTransaction();
  const [hours, setHours] = useState("");
  const { data: sale } = useReadContract({
    address: at.treasury,
    abi: treasuryAbi,
    functionName: "sale",
  });
  const parsed = parseHoursInput(hours);
  const { data: cost } = useReadContract({
    address: at.treasury,
    abi: treasuryAbi,
    functionName: "quotePurchase",
    args: [parsed.ok ? parsed.value : 0n],
    query: { enabled: parsed.ok && sale?.active === true },
  });
  if (sale === undefined || now === undefined) return null;
  const open = sale.active && now >= BigInt(sale.start) && now < BigInt(sale.end);
  const left = sale.cap - sale.sold;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!open) return refuse("no sale is open; governance opens one by proposal");
    if (!parsed.ok) return refuse(parsed.error);
    if (parsed.value > left) {
      return refuse(`the sale has ${hoursText(left)} left; asked for ${hoursText(parsed.value)}`);
    }
    if (cost === undefined) return refuse("the price is still being read; try again");
    const calls: Call[] = [];
    if (!reserve.native && reserve.token !== undefined) {
      calls.push({
        address: reserve.token,
        abi: erc20Abi,
        functionName: "approve",
        args: [at.treasury, cost],
      });
    }
    calls.push({
      address: at.treasury,
      abi: treasuryAbi,
      functionName: "buy",
      args: [parsed.value, cost],
      value: reserve.native ? cost : 0n,
    });
    void send(
      "buy",
      calls,
      () => `bought ${hoursText(parsed.value)} for ${moneyText(reserve, cost)}`,
    );
  };
  return (
    <Section title="Sale">
      {sale.active ? (
        <p>
          Sale {String(sale.id)}: {hoursText(sale.sold)} of {hoursText(sale.cap)} sold at{" "}
          {priceText(reserve, sale.price)}, {open ? "open until" : "opens"}{" "}
          {when(BigInt(open ? sale.end : sale.start), now)}.
        </p>
      ) : (
        <p>No sale is open.</p>
      )}
      <form onSubmit={submit} noValidate>
        <label>
          Hours to buy
          <input
            name="buy-hours"
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        </label>
        {cost !== undefined && parsed.ok && <p>Cost: {moneyText(reserve, cost)}</p>}
        <button type="submit">Buy</button>
        <TxStatus state={state} />
      </form>
    </Section>
  );
}
