import { loadavg } from 'node:os';

/** One section of `npm run bench`: prints its findings line by line (Markdown). */
export interface BenchSection {
  name: string;
  run(print: (line: string) => void): Promise<void>;
}

/** The mean: for a cost per candidate, what a run of them takes in total, over n (a median hides every other one paying a start). */
export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const began = performance.now();
  const value = await work();
  return [value, performance.now() - began];
}

export const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

/**
 * The machine's load average (1, 5, 15 min), printed under a section's table: other work slows our
 * runtimes and the native references alike, but a reader should know how busy the machine was.
 */
export function loadAverageLine(): string {
  return `Load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min).`;
}
