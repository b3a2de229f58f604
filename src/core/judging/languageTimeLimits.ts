/**
 * Per-language time limits. A problem's `limits.time_limit` is set for a native judge; our
 * programs run as WebAssembly (clang → wasm32-wasi for C++, CPython compiled to wasm by Pyodide),
 * which costs time. Each language's multiplier is the median ratio of our CPU time to native
 * (g++ -O2, python3) over the CPU-bound work of `npm run bench -- "CPU-bound compute"`, rounded up
 * to the next half (figures and derivation: docs/judging.md#time-multipliers):
 *
 * - C++ ×5: median 4.83× (1.26× for std::set to 6.16× for deep recursion).
 * - Python ×2.5: median 2.02× (1.66–2.40×; big-integer arithmetic 7.5×).
 *
 * A native judge keeps the limit at about twice its reference solution's time, and that headroom
 * absorbs work slower than the median here; an O(n²) trap runs tens of times past the limit.
 */
import type { Language } from '../problem/language';
import type { ProblemLimits } from '../problem/problem';

export const TIME_MULTIPLIER: Record<Language, number> = { cpp: 5, python: 2.5 };

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
