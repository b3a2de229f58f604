/**
 * Unbiased pass@k from n samples of which c are correct (Chen et al. 2021; docs/method.md):
 *   pass@k = 1 − C(n−c, k) / C(n, k)
 * The ratio is computed as the product ∏_{i=n−c+1}^{n} (1 − k/i): each factor lies in [0, 1], so
 * nothing overflows even for n in the hundreds, where C(n, k) alone exceeds 2^53.
 */
export function passAtK(n: number, c: number, k: number): number {
  for (const [name, value] of [
    ['n', n],
    ['c', c],
    ['k', k],
  ] as const) {
    if (!Number.isInteger(value)) throw new RangeError(`pass@k: ${name} must be an integer, got ${value}`);
  }
  if (n < 1) throw new RangeError(`pass@k: n must be at least 1, got ${n}`);
  if (c < 0 || c > n) throw new RangeError(`pass@k: c must be in 0..${n}, got ${c}`);
  if (k < 1 || k > n) throw new RangeError(`pass@k: k must be in 1..${n}, got ${k}`);
  // Fewer incorrect samples than k: every k-subset contains a correct one.
  if (n - c < k) return 1;
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}
