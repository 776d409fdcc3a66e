import { useQuery } from "@tanstack/react-query";
import { useCallback, useState, type FormEvent } from "react";
import { parseEventLogs, type Address } from "viem";
import {
  useConfig,
  useConnection,
  usePublicClient,
  useReadContract,
  useReadContracts,
} from "wagmi";
import { readContract, readContracts } from "wagmi/actions";

import { useAddresses } from "../chain/deployment.js";
import { useFederationRecord } from "../chain/federation.js";
import { useAccountAddress, useProposalRecord, useChainNow, useChecksum } from "../chain/hooks.js";
import { TxStatus, useTransaction } from "../chain/tx.js";
import { Figures, Section } from "../components/Figures.js";
import {
  balancesSum,
  coopHoursText,
  coopLabel,
  federationActionTexts,
  hoursText,
  memberRows,
  minimumOut,
  parseHoursInput,
  parsePercentInput,
  parseRecipient,
  paymentRefusal,
  periodText,
  proposalRef,
  proposalStateName,
  proposalTitle,
  ProposalState,
  quoteText,
  revertSentence,
  when,
  type FederationRecord,
  type MemberState,
  type RecordedCoop,
} from "../domain.js";
import { clearingUnionAbi, governorAbi, workHoursAbi } from "../generated/abis.js";

/** How many of the federation's latest proposals the page shows. */
const LATEST_PROPOSALS = 10;

/** The highest slippage bound the form accepts (as the market's). */
const MAX_SLIPPAGE_PERCENT = 50;

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Federation: the cooperatives of the federation the member's cooperative belongs to, each
 * with its standing in the clearing union, and a payment to a member of another cooperative.
 */
export default function FederationPage() {
  const { chainId } = useConnection();
  const { data: record, isPending } = useFederationRecord(chainId ?? 0);
  if (isPending) return <p role="status">Reading the federation…</p>;
  if (record === null || record === undefined) {
    return (
      <p data-testid="no-federation">
        No federation is recorded on chain {chainId}: set one up on a local node with{" "}
        <code>npm run federation:local -- --network localhost</code>, or try this page with{" "}
        <code>npm run app:federation</code>.
      </p>
    );
  }
  return <FederationView record={record} />;
}

function FederationView({ record }: { record: FederationRecord }) {
  const at = useAddresses();
  const now = useChainNow();
  const own = record.coops.find((c) => same(c.hours, at.workHours));
  const union = record.union as Address;
  const { data: settings } = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: union, abi: clearingUnionAbi, functionName: "period" },
      { address: union, abi: clearingUnionAbi, functionName: "maxIndexChangeBps" },
    ],
  });
  // One read per recorded cooperative, as `coop federation status` reads them.
  const { data: states } = useReadContracts({
    allowFailure: false,
    contracts: record.coops.map(
      (c) =>
        ({
          address: union,
          abi: clearingUnionAbi,
          functionName: "member",
          args: [c.hours as Address],
        }) as const,
    ),
  });
  if (settings === undefined || states === undefined || now === undefined) {
    return <p role="status">Reading the federation…</p>;
  }
  const [period, maxIndexChangeBps] = settings;
  const rest: readonly MemberState[] = states;
  const members = rest.map((state, k) => ({ coop: record.coops[k], state }));
  return (
    <>
      <p data-testid="federation-intro">
        {own === undefined
          ? `Your cooperative is not a member of this federation of ${record.coops.length} cooperatives.`
          : `Your cooperative, the ${coopLabel(own)}, is one of the ${record.coops.length} cooperatives of this federation.`}{" "}
        Members of different cooperatives pay each other through its clearing union, in their own
        hours; balances and limits are counted in federation hours, and each cooperative&apos;s
        exchange index says what one of its hours is worth in them.
      </p>
      <p>{periodText(period, maxIndexChangeBps, now)}</p>
      <Section title="Cooperatives">
        {members.map(({ coop, state }) => (
          <article key={coop.hours} className="card" aria-label={coopLabel(coop)}>
            <h3>
              {coopLabel(coop)}
              {own !== undefined && same(coop.hours, own.hours) && " · yours"}
            </h3>
            <Figures label={`${coop.name} in the clearing union`} rows={memberRows(coop, state)} />
          </article>
        ))}
        <p>
          The clearing balances sum to {hoursText(balancesSum(rest))}: what one cooperative owes,
          the others are owed.
        </p>
      </Section>
      <Pay record={record} own={own} />
      <Proposals record={record} now={now} />
    </>
  );
}

