// How every benchmark reports: a few figures, each with its target and whether it was met.
// reportFigures prints them as a small table for a person, and as one BENCH_FIGURES line of
// JSON that `npm run bench` (bench/run-all.ts) collects into the one results table.

export type BenchFigure = {
  /** What was measured, e.g. "paid tracks lost". */
  figure: string;
  /** The measured value, formatted with its unit, e.g. "0", "6.0 ms", "+33 MiB". */
  value: string;
  /** The goal, e.g. "0", "≤ 25 ms"; omitted for a figure that is reported only. */
  target?: string;
  /** Whether the target was met; omitted when there is no target. */
  pass?: boolean;
};

/** `details`: optional Markdown (a per-cell table, say) that RESULTS.md shows under the main table. */
export type BenchReport = { bench: string; figures: BenchFigure[]; details?: string };

/** A count whose target is none at all. */
export function zeroFigure(figure: string, count: number): BenchFigure {
  return { figure, value: String(count), target: "0", pass: count === 0 };
}

export const REPORT_PREFIX = "BENCH_FIGURES ";

export function reportFigures(bench: string, figures: BenchFigure[], details?: string): void {
  const width = Math.max(...figures.map((row) => row.figure.length));
  console.log(`\n== ${bench}`);
  for (const row of figures) {
    const verdict = row.pass === undefined ? "" : row.pass ? "  PASS" : "  FAIL";
    console.log(`${row.figure.padEnd(width)}  ${row.value}${row.target ? `  (target ${row.target})` : ""}${verdict}`);
  }
  if (details) console.log(`\n${details}`);
  console.log(REPORT_PREFIX + JSON.stringify({ bench, figures, details } satisfies BenchReport));
}
