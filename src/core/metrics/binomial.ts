/**
 * Binomial coefficient C(n, k) as a float. Exact for every value below 2^53 because each partial
 * product C(n-k+i, i) is itself an integer, so the running division never leaves a remainder.
 */
export function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k)) {
    throw new RangeError(`binomial needs integers, got n=${n}, k=${k}`);
  }
  if (n < 0) throw new RangeError(`binomial needs n ≥ 0, got ${n}`);
  if (k < 0 || k > n) return 0;
  const r = Math.min(k, n - k);
  let result = 1;
  for (let i = 1; i <= r; i++) {
    result = (result * (n - r + i)) / i;
  }
  return Math.round(result);
}
