/**
 * The Executor contract: run one candidate program against a problem's tests and say how it
 * fared. Implemented by the browser executor (sandboxed workers), the Node executor (CLI, tests)
 * and the recorded executor (results copied from a recording).
 */
import type { Language } from '../problem/language';
import type { Problem } from '../problem/problem';
import type { JudgeResult, TestResult } from './judgeResult';

export interface Submission {
  language: Language;
  source: string;
}

export interface JudgeOptions {
  signal?: AbortSignal;
  onTest?: (result: TestResult) => void;
  /** Run every test even after a failure (needed for the 80%-of-tests label, docs/method.md). */
  runAll?: boolean;
  /** Restrict to these groups, e.g. `['sample']` for the sample-tests selector. */
  groups?: Problem['tests'][number]['group'][];
}

export interface Executor {
  /**
   * `executed` (default): results come from really running the program. `recorded`: results are
   * replayed from a recording; run records and the UI label them so.
   */
  readonly resultSource?: 'executed' | 'recorded';
  judge(problem: Problem, submission: Submission, options?: JudgeOptions): Promise<JudgeResult>;
  dispose(): Promise<void>;
}
