import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { keccak256, parseEventLogs, stringToBytes, type Hex } from "viem";
import { usePublicClient, useReadContract, useReadContracts } from "wagmi";

import { useAddresses } from "../chain/deployment.js";
import { useAccountAddress, useChecksum } from "../chain/hooks.js";
import { TxStatus, useTransaction } from "../chain/tx.js";
import { Section } from "../components/Figures.js";
import { categoryName, CLAIM_CATEGORIES, hoursText, parseHoursInput } from "../domain.js";
import { registryAbi } from "../generated/abis.js";

const STATUSES = ["none", "pending", "approved", "rejected", "withdrawn"] as const;

/** How many of the latest claims the pending list reads (never all of them). */
export const LATEST_CLAIMS = 50n;

export interface ClaimRow {
  id: bigint;
  claimant: string;
  amount: bigint;
  category: number;
  status: string;
  evidenceURI?: string;
}

/** Claims `ids`, read one by one, with their evidence links from ClaimSubmitted events. */
export function useClaims(ids: readonly bigint[]): ClaimRow[] | undefined {
  const at = useAddresses();
  const client = usePublicClient();
  const { data } = useReadContracts({
    allowFailure: false,
    contracts: ids.map((id) => ({
      address: at.registry,
      abi: registryAbi,
      functionName: "claim" as const,
      args: [id] as const,
    })),
  });
  const { data: uris } = useQuery({
    queryKey: ["claimEvidence", at.registry, ids.map(String)],
    enabled: client !== undefined && ids.length > 0,
    queryFn: async () => {
      const logs = await client!.getContractEvents({
        address: at.registry,
        abi: registryAbi,
        eventName: "ClaimSubmitted",
        args: { id: [...ids] },
        fromBlock: "earliest",
      });
      return new Map(logs.map((log) => [log.args.id as bigint, log.args.evidenceURI as string]));
    },
  });
  if (data === undefined) return ids.length === 0 ? [] : undefined;
  return data.map((claim, i) => ({
    id: ids[i],
    claimant: claim.claimant,
    amount: claim.amount,
    category: Number(claim.category),
    status: STATUSES[Number(claim.status)] ?? String(claim.status),
    evidenceURI: uris?.get(ids[i]),
  }));
}

/** The ids of the latest claims, newest first. */
export function useLatestClaimIds(): bigint[] | undefined {
  const at = useAddresses();
  const { data: count } = useReadContract({
    address: at.registry,
    abi: registryAbi,
    functionName: "claimCount",
  });
  if (count === undefined) return undefined;
  const ids: bigint[] = [];
  for (let id = count; id > 0n && id > count - LATEST_CLAIMS; id--) ids.push(id);
  return ids;
}

