import fc from 'fast-check';
import { fromHundredths, hasAtMostDecimals, toHundredthsExact } from './decimals';

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
