import { describe, expect, it } from 'vitest';
import { isCorrect, toSelectionCandidate } from '../../../../src/core/record/runScoring';
import type { CandidateRecord } from '../../../../src/core/record/runRecord';
import type { Verdict } from '../../../../src/core/judging/judgeResult';

/** Only the fields scoring reads; the rest of a CandidateRecord does not matter here. */
function candidate(verdicts: Verdict[]): CandidateRecord {
  const tests = verdicts.map((verdict, i) => ({
    name: i === 0 ? 'sample/1' : `secret/${i}`,
    verdict,
    ms: 1,
    stdoutHead: '',
    stderrHead: '',
  }));
  const verdict = verdicts.find((v) => v !== 'AC') ?? 'AC';
  return {
    index: 0,
    generation: { program: { language: 'python', source: 'print(1)' } },
    critiques: [],
    execution: { result: { verdict, tests, passed: 0, total: tests.length } },
  } as unknown as CandidateRecord;
}

describe('a judge error in scoring', () => {
  it('is neither correct nor wrong: ground truth unknown', () => {
    expect(isCorrect(candidate(['AC', 'JE']))).toBeNull();
    expect(isCorrect(candidate(['AC', 'AC']))).toBe(true);
    expect(isCorrect(candidate(['AC', 'WA']))).toBe(false);
  });

  it('on a sample test leaves "samples passed" unknown', () => {
    const samples = new Set(['sample/1']);
    expect(toSelectionCandidate(candidate(['JE']), samples).samplesPassed).toBeNull();
    expect(toSelectionCandidate(candidate(['WA']), samples).samplesPassed).toBe(false);
    expect(toSelectionCandidate(candidate(['AC', 'JE']), samples).samplesPassed).toBe(true);
  });
});
