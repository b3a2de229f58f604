/**
 * What a candidate's critiques add up to, by the rules every selector shares: the judgement is
 * `right` when a strict majority of the critiques that gave a verdict say right, `wrong` when a
 * strict majority say wrong, and `none` otherwise (no verdict, or a tie); the critique length is
 * the mean reasoning tokens over all of its critiques (one that ran out of budget still spent its
 * thinking), Infinity without critiques.
 */
import type { SelectionCritique } from './selectionCandidate';

export type Judgement = 'right' | 'wrong' | 'none';

export function judgementOf(critiques: readonly SelectionCritique[]): Judgement {
  let right = 0;
  let wrong = 0;
  for (const critique of critiques) {
    if (critique.verdict === 'right') right++;
    else if (critique.verdict === 'wrong') wrong++;
  }
  return right > wrong ? 'right' : wrong > right ? 'wrong' : 'none';
}

export function critiqueLength(critiques: readonly SelectionCritique[]): number {
  if (critiques.length === 0) return Infinity;
  return critiques.reduce((sum, c) => sum + c.reasoningTokens, 0) / critiques.length;
}
