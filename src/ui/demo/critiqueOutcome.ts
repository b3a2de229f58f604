/**
 * Was the critique right? The model's judgement of a candidate set against the judge's verdict:
 * the confusion matrix one card at a time. Unknown until both the critiques and the tests are in.
 */
import type { Judgement } from '../../core/selection/critiqueJudgement';

export type CritiqueOutcome = 'right' | 'fooled-accepted' | 'fooled-rejected' | 'undecided';

export function critiqueOutcome(judgement: Judgement, correct: boolean): CritiqueOutcome {
  if (judgement === 'none') return 'undecided';
  if (judgement === 'right') return correct ? 'right' : 'fooled-accepted';
  return correct ? 'fooled-rejected' : 'right';
}

/** Icon and words: the outcome is never told by colour alone. */
export const OUTCOME_TEXT: Record<CritiqueOutcome, { icon: string; text: string }> = {
  right: { icon: '✓', text: 'the critique was right' },
  'fooled-accepted': { icon: '⚠', text: 'the critique was fooled: it passed a wrong program' },
  'fooled-rejected': { icon: '⚠', text: 'the critique was fooled: it rejected a correct program' },
  undecided: { icon: '?', text: 'the critiques gave no verdict' },
};
