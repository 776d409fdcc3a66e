import { MAX_CONTRACT_SIZE } from "../../lib/constants.js";

import { formatGas, formatRatio } from "./targets.js";
import type { BenchResults, OperationRow } from "./types.js";

const DASH = "—";

function gasCell(gas: number | null): string {
  return gas === null ? DASH : formatGas(gas);
}

function ratioCell(numerator: number | null, denominator: number | null): string {
  if (numerator === null || denominator === null || denominator === 0) return DASH;
  return formatRatio(numerator / denominator);
}

/** A markdown table; `|` inside a cell is escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function operationLabel(row: OperationRow): string {
  return row.note === undefined ? row.operation : `${row.operation} (${row.note})`;
}

/** The operation tables, one per section, in first-seen order: operation, ours, anchor, ratio. */
export function operationTables(operations: readonly OperationRow[]): string {
  const sections = [...new Set(operations.map((row) => row.section))];
  return sections
    .map((section) => {
      const rows = operations
        .filter((row) => row.section === section)
        .map((row) => [
          operationLabel(row),
          gasCell(row.ours),
          row.anchor === null ? DASH : `${formatGas(row.anchor)} (${row.anchorName ?? "anchor"})`,
          ratioCell(row.ours, row.anchor),
          gasCell(row.oursRsk ?? null),
          gasCell(row.anchorRsk ?? null),
          ratioCell(row.oursRsk ?? null, row.anchorRsk ?? null),
        ]);
      const header = [
        "operation",
        "ours",
        "anchor",
        "ratio",
        "ours, RSK",
        "anchor, RSK",
        "ratio, RSK",
      ];
      return `### ${section}\n\n${markdownTable(header, rows)}`;
    })
    .join("\n\n");
}

function batchesSection(results: BenchResults): string {
  if (results.batches.length === 0 && results.largestBatches.length === 0) {
    return "Not measured: the claim registry has not landed.";
  }
  const batches = markdownTable(
    ["claimants", "batch", "gas", "gas per claim", "gas, RSK", "per claim, RSK"],
    results.batches.map((b) => [
      b.claimants === "holders" ? "already hold hours" : "first-time holders",
      String(b.size),
      b.gas === null
        ? `does not fit a ${formatGas(results.meta.blockGasLimit)} block`
        : formatGas(b.gas),
      gasCell(b.perClaim),
      gasCell(b.rskGas ?? null),
      b.rskGas == null ? DASH : formatGas(Math.round(b.rskGas / b.size)),
    ]),
  );
  const largest = markdownTable(
    ["claimants", "schedule", "sent as", "largest batch", "gas", "gas per claim"],
    results.largestBatches.map((b) => [
      b.claimants === "holders" ? "already hold hours" : "first-time holders",
      b.schedule ?? "Ethereum",
      b.path,
      b.ceiling ? `>= ${b.size} (search ceiling)` : String(b.size),
      formatGas(b.gas),
      formatGas(Math.round(b.gas / b.size)),
    ]),
  );
  return `${batches}

The largest batch whose transaction, sent with the whole ${formatGas(results.meta.blockGasLimit)}
block gas limit as its gas limit, succeeds (one claim more runs out of gas). "timelock call" is
\`approveClaims\` called by the timelock; "governance execute" is the \`execute\` of a proposal
that approves the batch, which adds the governor's and the timelock's work. The RSK rows
re-price the timelock call on RSK's schedule and search for the largest batch whose RSK gas
fits the block (each try runs in a roomier block here, then is re-priced).

${largest}`;
}

function scaleSection(results: BenchResults): string {
  return markdownTable(
    ["operation", "side", "small", "gas", "large", "gas", "ratio"],
    results.scale.map((row) => [
      row.operation,
      row.side,
      row.smallLabel,
      gasCell(row.small),
      row.largeLabel,
      gasCell(row.large),
      ratioCell(row.large, row.small),
    ]),
  );
}

function contractsSection(results: BenchResults): string {
  const rows = results.contracts.map((row) => [
    row.note === undefined ? row.name : `${row.name} (${row.note})`,
    row.side,
    formatGas(row.runtimeBytes),
    `${((100 * row.runtimeBytes) / MAX_CONTRACT_SIZE).toFixed(1)}%`,
    gasCell(row.deployGas),
  ]);
  const ours = results.contracts.filter((row) => row.side === "ours" && row.deployGas !== null);
  const total = ours.reduce((sum, row) => sum + (row.deployGas ?? 0), 0);
  rows.push(["**total, ours**", "ours", DASH, DASH, formatGas(total)]);
  return markdownTable(
    ["contract", "side", "runtime bytes", `of ${formatGas(MAX_CONTRACT_SIZE)}`, "deployment gas"],
    rows,
  );
}

