// Hardhat 3 needs Node >= 22.13. The project brings Node 22 as the `node`
// devDependency, so npm scripts and npx run on it. When npm itself ran on an
// older Node, npm skipped the native optional packages built for Node 22
// (EDR, Hardhat's EVM); one more install under Node 22 brings them in.
// CONFOEDERATIO_POSTINSTALL guards against recursion.
"use strict";

const { spawnSync } = require("node:child_process");

const GUARD = "CONFOEDERATIO_POSTINSTALL";
const agent = process.env.npm_config_user_agent ?? "";
const npmNode = /node\/v(\d+)\./.exec(agent);
const npmNodeMajor = npmNode ? Number(npmNode[1]) : undefined;
const ownMajor = Number(process.versions.node.split(".")[0]);

if (process.env[GUARD]) process.exit(0);
if (npmNodeMajor === undefined || npmNodeMajor >= 22) process.exit(0);
if (ownMajor < 22) {
  console.error(
    `postinstall: npm ran on Node ${npmNodeMajor} and the node@22 devDependency is missing; run npm install again.`,
  );
  process.exit(1);
}
const npmCli = process.env.npm_execpath;
if (!npmCli) {
  console.error("postinstall: npm_execpath is not set; run npm install again.");
  process.exit(1);
}

console.log(
  `postinstall: npm ran on Node ${npmNodeMajor}; installing Node ${process.versions.node} native packages`,
);
const result = spawnSync(
  process.execPath,
  [npmCli, "install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund"],
  { stdio: "inherit", env: { ...process.env, [GUARD]: "1" } },
);
process.exit(result.status ?? 1);
