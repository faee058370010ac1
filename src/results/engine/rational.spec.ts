import { formatScaled, Rational } from './rational';

const r = (numerator: number | bigint, denominator: number | bigint = 1) => Rational.of(numerator, denominator);

describe('Rational', () => {
  it('normalises by the gcd with a positive denominator', () => {
    expect(r(6, -4)).toEqual(r(-3, 2));
    expect(r(-3, 2).toString()).toBe('-3/2');
    expect(r(0, -7).equals(Rational.ZERO)).toBe(true);
    expect(Rational.fromHundredths(4025).toString()).toBe('161/4'); // 40.25
  });

  it('adds, subtracts, multiplies and divides exactly', () => {
    // 1/3 + 1/6 = 1/2; 1/2 − 3/4 = −1/4; 2/3 × 9/4 = 3/2; (1/3) ÷ (2/9) = 3/2
    expect(r(1, 3).add(r(1, 6))).toEqual(r(1, 2));
    expect(r(1, 2).sub(r(3, 4))).toEqual(r(-1, 4));
    expect(r(2, 3).mul(r(9, 4))).toEqual(r(3, 2));
    expect(r(1, 3).div(r(2, 9))).toEqual(r(3, 2));
    expect(Rational.sum([r(1, 10), r(2, 10), r(7, 10)])).toEqual(Rational.ONE);
  });

  it('compares without converting to floats', () => {
    // 0.1 + 0.2 = 0.3 exactly, unlike doubles.
    expect(r(1, 10).add(r(2, 10)).compare(r(3, 10))).toBe(0);
    expect(r(2, 3).compare(r(3, 5))).toBe(1);
    expect(r(-1, 3).compare(r(1, 3))).toBe(-1);
    expect(r(-5, 2).abs()).toEqual(r(5, 2));
    expect(r(-5, 2).sign()).toBe(-1);
  });

  it('refuses a zero denominator and division by zero', () => {
    expect(() => r(1, 0)).toThrow(RangeError);
    expect(() => r(1, 2).div(Rational.ZERO)).toThrow(RangeError);
    expect(() => Rational.of(1.5)).toThrow(RangeError);
  });

  it('reads decimals with at most the given number of places, refusing more', () => {
    expect(Rational.fromDecimal(2.5)).toEqual(r(5, 2));
    expect(Rational.fromDecimal(0.07)).toEqual(r(7, 100));
    expect(() => Rational.fromDecimal(2.555)).toThrow(RangeError);
  });

  describe('half-up rounding on the exact value', () => {
    it('rounds 71.505 up to 71.51 and 71.5049… down to 71.50', () => {
      const exactHalf = r(71505, 1000);
      expect(exactHalf.roundHalfUp(2)).toBe(71.51);
      expect(exactHalf.toFixedString(2)).toBe('71.51');
      expect(r(715049, 10000).toFixedString(2)).toBe('71.50');
    });

    it('gets 2.675 right where binary floats do not', () => {
      // The double nearest 2.675 is 2.67499999…, so (2.675).toFixed(2) is "2.67".
      expect(r(2675, 1000).roundHalfUp(2)).toBe(2.68);
    });

    it('rounds non-terminating values: 2/3 → 0.67, 65/3 → 21.67, 1/3 → 0.33', () => {
      expect(r(2, 3).roundHalfUp(2)).toBe(0.67);
      expect(r(65, 3).toFixedString(2)).toBe('21.67');
      expect(r(1, 3).toFixedString(2)).toBe('0.33');
    });

    it('rounds halves away from zero for negatives, like Excel ROUND', () => {
      expect(r(-1005, 1000).roundHalfUp(2)).toBe(-1.01);
      expect(r(-1004, 1000).toFixedString(2)).toBe('-1.00');
      expect(r(-1, 1000).roundHalfUp(2)).toBe(0);
    });

    it('pads and handles zero decimals', () => {
      expect(r(78).toFixedString(2)).toBe('78.00');
      expect(r(5, 2).toFixedString(0)).toBe('3');
      expect(r(1, 20).toFixedString(2)).toBe('0.05');
      expect(formatScaled(-5n, 2)).toBe('-0.05');
    });

    it('takes the exact BigInt path for values beyond 2^53', () => {
      const huge = r(10n ** 30n + 5n, 10n ** 12n); // 1e18 + 0.000000000005
      expect(huge.toFixedString(2)).toBe('1000000000000000000.00');
      expect(r(2n ** 60n * 1005n, 2n ** 60n * 1000n).roundHalfUp(2)).toBe(1.01);
      expect(r(2n ** 70n + 1n, 2n).roundHalfUp(0)).toBe(Number(2n ** 69n + 1n));
    });
  });

  it('rounds up (towards +∞) for shifts that must really suffice', () => {
    expect(r(65, 3).scaledCeiling(2)).toBe(2167n);
    expect(r(640, 19).scaledCeiling(2)).toBe(3369n); // 33.684…
    expect(r(2167, 100).scaledCeiling(2)).toBe(2167n); // already exact: unchanged
    expect(r(-65, 3).scaledCeiling(2)).toBe(-2166n);
  });
});
