import { describe, expect, it } from 'vitest';
import { passAtK } from '../../../../src/core/metrics/passAtK';
import { binomial } from '../../../../src/core/metrics/binomial';

describe('passAtK', () => {
  it('matches hand-computed values', () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(passAtK(10, 3, 5)).toBeCloseTo(1 - 21 / 252, 12);
    expect(passAtK(4, 1, 2)).toBeCloseTo(0.5, 12); // C(3,2)/C(4,2) = 3/6
    expect(passAtK(5, 2, 2)).toBeCloseTo(1 - 3 / 10, 12);
  });

  it('is 0 with no correct sample and 1 with all correct', () => {
    expect(passAtK(5, 0, 1)).toBe(0);
    expect(passAtK(5, 0, 5)).toBe(0);
    expect(passAtK(5, 5, 1)).toBe(1);
    expect(passAtK(5, 5, 3)).toBe(1);
  });

  it('is 1 when fewer than k samples are wrong', () => {
    expect(passAtK(10, 8, 3)).toBe(1);
    expect(passAtK(10, 1, 10)).toBe(1);
  });

  it('equals c/n at k = 1', () => {
    for (let n = 1; n <= 30; n++) for (let c = 0; c <= n; c++) expect(passAtK(n, c, 1)).toBeCloseTo(c / n, 12);
  });

  it('agrees with the binomial formula where the binomials are exact', () => {
    for (let n = 1; n <= 25; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) {
          const expected = 1 - binomial(n - c, k) / binomial(n, k);
          expect(passAtK(n, c, k)).toBeCloseTo(expected, 10);
        }
      }
    }
  });

  it('stays finite and monotone in k for n = 200', () => {
    let previous = 0;
    for (let k = 1; k <= 200; k++) {
      const p = passAtK(200, 7, k);
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(previous - 1e-15);
      expect(p).toBeLessThanOrEqual(1);
      previous = p;
    }
    // C(193,100)/C(200,100) = ∏_{i=0}^{6} (100−i)/(200−i)
    let ratio = 1;
    for (let i = 0; i < 7; i++) ratio *= (100 - i) / (200 - i);
    expect(passAtK(200, 7, 100)).toBeCloseTo(1 - ratio, 12);
  });

  it('throws RangeError on invalid input', () => {
    expect(() => passAtK(5, 2, 6)).toThrow(RangeError);
    expect(() => passAtK(5, 2, 0)).toThrow(RangeError);
    expect(() => passAtK(5, 6, 1)).toThrow(RangeError);
    expect(() => passAtK(5, -1, 1)).toThrow(RangeError);
    expect(() => passAtK(0, 0, 1)).toThrow(RangeError);
    expect(() => passAtK(5.5, 2, 1)).toThrow(RangeError);
    expect(() => passAtK(5, 2, 1.5)).toThrow(RangeError);
    expect(() => passAtK(5, Number.NaN, 1)).toThrow(RangeError);
  });
});
