import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { parseEventLogs, type Address, type Hex } from "viem";
import { usePublicClient, useReadContract, useReadContracts } from "wagmi";

import { useAddresses } from "../chain/deployment.js";
import { useAccountAddress, useProposalRecord, useChainNow } from "../chain/hooks.js";
import { useReserve } from "../chain/reserve.js";
import { TxStatus, useTransaction } from "../chain/tx.js";
import { Section } from "../components/Figures.js";
import {
  actionTexts,
  RBTC,
  approveClaimsProposal,
  descriptionHash,
  duration,
  hoursText,
  proposalRef,
  proposalStateName,
  proposalTitle,
  proposeArgs,
  type ClaimSummary,
  type ContractNames,
} from "../domain.js";
import { governorAbi } from "../generated/abis.js";
import { ClaimTable, useClaims, useLatestClaimIds } from "./Claims.js";

/** How many of the latest proposals the page shows. */
const LATEST_PROPOSALS = 20;

interface Created {
  id: bigint;
  proposer: Address;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
}

/** Role names by address ("treasury"), for the decoded actions. */
function useContractNames(): ContractNames {
  const at = useAddresses();
  return useMemo(
    () =>
      Object.fromEntries(
        Object.entries(at)
          .filter(([, address]) => address !== undefined)
          .map(([role, address]) => [address as string, role]),
      ),
    [at],
  );
}

/** The latest proposals, newest first, from the governor's ProposalCreated events. */
function useProposals(): Created[] | undefined {
  const at = useAddresses();
  const client = usePublicClient();
  const { data } = useQuery({
    queryKey: ["proposals", at.governor],
    enabled: client !== undefined,
    queryFn: async () => {
      const logs = await client!.getContractEvents({
        address: at.governor,
        abi: governorAbi,
        eventName: "ProposalCreated",
        fromBlock: "earliest",
      });
      return logs
        .reverse()
        .slice(0, LATEST_PROPOSALS)
        .map((log): Created => ({
          id: log.args.proposalId!,
          proposer: log.args.proposer!,
          targets: log.args.targets!,
          values: log.args.values!,
          calldatas: log.args.calldatas!,
          description: log.args.description!,
        }));
    },
  });
  return data;
}

/** Proposals: state, countdown from chain time, tallies and quorum, actions; vote, queue, execute. */
export default function ProposalsPage() {
  const proposals = useProposals();
  const me = useAccountAddress();
  return (
    <>
      <Section title="Latest proposals">
        {proposals === undefined ? (
          <p role="status">Reading proposals…</p>
        ) : proposals.length === 0 ? (
          <p>No proposal yet.</p>
        ) : (
          proposals.map((p) => <ProposalCard key={`${p.id}-${me}`} proposal={p} />)
        )}
      </Section>
      <ProposeApproval />
    </>
  );
}

