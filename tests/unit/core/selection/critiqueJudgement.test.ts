import { describe, expect, it } from 'vitest';
import { critiqueLength, judgementOf } from '../../../../src/core/selection/critiqueJudgement';
import type { SelectionCritique } from '../../../../src/core/selection/selectionCandidate';

const c = (verdict: SelectionCritique['verdict'], reasoningTokens = 10): SelectionCritique => ({ verdict, reasoningTokens });

describe('critique judgement', () => {
  it.each([
    [[c('right')], 'right'],
    [[c('wrong')], 'wrong'],
    [[c('none')], 'none'],
    [[], 'none'],
    [[c('right'), c('wrong')], 'none'],
    [[c('right'), c('right'), c('wrong')], 'right'],
    [[c('wrong'), c('none'), c('none')], 'wrong'],
  ] as const)('%j → %s', (critiques, expected) => {
    expect(judgementOf(critiques)).toBe(expected);
  });

  it('length is the mean reasoning tokens, counting critiques without a verdict; none at all is infinitely long', () => {
    expect(critiqueLength([c('right', 90), c('none', 30)])).toBe(60);
    expect(critiqueLength([])).toBe(Infinity);
  });
});
