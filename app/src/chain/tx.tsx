import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { Abi, Address, Hash, TransactionReceipt } from "viem";
import { useConfig, useConnection } from "wagmi";
import {
  getGasPrice,
  getPublicClient,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from "wagmi/actions";

import { withMinimumGasPriceMargin } from "../../../lib/rsk/gas-price.js";
import { revertSentence, type NameOf } from "../domain.js";
import { RSK_CHAIN_IDS, type config } from "./config.js";

/**
 * The gas price on RSK, as the CLI sends with it: the node's suggestion, but
 * never under the latest block's minimum plus the 1% it may rise by.
 */
async function rskGasPrice(wagmiConfig: typeof config, chainId: ChainId): Promise<bigint> {
  const suggested = await getGasPrice(wagmiConfig, { chainId });
  const latest = (await getPublicClient(wagmiConfig, { chainId }).request({
    method: "eth_getBlockByNumber",
    params: ["latest", false],
  })) as { minimumGasPrice?: string } | null;
  const minimum = latest?.minimumGasPrice;
  return withMinimumGasPriceMargin(suggested, minimum === undefined ? undefined : BigInt(minimum));
}

type ChainId = (typeof config)["chains"][number]["id"];

/** One contract call of a transaction the member sends. */
export interface Call {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
}

/** Where a transaction is: checked and signing, pending in a block, confirmed or failed. */
export type TxState =
  | { status: "idle" }
  | { status: "signing"; label: string }
  | { status: "pending"; label: string; hash: Hash }
  | { status: "confirmed"; message: string; hash: Hash }
  | { status: "failed"; message: string };

/**
 * Sends calls one after the other (an approval, then the call it allows).
 * Each is first simulated: a call that would revert is shown as one human
 * sentence and nothing is sent. On RSK every transaction is legacy (type 0)
 * with the node's gas price. After a confirmation every read is refreshed.
 * `nameOf` names the addresses an error may carry (a federation's cooperatives).
 */
export function useTransaction(nameOf?: NameOf) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { address, chainId: connected } = useConnection();
  const chainId = connected as ChainId | undefined;
  const [state, setState] = useState<TxState>({ status: "idle" });

  const send = useCallback(
    async (
      label: string,
      calls: readonly Call[],
      confirmed: (receipt: TransactionReceipt) => string,
    ): Promise<TransactionReceipt | undefined> => {
      if (address === undefined || chainId === undefined) {
        setState({ status: "failed", message: "connect a wallet first" });
        return undefined;
      }
      let receipt: TransactionReceipt | undefined;
      for (const call of calls) {
        setState({ status: "signing", label });
        // The calls are built by pages from the generated ABIs; this sender is generic.
        const request = { ...call, account: address, chainId };
        try {
          await simulateContract(config, request as never);
        } catch (error) {
          setState({
            status: "failed",
            message: `${label} would fail: ${revertSentence(error, undefined, nameOf)}`,
          });
          return undefined;
        }
        let hash: Hash;
        try {
          const pricing = RSK_CHAIN_IDS.has(chainId)
            ? { type: "legacy" as const, gasPrice: await rskGasPrice(config, chainId) }
            : {};
          hash = await writeContract(config, { ...request, ...pricing } as never);
        } catch (error) {
          setState({
            status: "failed",
            message: `${label} was not sent: ${revertSentence(error, undefined, nameOf)}`,
          });
          return undefined;
        }
        setState({ status: "pending", label, hash });
        receipt = await waitForTransactionReceipt(config, { hash, chainId });
        await queryClient.invalidateQueries();
        if (receipt.status !== "success") {
          setState({ status: "failed", message: `${label} failed in transaction ${hash}` });
          return undefined;
        }
      }
      if (receipt !== undefined) {
        setState({
          status: "confirmed",
          message: confirmed(receipt),
          hash: receipt.transactionHash,
        });
      }
      return receipt;
    },
    [address, chainId, config, queryClient, nameOf],
  );

  /** Shows a refusal of the form's input: nothing is sent. */
  const refuse = useCallback((message: string) => setState({ status: "failed", message }), []);

  return { state, send, refuse };
}

/** The live line under a form: pending, confirmed or failed, read out by screen readers. */
export function TxStatus({ state }: { state: TxState }) {
  switch (state.status) {
    case "idle":
      return <p className="tx" role="status" aria-live="polite" />;
    case "signing":
      return (
        <p className="tx pending" role="status" aria-live="polite">
          {state.label}: waiting for the wallet…
        </p>
      );
    case "pending":
      return (
        <p className="tx pending" role="status" aria-live="polite">
          {state.label}: pending in transaction <code>{state.hash.slice(0, 10)}…</code>
        </p>
      );
    case "confirmed":
      return (
        <p className="tx confirmed" role="status" aria-live="polite">
          Confirmed: {state.message}
        </p>
      );
    case "failed":
      return (
        <p className="tx failed" role="alert">
          {state.message}
        </p>
      );
  }
}
