/*
 * Exact decimals: the one module that turns the JSON numbers people type (weights,
 * thresholds, ratios, prices — at most 2 decimals) into the integer hundredths the
 * service stores and computes with, and back again.
 *
 * Every conversion works on decimal digits, never on `value * 100` (0.29 * 100 is
 * 28.999999999999996). A price is hundredths too: pence of pounds.
 */

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

/**
 * Exact conversion of a number already checked to have at most 2 decimals (by a DTO
 * validator) to integer hundredths; throws a RangeError on more.
 */
export function toHundredthsExact(value: number): number {
  if (!hasAtMostDecimals(value, 2)) throw new RangeError(`${value} has more than 2 decimals`);
  const negative = value < 0;
  const [whole, fraction = ''] = String(Math.abs(value)).split('.');
  const result = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return negative ? -result : result;
}

/**
 * Exact conversion of a JSON number with at most 2 decimals to integer hundredths, for
 * input not yet checked (a template file, a criterion patch). Works on the number's
 * shortest round-trip decimal form (what `String` prints). Null when the value has more
 * than 2 decimals, is negative, is not finite, or is too large to be held exactly.
 */
export function toHundredths(value: number): number | null {
  if (typeof value !== 'number' || value < 0) return null;
  return toSignedHundredths(value);
}

/** `toHundredths` allowing a sign, for scale points (a scale may in principle start below zero). */
export function toSignedHundredths(value: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return null;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  // value = digits × 10^(exponent − fraction length); hundredths shift that by 10^2.
  const digits = BigInt(whole + fraction);
  const shift = Number(exponent) - fraction.length + 2;
  let hundredths: bigint;
  if (shift >= 0) {
    hundredths = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    if (digits % divisor !== 0n) return null;
    hundredths = digits / divisor;
  }
  if (hundredths > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const result = Number(hundredths);
  return sign === '-' && result !== 0 ? -result : result;
}

/**
 * For presentation (JSON bodies, spreadsheets): 4025 → 40.25. An integer divided by 100
 * in doubles is correctly rounded, so the result is the double nearest the exact decimal,
 * prints as it, and round-trips through `toHundredths` below 10^15 hundredths. A bigint
 * (a price column) goes through its decimal digits, exact at any size.
 */
export function fromHundredths(hundredths: number | bigint): number {
  return typeof hundredths === 'bigint' ? Number(formatHundredths(hundredths)) : hundredths / 100;
}

/** "40.25", "5.00", "-0.01": two decimals by integer arithmetic, for messages and cells. */
export function formatHundredths(hundredths: number | bigint): string {
  const negative = hundredths < 0;
  const magnitude = typeof hundredths === 'bigint' ? (negative ? -hundredths : hundredths) : Math.abs(hundredths);
  const digits = (typeof magnitude === 'bigint' ? magnitude.toString() : String(Math.trunc(magnitude))).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A price as typed (1234.5 pounds) → integer pence (123450), exactly. */
export function poundsToPence(pounds: number): number {
  return toHundredthsExact(pounds);
}

/** Integer pence (123450, or a bigint from the price column) → pounds as a JSON number (1234.5). */
export function penceToPounds(pence: number | bigint): number {
  return fromHundredths(pence);
}
