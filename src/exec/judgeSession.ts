/**
 * The contract between the judge loop (judgeSubmission.ts, customValidation.ts) and whatever runs
 * programs: a session per prepared program, opened for a submission or a problem's validator.
 * The browser sandbox and the Node executor each provide an OpenSession.
 */
import type { CompileResult } from '../core/judging/judgeResult';
import type { Submission } from '../core/judging/executor';
import type { RunFiles, RunLimits, RunOutcome } from './runtime/runOutcome';

/** One program prepared (compiled, syntax-checked) and bound to a worker for all its runs. */
export interface JudgeSession {
  compile: CompileResult;
  /** Runs the prepared program on one input; resolves (never rejects) unless aborted. */
  run(input: Uint8Array, limits: RunLimits, signal?: AbortSignal, files?: RunFiles): Promise<RunOutcome>;
  close(): void;
}

/** A program to prepare: a submission, or a problem's output validator. */
export interface ProgramSource extends Submission {
  /** The name the compiler and tracebacks use (default `solution.cpp` / `solution.py`). */
  sourceName?: string;
  /** Files beside the source a C++ compile needs (a validator's headers), by relative path. */
  companions?: Record<string, string>;
}

/**
 * Submissions and validators run on separate pools, so a submission holding a worker never waits
 * for its own validator's worker (with one worker per pool that would never come).
 */
export type ProgramRole = 'submission' | 'validator';

export type OpenSession = (
  program: ProgramSource,
  limits: RunLimits,
  signal: AbortSignal | undefined,
  role: ProgramRole,
) => Promise<JudgeSession>;