function storageSection(results: BenchResults): string {
  if (results.storage.length === 0) return "No transaction was traced.";
  return markdownTable(
    [
      "operation",
      "gas",
      "SSTORE",
      "slots written",
      "rewrites",
      "zero→non-zero",
      "SLOAD",
      "storage gas, Ethereum (EDR)",
      "storage gas, RSK schedule",
    ],
    results.storage.map((row) => [
      row.operation,
      formatGas(row.gas),
      String(row.sstores),
      String(row.slotsWritten),
      String(row.rewrites),
      String(row.zeroToNonZero),
      String(row.sloads),
      formatGas(row.storageGasEthereum),
      formatGas(row.storageGasRsk),
    ]),
  );
}

function targetsSection(results: BenchResults): string {
  const mark = {
    pass: "pass",
    miss: "**MISS**",
    unmeasured: "**not measured**",
    open: "**MISS** (open aim, not enforced)",
  } as const;
  return markdownTable(
    ["target", "figures", "result"],
    results.targets.map((t) => [t.target, t.figures, mark[t.status]]),
  );
}

/** The whole `bench/REPORT.md`. */
export function renderReport(results: BenchResults): string {
  const { meta } = results;
  const notMeasured =
    meta.notMeasured.length === 0
      ? ""
      : `\n## Not measured\n\n${meta.notMeasured.map((line) => `- ${line}`).join("\n")}\n`;
  return `# Gas benchmark

Generated by \`npm run bench\` on ${meta.generatedAt} in ${meta.seconds.toFixed(0)} s: one
in-process EDR chain (hardfork ${meta.hardfork}, block gas limit ${formatGas(meta.blockGasLimit)}),
solc ${meta.solc} with the optimizer at 200 runs. Every figure is the \`gasUsed\` of a
transaction receipt; the anchors run on the same chain, in the same delegation and holder state.
\`npm run bench -- --check\` fails on any missed target.

**Gas schedule.** Each operation is shown twice: as measured on EDR (Ethereum's schedule) and
re-priced on RSK's schedule from the same transaction's \`debug_traceTransaction\` trace
(\`bench/lib/rsk-gas.ts\`, after rskj's \`org.ethereum.vm.GasCost\`, \`VM.doSSTORE\` and
\`TransactionExecutor.refundGas\`: SLOAD 200; SSTORE 20,000 from zero and 5,000 otherwise, every
time; CALL-family 700, BALANCE and EXTCODEHASH 400, EXTCODESIZE/COPY 700, with no warm/cold
pricing; a 15,000 refund per cleared slot, capped at half the gas). The anchors are re-priced
the same way, so both ratios compare like with like. The measured figures follow Ethereum's schedule as EDR implements it (Cancun:
EIP-2929 warm/cold access, EIP-2200 net metering, EIP-3529 refunds). RSK prices storage
differently: there is no warm/cold pricing, SLOAD costs 200, and every write of a slot costs
5,000 (20,000 from zero), even when the same transaction wrote it before. A design that writes
a slot twice in one call is cheap here and dear on RSK. The storage table below therefore
counts the storage writes of each traced operation and prices them both ways.

## Method

- Ratio is ours / anchor; below 1 we are cheaper. A dash: no anchor exists, or the piece was
  not measured (see the end).
- Every measured transaction is alone in its block, and the clock moves on between blocks, as on
  a real chain: a transfer writes a new checkpoint for each side, not an update of one.
- Transfers: the sender and the receiver hold tokens whose votes count (our tokens count every
  holder's votes; the OpenZeppelin holders delegated to themselves, the new one before receiving).
- Governance: both governors run the same schedule and threshold; each proposal makes one call
  without value or data. The measured votes are not a proposal's first, whose write of a zero
  tally would dominate; a voter holds 100 tokens and has one checkpoint unless stated.
- Pairs: both pairs trade the same two plain ERC20 tokens, with the same reserves and amounts;
  the tokens are paid in by earlier transactions, so the figure is the pair call alone.
- Claims: one commons claim of one hour per claimant, every claimant distinct (the registry sums
  a batch per claimant, so this is its dearest case), approved by the timelock.
- Scale: the members who act at 10 and at 1,000 members have the same history; the membership
  grows through claims and approvals, as it would.

## Operations

${operationTables(results.operations)}

## Claim approval mint, per claim

${batchesSection(results)}

## Scale

The cost of an operation must not grow with the membership or with the voter's history:
\`large / small <= 1.10\` for our rows. Anchor rows are for comparison.

${scaleSection(results)}

## Contracts

Runtime size against the ${formatGas(MAX_CONTRACT_SIZE)}-byte limit (EIP-170, which RSK keeps)
and deployment gas against the ${formatGas(meta.blockGasLimit)} block gas limit.

${contractsSection(results)}

## Storage writes

From \`debug_traceTransaction\`. "Rewrites" are SSTOREs to a slot that the same transaction had
already written: about 100 gas each on Ethereum, 5,000 on RSK. The RSK column prices SSTORE at
20,000 (zero to non-zero) or 5,000 (otherwise) and SLOAD at 200, before refunds.

${storageSection(results)}

## Targets

${targetsSection(results)}
${notMeasured}
## Reproduce

\`\`\`sh
npm ci
npm run bench            # writes bench/REPORT.md and bench/results.json
npm run bench -- --check # the same, and exits non-zero when a target is missed
\`\`\`
`;
}
