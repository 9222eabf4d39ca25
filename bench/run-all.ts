// `npm run bench`: every benchmark in turn, each in a child process of its own, then one table
// of all their figures (bench | figure | value | target | result), written to bench/RESULTS.md
// with each bench's details and to README.md between its bench-results markers.
// Run: npm run bench                      every bench, fast ones first, crash trials last
//      npm run bench -- waveform peaks    only these; RESULTS.md keeps the other benches' last results
// A bench that is missing, crashes, times out or prints no figures is a FAIL row; the run goes
// on. Exits 1 when any figure of this run failed.

import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { type BenchReport, REPORT_PREFIX } from "./report";

/** `file`: what must exist for the bench to run; `command`: how it runs. */
type Bench = { name: string; file: string; command: string[]; timeoutMinutes?: number };

const TSX = path.join("node_modules", ".bin", "tsx");
// react-server: the studio's modules import "server-only", which only that condition allows.
const tsxBench = (name: string, file: string, ...args: string[]): Bench => ({ name, file, command: [TSX, "--conditions=react-server", file, ...args] });

// Fast ones first; the crash trials (a vitest test that reports its figures) take about 12 minutes.
const BENCHES: Bench[] = [
  tsxBench("first-load-js", "bench/first-load-js.ts"),
  tsxBench("storage-stream", "bench/storage-stream.ts", "500"),
  tsxBench("waveform", "bench/waveform.ts"),
  tsxBench("peaks", "bench/peaks.ts"),
  tsxBench("fuzz", "bench/fuzz.ts"),
  tsxBench("stream-track", "bench/stream-track.ts"),
  tsxBench("body-flood", "bench/body-flood.ts"),
  tsxBench("fault-matrix", "bench/fault-matrix.ts"),
  tsxBench("library", "bench/library.ts"),
  tsxBench("load", "bench/load.ts"),
  tsxBench("ready-delay", "bench/ready-delay.ts"),
  { name: "crash-trials", file: "tests/crash/kill-restart.test.ts", command: ["npm", "run", "bench:crash"], timeoutMinutes: 60 },
];

const DEFAULT_TIMEOUT_MINUTES = 30;
const RESULTS_FILE = path.join("bench", "RESULTS.md");
const README = "README.md";
const README_START = "<!-- bench-results:start -->";
const README_END = "<!-- bench-results:end -->";
// RESULTS.md carries its runs as JSON in a comment, so a partial run can keep the others' rows.
const DATA_START = "<!-- bench-results-data";
const DATA_END = "-->";
const STDERR_TAIL_LINES = 20;
// vitest colours its output even into a pipe; RESULTS.md gets it plain.
const ANSI_COLOR = /\x1b\[[0-9;]*m/g;

type BenchRun = {
  name: string;
  command: string;
  startedAt: string;
  seconds: number;
  reports: BenchReport[];
  /** Why the bench gave no trustworthy figures: not found, exit code, timeout, no figures. */
  failure?: string;
  stderrTail?: string[];
};

type Row = { bench: string; figure: string; value: string; target: string; result: string };

let runningChild: ReturnType<typeof spawn> | null = null;

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown bench: ${unknown.join(", ")}. Benches: ${BENCHES.map((bench) => bench.name).join(", ")}.`);
    process.exit(2);
  }
  const selected = wanted.length > 0 ? BENCHES.filter((bench) => wanted.includes(bench.name)) : BENCHES;

  process.on("SIGINT", () => {
    if (runningChild?.pid) killGroup(runningChild.pid, "SIGTERM");
    process.exit(130);
  });

  const runs: BenchRun[] = [];
  for (const bench of selected) {
    console.log(`\n######## ${bench.name}: ${commandLine(bench)}`);
    const run = await runBench(bench);
    console.log(`######## ${bench.name}: ${run.failure ?? "done"} in ${run.seconds.toFixed(0)} s`);
    runs.push(run);
  }

  const thisRun = rowsOf(runs);
  console.log(`\n${textTable(thisRun)}`);

  const allRuns = mergeWithEarlierRuns(runs);
  const earlier = allRuns.filter((run) => !runs.includes(run)).map((run) => run.name);
  const machine = describeMachine();
  const date = new Date().toISOString();
  writeFileSync(RESULTS_FILE, resultsMarkdown(allRuns, date, machine, earlier));
  console.log(`\nWrote ${RESULTS_FILE}`);
  updateReadme(markdownTable(rowsOf(allRuns)), date, machine);

  const failed = thisRun.filter((row) => row.result === "FAIL").length;
  if (failed > 0) {
    console.log(`${failed} figure(s) FAILED.`);
    process.exitCode = 1;
  }
}

