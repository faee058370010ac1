import fc from 'fast-check';
import { Rational } from '../../results/engine/rational';
import {
  formatHundredths,
  fromHundredths,
  hasAtMostDecimals,
  penceToPounds,
  poundsToPence,
  toHundredths,
  toHundredthsExact,
} from './decimals';

describe('decimals', () => {
  it('accepts at most 2 decimals and refuses more', () => {
    expect(hasAtMostDecimals(40.25, 2)).toBe(true);
    expect(hasAtMostDecimals(100, 2)).toBe(true);
    expect(hasAtMostDecimals(0.1, 2)).toBe(true);
    expect(hasAtMostDecimals(33.333, 2)).toBe(false);
    expect(hasAtMostDecimals(Number.NaN, 2)).toBe(false);
    expect(hasAtMostDecimals('40', 2)).toBe(false);
  });

  it('converts to hundredths without float error', () => {
    expect(toHundredthsExact(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996 as a float
    expect(toHundredthsExact(1.15)).toBe(115);
    expect(toHundredthsExact(123456.78)).toBe(12345678);
    expect(() => toHundredthsExact(1.005)).toThrow(RangeError);
  });

  it('round-trips every 2-decimal value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (hundredths) => {
        const value = fromHundredths(hundredths);
        return hasAtMostDecimals(value, 2) && toHundredthsExact(value) === hundredths;
      }),
    );
  });
});

describe('toHundredths / fromHundredths / formatHundredths', () => {
  it('converts through the decimal form, not by float multiplication', () => {
    expect(0.29 * 100).not.toBe(29); // the trap this function exists for
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(40.25)).toBe(4025);
    expect(toHundredths(1.1)).toBe(110);
    expect(toHundredths(100)).toBe(10000);
    expect(toHundredths(0)).toBe(0);
    expect(toHundredths(-0)).toBe(0);
    expect(toHundredths(1e10)).toBe(1e12);
  });

  it('refuses more than 2 decimals, negatives, non-finite and unsafe values', () => {
    expect(toHundredths(12.345)).toBeNull();
    expect(toHundredths(0.001)).toBeNull();
    expect(toHundredths(1e-7)).toBeNull(); // printed in exponent form
    expect(toHundredths(-1)).toBeNull();
    expect(toHundredths(-0.01)).toBeNull();
    expect(toHundredths(Number.NaN)).toBeNull();
    expect(toHundredths(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toHundredths(1e21)).toBeNull(); // more hundredths than a double holds exactly
  });

  it('round-trips every 2-decimal number from 0 to 100 exactly', () => {
    const mismatches: number[] = [];
    for (let h = 0; h <= 10_000; h += 1) {
      if (toHundredths(fromHundredths(h)) !== h || toHundredths(Number(formatHundredths(h))) !== h) mismatches.push(h);
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trips any hundredths value a tender could hold (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e14 }), (h) => toHundredths(fromHundredths(h)) === h));
  });

  it('rejects every number with a third decimal (property)', () => {
    const thousandths = fc.integer({ min: 0, max: 1e9 }).filter((k) => k % 10 !== 0);
    fc.assert(fc.property(thousandths, (k) => toHundredths(k / 1000) === null));
  });

  it('formats with two decimals by integer arithmetic', () => {
    expect(formatHundredths(4025)).toBe('40.25');
    expect(formatHundredths(500)).toBe('5.00');
    expect(formatHundredths(7)).toBe('0.07');
    expect(formatHundredths(-1)).toBe('-0.01');
    expect(fromHundredths(4025)).toBe(40.25);
  });
});

describe('prices: pounds and pence', () => {
  it('converts prices to pence exactly and back', () => {
    expect(poundsToPence(0.29)).toBe(29);
    expect(poundsToPence(1249500.5)).toBe(124950050);
    expect(poundsToPence(1_000_000_000)).toBe(100_000_000_000);
    expect(penceToPounds(29)).toBe(0.29);
    expect(penceToPounds(124950050)).toBe(1249500.5);
    expect(penceToPounds(100)).toBe(1);
  });

  it('round-trips every price with at most 2 decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000_000 }), (pence) => {
        const price = penceToPounds(pence);
        return poundsToPence(price) === pence;
      }),
    );
  });

  it('converts a typed price to pence exactly, and back', () => {
    expect(poundsToPence(1234.5)).toBe(123450);
    expect(poundsToPence(0.29)).toBe(29);
    expect(penceToPounds(123450)).toBe(1234.5);
    expect(penceToPounds(123450n)).toBe(1234.5);
    expect(penceToPounds(5n)).toBe(0.05);
    expect(penceToPounds(-105n)).toBe(-1.05);
    expect(formatHundredths(123450n)).toBe('1234.50');
  });

  it('gives the very double each former conversion gave (JSON bodies and exports stay byte-identical)', () => {
    // The three conversions this module replaced: `/ 100` then `toFixed(2)`, the decimal
    // string of whole and cents, and exact rational rounding.
    const viaFixed = (h: number) => Number((h / 100).toFixed(2));
    const viaDigits = (h: number) => Number(`${Math.trunc(h / 100)}.${String(Math.abs(h % 100)).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (pence) => {
        const pounds = penceToPounds(pence);
        return (
          pounds === viaFixed(pence) &&
          pounds === viaDigits(pence) &&
          pounds === Rational.of(BigInt(pence), 100n).roundHalfUp(2) &&
          pounds === penceToPounds(BigInt(pence)) &&
          JSON.stringify(pounds) === JSON.stringify(fromHundredths(pence))
        );
      }),
    );
  });
});
