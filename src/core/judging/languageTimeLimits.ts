/**
 * Per-language time limits. A problem's `limits.time_limit` is set for a native judge; our
 * programs run as WebAssembly (clang → wasm32-wasi for C++, CPython compiled to wasm by Pyodide),
 * which costs time, and Python is interpreted. Each language gets a multiplier on the problem's
 * limit, chosen from measurements (docs/execution.md):
 *
 * - C++ ×1.5: wasm code from clang -O2 runs at roughly 1.1–1.5× native time.
 * - Python ×3: Pyodide's CPython runs at about 1.2–2× native CPython, and on top of that we give
 *   Python the 1.5× slack many judges grant interpreted languages, so a Python solution with the
 *   intended complexity passes where it would pass on a native judge with a Python allowance.
 */
import type { Language } from '../problem/language';
import type { ProblemLimits } from '../problem/problem';

export const TIME_MULTIPLIER: Record<Language, number> = { cpp: 1.5, python: 3 };

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