function ProposalCard({ proposal }: { proposal: Created }) {
  const at = useAddresses();
  const me = useAccountAddress();
  const now = useChainNow();
  const names = useContractNames();
  const reserve = useReserve();
  const id = proposal.id;
  const gov = { address: at.governor, abi: governorAbi } as const;
  const data = useProposalRecord(gov.address, id, me);
  const snapshot = data?.[2];
  const { data: quorum } = useReadContract({
    ...gov,
    functionName: "proposalQuorum",
    args: [id],
    query: { enabled: snapshot !== undefined && now !== undefined && snapshot < now },
  });
  const tx = useTransaction();
  const title = proposalTitle(proposal.description);
  const ref = proposalRef(id);
  if (data === undefined || now === undefined) {
    return (
      <article className="card" aria-label={`Proposal ${ref}`}>
        <h3>{title}</h3>
        <p role="status">Reading…</p>
      </article>
    );
  }
  const [state, [against, forVotes, abstain], , deadline, eta, voted] = data;
  const stateName = proposalStateName(state);
  let countdown = "";
  if (stateName === "Pending") countdown = `voting opens in ${duration(snapshot! + 1n - now)}`;
  else if (stateName === "Active") countdown = `voting closes in ${duration(deadline - now)}`;
  else if (stateName === "Succeeded") countdown = "the vote passed; it can be queued";
  else if (stateName === "Queued")
    countdown = eta > now ? `can be executed in ${duration(eta - now)}` : "can be executed now";
  const counted = forVotes + abstain;
  const percent =
    quorum === undefined || quorum === 0n ? 100 : Math.min(100, Number((counted * 100n) / quorum));
  return (
    <article className="card" aria-label={`Proposal ${ref}`}>
      <h3>{title}</h3>
      <p>
        <span className="hint">Proposal </span>
        <code>{ref}</code> · <strong data-testid="state">{stateName}</strong>
        {countdown !== "" && <> · {countdown}</>}
      </p>
      <ul aria-label="Tallies">
        <li>For: {hoursText(forVotes)}</li>
        <li>Against: {hoursText(against)}</li>
        <li>Abstain: {hoursText(abstain)}</li>
        <li>
          Quorum:{" "}
          {quorum === undefined
            ? "set when voting opens"
            : `${hoursText(counted)} of ${hoursText(quorum)} needed (for and abstain)`}
        </li>
      </ul>
      {quorum !== undefined && (
        <div
          className="meter"
          role="meter"
          aria-label="Quorum reached"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
      )}
      <details>
        <summary>Actions ({proposal.targets.length})</summary>
        <ol>
          {actionTexts(proposal, names, reserve ?? RBTC).map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ol>
      </details>
      {stateName === "Active" && !voted && <VoteForm proposal={proposal} tx={tx} />}
      {stateName === "Active" && voted && <p>You have voted on this proposal.</p>}
      {(stateName === "Succeeded" || (stateName === "Queued" && eta <= now)) && (
        <Advance
          proposal={proposal}
          step={stateName === "Succeeded" ? "queue" : "execute"}
          tx={tx}
        />
      )}
      <TxStatus state={tx.state} />
    </article>
  );
}

type Tx = ReturnType<typeof useTransaction>;

function VoteForm({ proposal, tx }: { proposal: Created; tx: Tx }) {
  const at = useAddresses();
  const { send, refuse } = tx;
  const [support, setSupport] = useState<string | undefined>();
  const [reason, setReason] = useState("");
  const ref = proposalRef(proposal.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (support === undefined) return refuse("choose for, against or abstain before voting");
    const words = ["against", "for", "abstain"][Number(support)];
    void send(
      "vote",
      [
        {
          address: at.governor,
          abi: governorAbi,
          functionName: "castVoteWithReason",
          args: [proposal.id, Number(support), reason.trim()],
        },
      ],
      (receipt) => {
        const [cast] = parseEventLogs({
          abi: governorAbi,
          eventName: "VoteCast",
          logs: receipt.logs,
        });
        const weight = cast === undefined ? "" : ` with a weight of ${hoursText(cast.args.weight)}`;
        return `voted ${words} on ${ref}${weight}`;
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={`Vote on ${ref}`}>
      <fieldset>
        <legend>Your vote</legend>
        {["For", "Against", "Abstain"].map((label) => {
          const value = String({ For: 1, Against: 0, Abstain: 2 }[label]);
          return (
            <label key={label} className="inline">
              <input
                type="radio"
                name={`support-${ref}`}
                value={value}
                checked={support === value}
                onChange={() => setSupport(value)}
              />{" "}
              {label}
            </label>
          );
        })}
      </fieldset>
      <label>
        Reason (optional)
        <textarea
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button type="submit">Vote</button>
    </form>
  );
}

function Advance({ proposal, step, tx }: { proposal: Created; step: "queue" | "execute"; tx: Tx }) {
  const at = useAddresses();
  const { send } = tx;
  const ref = proposalRef(proposal.id);
  const click = () =>
    void send(
      step,
      [
        {
          address: at.governor,
          abi: governorAbi,
          functionName: step,
          args: [
            proposal.targets,
            proposal.values,
            proposal.calldatas,
            // keccak256 of the description, as the governor hashes it
            descriptionHashOf(proposal.description),
          ],
        },
      ],
      () => (step === "queue" ? `${ref} queued in the timelock` : `${ref} executed`),
    );
  return (
    <div>
      <button type="button" onClick={click}>
        {step === "queue" ? `Queue ${ref}` : `Execute ${ref}`}
      </button>
    </div>
  );
}

function descriptionHashOf(description: string): Hex {
  return descriptionHash({ targets: [], values: [], calldatas: [], description }) as Hex;
}

function ProposeApproval() {
  const at = useAddresses();
  const me = useAccountAddress();
  const now = useChainNow();
  const { state, send, refuse } = useTransaction();
  const latest = useLatestClaimIds();
  const claims = useClaims(latest ?? []);
  const pending = (claims ?? []).filter((c) => c.status === "pending");
  const [chosen, setChosen] = useState<ReadonlySet<bigint>>(new Set());
  const { data: gate } = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: at.governor, abi: governorAbi, functionName: "proposalThreshold" },
      {
        address: at.governor,
        abi: governorAbi,
        functionName: "voteWeight",
        args: [me, now === undefined ? 0n : now - 1n],
      },
    ],
    query: { enabled: now !== undefined },
  });
  const toggle = (id: bigint) =>
    setChosen((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const selected = pending.filter((c) => chosen.has(c.id));
    if (selected.length === 0) return refuse("select at least one pending claim to approve");
    if (gate !== undefined && gate[1] < gate[0]) {
      return refuse(
        `you have ${hoursText(gate[1])} of vote weight; proposing needs ${hoursText(gate[0])}`,
      );
    }
    const proposal = approveClaimsProposal(
      at.registry,
      selected.map((c): ClaimSummary => ({
        id: c.id,
        claimant: c.claimant,
        amount: c.amount,
        category: c.category as ClaimSummary["category"],
        evidenceURI: c.evidenceURI,
      })),
      { proposer: me },
    );
    void send(
      "propose",
      [
        {
          address: at.governor,
          abi: governorAbi,
          functionName: "propose",
          args: proposeArgs(proposal),
        },
      ],
      (receipt) => {
        const [created] = parseEventLogs({
          abi: governorAbi,
          eventName: "ProposalCreated",
          logs: receipt.logs,
        });
        setChosen(new Set());
        return created === undefined
          ? "proposal created"
          : `proposal ${proposalRef(created.args.proposalId)} created: ${proposalTitle(proposal.description)}`;
      },
    );
  };
  return (
    <Section title="Propose the approval of pending claims">
      <form onSubmit={submit} aria-label="Propose approval">
        {claims === undefined ? (
          <p role="status">Reading claims…</p>
        ) : (
          <ClaimTable
            caption="Pending claims to approve"
            claims={pending}
            select={{ chosen, toggle }}
          />
        )}
        <button type="submit">Propose approval</button>
        <TxStatus state={state} />
      </form>
    </Section>
  );
}
