/**
 * Exact rational numbers on BigInt.
 *
 * SCORING.md §3 requires exact arithmetic: a mean of three scores or `lowest / price`
 * does not terminate as a decimal, and a binary float can tip a 2-decimal rounding the
 * wrong way (71.505 is stored as 71.50499…). Every score, weight and total in the engine
 * is a Rational; rounding happens once, at presentation, on the exact value.
 *
 * Invariants: the denominator is positive and gcd(|numerator|, denominator) = 1, so two
 * equal values always have identical fields.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  /** numerator / denominator, normalised. Throws on a zero denominator. */
  static of(numerator: bigint | number, denominator: bigint | number = 1n): Rational {
    if (typeof numerator === 'number' && typeof denominator === 'number') {
      return Rational.ofSafeIntegers(numerator, denominator);
    }
    let n = toBigInt(numerator);
    let d = toBigInt(denominator);
    if (d === 0n) throw new RangeError('Rational: zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    if (d <= MAX_EXACT && n <= MAX_EXACT && n >= -MAX_EXACT) {
      // Engine values are almost always this small: reduce in doubles (exact below
      // 2^53), which allocates nothing, unlike every BigInt `%`.
      const smallNumerator = Number(n);
      const smallDenominator = Number(d);
      const divisor = smallGcd(Math.abs(smallNumerator), smallDenominator);
      return divisor === 1
        ? new Rational(n, d)
        : new Rational(BigInt(smallNumerator / divisor), BigInt(smallDenominator / divisor));
    }
    const divisor = gcd(n < 0n ? -n : n, d);
    return divisor === 1n ? new Rational(n, d) : new Rational(n / divisor, d / divisor);
  }

  /** Reduced before any BigInt exists: two allocations instead of six for a mean. */
  private static ofSafeIntegers(numerator: number, denominator: number): Rational {
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
      throw new RangeError(`Rational: ${numerator}/${denominator} is not made of safe integers`);
    }
    if (denominator === 0) throw new RangeError('Rational: zero denominator');
    const sign = denominator < 0 ? -1 : 1;
    const divisor = smallGcd(Math.abs(numerator), Math.abs(denominator));
    return new Rational(BigInt((sign * numerator) / divisor), BigInt((sign * denominator) / divisor));
  }

  /**
   * numerator / denominator as given, not reduced: only for a value about to be summed
   * (the sum reduces), never to compare or show. The denominator must be positive.
   */
  static unreduced(numerator: bigint, denominator: bigint): Rational {
    if (denominator <= 0n) throw new RangeError('Rational: denominator must be positive');
    return new Rational(numerator, denominator);
  }

  static fromInteger(value: bigint | number): Rational {
    return new Rational(toBigInt(value), 1n);
  }

  /** 4025 hundredths → 40.25 (weights, thresholds, ratios are stored this way). */
  static fromHundredths(hundredths: bigint | number): Rational {
    return Rational.of(hundredths, 100n);
  }

  /**
   * A JS number that is written with at most `decimals` decimals (e.g. a threshold of
   * 2.5 from JSON). Refuses anything with more decimals rather than silently rounding.
   */
  static fromDecimal(value: number, decimals = 2): Rational {
    const scale = 10 ** decimals;
    const scaled = Math.round(value * scale);
    if (!Number.isFinite(value) || Math.abs(value * scale - scaled) > 1e-6) {
      throw new RangeError(`Rational: ${value} has more than ${decimals} decimals`);
    }
    return Rational.of(scaled, BigInt(scale));
  }

  static sum(values: Iterable<Rational>): Rational {
    let total = Rational.ZERO;
    for (const value of values) total = total.add(value);
    return total;
  }

  add(other: Rational): Rational {
    if (this.denominator === other.denominator) {
      return Rational.of(this.numerator + other.numerator, this.denominator);
    }
    return Rational.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  sub(other: Rational): Rational {
    return this.add(other.negate());
  }

  mul(other: Rational): Rational {
    return Rational.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  div(other: Rational): Rational {
    if (other.numerator === 0n) throw new RangeError('Rational: division by zero');
    return Rational.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  negate(): Rational {
    return new Rational(-this.numerator, this.denominator);
  }

  abs(): Rational {
    return this.numerator < 0n ? this.negate() : this;
  }

  /** -1, 0 or 1, like a sort comparator. */
  compare(other: Rational): -1 | 0 | 1 {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  sign(): -1 | 0 | 1 {
    return this.numerator < 0n ? -1 : this.numerator > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  /** Nearest double; for charts and logs only, never for a decision. */
  toNumber(): number {
    return Number(this.numerator) / Number(this.denominator);
  }

  /**
   * The value times 10^decimals, rounded half away from zero, as an integer: the
   * "round half up" of UK finance and of Excel's ROUND(), so the workbook agrees.
   */
  scaledHalfUp(decimals: number): bigint {
    const magnitude = (this.numerator < 0n ? -this.numerator : this.numerator) * powerOfTen(decimals);
    const whole = magnitude / this.denominator;
    const rounded = 2n * (magnitude % this.denominator) >= this.denominator ? whole + 1n : whole;
    return this.numerator < 0n ? -rounded : rounded;
  }

  /** The largest integer ≤ the value. */
  floor(): bigint {
    return divMod(this.numerator, this.denominator)[0];
  }

  /** The smallest integer ≥ the value. */
  ceil(): bigint {
    return this.scaledCeiling(0);
  }

  /** The value times 10^decimals rounded towards +∞ (a shift that must really suffice). */
  scaledCeiling(decimals: number): bigint {
    const scaled = this.numerator * powerOfTen(decimals);
    const [whole, remainder] = divMod(scaled, this.denominator);
    return remainder > 0n ? whole + 1n : whole;
  }

  /** Exact half-up rounding, then the closest double to that decimal (71.505 → 71.51). */
  roundHalfUp(decimals: number): number {
    // The same rounding in doubles while every intermediate is an integer below 2^53
    // (exact there); presenting a large tender rounds some 25 000 values.
    const scale = 10 ** decimals;
    const magnitude = Math.abs(Number(this.numerator)) * scale;
    const denominator = Number(this.denominator);
    if (decimals <= 15 && Number.isSafeInteger(magnitude) && Number.isSafeInteger(denominator)) {
      const remainder = magnitude % denominator;
      const whole = (magnitude - remainder) / denominator;
      const rounded = 2 * remainder >= denominator ? whole + 1 : whole;
      // Both operands are exact and IEEE division rounds correctly: this is the double
      // nearest the decimal, exactly what parsing its string would give.
      const value = rounded / scale;
      return this.numerator < 0n && rounded !== 0 ? -value : value;
    }
    return Number(this.toFixedString(decimals));
  }

  /** Exact half-up rounding rendered with exactly `decimals` decimals: "71.50". */
  toFixedString(decimals: number): string {
    return formatScaled(this.scaledHalfUp(decimals), decimals);
  }

  toString(): string {
    return this.denominator === 1n ? `${this.numerator}` : `${this.numerator}/${this.denominator}`;
  }
}

/**
 * A running exact sum of fractions, reduced once at the end: adding n/d to a total whose
 * denominator d already divides costs one multiplication, not a gcd. For the hot loops of
 * the robustness analyses, which add thousands of weighted scores with few denominators.
 */
export class RationalSum {
  private numerator = 0n;
  private denominator = 1n;

  add(numerator: bigint, denominator: bigint): this {
    if (denominator === this.denominator) {
      this.numerator += numerator;
    } else if (this.denominator % denominator === 0n) {
      this.numerator += numerator * (this.denominator / denominator);
    } else {
      const common = (this.denominator / gcd(this.denominator, denominator)) * denominator;
      this.numerator = this.numerator * (common / this.denominator) + numerator * (common / denominator);
      this.denominator = common;
    }
    return this;
  }

  addRational(value: Rational): this {
    return this.add(value.numerator, value.denominator);
  }

  value(): Rational {
    return Rational.of(this.numerator, this.denominator);
  }
}

/** Below this, a BigInt converts to a double exactly. */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** Renders an integer holding value × 10^decimals as a decimal string. */
export function formatScaled(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  const text = decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${text}` : text;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10n ** BigInt(i));

function powerOfTen(decimals: number): bigint {
  return POWERS_OF_TEN[decimals] ?? 10n ** BigInt(decimals);
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`Rational: ${value} is not a safe integer`);
  return BigInt(value);
}

/** Floor division with a non-negative remainder, for a positive divisor. */
function divMod(dividend: bigint, divisor: bigint): [bigint, bigint] {
  let quotient = dividend / divisor;
  let remainder = dividend % divisor;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += divisor;
  }
  return [quotient, remainder];
}

function smallGcd(a: number, b: number): number {
  while (b !== 0) {
    const remainder = a % b;
    a = b;
    b = remainder;
  }
  return a;
}

function gcd(a: bigint, b: bigint): bigint {
  // A temporary, not `[a, b] = [b, a % b]`: the array would be allocated every turn.
  while (b !== 0n) {
    const remainder = a % b;
    a = b;
    b = remainder;
  }
  return a;
}
