import { describe, expect, it } from 'vitest';
import { computeMetrics, selectionExpectation, type GradedCandidate } from '../../../../src/core/metrics/computeMetrics';
import { select } from '../../../../src/core/selection/select';
import { SELECTION_STRATEGIES } from '../../../../src/core/selection/selectionStrategy';
import { passAtK } from '../../../../src/core/metrics/passAtK';
import { createRng } from '../../../../src/core/metrics/seededRandom';
import type { CritiqueVerdict } from '../../../../src/core/chat/critiqueVerdict';
import { RUN_RECORD_VERSION, RunRecordSchema } from '../../../../src/core/record/runRecord';
import { type RunMetrics } from '../../../../src/core/metrics/metricsSchema';
import { DEFAULT_RUN_SETTINGS } from '../../../../src/core/record/runSettings';

function g(
  index: number,
  correct: boolean | null,
  critiques: [CritiqueVerdict, number][],
  samplesPassed: boolean | null = null,
  hasProgram = true,
): GradedCandidate {
  return {
    index,
    correct,
    hasProgram,
    samplesPassed,
    critiques: critiques.map(([verdict, reasoningTokens]) => ({ verdict, reasoningTokens })),
  };
}

/** The worked example: values below are computed by hand in the comments. */
const example = [
  g(0, true, [['right', 500]], true),
  g(1, false, [['right', 200]], false),
  g(2, true, [['wrong', 100]], true),
  g(3, false, [['right', 900]], true),
];

function point(curve: { k: number; value: number }[] | undefined, k: number): number {
  const p = curve?.find((q) => q.k === k);
  if (!p) throw new Error(`no point at k=${k}`);
  return p.value;
}

/** Validates the metrics against the run record schema by embedding them in a minimal record. */
function schemaCheck(metrics: RunMetrics) {
  return RunRecordSchema.safeParse({
    schemaVersion: RUN_RECORD_VERSION,
    id: 'x',
    createdAt: '2025-01-01T00:00:00.000Z',
    finishedAt: null,
    provenance: { kind: 'handwritten', note: 'test' },
    problem: { id: 'p', title: 'P', contentHash: 'h' },
    model: { id: 'm', label: 'M' },
    engine: { kind: 'replay' },
    settings: DEFAULT_RUN_SETTINGS,
    candidates: [],
    selections: [],
    metrics,
    status: 'complete',
  });
}

