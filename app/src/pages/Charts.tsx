import { useQuery } from "@tanstack/react-query";
import { formatUnits, zeroAddress, type Log } from "viem";
import { usePublicClient } from "wagmi";

import { useAddresses } from "../chain/deployment.js";
import { useReserve } from "../chain/reserve.js";
import { TimeChart, type Line } from "../components/Chart.js";
import {
  oracleAbi,
  pairAbi,
  treasuryAbi,
  workHoursAbi,
  careReputationAbi,
} from "../generated/abis.js";

const Q112 = 1n << 112n;
const HOUR = 10n ** 18n;
/** At most this many points per chart: the latest events. */
const MAX_POINTS = 300;

interface Series {
  times: number[];
  lines: Line[];
}

function toNumber(value: bigint, decimals: number): number {
  return Number(formatUnits(value, decimals));
}

/**
 * Charts from the chain's own events: the pool's price (from its Synced
 * events) and the TWAP (between the oracle's averaged observations); the
 * supply of hours and care (from mints and burns); the treasury's two pools
 * (read at each block where the treasury emitted an event).
 */
export default function ChartsPage() {
  const at = useAddresses();
  const client = usePublicClient();
  const reserve = useReserve();
  const { data, error } = useQuery({
    queryKey: ["charts", at.treasury, reserve?.symbol],
    enabled: client !== undefined && reserve !== undefined,
    queryFn: async () => {
      const c = client!;
      const decimals = reserve!.decimals;
      const stamps = new Map<bigint, number>();
      const timeOf = async (logs: readonly Pick<Log, "blockNumber">[]) => {
        const blocks = [...new Set(logs.map((l) => l.blockNumber!))].filter((b) => !stamps.has(b));
        const read = await Promise.all(blocks.map((blockNumber) => c.getBlock({ blockNumber })));
        read.forEach((block) => stamps.set(block.number, Number(block.timestamp)));
      };

      // Price and TWAP
      const price: Series = { times: [], lines: [] };
      if (at.pair !== undefined) {
        const token0 = await c.readContract({
          address: at.pair,
          abi: pairAbi,
          functionName: "token0",
        });
        const hoursFirst = token0.toLowerCase() === at.workHours.toLowerCase();
        const synced = (
          await c.getContractEvents({
            address: at.pair,
            abi: pairAbi,
            eventName: "Synced",
            fromBlock: "earliest",
          })
        ).slice(-MAX_POINTS);
        const observed =
          at.oracle === undefined
            ? []
            : (
                await c.getContractEvents({
                  address: at.oracle,
                  abi: oracleAbi,
                  eventName: "Observed",
                  fromBlock: "earliest",
                })
              ).slice(-MAX_POINTS);
        await timeOf([...synced, ...observed]);
        const points = new Map<number, { price?: number; twap?: number }>();
        for (const log of synced) {
          const [r0, r1] = [log.args.reserve0!, log.args.reserve1!];
          const [h, r] = hoursFirst ? [r0, r1] : [r1, r0];
          if (h === 0n) continue;
          const t = stamps.get(log.blockNumber)!;
          points.set(t, { ...points.get(t), price: toNumber((r * HOUR) / h, decimals) });
        }
        for (let i = 1; i < observed.length; i++) {
          const [a, b] = [observed[i - 1].args, observed[i].args];
          const dt = BigInt(b.timestamp! - a.timestamp!);
          if (dt === 0n || !b.averaged) continue;
          const cum = hoursFirst
            ? b.price0Cumulative! - a.price0Cumulative!
            : b.price1Cumulative! - a.price1Cumulative!;
          const twap = (cum * HOUR) / dt / Q112;
          const t = stamps.get(observed[i].blockNumber)!;
          points.set(t, { ...points.get(t), twap: toNumber(twap, decimals) });
        }
        const times = [...points.keys()].sort((x, y) => x - y);
        price.times = times;
        price.lines = [
          {
            label: "Pool price",
            color: "#1d6b4f",
            values: times.map((t) => points.get(t)!.price ?? null),
          },
          {
            label: "TWAP",
            color: "#b36b00",
            values: times.map((t) => points.get(t)!.twap ?? null),
          },
        ];
      }

      // Supply of hours and care: mints add, burns subtract.
      const supplyOf = async (
        address: `0x${string}`,
        abi: typeof workHoursAbi | typeof careReputationAbi,
      ) => {
        const [minted, burned] = await Promise.all([
          c.getContractEvents({
            address,
            abi: abi as typeof workHoursAbi,
            eventName: "Transfer",
            args: { from: zeroAddress },
            fromBlock: "earliest",
          }),
          c.getContractEvents({
            address,
            abi: abi as typeof workHoursAbi,
            eventName: "Transfer",
            args: { to: zeroAddress },
            fromBlock: "earliest",
          }),
        ]);
        return [
          ...minted.map((l) => [l, l.args.value!] as const),
          ...burned.map((l) => [l, -l.args.value!] as const),
        ];
      };
      const changes = [
        ...(await supplyOf(at.workHours, workHoursAbi)).map(([l, v]) => ({
          l,
          hours: v,
          care: 0n,
        })),
        ...(await supplyOf(at.careReputation, careReputationAbi)).map(([l, v]) => ({
          l,
          hours: 0n,
          care: v,
        })),
      ].sort(
        (x, y) => Number(x.l.blockNumber! - y.l.blockNumber!) || x.l.logIndex! - y.l.logIndex!,
      );
      await timeOf(changes.map((x) => x.l));
      const supplyPoints = new Map<number, { hours: bigint; care: bigint }>();
      let [hours, care] = [0n, 0n];
      for (const change of changes) {
        hours += change.hours;
        care += change.care;
        supplyPoints.set(stamps.get(change.l.blockNumber!)!, { hours, care });
      }
      const supplyTimes = [...supplyPoints.keys()].slice(-MAX_POINTS);
      const supply: Series = {
        times: supplyTimes,
        lines: [
          {
            label: "Hours",
            color: "#1d6b4f",
            values: supplyTimes.map((t) => toNumber(supplyPoints.get(t)!.hours, 18)),
          },
          {
            label: "Care",
            color: "#7a3fb3",
            values: supplyTimes.map((t) => toNumber(supplyPoints.get(t)!.care, 18)),
          },
        ],
      };

      // The two pools, read at each block where the treasury emitted an event.
      const treasuryLogs = (await c.getLogs({ address: at.treasury, fromBlock: "earliest" })).slice(
        -MAX_POINTS,
      );
      await timeOf(treasuryLogs);
      const blocks = [...new Set(treasuryLogs.map((l) => l.blockNumber))];
      const pools = await Promise.all(
        blocks.map((blockNumber) =>
          c.readContract({
            address: at.treasury,
            abi: treasuryAbi,
            functionName: "pools",
            blockNumber,
          }),
        ),
      );
      const poolSeries: Series = {
        times: blocks.map((b) => stamps.get(b)!),
        lines: [
          {
            label: "Subsistence pool",
            color: "#1d6b4f",
            values: pools.map(([s]) => toNumber(s, decimals)),
          },
          {
            label: "Commons pool",
            color: "#2f7de1",
            values: pools.map(([, k]) => toNumber(k, decimals)),
          },
        ],
      };
      return { price, supply, pools: poolSeries };
    },
  });
  if (error !== null)
    return (
      <p role="alert">Could not read the chain&apos;s events: {error.message.split("\n")[0]}</p>
    );
  if (data === undefined || reserve === undefined)
    return <p role="status">Reading the chain&apos;s events…</p>;
  const perHour = `${reserve.symbol} per hour`;
  return (
    <>
      <TimeChart title="Pool price and TWAP" unit={perHour} {...data.price} />
      <TimeChart title="Supply of hours and care" unit="hours" {...data.supply} />
      <TimeChart title="Treasury pools" unit={reserve.symbol} {...data.pools} />
    </>
  );
}
