import { describe, expect, it } from 'vitest';
import { select, selectAll, selectPicksAll } from '../../../../src/core/selection/select';
import type { SelectionCandidate } from '../../../../src/core/selection/selectionCandidate';
import type { CritiqueVerdict } from '../../../../src/core/chat/critiqueVerdict';
import { SELECTION_STRATEGIES } from '../../../../src/core/selection/selectionStrategy';

type C = [CritiqueVerdict, number];

function cand(index: number, critiques: C[], options: { program?: boolean; samples?: boolean | null } = {}): SelectionCandidate {
  return {
    index,
    hasProgram: options.program ?? true,
    critiques: critiques.map(([verdict, reasoningTokens]) => ({ verdict, reasoningTokens })),
    samplesPassed: options.samples ?? null,
  };
}

describe('shortest-critique', () => {
  it('picks the judged-right candidate with the shortest critique', () => {
    const cs = [cand(0, [['right', 900]]), cand(1, [['wrong', 100]]), cand(2, [['right', 412]]), cand(3, [['right', 700]])];
    expect(select('shortest-critique', cs)).toEqual({
      strategy: 'shortest-critique',
      picks: [2],
      reason: 'Candidate 3: judged right with the shortest critique (412 tokens) of 3 judged right.',
    });
  });

  it('breaks a length tie by the lowest index, whatever the input order', () => {
    const cs = [cand(3, [['right', 500]]), cand(1, [['right', 500]]), cand(2, [['right', 600]])];
    expect(select('shortest-critique', cs).picks).toEqual([1]);
  });

  it('names the only judged-right candidate', () => {
    const r = select('shortest-critique', [cand(0, [['wrong', 5]]), cand(1, [['right', 300]])]);
    expect(r.picks).toEqual([1]);
    expect(r.reason).toBe('Candidate 2: the only candidate judged right (critique 300 tokens).');
  });

  it('uses the mean critique length over m critiques, including ones without a verdict', () => {
    // Candidate 0: mean (100 + 900)/2 = 500; candidate 1: mean (300 + 400 + 500)/3 = 400.
    const cs = [
      cand(0, [
        ['right', 100],
        ['right', 900],
      ]),
      cand(1, [
        ['right', 300],
        ['none', 400],
        ['right', 500],
      ]),
    ];
    const r = select('shortest-critique', cs);
    expect(r.picks).toEqual([1]);
    expect(r.reason).toContain('(400 tokens)');
  });

  it('prints a fractional mean with one decimal', () => {
    const r = select('shortest-critique', [
      cand(0, [
        ['right', 100],
        ['right', 101],
      ]),
      cand(1, [['right', 999]]),
    ]);
    expect(r.reason).toContain('(100.5 tokens)');
  });

  it('needs a strict majority of verdicts: a tie is not judged right, abstentions do not count', () => {
    const tie = cand(0, [
      ['right', 10],
      ['wrong', 10],
    ]);
    const majority = cand(1, [
      ['right', 500],
      ['none', 500],
      ['none', 500],
    ]);
    const minority = cand(2, [
      ['right', 1],
      ['wrong', 1],
      ['wrong', 1],
    ]);
    expect(select('shortest-critique', [tie, majority, minority]).picks).toEqual([1]);
  });

  it('never picks a candidate without a program, even one judged right', () => {
    const cs = [cand(0, [['right', 10]], { program: false }), cand(1, [['right', 50]])];
    expect(select('shortest-critique', cs).picks).toEqual([1]);
  });

  it('falls back to uniform over candidates with a program when none is judged right', () => {
    const cs = [cand(0, [['wrong', 10]]), cand(1, [['none', 10]], { program: false }), cand(2, [['none', 10]]), cand(3, [])];
    expect(select('shortest-critique', cs)).toEqual({
      strategy: 'shortest-critique',
      picks: [0, 2, 3],
      reason: 'No candidate was judged right; picking uniformly among the 3 candidates with a program (1, 3 and 4), worth pass@1.',
    });
  });

  it('fallback with a single program', () => {
    const r = select('shortest-critique', [cand(0, [['wrong', 1]]), cand(1, [], { program: false })]);
    expect(r).toMatchObject({ picks: [0], reason: 'No candidate was judged right; candidate 1 is the only one with a program.' });
  });

  it('picks nothing when no candidate has a program', () => {
    const r = select('shortest-critique', [cand(0, [['right', 1]], { program: false })]);
    expect(r).toEqual({ strategy: 'shortest-critique', picks: [], reason: 'No candidate has a program, so there is nothing to pick.' });
    expect(select('shortest-critique', []).picks).toEqual([]);
  });
});