export function ClaimTable({
  caption,
  claims,
  select,
}: {
  caption: string;
  claims: ClaimRow[];
  select?: { chosen: ReadonlySet<bigint>; toggle: (id: bigint) => void };
}) {
  const checksum = useChecksum();
  if (claims.length === 0) return <p>{caption}: none.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {select && <th scope="col">Select</th>}
            <th scope="col">Claim</th>
            <th scope="col">Member</th>
            <th scope="col">Work</th>
            <th scope="col">Status</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={String(c.id)}>
              {select && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select claim ${c.id}`}
                    checked={select.chosen.has(c.id)}
                    onChange={() => select.toggle(c.id)}
                  />
                </td>
              )}
              <td>{String(c.id)}</td>
              <td>
                <code>{checksum(c.claimant).slice(0, 10)}…</code>
              </td>
              <td>
                {hoursText(c.amount)} of {categoryName(c.category)}
              </td>
              <td>{c.status}</td>
              <td>
                {c.evidenceURI !== undefined && /^https?:\/\//.test(c.evidenceURI) ? (
                  <a href={c.evidenceURI} rel="noreferrer noopener" target="_blank">
                    link
                  </a>
                ) : (
                  (c.evidenceURI ?? "")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Claims: submit hours with evidence (and an attached file's hash), my claims, all pending. */
export default function ClaimsPage() {
  const at = useAddresses();
  const me = useAccountAddress();
  const { data: count } = useReadContract({
    address: at.registry,
    abi: registryAbi,
    functionName: "claimCountOf",
    args: [me],
  });
  const offset = count === undefined || count < 20n ? 0n : count - 20n;
  const { data: mine } = useReadContract({
    address: at.registry,
    abi: registryAbi,
    functionName: "claimsOf",
    args: [me, offset, 20n],
    query: { enabled: count !== undefined },
  });
  const myClaims = useClaims(mine === undefined ? [] : [...mine].reverse());
  const latest = useLatestClaimIds();
  const latestClaims = useClaims(latest ?? []);
  return (
    <>
      <SubmitClaim />
      <Section title="My claims">
        {myClaims === undefined ? (
          <p role="status">Reading…</p>
        ) : (
          <ClaimTable caption="My claims" claims={myClaims} />
        )}
      </Section>
      <Section title="Pending claims">
        {latestClaims === undefined ? (
          <p role="status">Reading…</p>
        ) : (
          <ClaimTable
            caption="Pending claims"
            claims={latestClaims.filter((c) => c.status === "pending")}
          />
        )}
      </Section>
    </>
  );
}

function SubmitClaim() {
  const at = useAddresses();
  const { state, send, refuse } = useTransaction();
  const { data: cap } = useReadContract({
    address: at.registry,
    abi: registryAbi,
    functionName: "claimCap",
  });
  const [hours, setHours] = useState("");
  const [category, setCategory] = useState("0");
  const [evidence, setEvidence] = useState("");
  const [fileHash, setFileHash] = useState<Hex | undefined>();
  const [fileName, setFileName] = useState<string | undefined>();

  const attach = async (file: File | undefined) => {
    if (file === undefined) {
      setFileHash(undefined);
      setFileName(undefined);
      return;
    }
    setFileHash(keccak256(new Uint8Array(await file.arrayBuffer())));
    setFileName(file.name);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseHoursInput(hours);
    if (!amount.ok) return refuse(amount.error);
    if (cap !== undefined && amount.value > cap) {
      return refuse(
        `a claim is at most ${hoursText(cap)} (the claim cap); split the work into several claims`,
      );
    }
    const link = evidence.trim();
    if (link === "" && fileHash === undefined) {
      return refuse("add evidence: a link or a description, or attach a file");
    }
    // The file's hash when one is attached, otherwise the hash of the link's text (as the CLI).
    const evidenceHash = fileHash ?? keccak256(stringToBytes(link));
    const uri = link === "" ? `file:${fileName}` : link;
    void send(
      "claim",
      [
        {
          address: at.registry,
          abi: registryAbi,
          functionName: "submitClaim",
          args: [amount.value, Number(category), evidenceHash, uri],
        },
      ],
      (receipt) => {
        const [submitted] = parseEventLogs({
          abi: registryAbi,
          eventName: "ClaimSubmitted",
          logs: receipt.logs,
        });
        const id = submitted === undefined ? "" : ` ${submitted.args.id}`;
        return `claim${id} submitted: ${hoursText(amount.value)} of ${categoryName(Number(category))} work`;
      },
    );
  };

  return (
    <Section title="Submit a claim">
      <form onSubmit={submit} noValidate>
        <label>
          Hours worked
          <input
            name="hours"
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            aria-describedby="hours-hint"
          />
        </label>
        <span id="hours-hint" className="hint">
          Decimal hours (1.5) or hours and minutes (1:30)
          {cap !== undefined && `; at most ${hoursText(cap)} per claim`}.
        </span>
        <label>
          Category
          <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
            {CLAIM_CATEGORIES.map((name, i) => (
              <option key={name} value={i}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Evidence (a link or a description)
          <input name="evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        </label>
        <label>
          Attach a file (its hash is recorded; the file stays with you)
          <input type="file" name="file" onChange={(e) => void attach(e.target.files?.[0])} />
        </label>
        {fileHash !== undefined && (
          <p className="hint" data-testid="file-hash">
            Hash of {fileName}: <code>{fileHash}</code>
          </p>
        )}
        <button type="submit">Submit claim</button>
        <TxStatus state={state} />
      </form>
    </Section>
  );
}