function commandLine(bench: Bench): string {
  return bench.command.map((part) => (part === TSX ? "npx tsx" : part)).join(" ");
}

/** Runs one bench, echoing its output (but not its BENCH_FIGURES lines, which it collects). */
async function runBench(bench: Bench): Promise<BenchRun> {
  const startedAt = new Date();
  const base = { name: bench.name, command: commandLine(bench), startedAt: startedAt.toISOString() };
  if (!existsSync(bench.file)) return { ...base, seconds: 0, reports: [], failure: `not found: ${bench.file}` };

  // Its own process group, so a timeout ends it together with its browsers and databases.
  const [executable, ...args] = bench.command;
  const child = spawn(executable!, args, {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  runningChild = child;
  const reports: BenchReport[] = [];
  const stderrTail: string[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    const at = line.indexOf(REPORT_PREFIX);
    if (at === -1) return console.log(line);
    try {
      reports.push(JSON.parse(line.slice(at + REPORT_PREFIX.length)) as BenchReport);
    } catch {
      console.log(line);
    }
  });
  createInterface({ input: child.stderr }).on("line", (line) => {
    console.error(line);
    stderrTail.push(line.replace(ANSI_COLOR, ""));
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
  });

  let timedOut = false;
  const timeoutMinutes = bench.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid!, "SIGTERM");
    setTimeout(() => killGroup(child.pid!, "SIGKILL"), 10_000).unref();
  }, timeoutMinutes * 60_000);
  let startError: Error | undefined;
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.on("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    child.on("error", (error) => {
      startError = error;
      resolve([null, null]);
    });
  });
  clearTimeout(timer);
  runningChild = null;

  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const failure = startError
    ? `could not start: ${startError.message}`
    : timedOut
      ? `timed out after ${timeoutMinutes} min`
      : signal
        ? `killed by ${signal}`
        : code !== 0
          ? `exit code ${code}`
          : reports.length === 0
            ? "printed no figures"
            : undefined;
  return { ...base, seconds, reports, ...(failure && { failure, stderrTail }) };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function rowsOf(runs: BenchRun[]): Row[] {
  return runs.flatMap((run) => [
    ...run.reports.flatMap((report) =>
      report.figures.map((figure) => ({
        bench: report.bench,
        figure: figure.figure,
        value: figure.value,
        target: figure.target ?? "",
        result: figure.pass === undefined ? "" : figure.pass ? "PASS" : "FAIL",
      })),
    ),
    ...(run.failure ? [{ bench: run.name, figure: "(the bench itself)", value: run.failure, target: "runs and reports", result: "FAIL" }] : []),
  ]);
}

const COLUMNS: [keyof Row, string][] = [["bench", "bench"], ["figure", "figure"], ["value", "value"], ["target", "target"], ["result", "pass/fail"]];

