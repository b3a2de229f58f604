/**
 * Ground truth taken from a recording instead of running programs: used to replay a run where no
 * executor is available (and, in the bundled demo, before a real execution layer existed). Every
 * result it returns is labelled `recorded` in the run record and on screen.
 */
import type { JudgeResult } from '../core/judging/judgeResult';
import type { Executor, JudgeOptions, Submission } from '../core/judging/executor';
import type { Problem } from '../core/problem/problem';
import type { RunRecord } from '../core/record/runRecord';

export class RecordedExecutor implements Executor {
  readonly resultSource = 'recorded' as const;
  private readonly results: RunRecord['candidates'];

  constructor(record: RunRecord) {
    this.results = record.candidates;
  }

  async judge(_problem: Problem, submission: Submission, options: JudgeOptions = {}): Promise<JudgeResult> {
    const match = this.results.find((c) => c.generation.program === submission.source && c.execution);
    if (!match?.execution) throw new Error('This recording holds no execution result for that program.');
    for (const test of match.execution.result.tests) options.onTest?.(test);
    return match.execution.result;
  }

  async dispose(): Promise<void> {}
}
