import type { ScaleLabel } from './tender.entity';

/** SCORING.md §1: the default 0–5 scale with professional and plain-language labels. */
export const DEFAULT_SCALE_LABELS: Record<string, ScaleLabel> = {
  '0': { label: 'Unacceptable', plainLabel: 'Does not answer the question' },
  '1': { label: 'Poor', plainLabel: 'Answers a little, with big gaps' },
  '2': { label: 'Weak', plainLabel: 'Answers some of it, not convincing' },
  '3': { label: 'Satisfactory', plainLabel: 'Answers it, with some gaps' },
  '4': { label: 'Good', plainLabel: 'Answers it well, with evidence' },
  '5': { label: 'Excellent', plainLabel: 'Answers it very well, with strong evidence' },
};

/** Labels for every level of min..max: the given ones, else the defaults, else "Score n". */
export function labelsForScale(min: number, max: number, given?: Record<string, ScaleLabel>): Record<string, ScaleLabel> {
  const labels: Record<string, ScaleLabel> = {};
  for (let level = min; level <= max; level++) {
    const key = String(level);
    labels[key] = given?.[key] ??
      (min === 0 && max === 5 ? DEFAULT_SCALE_LABELS[key] : { label: `Score ${level}`, plainLabel: `${level} out of ${max}` });
  }
  return labels;
}