describe('random-right', () => {
  it('picks uniformly among all judged right, in index order', () => {
    const cs = [cand(3, [['right', 1]]), cand(0, [['right', 9]]), cand(1, [['wrong', 1]]), cand(2, [['right', 5]])];
    expect(select('random-right', cs)).toEqual({
      strategy: 'random-right',
      picks: [0, 2, 3],
      reason: 'Uniform among the 3 candidates judged right: 1, 3 and 4.',
    });
  });

  it('a single judged-right candidate', () => {
    expect(select('random-right', [cand(0, [['wrong', 1]]), cand(1, [['right', 1]])])).toMatchObject({
      picks: [1],
      reason: 'Candidate 2: the only candidate judged right.',
    });
  });

  it('same fallback when none is judged right', () => {
    const r = select('random-right', [cand(0, [['wrong', 1]]), cand(1, [['wrong', 1]])]);
    expect(r.picks).toEqual([0, 1]);
    expect(r.reason).toMatch(/^No candidate was judged right; picking uniformly among the 2 candidates/);
  });
});

describe('vote', () => {
  it('most right votes wins, even against a shorter critique', () => {
    const cs = [
      cand(0, [
        ['right', 100],
        ['wrong', 100],
        ['wrong', 100],
      ]),
      cand(1, [
        ['right', 900],
        ['right', 900],
        ['right', 900],
      ]),
      cand(2, [
        ['right', 50],
        ['right', 50],
        ['wrong', 50],
      ]),
    ];
    expect(select('vote', cs)).toEqual({ strategy: 'vote', picks: [1], reason: 'Candidate 2: most right votes (3 of 3 critiques).' });
  });

  it('a candidate not judged right can still win the vote if it has the most right votes', () => {
    // 2 right of 5 (not a majority) beats 1 right of 1.
    const cs = [
      cand(0, [['right', 1]]),
      cand(1, [
        ['right', 10],
        ['right', 10],
        ['wrong', 10],
        ['wrong', 10],
        ['wrong', 10],
      ]),
    ];
    expect(select('vote', cs).picks).toEqual([1]);
  });

  it('ties go to the shortest critique, then the lowest index', () => {
    const cs = [
      cand(0, [
        ['right', 600],
        ['wrong', 600],
      ]),
      cand(1, [
        ['right', 300],
        ['none', 300],
      ]),
      cand(2, [
        ['right', 300],
        ['wrong', 300],
      ]),
    ];
    expect(select('vote', cs)).toEqual({
      strategy: 'vote',
      picks: [1],
      reason: 'Candidate 2: most right votes (1 of 2 critiques), tied with 2 others, and the shortest critique (300 tokens) among them.',
    });
  });

  it('falls back when every score is zero', () => {
    const r = select('vote', [cand(0, [['wrong', 1]]), cand(1, [['none', 1]])]);
    expect(r.picks).toEqual([0, 1]);
    expect(r.reason).toMatch(/^No candidate was judged right by any critique; picking uniformly/);
  });

  it('ignores right votes of a candidate without a program', () => {
    const r = select('vote', [
      cand(
        0,
        [
          ['right', 1],
          ['right', 1],
        ],
        { program: false },
      ),
      cand(1, [
        ['right', 5],
        ['wrong', 5],
      ]),
    ]);
    expect(r.picks).toEqual([1]);
  });

  it('picks nothing without programs', () => {
    expect(select('vote', [cand(0, [], { program: false })]).picks).toEqual([]);
  });
});

describe('first-sample', () => {
  it('picks candidate 1 when it has a program', () => {
    expect(select('first-sample', [cand(1, [['right', 1]]), cand(0, [['wrong', 1]])])).toEqual({
      strategy: 'first-sample',
      picks: [0],
      reason: 'Candidate 1: the first sample, submitted without selection.',
    });
  });

  it('skips leading candidates without a program', () => {
    const r = select('first-sample', [cand(0, [], { program: false }), cand(1, [], { program: false }), cand(2, []), cand(3, [])]);
    expect(r).toMatchObject({ picks: [2], reason: 'Candidate 3: the first sample with a program (earlier ones have none).' });
  });

  it('picks nothing without programs', () => {
    expect(select('first-sample', []).picks).toEqual([]);
  });
});

