/** 0.6667 → "66.7%"; null (no ground truth) → "—". */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
