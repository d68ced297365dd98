export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One JSON line per benchmark on stdout: medians, the baseline's median, their ratio, and the target. */
export function report(r: { bench: string; runs: number[]; baseline: string; baselineRuns: number[]; target: number }) {
  const value = median(r.runs);
  const base = median(r.baselineRuns);
  console.log(
    JSON.stringify({
      bench: r.bench,
      value: round(value),
      unit: 'ms',
      baseline: r.baseline,
      baseline_value: round(base),
      ratio: round(value / base),
      runs: r.runs.length,
      target_ms: r.target,
      within_target: value < r.target,
    }),
  );
}
