/**
 * The member app's figures in the benchmark report: the first load against a
 * local node and the production JavaScript, gzipped. `npm run test:app`
 * measures them and writes bench/app.json; the report quotes the latest run.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface AppFigures {
  measuredAt: string;
  firstLoadMs: number;
  javascriptGzipBytes: number;
  budgetGzipBytes: number;
}

/** Where `npm run test:app` records its figures. */
export const APP_FIGURES_FILE = path.join(import.meta.dirname, "..", "app.json");

/** The report's section on the app, or a line saying it was not measured. */
export async function appSection(file = APP_FIGURES_FILE): Promise<string> {
  let figures: AppFigures;
  try {
    figures = JSON.parse(await readFile(file, "utf8")) as AppFigures;
  } catch {
    return "\n## Member app\n\nNot measured: run `npm run test:app` first.\n";
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  return `
## Member app

Measured by \`npm run test:app\` on ${figures.measuredAt}, in headless Chromium against a local
node with the demo cooperative.

| figure | value | budget |
| --- | --- | --- |
| first load (navigation to the account's figures shown) | ${figures.firstLoadMs} ms | 2,000 ms |
| production JavaScript, gzipped | ${kb(figures.javascriptGzipBytes)} | ${kb(figures.budgetGzipBytes)} |
`;
}
