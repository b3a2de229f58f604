/**
 * A small seeded pseudo-random generator, so that Monte-Carlo metric curves (computeMetrics.ts) come out
 * the same for the same run settings on every machine. Statistical quality only has to be good
 * enough for averaging over random subsets; this is not for cryptography.
 */

/** Returns a float in [0, 1) on every call. */
type Rng = () => number;

const TWO_POW_32 = 4294967296;

/**
 * Folds any safe integer (negative, or wider than 32 bits) into a 32-bit state. Plain `seed >>> 0`
 * would map seeds that differ only above bit 31 to the same stream.
 */
function seedToState(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  const low = whole >>> 0;
  const high = Math.floor(whole / TWO_POW_32) >>> 0;
  return (low ^ Math.imul(high, 0x9e3779b1)) >>> 0;
}

/**
 * A Weyl sequence (add the golden-ratio constant each step) passed through a 32-bit avalanche
 * mixer. The Weyl step guarantees a full 2^32 period; the mixer hides the sequence's regularity.
 */
export function createRng(seed: number): Rng {
  let state = seedToState(seed);
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z = (z ^ (z >>> 16)) >>> 0;
    return z / TWO_POW_32;
  };
}

/**
 * Derives an independent-looking seed from a base seed and a stream label, so that separate
 * consumers (e.g. one per subset size) do not share or shift each other's draws.
 */
export function deriveSeed(seed: number, stream: number): number {
  const rng = createRng(seedToState(seed) ^ Math.imul(seedToState(stream) + 1, 0x27d4eb2d));
  return Math.floor(rng() * TWO_POW_32);
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** A uniform integer in [0, n). */
export function randomInt(n: number, rng: Rng): number {
  assertCount('n', n);
  if (n === 0) throw new RangeError('randomInt needs n ≥ 1');
  // Guards against an rng that (wrongly) returns exactly 1.
  return Math.min(n - 1, Math.floor(rng() * n));
}

/**
 * k distinct indices drawn uniformly from 0..n-1, returned in ascending order (so a subset has one
 * canonical form). Partial Fisher–Yates: every k-subset is equally likely.
 */
export function randomSubset(n: number, k: number, rng: Rng): number[] {
  assertCount('n', n);
  assertCount('k', k);
  if (k > n) throw new RangeError(`cannot draw ${k} of ${n}`);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(n - i, rng);
    const picked = pool[j] as number;
    pool[j] = pool[i] as number;
    pool[i] = picked;
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}
