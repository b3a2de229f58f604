/**
 * Puts a problem's submission frame (problem.ts `submissionFrames`) around a submission: what the
 * judge prepares and runs is prefix + program + suffix. The run record keeps the program as the
 * model wrote it; only the judge sees the framed text.
 */
import type { Submission } from './executor';
import type { Problem } from '../problem/problem';
import { LANGUAGE_LABEL } from '../problem/language';

export type FramedSubmission = { ok: true; submission: Submission } | { ok: false; why: string };

export function frameSubmission(problem: Problem, submission: Submission): FramedSubmission {
  const frames = problem.submissionFrames;
  if (!frames) return { ok: true, submission };
  const frame = frames[submission.language];
  if (!frame) {
    const judged = Object.keys(frames)
      .map((l) => LANGUAGE_LABEL[l as keyof typeof LANGUAGE_LABEL])
      .join(', ');
    return { ok: false, why: `This problem cannot be judged in ${LANGUAGE_LABEL[submission.language]}; it is judged in ${judged} only.` };
  }
  return { ok: true, submission: { ...submission, source: `${frame.prefix}${submission.source}${frame.suffix}` } };
}