describe('samples-then-shortest', () => {
  it('among sample-passing candidates, the judged-right one with the shortest critique', () => {
    const cs = [
      cand(0, [['right', 100]], { samples: false }), // shortest overall but fails samples
      cand(1, [['right', 700]], { samples: true }),
      cand(2, [['right', 400]], { samples: true }),
      cand(3, [['wrong', 50]], { samples: true }),
    ];
    expect(select('samples-then-shortest', cs)).toEqual({
      strategy: 'samples-then-shortest',
      picks: [2],
      reason: 'Candidate 3: passed the sample tests and was judged right with the shortest critique (400 tokens) of 2 such candidates.',
    });
  });

  it('the only sample-passing judged-right candidate', () => {
    const cs = [cand(0, [['right', 10]], { samples: false }), cand(1, [['right', 70]], { samples: true })];
    expect(select('samples-then-shortest', cs).reason).toBe(
      'Candidate 2: passed the sample tests and is the only such candidate judged right (critique 70 tokens).',
    );
  });

  it('if none of the sample-passing ones is judged right, the shortest critique among them', () => {
    const cs = [
      cand(0, [['right', 10]], { samples: false }),
      cand(1, [['wrong', 800]], { samples: true }),
      cand(2, [['wrong', 300]], { samples: true }),
      cand(3, [['none', 300]], { samples: true }),
    ];
    expect(select('samples-then-shortest', cs)).toMatchObject({
      picks: [2],
      reason:
        'Candidate 3: none of the 3 candidates that passed the sample tests was judged right; it has the shortest critique (300 tokens) among them.',
    });
  });

  it('a single sample-passing candidate that nobody judged right', () => {
    const cs = [cand(0, [['right', 10]], { samples: false }), cand(1, [['wrong', 10]], { samples: true })];
    expect(select('samples-then-shortest', cs)).toMatchObject({
      picks: [1],
      reason: 'Candidate 2: the only candidate that passed the sample tests, though no critique judged it right.',
    });
  });

  it('sample-passing candidates without critiques: lowest index', () => {
    const cs = [cand(0, [], { samples: false }), cand(1, [], { samples: true }), cand(2, [], { samples: true })];
    expect(select('samples-then-shortest', cs).picks).toEqual([1]);
  });

  it('nobody passed the samples: the shortest-critique rule over all, and says so', () => {
    const cs = [cand(0, [['right', 500]], { samples: false }), cand(1, [['right', 200]], { samples: false })];
    expect(select('samples-then-shortest', cs)).toMatchObject({
      picks: [1],
      reason:
        'No candidate passed the sample tests, so the shortest-critique rule applies to all: candidate 2: judged right with the shortest critique (200 tokens) of 2 judged right.',
    });
  });

  it('samples not run: the shortest-critique rule over all, including its fallback', () => {
    const cs = [cand(0, [['wrong', 500]]), cand(1, [['wrong', 200]])];
    const r = select('samples-then-shortest', cs);
    expect(r.picks).toEqual([0, 1]);
    expect(r.reason).toMatch(
      /^The sample tests were not run, so the shortest-critique rule applies to all: no candidate was judged right;/,
    );
  });

  it('some failed, some unknown, none passed', () => {
    const cs = [cand(0, [['right', 500]], { samples: false }), cand(1, [['right', 200]], { samples: null })];
    const r = select('samples-then-shortest', cs);
    expect(r.picks).toEqual([1]);
    expect(r.reason).toMatch(/^No candidate is known to have passed the sample tests/);
  });

  it('a sample-passing candidate without a program does not count', () => {
    const cs = [cand(0, [['right', 1]], { samples: true, program: false }), cand(1, [['right', 9]], { samples: false })];
    const r = select('samples-then-shortest', cs);
    expect(r.picks).toEqual([1]);
    expect(r.reason).toMatch(/^No candidate passed the sample tests/);
  });
});

describe('selectAll / selectPicksAll', () => {
  const cs = [
    cand(0, [['wrong', 100]], { samples: true }),
    cand(1, [['right', 800]], { samples: false }),
    cand(2, [['right', 300]], { samples: false }),
    cand(3, [['right', 600]], { samples: true }),
  ];

  it('returns every strategy in SELECTION_STRATEGIES order, matching select()', () => {
    const all = selectAll(cs);
    expect(all.map((r) => r.strategy)).toEqual([...SELECTION_STRATEGIES]);
    for (const r of all) expect(r).toEqual(select(r.strategy, cs));
    expect(Object.fromEntries(all.map((r) => [r.strategy, r.picks]))).toEqual({
      'shortest-critique': [2],
      'random-right': [1, 2, 3],
      vote: [2],
      'first-sample': [0],
      'samples-then-shortest': [3],
    });
  });

  it('selectPicksAll agrees with selectAll', () => {
    const picks = selectPicksAll(cs);
    for (const r of selectAll(cs)) expect(picks[r.strategy]).toEqual(r.picks);
  });

  it('every reason is one sentence that names candidates 1-based', () => {
    for (const r of selectAll(cs)) {
      expect(r.reason).toMatch(/^[A-Z].*\.$/);
      expect(r.reason).not.toMatch(/\n/);
      expect(r.reason).not.toMatch(/[Cc]andidate 0\b/);
    }
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(cs);
    selectAll(cs);
    expect(cs).toEqual(copy);
  });
});
