/** One measured figure, reported beside its target in docs/BENCHMARKS.md. */
export interface BenchFigure {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  /** e.g. "< 250 ms"; empty when the figure is context, not a target. */
  target: string;
  /** Whether the value meets the target; undefined when there is no target. */
  met?: boolean;
}

export interface BenchScenario {
  name: string;
  run: () => Promise<BenchFigure[]>;
}

/** Percentile of sorted-or-not samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}
