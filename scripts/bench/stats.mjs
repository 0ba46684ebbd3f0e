/** Median, min, max and percentiles of repeated measurements. */
export function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    n: sorted.length,
    median: at(50),
    p95: at(95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** "12.3 ms (min 10.1, max 15.0)". */
export function ms(s) {
  const f = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
  return `${f(s.median)} ms (min ${f(s.min)}, max ${f(s.max)}, n=${s.n})`;
}
