import type { NetworkConnection } from "hardhat/types/network";

/**
 * Moves a development chain's clock, on Hardhat's networks and on an RSK
 * node with rskj's EvmModule (`evm_increaseTime`, `evm_mine`; regtest and
 * the project's RSK-shaped node). Public RSK networks have no such methods:
 * there, waiting is the only way.
 */
export async function advanceChainTimeTo(
  connection: NetworkConnection<string>,
  timestamp: bigint,
): Promise<void> {
  const { provider, networkHelpers } = connection as NetworkConnection<string> & {
    networkHelpers: { time: { increaseTo(t: bigint): Promise<void> } };
  };
  const version = String(await provider.request({ method: "web3_clientVersion", params: [] }));
  if (!version.toLowerCase().startsWith("rskj")) {
    await networkHelpers.time.increaseTo(timestamp);
    return;
  }
  const latest = (await provider.request({
    method: "eth_getBlockByNumber",
    params: ["latest", false],
  })) as { timestamp: string };
  const delta = timestamp - BigInt(latest.timestamp);
  if (delta > 0n) {
    await provider.request({ method: "evm_increaseTime", params: [`0x${delta.toString(16)}`] });
  }
  await provider.request({ method: "evm_mine", params: [] });
}

/** {@link advanceChainTimeTo} the latest block's time plus `seconds`. */
export async function advanceChainTime(
  connection: NetworkConnection<string>,
  seconds: bigint,
): Promise<void> {
  const latest = (await connection.provider.request({
    method: "eth_getBlockByNumber",
    params: ["latest", false],
  })) as { timestamp: string };
  await advanceChainTimeTo(connection, BigInt(latest.timestamp) + seconds);
}