function Pay({ record, own }: { record: FederationRecord; own: RecordedCoop | undefined }) {
  const config = useConfig();
  const me = useAccountAddress();
  const checksum = useChecksum();
  const nameOf = useCallback(
    (address: string) => {
      const coop = record.coops.find((c) => same(c.hours, address));
      return coop === undefined ? undefined : coopLabel(coop);
    },
    [record],
  );
  const { state, send, refuse } = useTransaction(nameOf);
  const [fromHours, setFrom] = useState(own?.hours ?? record.coops[0].hours);
  const others = record.coops.filter((c) => !same(c.hours, fromHours));
  const [toChoice, setTo] = useState(others[0]?.hours ?? "");
  const toHours = others.some((c) => same(c.hours, toChoice)) ? toChoice : (others[0]?.hours ?? "");
  const [recipientText, setRecipient] = useState("");
  const [amountText, setAmount] = useState("");
  const [slippageText, setSlippage] = useState("0.5");
  const from = record.coops.find((c) => same(c.hours, fromHours)) ?? record.coops[0];
  const to = record.coops.find((c) => same(c.hours, toHours));
  const amount = parseHoursInput(amountText, "hours to pay");
  const slippage = parsePercentInput(slippageText, MAX_SLIPPAGE_PERCENT);
  const { data: held } = useReadContract({
    address: from.hours as Address,
    abi: workHoursAbi,
    functionName: "balanceOf",
    args: [me],
  });
  const { data: quote } = useReadContract({
    address: record.union as Address,
    abi: clearingUnionAbi,
    functionName: "quote",
    args: [from.hours as Address, toHours as Address, amount.ok ? amount.value : 0n],
    query: { enabled: amount.ok && to !== undefined },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (to === undefined) return refuse("the federation has no other cooperative to pay");
    if (!amount.ok) return refuse(amount.error);
    const recipient = parseRecipient(recipientText);
    if (!recipient.ok) return refuse(recipient.error);
    if (!slippage.ok) return refuse(slippage.error);
    // The chain's figures now, not the page's last read: what the union will check.
    const union = record.union as Address;
    let figures;
    try {
      figures = await readContracts(config, {
        allowFailure: false,
        contracts: [
          {
            address: union,
            abi: clearingUnionAbi,
            functionName: "member",
            args: [from.hours as Address],
          },
          {
            address: union,
            abi: clearingUnionAbi,
            functionName: "member",
            args: [to.hours as Address],
          },
          {
            address: from.hours as Address,
            abi: workHoursAbi,
            functionName: "balanceOf",
            args: [me],
          },
          {
            address: union,
            abi: clearingUnionAbi,
            functionName: "quote",
            args: [from.hours as Address, to.hours as Address, amount.value],
          },
        ],
      });
    } catch (error) {
      return refuse(
        `the federation could not be read: ${revertSentence(error, undefined, nameOf)}`,
      );
    }
    const [payer, receiver, balance, [value, hoursOut]] = figures;
    const refusal = paymentRefusal({
      from: { coop: from, state: payer },
      to: { coop: to, state: receiver },
      held: balance,
      hoursIn: amount.value,
      value,
      hoursOut,
    });
    if (refusal !== undefined) return refuse(refusal);
    const minOut = minimumOut(hoursOut, slippage.value);
    void send(
      "pay",
      [
        {
          address: union,
          abi: clearingUnionAbi,
          functionName: "pay",
          args: [from.hours, to.hours, recipient.value, amount.value, minOut],
        },
      ],
      (receipt) => {
        const paid = parseEventLogs({
          abi: clearingUnionAbi,
          eventName: "Paid",
          logs: receipt.logs,
        })[0];
        const out = paid?.args.hoursOut ?? hoursOut;
        return `paid ${coopHoursText(amount.value, from.symbol)}; ${checksum(recipient.value)} received ${coopHoursText(out, to.symbol)} of the ${coopLabel(to)}`;
      },
    );
  };

  return (
    <Section title="Pay a member of another cooperative">
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label="Pay a member of another cooperative"
      >
        <label>
          Pay with hours of
          <select name="from-coop" value={from.hours} onChange={(e) => setFrom(e.target.value)}>
            {record.coops.map((c) => (
              <option key={c.hours} value={c.hours}>
                {coopLabel(c)}
                {own !== undefined && same(c.hours, own.hours) ? " · yours" : ""}
              </option>
            ))}
          </select>
        </label>
        <p data-testid="federation-held">
          You hold {held === undefined ? "…" : coopHoursText(held, from.symbol)}.
        </p>
        <label>
          To a member of
          <select name="to-coop" value={toHours} onChange={(e) => setTo(e.target.value)}>
            {others.map((c) => (
              <option key={c.hours} value={c.hours}>
                {coopLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Recipient&apos;s address
          <input
            name="recipient"
            value={recipientText}
            onChange={(e) => setRecipient(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label>
          Hours to pay
          <input
            name="pay-hours"
            inputMode="decimal"
            value={amountText}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label>
          Slippage bound (%)
          <input
            name="pay-slippage"
            inputMode="decimal"
            value={slippageText}
            onChange={(e) => setSlippage(e.target.value)}
          />
        </label>
        {quote !== undefined && to !== undefined && amount.ok && (
          <p data-testid="federation-quote">
            {quoteText(to, quote[0], quote[1], slippage.ok ? slippage.value : 0n)}
          </p>
        )}
        <button type="submit">Pay</button>
        <TxStatus state={state} />
      </form>
    </Section>
  );
}

interface FederationProposal {
  id: bigint;
  targets: readonly Address[];
  calldatas: readonly `0x${string}`[];
  description: string;
}

/** The federation's latest proposals, read-only: the liaisons vote on them. */
function Proposals({ record, now }: { record: FederationRecord; now: bigint }) {
  const client = usePublicClient();
  const { data: proposals } = useQuery({
    queryKey: ["federation-proposals", record.governor],
    enabled: client !== undefined,
    queryFn: async (): Promise<FederationProposal[]> => {
      const logs = await client!.getContractEvents({
        address: record.governor as Address,
        abi: governorAbi,
        eventName: "ProposalCreated",
        fromBlock: "earliest",
      });
      return logs
        .reverse()
        .slice(0, LATEST_PROPOSALS)
        .map((log) => ({
          id: log.args.proposalId!,
          targets: log.args.targets!,
          calldatas: log.args.calldatas!,
          description: log.args.description!,
        }));
    },
  });
  return (
    <Section title="Federation proposals">
      <p>
        Admissions, limits, exchange indices, freezes and retirements are decided by the
        federation&apos;s vote, one seat per cooperative, cast by the liaison each cooperative
        appoints (with <code>coop federation vote</code>).
      </p>
      {proposals === undefined ? (
        <p role="status">Reading the federation&apos;s proposals…</p>
      ) : proposals.length === 0 ? (
        <p>No federation proposal yet.</p>
      ) : (
        proposals.map((p) => (
          <FederationProposalCard key={String(p.id)} record={record} proposal={p} now={now} />
        ))
      )}
    </Section>
  );
}

function FederationProposalCard({
  record,
  proposal,
  now,
}: {
  record: FederationRecord;
  proposal: FederationProposal;
  now: bigint;
}) {
  const me = useAccountAddress();
  // The card's, so that the confirmation stays once the vote form gives way.
  const tx = useTransaction();
  const id = proposal.id;
  const data = useProposalRecord(record.governor as Address, id, me);
  const ref = proposalRef(id);
  const actions = federationActionTexts(proposal, (address) =>
    record.coops.find((c) => same(c.hours, address)),
  );
  const rows: Array<[string, string]> = [];
  const active = data !== undefined && BigInt(data[0]) === ProposalState.Active;
  if (data !== undefined) {
    const [state, [against, forVotes, abstain], snapshot, deadline, eta] = data;
    rows.push(["State", proposalStateName(state)]);
    const seats = (n: bigint) => `${n} ${n === 1n ? "seat" : "seats"}`;
    rows.push([
      "Votes",
      `for ${seats(forVotes)}, against ${seats(against)}, abstain ${seats(abstain)}`,
    ]);
    if (BigInt(state) === ProposalState.Pending)
      rows.push(["Voting opens", when(snapshot + 1n, now)]);
    if (BigInt(state) === ProposalState.Active) rows.push(["Voting ends", when(deadline, now)]);
    if (BigInt(state) === ProposalState.Queued) rows.push(["Executable", when(eta, now)]);
  }
  return (
    <article className="card" aria-label={`Federation proposal ${ref}`}>
      <h3>
        {proposalTitle(proposal.description)} <code>{ref}</code>
      </h3>
      {data === undefined ? (
        <p role="status">Reading…</p>
      ) : (
        <Figures label={`State of ${ref}`} rows={rows} />
      )}
      <ul aria-label="Actions">
        {actions.map((text, k) => (
          <li key={k}>{text}</li>
        ))}
      </ul>
      {active && data[5] && <p>You have cast your seat on this proposal.</p>}
      {active && !data[5] && (
        <SeatVote record={record} proposal={proposal} snapshot={data[2]} tx={tx} />
      )}
      <TxStatus state={tx.state} />
    </article>
  );
}

/**
 * A liaison casts its cooperative's seat. Checked first: a choice, and a seat at the proposal's
 * snapshot (only the liaison a cooperative appointed by its own vote holds one).
 */
function SeatVote({
  record,
  proposal,
  snapshot,
  tx,
}: {
  record: FederationRecord;
  proposal: FederationProposal;
  snapshot: bigint;
  tx: ReturnType<typeof useTransaction>;
}) {
  const config = useConfig();
  const me = useAccountAddress();
  const { send, refuse } = tx;
  const [support, setSupport] = useState<number | undefined>();
  const ref = proposalRef(proposal.id);
  const governor = record.governor as Address;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (support === undefined) return refuse("choose for, against or abstain before voting");
    let seats: bigint;
    try {
      seats = await readContract(config, {
        address: governor,
        abi: governorAbi,
        functionName: "getVotes",
        args: [me, snapshot],
      });
    } catch (error) {
      return refuse(`the federation could not be read: ${revertSentence(error)}`);
    }
    if (seats === 0n) {
      return refuse(
        "you cast no seat in the federation on this proposal: each cooperative's seat is cast by the liaison its members appointed",
      );
    }
    const words = ["against", "for", "abstain"][support];
    void send(
      "vote",
      [
        {
          address: governor,
          abi: governorAbi,
          functionName: "castVote",
          args: [proposal.id, support],
        },
      ],
      () => `voted ${words} on ${ref} with your cooperative's seat`,
    );
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Vote on ${ref}`}>
      <fieldset>
        <legend>Your cooperative&apos;s seat</legend>
        {(
          [
            ["For", 1],
            ["Against", 0],
            ["Abstain", 2],
          ] as const
        ).map(([label, value]) => (
          <label key={label} className="inline">
            <input
              type="radio"
              name={`seat-${ref}`}
              checked={support === value}
              onChange={() => setSupport(value)}
            />{" "}
            {label}
          </label>
        ))}
      </fieldset>
      <button type="submit">Vote</button>
    </form>
  );
}