function textTable(rows: Row[]): string {
  const widths = COLUMNS.map(([key, title]) => Math.max(title.length, ...rows.map((row) => row[key].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(COLUMNS.map(([, title]) => title)), line(widths.map((width) => "-".repeat(width))), ...rows.map((row) => line(COLUMNS.map(([key]) => row[key])))].join("\n");
}

function markdownTable(rows: Row[]): string {
  const cell = (text: string) => text.replaceAll("|", "\\|");
  return [
    `| ${COLUMNS.map(([, title]) => title).join(" | ")} |`,
    `|${COLUMNS.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${COLUMNS.map(([key]) => cell(key === "result" ? verdictMark(row.result) : row[key])).join(" | ")} |`),
  ].join("\n");
}

const verdictMark = (result: string) => (result === "FAIL" ? "**FAIL**" : result);

/** This run's benches, plus the last results of the benches it did not run, in bench order. */
function mergeWithEarlierRuns(runs: BenchRun[]): BenchRun[] {
  const ran = new Set(runs.map((run) => run.name));
  const earlier = readEarlierRuns().filter((run) => !ran.has(run.name));
  const order = (run: BenchRun) => BENCHES.findIndex((bench) => bench.name === run.name);
  return [...runs, ...earlier].sort((a, b) => order(a) - order(b));
}

function readEarlierRuns(): BenchRun[] {
  if (!existsSync(RESULTS_FILE)) return [];
  const text = readFileSync(RESULTS_FILE, "utf8");
  const start = text.indexOf(DATA_START);
  if (start === -1) return [];
  const end = text.indexOf(DATA_END, start);
  try {
    return (JSON.parse(text.slice(start + DATA_START.length, end)) as BenchRun[]).filter((run) => BENCHES.some((bench) => bench.name === run.name));
  } catch {
    console.error(`${RESULTS_FILE}: its results data could not be read; it now holds this run's benches only.`);
    return [];
  }
}

function describeMachine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

/** `earlier`: the benches whose results are from an earlier run than this one. */
function resultsMarkdown(runs: BenchRun[], date: string, machine: string, earlier: string[]): string {
  const sections = runs.map((run) => {
    const details = [
      ...run.reports.map((report) => report.details).filter((details) => details !== undefined),
      ...(run.stderrTail?.length ? [`Last lines of its error output:\n\n\`\`\`\n${run.stderrTail.join("\n")}\n\`\`\``] : []),
    ];
    return [
      `## ${run.name}`,
      "",
      `Run ${run.startedAt.slice(0, 16).replace("T", " ")} UTC, ${run.seconds.toFixed(0)} s${run.failure ? `: ${run.failure}` : ""}. Rerun: \`${run.command}\``,
      ...details.flatMap((text) => ["", text]),
    ].join("\n");
  });
  return [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (bench/run-all.ts) on ${date.slice(0, 16).replace("T", " ")} UTC` +
      (earlier.length > 0 ? `; the rows of ${earlier.join(", ")} are from earlier runs (dates below).` : "."),
    `Machine: ${machine}.`,
    "",
    markdownTable(rowsOf(runs)),
    "",
    "Rerun every bench with `npm run bench`, some with `npm run bench -- <name> <name>` (the others keep their rows here), one by itself with the command under its name.",
    "",
    ...sections.flatMap((section) => [section, ""]),
    // ">" escaped as \u003e (same JSON) so nothing in it can end the comment.
    `${DATA_START}\n${JSON.stringify(runs).replaceAll(">", "\\u003e")}\n${DATA_END}`,
    "",
  ].join("\n");
}

function updateReadme(table: string, date: string, machine: string): void {
  const readme = readFileSync(README, "utf8");
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end < start) {
    console.error(`${README} has no ${README_START} … ${README_END} markers: its table was not updated.`);
    return;
  }
  const block = `${README_START}\n${table}\n\nLast \`npm run bench\`: ${date.slice(0, 10)} on ${machine}. Details: [bench/RESULTS.md](bench/RESULTS.md).\n`;
  writeFileSync(README, readme.slice(0, start) + block + readme.slice(end));
  console.log(`Updated the table in ${README}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
