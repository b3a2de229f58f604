import { describe, expect, it } from 'vitest';
import { binomial } from '../../../../src/core/metrics/binomial';

describe('binomial', () => {
  it('matches hand-computed values', () => {
    expect(binomial(0, 0)).toBe(1);
    expect(binomial(5, 0)).toBe(1);
    expect(binomial(5, 5)).toBe(1);
    expect(binomial(5, 2)).toBe(10);
    expect(binomial(10, 5)).toBe(252);
    expect(binomial(7, 5)).toBe(21);
    expect(binomial(14, 7)).toBe(3432);
    expect(binomial(50, 25)).toBe(126410606437752);
  });

  it('agrees with Pascal’s rule up to n = 40', () => {
    for (let n = 1; n <= 40; n++) {
      for (let k = 1; k < n; k++) {
        expect(binomial(n, k)).toBe(binomial(n - 1, k - 1) + binomial(n - 1, k));
      }
    }
  });

  it('is 0 outside 0..n', () => {
    expect(binomial(4, 5)).toBe(0);
    expect(binomial(4, -1)).toBe(0);
  });

  it('rejects non-integers and negative n', () => {
    expect(() => binomial(4.5, 2)).toThrow(RangeError);
    expect(() => binomial(-1, 0)).toThrow(RangeError);
  });
});
