/**
 * Enumerates every k-subset of 0..n-1 in lexicographic order, calling `visit` with the subset.
 * The array passed to `visit` is reused between calls (enumeration of thousands of subsets
 * should not allocate thousands of arrays); copy it if you keep it.
 */
export function forEachCombination(n: number, k: number, visit: (subset: readonly number[]) => void): void {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0) {
    throw new RangeError(`forEachCombination needs non-negative integers, got n=${n}, k=${k}`);
  }
  if (k > n) return;
  const subset = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    visit(subset);
    // Find the rightmost position that can still move right, advance it, reset those after it.
    let i = k - 1;
    while (i >= 0 && (subset[i] as number) === n - k + i) i--;
    if (i < 0) return;
    subset[i] = (subset[i] as number) + 1;
    for (let j = i + 1; j < k; j++) subset[j] = (subset[j - 1] as number) + 1;
  }
}