describe('selectionExpectation', () => {
  it('is the fraction of correct picks', () => {
    const truth = new Map<number, boolean | null>([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(selectionExpectation([0], truth)).toBe(1);
    expect(selectionExpectation([1], truth)).toBe(0);
    expect(selectionExpectation([0, 1, 2], truth)).toBeCloseTo(2 / 3, 12);
  });

  it('accepts an array indexed by candidate index', () => {
    expect(selectionExpectation([0, 1], [true, false])).toBe(0.5);
  });

  it('is 0 for empty picks and null when a pick has no ground truth', () => {
    expect(selectionExpectation([], [true])).toBe(0);
    expect(selectionExpectation([0, 1], [true, null])).toBeNull();
    expect(selectionExpectation([5], [true])).toBeNull();
    expect(selectionExpectation([0], new Map())).toBeNull();
  });
});

describe('computeMetrics on a hand-computed example', () => {
  const m = computeMetrics({ candidates: example, seed: 1 });

  it('counts and pass@k', () => {
    expect(m.n).toBe(4);
    expect(m.correct).toBe(2);
    expect(m.passAt1).toBe(0.5);
    expect(m.passAtK).toBe(1);
  });

  it('select@k per strategy', () => {
    // (1-based) judged right: {1, 2, 4}. shortest-critique: candidate 2 (200 tokens), incorrect.
    // random-right: 1 correct of 3 judged right. vote: tie 1/1/1, shortest is candidate 2.
    // first-sample: candidate 1, correct. samples-then-shortest: passing {1,3,4}, right {1,4}, shortest 1.
    expect(m.selectAtK).toEqual({
      'shortest-critique': 0,
      'random-right': 1 / 3,
      vote: 0,
      'first-sample': 1,
      'samples-then-shortest': 1,
    });
  });

  it('confusion and critique accuracy', () => {
    expect(m.confusion).toEqual({ rightCorrect: 1, rightIncorrect: 2, wrongCorrect: 1, wrongIncorrect: 0, noVerdict: 0 });
    expect(m.critiqueAccuracy).toBe(0.25);
  });

  it('curves at j = 1 equal pass@1 for every strategy (one candidate, one choice)', () => {
    for (const s of SELECTION_STRATEGIES) expect(point(m.curves.selectAtK[s], 1)).toBeCloseTo(0.5, 12);
  });

  it('curves at j = 2, enumerated by hand over the 6 pairs', () => {
    expect(point(m.curves.passAtK, 2)).toBeCloseTo(5 / 6, 12);
    expect(point(m.curves.selectAtK['shortest-critique'], 2)).toBeCloseTo(2 / 6, 12);
    expect(point(m.curves.selectAtK['random-right'], 2)).toBeCloseTo(2 / 6, 12);
    expect(point(m.curves.selectAtK.vote, 2)).toBeCloseTo(2 / 6, 12);
    expect(point(m.curves.selectAtK['first-sample'], 2)).toBeCloseTo(4 / 6, 12);
    expect(point(m.curves.selectAtK['samples-then-shortest'], 2)).toBeCloseTo(4 / 6, 12);
  });

  it('curve at j = n equals select@k', () => {
    for (const s of SELECTION_STRATEGIES) expect(point(m.curves.selectAtK[s], 4)).toBeCloseTo(m.selectAtK[s] ?? NaN, 12);
    expect(point(m.curves.passAtK, 4)).toBe(1);
  });

  it('is exact for small n, and fits the run record schema', () => {
    expect(m.curves.method).toBe('exact');
    expect(m.curves.samples).toBe(0);
    expect(m.curves.passAtK.map((p) => p.k)).toEqual([1, 2, 3, 4]);
    const parsed = schemaCheck(m);
    expect(parsed.success).toBe(true);
  });
});

describe('ground truth gaps and edge cases', () => {
  it('no candidates at all', () => {
    const m = computeMetrics({ candidates: [], seed: 1 });
    expect(m).toMatchObject({ n: 0, correct: 0, passAt1: null, passAtK: null, critiqueAccuracy: null });
    expect(m.curves).toEqual({
      passAtK: [],
      selectAtK: Object.fromEntries(SELECTION_STRATEGIES.map((s) => [s, []])),
      method: 'exact',
      samples: 0,
    });
    for (const s of SELECTION_STRATEGIES) expect(m.selectAtK[s]).toBe(0);
    expect(schemaCheck(m).success).toBe(true);
  });

  it('ungraded candidates are left out of n, the confusion matrix and the curves', () => {
    const cs = [g(0, true, [['right', 10]]), g(1, null, [['right', 5]]), g(2, false, [['wrong', 50]])];
    const m = computeMetrics({ candidates: cs, seed: 1 });
    expect(m.n).toBe(2);
    expect(m.correct).toBe(1);
    expect(m.confusion).toEqual({ rightCorrect: 1, rightIncorrect: 0, wrongCorrect: 0, wrongIncorrect: 1, noVerdict: 0 });
    expect(m.curves.passAtK).toHaveLength(2);
    // On all k = 3 candidates the shortest critique is the ungraded candidate 2: unknown.
    expect(m.selectAtK['shortest-critique']).toBeNull();
    // random-right picks {1, 2}: one of them is unknown, so the expectation is unknown.
    expect(m.selectAtK['random-right']).toBeNull();
    expect(m.selectAtK['first-sample']).toBe(1);
    // The curves only ever use graded candidates: at j = 2 the subset is {1, 3}, shortest right is 1.
    expect(point(m.curves.selectAtK['shortest-critique'], 2)).toBe(1);
    expect(schemaCheck(m).success).toBe(true);
  });

  it('critiques without a verdict count in noVerdict and as inaccurate', () => {
    const cs = [
      g(0, true, [
        ['right', 1],
        ['none', 1],
        ['wrong', 1],
      ]),
      g(1, false, [
        ['none', 1],
        ['wrong', 1],
      ]),
    ];
    const m = computeMetrics({ candidates: cs, seed: 1 });
    expect(m.confusion).toEqual({ rightCorrect: 1, rightIncorrect: 0, wrongCorrect: 1, wrongIncorrect: 1, noVerdict: 2 });
    expect(m.critiqueAccuracy).toBeCloseTo(2 / 5, 12);
  });

  it('no candidate with a program: strategies submit nothing and score 0', () => {
    const cs = [g(0, false, [], null, false), g(1, false, [], null, false)];
    const m = computeMetrics({ candidates: cs, seed: 1 });
    expect(m.passAt1).toBe(0);
    for (const s of SELECTION_STRATEGIES) {
      expect(m.selectAtK[s]).toBe(0);
      expect(m.curves.selectAtK[s]?.every((p) => p.value === 0)).toBe(true);
    }
  });
});

/** Random instance with small token ranges so that ties happen. */
function randomInstance(n: number, seed: number): GradedCandidate[] {
  const rng = createRng(seed);
  const verdicts: CritiqueVerdict[] = ['right', 'right', 'wrong', 'none'];
  return Array.from({ length: n }, (_, index) => {
    const hasProgram = rng() < 0.85;
    const m = hasProgram ? 1 + Math.floor(rng() * 3) : 0;
    const critiques = Array.from(
      { length: m },
      () => [verdicts[Math.floor(rng() * 4)] ?? 'none', 100 * Math.floor(rng() * 4)] as [CritiqueVerdict, number],
    );
    const samples = rng();
    return g(index, hasProgram ? rng() < 0.5 : false, critiques, samples < 0.4 ? true : samples < 0.8 ? false : null, hasProgram);
  });
}

/** Brute force: every subset by bitmask, through the public select() with reasons. */
function bruteCurves(cs: GradedCandidate[]) {
  const n = cs.length;
  const out: Record<string, number[]> = {};
  for (const s of SELECTION_STRATEGIES) {
    const sums = new Array<number>(n + 1).fill(0);
    const counts = new Array<number>(n + 1).fill(0);
    for (let mask = 1; mask < 1 << n; mask++) {
      const subset = cs.filter((_, i) => (mask >> i) & 1);
      const { picks } = select(s, subset);
      const value = picks.length === 0 ? 0 : picks.filter((p) => cs[p]?.correct === true).length / picks.length;
      sums[subset.length] = (sums[subset.length] ?? 0) + value;
      counts[subset.length] = (counts[subset.length] ?? 0) + 1;
    }
    out[s] = sums.slice(1).map((sum, j) => sum / (counts[j + 1] ?? 1));
  }
  return out;
}

describe('curves against brute force', () => {
  it('exact curves equal an independent enumeration on 40 random instances', () => {
    for (let t = 0; t < 40; t++) {
      const n = 1 + (t % 8);
      const cs = randomInstance(n, 1000 + t);
      const m = computeMetrics({ candidates: cs, seed: 7 });
      expect(m.curves.method).toBe('exact');
      const brute = bruteCurves(cs);
      const c = cs.filter((x) => x.correct).length;
      for (let j = 1; j <= n; j++) {
        expect(point(m.curves.passAtK, j)).toBeCloseTo(passAtK(n, c, j), 12);
        for (const s of SELECTION_STRATEGIES) {
          expect(point(m.curves.selectAtK[s], j)).toBeCloseTo(brute[s]?.[j - 1] ?? NaN, 12);
        }
      }
    }
  });

  it('pass@j is the best any selector can do, and never decreases with j', () => {
    for (let t = 0; t < 20; t++) {
      const m = computeMetrics({ candidates: randomInstance(7, 5000 + t), seed: 3 });
      for (const s of SELECTION_STRATEGIES) {
        for (const p of m.curves.selectAtK[s] ?? []) expect(p.value).toBeLessThanOrEqual(point(m.curves.passAtK, p.k) + 1e-12);
      }
      const pass = m.curves.passAtK.map((p) => p.value);
      for (let i = 1; i < pass.length; i++) expect(pass[i]).toBeGreaterThanOrEqual((pass[i - 1] ?? 0) - 1e-12);
    }
  });

  it('first-sample@j matches its closed form: P(lowest index in the subset is correct)', () => {
    const cs = [true, false, true, true, false, false, true].map((ok, i) => g(i, ok, [['right', 10]]));
    const m = computeMetrics({ candidates: cs, seed: 1 });
    const n = cs.length;
    for (let j = 1; j <= n; j++) {
      // The lowest index is i when i is in the subset and the other j−1 come from the n−i−1 above it.
      let expected = 0;
      const choose = (a: number, b: number) => {
        let r = 1;
        for (let q = 1; q <= b; q++) r = (r * (a - b + q)) / q;
        return b < 0 || b > a ? 0 : r;
      };
      for (let i = 0; i < n; i++) if (cs[i]?.correct) expected += choose(n - i - 1, j - 1) / choose(n, j);
      expect(point(m.curves.selectAtK['first-sample'], j)).toBeCloseTo(expected, 12);
    }
  });
});

describe('closed-form curves', () => {
  it('equal full enumeration on random instances, tie-heavy, every strategy and size', () => {
    for (let t = 0; t < 30; t++) {
      const cs = randomInstance(3 + (t % 12), 700 + t);
      const enumerated = computeMetrics({ candidates: cs, seed: 1, exactLimit: Infinity });
      const closed = computeMetrics({ candidates: cs, seed: 1, exactLimit: 0 });
      expect(closed.curves.method).toBe('exact');
      expect(closed.curves.passAtK).toEqual(enumerated.curves.passAtK);
      expect(closed.selectAtK).toEqual(enumerated.selectAtK);
      for (const s of SELECTION_STRATEGIES) {
        closed.curves.selectAtK[s]!.forEach((p, i) => expect(p.value).toBeCloseTo(enumerated.curves.selectAtK[s]![i]!.value, 12));
      }
    }
  });

  it('at j = n equal the strategies run on all candidates', () => {
    const cs = randomInstance(40, 12);
    const m = computeMetrics({ candidates: cs, seed: 1 });
    for (const s of SELECTION_STRATEGIES) expect(point(m.curves.selectAtK[s], 40)).toBeCloseTo(m.selectAtK[s] ?? NaN, 12);
  });

  it('covers k = 100 (the settings maximum) with a point per size and a valid schema', () => {
    const m = computeMetrics({ candidates: randomInstance(100, 8), seed: 1 });
    expect(m.curves.passAtK).toHaveLength(100);
    for (const s of SELECTION_STRATEGIES) expect(m.curves.selectAtK[s]).toHaveLength(100);
    expect(m.curves).toMatchObject({ method: 'exact', samples: 0 });
    expect(schemaCheck(m).success).toBe(true);
  });
});
