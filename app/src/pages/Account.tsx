import { useState, type FormEvent } from "react";
import { isAddress, zeroAddress } from "viem";
import { useBalance, useReadContracts } from "wagmi";

import { useAddresses } from "../chain/deployment.js";
import { useAccountAddress, useChainNow, useChecksum } from "../chain/hooks.js";
import { TxStatus, useTransaction } from "../chain/tx.js";
import { Figures, Section } from "../components/Figures.js";
import { bpsText, hoursText, RBTC, moneyText, when } from "../domain.js";
import { governorAbi, careReputationAbi, treasuryAbi, workHoursAbi } from "../generated/abis.js";

/** My account: hours, credit per category, care, vote weight, delegation and the redemption fee. */
export function AccountPage() {
  const at = useAddresses();
  const me = useAccountAddress();
  const now = useChainNow();
  const checksum = useChecksum();
  const { data: balance } = useBalance({ address: me });
  const timepoint = now === undefined ? 0n : now - 1n;
  const { data, isPending, error } = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: at.workHours, abi: workHoursAbi, functionName: "balanceOf", args: [me] },
      { address: at.workHours, abi: workHoursAbi, functionName: "earnedCredit", args: [me, 0] },
      { address: at.workHours, abi: workHoursAbi, functionName: "earnedCredit", args: [me, 1] },
      { address: at.careReputation, abi: careReputationAbi, functionName: "balanceOf", args: [me] },
      { address: at.governor, abi: governorAbi, functionName: "voteWeight", args: [me, timepoint] },
      { address: at.governor, abi: governorAbi, functionName: "maxVoterShare", args: [timepoint] },
      {
        address: at.governor,
        abi: governorAbi,
        functionName: "votingSupply",
        args: [timepoint],
      },
      { address: at.workHours, abi: workHoursAbi, functionName: "delegates", args: [me] },
      { address: at.treasury, abi: treasuryAbi, functionName: "feeOf", args: [me] },
      { address: at.treasury, abi: treasuryAbi, functionName: "feeParameters" },
      { address: at.workHours, abi: workHoursAbi, functionName: "holdingSince", args: [me] },
    ],
    query: { enabled: now !== undefined },
  });
  if (error !== null) return <p role="alert">Could not read the account: {error.message}</p>;
  if (isPending || data === undefined || now === undefined) {
    return <p role="status">Reading the account…</p>;
  }
  const [hours, commons, subsistence, care, weight, share, combined, delegatee, fee, fees, since] =
    data;
  const cap = share === 0n ? undefined : (combined * share) / 10_000n;
  const capped = cap !== undefined && weight >= cap && weight > 0n;
  const [maxFee, minFee, holdPeriod] = fees;
  const falls = since === 0n ? undefined : since + BigInt(holdPeriod);
  return (
    <>
      <Figures
        label="Balances"
        rows={[
          ["Hours", hoursText(hours)],
          [RBTC.symbol, balance === undefined ? "…" : moneyText(RBTC, balance.value)],
          ["Commons credit", hoursText(commons)],
          ["Subsistence credit", hoursText(subsistence)],
          ["Care reputation", hoursText(care)],
          [
            "Vote weight now",
            <>
              {hoursText(weight)}
              {capped && <strong> (capped at {bpsText(share)} of the weight that can vote)</strong>}
            </>,
          ],
          [
            "Delegation",
            delegatee === zeroAddress
              ? "not delegated: your hours do not count in votes yet"
              : delegatee.toLowerCase() === me.toLowerCase()
                ? "to yourself"
                : checksum(delegatee),
          ],
          [
            "Redemption fee now",
            <>
              {bpsText(fee)}
              {falls !== undefined && fee > BigInt(minFee) && falls > now && (
                <>
                  {" "}
                  (falls to {bpsText(BigInt(minFee))} by {when(falls, now)})
                </>
              )}
              {fee === BigInt(maxFee) && since === 0n && <> (you hold no hours yet)</>}
            </>,
          ],
        ]}
      />
      <Delegate current={delegatee} />
    </>
  );
}

function Delegate({ current }: { current: string }) {
  const at = useAddresses();
  const me = useAccountAddress();
  const checksum = useChecksum();
  const { state, send, refuse } = useTransaction();
  const [to, setTo] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = to.trim() === "" ? me : to.trim();
    if (!isAddress(target, { strict: false })) {
      refuse(`"${to}" is not an address`);
      return;
    }
    if (target.toLowerCase() === current.toLowerCase()) {
      refuse(`your votes are already delegated to ${checksum(target)}`);
      return;
    }
    void send(
      "delegate",
      // Lower case: an RSK (EIP-1191) checksum is not an EIP-55 one, and the encoder checks EIP-55.
      [
        {
          address: at.workHours,
          abi: workHoursAbi,
          functionName: "delegate",
          args: [target.toLowerCase()],
        },
      ],
      () => `votes delegated to ${checksum(target)}`,
    );
  };
  return (
    <Section title="Delegate your votes">
      <form onSubmit={submit}>
        <label>
          Delegate to (empty for yourself)
          <input
            name="delegatee"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit">Delegate</button>
        <TxStatus state={state} />
      </form>
    </Section>
  );
}
