/**
 * Ground truth for the demo runs. Until the Node executor exists this synthesises the results the
 * programs are known to get (BEST_STRETCH_EXPECTED_VERDICTS), labelled `recorded`.
 */
import type { Executor, TestResult, Verdict } from '../../src/core/judgeResult';
import type { Problem } from '../../src/core/problem';
import type { RunRecord } from '../../src/core/runRecord';
import { RecordedExecutor } from '../../src/exec/recordedExecutor';
import { BEST_STRETCH_EXPECTED_VERDICTS } from './bestStretch';

export async function judgeDemoCandidates(problem: Problem, recording: RunRecord): Promise<{ executor: Executor; description: string }> {
  const failingTest: Record<Verdict, string | undefined> = {
    AC: undefined,
    WA: 'secret/02-all-negative',
    TLE: 'secret/05-large',
    MLE: undefined,
    OLE: undefined,
    RTE: undefined,
    CE: undefined,
  };
  const withResults: RunRecord = {
    ...recording,
    candidates: recording.candidates.map((candidate, i) => {
      const verdict = BEST_STRETCH_EXPECTED_VERDICTS[i]!;
      const stopAt = failingTest[verdict];
      const tests: TestResult[] = [];
      for (const test of problem.tests) {
        const failed = test.name === stopAt;
        tests.push({ name: test.name, verdict: failed ? verdict : 'AC', ms: 0, stdoutHead: '', stderrHead: '' });
        if (failed) break;
      }
      const passed = tests.filter((t) => t.verdict === 'AC').length;
      return { ...candidate, execution: { source: 'recorded' as const, result: { verdict, tests, passed, total: problem.tests.length } } };
    }),
  };
  return {
    executor: new RecordedExecutor(withResults),
    description: 'Execution verdicts are recorded, not measured.',
  };
}
