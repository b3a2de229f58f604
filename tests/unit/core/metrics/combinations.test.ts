import { describe, expect, it } from 'vitest';
import { forEachCombination } from '../../../../src/core/metrics/combinations';
import { binomial } from '../../../../src/core/metrics/binomial';

function collect(n: number, k: number): number[][] {
  const out: number[][] = [];
  forEachCombination(n, k, (s) => out.push([...s]));
  return out;
}

describe('forEachCombination', () => {
  it('lists the 2-subsets of 4 in lexicographic order', () => {
    expect(collect(4, 2)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
  });

  it('visits C(n, k) distinct subsets', () => {
    for (let n = 0; n <= 9; n++) {
      for (let k = 0; k <= n; k++) {
        const all = collect(n, k);
        expect(all).toHaveLength(binomial(n, k));
        expect(new Set(all.map((s) => s.join(','))).size).toBe(all.length);
      }
    }
  });

  it('visits the empty subset once for k = 0 and nothing for k > n', () => {
    expect(collect(3, 0)).toEqual([[]]);
    expect(collect(3, 4)).toEqual([]);
  });

  it('rejects negative sizes', () => {
    expect(() => collect(-1, 0)).toThrow(RangeError);
  });
});
