/**
 * The Executor contract (DESIGN.md): run one candidate program against a problem's tests and say
 * how it fared, with Kattis verdict semantics (REFERENCE.md §4).
 */
import type { Language } from '../problem/language';
import type { Problem } from '../problem/problem';

export const VERDICTS = ['AC', 'WA', 'TLE', 'MLE', 'OLE', 'RTE', 'CE'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABEL: Record<Verdict, string> = {
  AC: 'Accepted',
  WA: 'Wrong answer',
  TLE: 'Time limit exceeded',
  MLE: 'Memory limit exceeded',
  OLE: 'Output limit exceeded',
  RTE: 'Run-time error',
  CE: 'Compile error',
};

export interface Submission {
  language: Language;
  source: string;
}

export interface CompileResult {
  ok: boolean;
  stderr: string;
  ms: number;
  /** True when the compiled binary came from the compile cache. */
  cached?: boolean;
}

export interface TestResult {
  name: string;
  verdict: Verdict;
  ms: number;
  /** First bytes of what the program printed, for display. */
  stdoutHead: string;
  stderrHead: string;
  /** Why the validator rejected the output (first differing token), when verdict is WA. */
  detail?: string;
}

export interface JudgeResult {
  /** First failing test's verdict in test order (samples first); AC when all pass. */
  verdict: Verdict;
  compile?: CompileResult;
  tests: TestResult[];
  /** Tests passed / tests run; with `runAll`, the fraction over every test. */
  passed: number;
  total: number;
}

export interface JudgeOptions {
  signal?: AbortSignal;
  onTest?: (result: TestResult) => void;
  /** Run every test even after a failure (needed for the 80%-of-tests label, REFERENCE.md §2). */
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

/** Kattis: a submission's verdict is the first non-AC test verdict in order. */
export function overallVerdict(tests: readonly TestResult[]): Verdict {
  return tests.find((t) => t.verdict !== 'AC')?.verdict ?? 'AC';
}
