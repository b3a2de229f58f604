/**
 * Per-language time limits. A problem's `limits.time_limit` is set for a native judge; our
 * programs run as WebAssembly (clang → wasm32-wasi for C++, CPython compiled to wasm by Pyodide),
 * which costs time. Each language's multiplier comes from our CPU time against native
 * (g++ -O2, python3) over the CPU-bound work of `npm run bench -- "CPU-bound compute"`: the largest
 * ratio there, rounded up to the next half (figures and derivation: docs/judging.md#time-multipliers):
 *
 * - C++ ×4.5: 0.73–4.20× (median 1.77×); the largest are DP and pairwise loops g++ vectorises and
 *   wasm32 (no SIMD here) cannot.
 * - Python ×3: 0.59–3.00× (median 1.96×); the largest is an interpreted double loop.
 *
 * The largest, not the median, because a correct program whose time goes into the slowest common
 * kind of work must pass where a native judge passes it; an O(n²) trap runs tens to thousands of
 * times past the limit, so it is TLE either way.
 */
import type { Language } from '../problem/language';
import type { ProblemLimits } from '../problem/problem';

export const TIME_MULTIPLIER: Record<Language, number> = { cpp: 4.5, python: 3 };

/** Never give a test less than this, so a timer's jitter or a cold JIT does not decide a verdict. */
export const MIN_TIME_LIMIT_MS = 250;

/** The per-test wall-time limit for `language`, in milliseconds. */
export function timeLimitMs(limits: ProblemLimits, language: Language): number {
  return Math.max(MIN_TIME_LIMIT_MS, Math.round(limits.timeSeconds * 1000 * TIME_MULTIPLIER[language]));
}

/**
 * How long past the limit a run may go before the worker is killed: a program that finishes just
 * over the limit still gets TLE (its measured time decides), but we wait a little for it so that
 * we do not kill and respawn a worker for a near miss.
 */
export function hardKillMs(limitMs: number): number {
  return limitMs + Math.min(1000, Math.max(100, limitMs * 0.25));
}
