import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, randomInt, randomSubset } from '../../../../src/core/metrics/seededRandom';

describe('createRng', () => {
  it('is reproducible for a fixed seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a());
    const ys = Array.from({ length: 100 }, () => b());
    expect(xs).toEqual(ys);
  });

  it('gives different streams for different seeds, including seeds that differ above bit 31', () => {
    const draw = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 5 }, () => r());
    };
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1)).not.toEqual(draw(1 + 2 ** 32));
    expect(draw(-1)).not.toEqual(draw(1));
  });

  it('stays in [0, 1) and looks uniform', () => {
    const r = createRng(123);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const b = Math.floor(x * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    // Each bucket expects 10 000 with sd ≈ 95; 600 is more than six sd.
    for (const count of buckets) expect(Math.abs(count - draws / 10)).toBeLessThan(600);
  });

  it('rejects non-finite seeds', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(Infinity)).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('is deterministic and separates streams', () => {
    expect(deriveSeed(1, 3)).toBe(deriveSeed(1, 3));
    const seeds = new Set(Array.from({ length: 50 }, (_, j) => deriveSeed(1, j)));
    expect(seeds.size).toBe(50);
    expect(deriveSeed(1, 3)).not.toBe(deriveSeed(2, 3));
  });
});

describe('randomInt', () => {
  it('covers 0..n-1 and nothing else', () => {
    const r = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(randomInt(7, r));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('never returns n even if the generator returns 1', () => {
    expect(randomInt(4, () => 1)).toBe(3);
  });

  it('rejects n = 0 and non-integers', () => {
    expect(() => randomInt(0, createRng(1))).toThrow(RangeError);
    expect(() => randomInt(2.5, createRng(1))).toThrow(RangeError);
  });
});

describe('randomSubset', () => {
  it('returns k distinct sorted indices in range', () => {
    const r = createRng(9);
    for (let t = 0; t < 200; t++) {
      const s = randomSubset(12, 5, r);
      expect(s).toHaveLength(5);
      expect(new Set(s).size).toBe(5);
      expect([...s].sort((a, b) => a - b)).toEqual(s);
      for (const x of s) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(12);
      }
    }
  });

  it('handles the edges k = 0 and k = n', () => {
    const r = createRng(1);
    expect(randomSubset(5, 0, r)).toEqual([]);
    expect(randomSubset(5, 5, r)).toEqual([0, 1, 2, 3, 4]);
    expect(randomSubset(0, 0, r)).toEqual([]);
  });

  it('draws every subset about equally often', () => {
    const r = createRng(2024);
    const counts = new Map<string, number>();
    const draws = 60_000;
    for (let i = 0; i < draws; i++) {
      const key = randomSubset(5, 2, r).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    // Expect 6000 each, sd ≈ 73.
    for (const c of counts.values()) expect(Math.abs(c - draws / 10)).toBeLessThan(450);
  });

  it('is reproducible for a fixed seed', () => {
    const a = createRng(77);
    const b = createRng(77);
    expect(Array.from({ length: 20 }, () => randomSubset(10, 4, a))).toEqual(Array.from({ length: 20 }, () => randomSubset(10, 4, b)));
  });

  it('rejects k > n and negative sizes', () => {
    expect(() => randomSubset(3, 4, createRng(1))).toThrow(RangeError);
    expect(() => randomSubset(-1, 0, createRng(1))).toThrow(RangeError);
    expect(() => randomSubset(3, -1, createRng(1))).toThrow(RangeError);
  });
});
