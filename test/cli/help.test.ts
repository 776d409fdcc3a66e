/**
 * `--help` of every `coop` command, as Hardhat prints it. The commands are found in the task
 * tree Hardhat built from the config, so a new command is checked without being listed here.
 * The help text comes from Hardhat's own formatter, in this process (one child process per
 * command would take a minute); one child process shows that it is what `--help` prints.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { expect } from "chai";
import hre, { network } from "hardhat";
import { ArgumentType } from "hardhat/types/arguments";
import type { Task } from "hardhat/types/tasks";

import { expectRefusal, runTask } from "./harness.js";

const root = path.join(import.meta.dirname, "..", "..");

// Hardhat's help formatter is not among its package exports: load it by its file. Should a
// Hardhat release move it, this import fails loudly rather than the test checking nothing.
const hardhatDir = path.dirname(createRequire(import.meta.url).resolve("hardhat/package.json"));
const { getHelpString } = (await import(
  pathToFileURL(path.join(hardhatDir, "dist/src/internal/cli/help/get-help-string.js")).href
)) as { getHelpString: (task: Task, globalOptions: Map<string, unknown>) => Promise<string> };

const { ethers } = await network.getOrCreate();

/** Every runnable command under `task`, depth first. */
function commandsUnder(task: Task): Task[] {
  return [
    ...(task.isEmpty ? [] : [task]),
    ...[...task.subtasks.values()].flatMap((subtask) => commandsUnder(subtask)),
  ];
}

const commands = commandsUnder(hre.tasks.getTask("coop"));

/** The help of `task` without the global options, which every task shares. */
async function helpOf(task: Task): Promise<string> {
  return getHelpString(task, new Map());
}

/** "--account-cap" for "accountCap", as Hardhat spells options on the command line. */
const kebab = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const camel = (option: string) =>
  option.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The help's line for option `name`. */
function optionLine(help: string, name: string): string {
  const line = help.split("\n").find((l) => l.trimStart().startsWith(`${kebab(name)} `));
  expect(line, `${kebab(name)} in\n${help}`).not.to.equal(undefined);
  return line as string;
}

/** Words of a shell command line, with '…' and "…" quoting. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/**
 * The options of the example in `task`'s description, as task arguments. A "0x…" in the
 * example (any member's address) becomes a real address.
 */
function exampleArgs(task: Task): Record<string, string | boolean> {
  const example = /Example: (.*)$/.exec(task.description)?.[1] ?? "";
  const words = shellWords(example);
  expect(words.slice(0, 2 + task.id.length)).to.deep.equal(["npx", "hardhat", ...task.id]);
  const args: Record<string, string | boolean> = {};
  for (let i = 2 + task.id.length; i < words.length; i++) {
    if (!words[i].startsWith("--")) continue; // a positional argument
    const name = camel(words[i]);
    if (name === "network") {
      i++;
      continue;
    }
    const option = task.options.get(name);
    expect(option, `${words[i]} of the example is an option of ${task.id.join(" ")}`).not.to.equal(
      undefined,
    );
    if (option?.type === ArgumentType.FLAG) args[name] = true;
    else args[name] = words[++i].replace("0x…", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  }
  return args;
}

const isRequired = (task: Task, name: string) =>
  task.options.get(name)?.description.startsWith("Required.") === true;

/** Options that take a value (not flags) and are shown. */
const valueOptions = (task: Task) =>
  [...task.options.entries()]
    .filter(([, o]) => o.type !== ArgumentType.FLAG && o.hidden !== true)
    .map(([name]) => name);

describe("coop --help", function () {
  it("finds the commands in Hardhat's task tree", function () {
    const ids = commands.map((t) => t.id.join(" "));
    expect(ids.length).to.be.greaterThan(30);
    expect(ids).to.include.members(["coop claim", "coop propose sale", "coop federation pay"]);
  });

  it("is what `npx hardhat … --help` prints", async function () {
    this.timeout(60_000);
    const task = hre.tasks.getTask(["coop", "propose", "sale"]);
    const run = spawnSync("npx", ["hardhat", "coop", "propose", "sale", "--help"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.status).to.equal(0);
    // the padding of names depends on the longest, global options included: compare the words
    const own = (text: string) => text.split("\nGLOBAL OPTIONS:")[0].trim().replace(/ +/g, " ");
    expect(own(run.stdout)).to.equal(own(await helpOf(task)));
  });

  for (const task of commands) {
    const id = task.id.join(" ");
    describe(id, function () {
      it("prints no empty default", async function () {
        expect(await helpOf(task)).not.to.include("(default: )");
      });

      const eachDefaultOnce = `prints each option's default at most once`;
      it(eachDefaultOnce, async function () {
        const help = await helpOf(task);
        for (const name of valueOptions(task)) {
          const line = optionLine(help, name);
          expect(line.match(/default/gi) ?? [], line).to.have.length.at.most(1);
        }
      });

      const oneExample = "gives one example of the whole command";
      it(oneExample, async function () {
        const help = await helpOf(task);
        expect(help.match(/Example: /g), help).to.have.length(1);
        expect(help.split("\n")[0]).to.match(new RegExp(`Example: npx hardhat ${id} `));
      });

      const requiredMarked = `marks "Required." exactly the options it refuses to run without`;
      it(requiredMarked, async function () {
        const help = await helpOf(task);
        const example = exampleArgs(task);
        for (const name of valueOptions(task)) {
          const required = isRequired(task, name);
          expect(optionLine(help, name)).to.include(required ? "Required." : "");
          if (required)
            expect(Object.keys(example), `${kebab(name)} in the example`).to.include(name);
          if (!(name in example)) continue;
          // the example without this option: refused before connecting when it is required
          const { [name]: _, ...without } = example;
          const outcome = await runTask(ethers, task.id, without);
          const refusedForIt = outcome.err.some((line) =>
            new RegExp(`${kebab(name)} is required`).test(line),
          );
          if (required) expectRefusal(outcome, new RegExp(`^error: ${kebab(name)} is required$`));
          else expect(refusedForIt, outcome.err.join("\n")).to.equal(false);
        }
      });
    });
  }

  let savedDir: string | undefined;
  before(async function () {
    // no deployment anywhere: a command that gets past its options stops there, sending nothing
    savedDir = process.env.COOP_DEPLOYMENTS_DIR;
    process.env.COOP_DEPLOYMENTS_DIR = await mkdtemp(path.join(tmpdir(), "coop-help-"));
  });
  after(function () {
    if (savedDir === undefined) delete process.env.COOP_DEPLOYMENTS_DIR;
    else process.env.COOP_DEPLOYMENTS_DIR = savedDir;
  });
});
