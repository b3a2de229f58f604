/**
 * The run's scoreboard (docs/method.md): pass@1, pass@k, pass@1|select@k per strategy, critique
 * accuracy with its confusion matrix, and curves of pass@j and select@j over subset sizes j.
 *
 * Ground truth comes from executing every candidate. A candidate whose ground truth is unknown
 * (null: not executed, e.g. the run was aborted) is left out of n and of every curve; callers
 * should mark a candidate that produced no program as incorrect rather than unknown, since a
 * sample that yields no code is a failed sample.
 */
import { binomial } from './binomial';
import { forEachCombination } from './combinations';
import { passAtK } from './passAtK';
import type { Confusion, CurvePoint, RunMetrics } from './metricsSchema';
import { selectPicksAll } from '../selection/select';
import type { SelectionCandidate } from '../selection/selectionCandidate';
import { SELECTION_STRATEGIES, type SelectionStrategyId } from '../selection/selectionStrategy';
import { closedFormSelectCurves } from './selectionCurves';

/**
 * When no size j has more than this many subsets (n ≤ 14), curves are averaged by running the
 * strategies on every subset; otherwise by the closed form (selectionCurves.ts), exact too and far
 * faster. Enumeration stays for small runs so their records rescore to the same bits as before.
 */
const EXACT_SUBSET_LIMIT = 5000;

export interface GradedCandidate extends SelectionCandidate {
  /** Passed the judge (AC); null when it was not executed. */
  correct: boolean | null;
}

interface MetricsInput {
  candidates: readonly GradedCandidate[];
  /** The run's seed (RunSettings.seed). Curves are exact and no longer draw on it; kept so callers need not change. */
  seed: number;
  /** Override EXACT_SUBSET_LIMIT (tests compare enumeration with the closed form on the same data). */
  exactLimit?: number;
}

/** Ground truth by candidate index: a Map, or an array indexed by candidate index. */
type Correctness = ReadonlyMap<number, boolean | null> | readonly (boolean | null | undefined)[];

function lookup(correctness: Correctness, index: number): boolean | null {
  const value = correctness instanceof Map ? correctness.get(index) : (correctness as readonly (boolean | null | undefined)[])[index];
  return value ?? null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Expected correctness of submitting one of `picks` uniformly at random: the fraction of picks
 * that are correct (docs/method.md). Empty picks mean the strategy submits nothing, which scores
 * 0; a pick without ground truth makes the expectation unknown (null).
 */
export function selectionExpectation(picks: readonly number[], correctness: Correctness): number | null {
  if (picks.length === 0) return 0;
  let correct = 0;
  for (const index of picks) {
    const value = lookup(correctness, index);
    if (value === null) return null;
    if (value) correct++;
  }
  return clamp01(correct / picks.length);
}

function emptyConfusion(): Confusion {
  return { rightCorrect: 0, rightIncorrect: 0, wrongCorrect: 0, wrongIncorrect: 0, noVerdict: 0 };
}

function byStrategy<T>(make: () => T): Record<SelectionStrategyId, T> {
  const out = {} as Record<SelectionStrategyId, T>;
  for (const s of SELECTION_STRATEGIES) out[s] = make();
  return out;
}

export function computeMetrics(input: MetricsInput): RunMetrics {
  const correctness = new Map<number, boolean | null>();
  for (const c of input.candidates) correctness.set(c.index, c.correct);
  const graded = input.candidates.filter((c) => c.correct !== null);
  const n = graded.length;
  const c = graded.filter((g) => g.correct === true).length;
  const confusion = confusionOf(graded);
  const critiques =
    confusion.rightCorrect + confusion.rightIncorrect + confusion.wrongCorrect + confusion.wrongIncorrect + confusion.noVerdict;

  const finalPicks = selectPicksAll(input.candidates);
  const selectAtK: Record<string, number | null> = {};
  for (const s of SELECTION_STRATEGIES) selectAtK[s] = selectionExpectation(finalPicks[s], correctness);

  return {
    n,
    correct: c,
    passAt1: n > 0 ? passAtK(n, c, 1) : null,
    passAtK: n > 0 ? passAtK(n, c, n) : null,
    selectAtK,
    critiqueAccuracy: critiques > 0 ? (confusion.rightCorrect + confusion.wrongIncorrect) / critiques : null,
    confusion,
    curves: curvesOf(graded, correctness, input.exactLimit ?? EXACT_SUBSET_LIMIT),
  };
}

/**
 * Critique verdicts against ground truth. A critique without a verdict counts as inaccurate,
 * because a selector that relies on it gets no help from it; it is also reported on its own.
 */
function confusionOf(graded: readonly GradedCandidate[]): Confusion {
  const confusion = emptyConfusion();
  for (const g of graded) {
    for (const critique of g.critiques) {
      if (critique.verdict === 'none') confusion.noVerdict++;
      else if (critique.verdict === 'right') {
        if (g.correct) confusion.rightCorrect++;
        else confusion.rightIncorrect++;
      } else if (g.correct) confusion.wrongCorrect++;
      else confusion.wrongIncorrect++;
    }
  }
  return confusion;
}

/** pass@j and every strategy's select@j for j = 1..n, averaged over every subset of size j. */
function curvesOf(graded: readonly GradedCandidate[], correctness: Correctness, exactLimit: number): RunMetrics['curves'] {
  const n = graded.length;
  const c = graded.filter((g) => g.correct === true).length;
  const passCurve: CurvePoint[] = [];
  const selectCurves = byStrategy<CurvePoint[]>(() => []);
  const closedForm =
    binomial(n, Math.floor(n / 2)) > exactLimit
      ? closedFormSelectCurves(graded.map((g) => ({ ...g, correct: g.correct === true })))
      : undefined;
  for (let j = 1; j <= n; j++) {
    passCurve.push({ k: j, value: clamp01(passAtK(n, c, j)) });
    if (closedForm) {
      for (const s of SELECTION_STRATEGIES) selectCurves[s].push({ k: j, value: closedForm[s][j - 1]! });
      continue;
    }
    const sums = byStrategy(() => 0);
    let count = 0;
    forEachCombination(n, j, (subset) => {
      const picks = selectPicksAll(subset.map((i) => graded[i] as GradedCandidate));
      // Every candidate in a subset is graded, so the expectation is never null here.
      for (const s of SELECTION_STRATEGIES) sums[s] += selectionExpectation(picks[s], correctness) ?? 0;
      count++;
    });
    for (const s of SELECTION_STRATEGIES) selectCurves[s].push({ k: j, value: clamp01(sums[s] / count) });
  }
  return { passAtK: passCurve, selectAtK: selectCurves, method: 'exact', samples: 0 };
}
