/**
 * Weights, thresholds and prices are JSON numbers with at most 2 decimals. Checked on the
 * number's shortest decimal form, never by float multiplication (0.29 * 100 !== 29).
 */
export function hasAtMostDecimals(value: unknown, decimals: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const text = String(value);
  if (/e/i.test(text)) return Number.isInteger(value) && Math.abs(value) < 1e15;
  const dot = text.indexOf('.');
  return dot === -1 || text.length - dot - 1 <= decimals;
}

/** Exact conversion of a number with at most 2 decimals to integer hundredths. */
export function toHundredthsExact(value: number): number {
  if (!hasAtMostDecimals(value, 2)) throw new RangeError(`${value} has more than 2 decimals`);
  const negative = value < 0;
  const [whole, fraction = ''] = String(Math.abs(value)).split('.');
  const result = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return negative ? -result : result;
}

export function fromHundredths(hundredths: number): number {
  return Number((hundredths / 100).toFixed(2));
}

