/**
 * The judge loop shared by the browser and Node executors: prepare the program once (compile C++,
 * syntax-check Python), run it on the tests in order (samples first), check each output — with the
 * problem's own output validator when it has one (customValidation.ts), else the default validator
 * with its flags — and stop at the first failure unless asked to run all. Verdicts follow
 * docs/execution.md; MLE and OLE are reported as such (Kattis folds MLE into RTE).
 */
import { overallVerdict, type JudgeResult, type TestResult, type Verdict } from '../core/judging/judgeResult';
import { type JudgeOptions, type Submission } from '../core/judging/executor';
import { validate } from '../core/judging/outputValidator';
import type { Problem, TestCase } from '../core/problem/problem';
import { timeLimitMs } from '../core/judging/languageTimeLimits';
import type { RunLimits, RunOutcome } from './runtime/runOutcome';
import { CustomValidation } from './customValidation';
import type { OpenSession } from './judgeSession';
import { frameSubmission } from '../core/judging/submissionFrame';

/** Shown in a test result: enough to see what the program did without shipping megabytes. */
export const HEAD_CHARS = 2000;

export function runLimits(problem: Problem, submission: Submission): RunLimits {
  return {
    timeMs: timeLimitMs(problem.limits, submission.language),
    memoryBytes: Math.round(problem.limits.memoryMiB * 2 ** 20),
    outputBytes: Math.round(problem.limits.outputMiB * 2 ** 20),
  };
}

export function selectTests(problem: Problem, groups?: JudgeOptions['groups']): TestCase[] {
  const wanted = groups && groups.length > 0 ? new Set(groups) : undefined;
  const tests = problem.tests.filter((t) => !wanted || wanted.has(t.group));
  // Samples first, then secret, each in the reader's (lexicographic) order.
  return [...tests.filter((t) => t.group === 'sample'), ...tests.filter((t) => t.group !== 'sample')];
}

export async function judgeSubmission(
  open: OpenSession,
  problem: Problem,
  submission: Submission,
  options: JudgeOptions = {},
): Promise<JudgeResult> {
  const { signal, onTest, runAll = false } = options;
  signal?.throwIfAborted();
  const tests = selectTests(problem, options.groups);
  const limits = runLimits(problem, submission);
  const framed = frameSubmission(problem, submission);
  if (!framed.ok) return { verdict: 'CE', compile: { ok: false, stderr: framed.why, ms: 0 }, tests: [], passed: 0, total: tests.length };
  const session = await open(framed.submission, limits, signal, 'submission');
  const validation = problem.outputValidator ? new CustomValidation(open, problem.outputValidator) : undefined;
  try {
    if (!session.compile.ok) {
      return { verdict: 'CE', compile: session.compile, tests: [], passed: 0, total: tests.length };
    }
    const results: TestResult[] = [];
    const encoder = new TextEncoder();
    for (const test of tests) {
      signal?.throwIfAborted();
      const outcome = await session.run(encoder.encode(test.input), limits, signal);
      signal?.throwIfAborted();
      const result = await testResult(test, outcome, problem, limits, validation, signal);
      results.push(result);
      onTest?.(result);
      if (result.verdict !== 'AC' && !runAll) break;
    }
    return {
      verdict: overallVerdict(results),
      compile: session.compile,
      tests: results,
      passed: results.filter((r) => r.verdict === 'AC').length,
      total: results.length,
    };
  } finally {
    session.close();
    validation?.close();
  }
}

export async function testResult(
  test: TestCase,
  outcome: RunOutcome,
  problem: Problem,
  limits: RunLimits,
  validation?: CustomValidation,
  signal?: AbortSignal,
): Promise<TestResult> {
  let verdict: Verdict;
  let detail: string | undefined;
  if (outcome.status === 'timeout' || outcome.ms > limits.timeMs) {
    verdict = 'TLE';
    detail = `Time limit exceeded: ran ${Math.round(outcome.ms)} ms, limit ${limits.timeMs} ms.`;
  } else if (outcome.status === 'memory') {
    verdict = 'MLE';
    detail = `Memory limit exceeded (${Math.round(limits.memoryBytes / 2 ** 20)} MiB)${outcome.message ? `: ${outcome.message}` : ''}.`;
  } else if (outcome.status === 'output') {
    verdict = 'OLE';
    detail = `Output limit exceeded: printed more than ${Math.round(limits.outputBytes / 2 ** 20)} MiB.`;
  } else if (outcome.status === 'exit' || outcome.status === 'crash') {
    verdict = 'RTE';
    detail = `Run-time error: ${outcome.message ?? (outcome.exitCode !== undefined ? `exit status ${outcome.exitCode}` : 'crashed')}.`;
  } else if (validation) {
    ({ verdict, detail } = await validation.check(test, outcome.stdout, signal));
  } else {
    const check = validate(outcome.stdout, test.answer, problem.validator);
    verdict = check.ok ? 'AC' : 'WA';
    detail = check.detail;
  }
  return {
    name: test.name,
    verdict,
    ms: Math.round(outcome.ms),
    stdoutHead: outcome.stdout.slice(0, HEAD_CHARS),
    stderrHead: outcome.stderr.slice(0, HEAD_CHARS),
    ...(detail ? { detail } : {}),
  };
}
