/**
 * The eval's Executor: a verdict already in the journal (same problem, language and program) is
 * replayed; any other is judged for real and journaled as it lands. An aborted judging is not.
 */
import { createHash } from 'node:crypto';
import type { Executor, JudgeOptions, Submission } from '../../core/judging/executor';
import type { JudgeResult } from '../../core/judging/judgeResult';
import type { Problem } from '../../core/problem/problem';
import type { EvalJournal } from './evalJournal';

export function verdictKey(problem: Problem, submission: Submission): string {
  return createHash('sha256')
    .update(JSON.stringify([problem.contentHash, submission.language, submission.source]))
    .digest('hex');
}

export class JournaledExecutor implements Executor {
  readonly resultSource = 'executed' as const;

  constructor(
    private readonly inner: Executor,
    private readonly journal: EvalJournal,
  ) {}

  async judge(problem: Problem, submission: Submission, options?: JudgeOptions): Promise<JudgeResult> {
    const key = verdictKey(problem, submission);
    const journaled = this.journal.verdicts.get(key);
    if (journaled) return journaled;
    const result = await this.inner.judge(problem, submission, options);
    if (!options?.signal?.aborted) this.journal.recordVerdict(key, result);
    return result;
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
