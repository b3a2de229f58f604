/**
 * pass@1|select@j averaged over every subset of size j of n graded candidates, in closed form —
 * exact, and O(n log n) per size, where enumerating subsets is out of reach (C(100, 50) ≈ 10^29).
 *
 * Every strategy in select.ts has the same shape: a ranked list R of candidates it prefers (it
 * submits the best-ranked member of R present in the subset) and, when the subset holds no member
 * of R, a uniform pick over the subset's candidates with a program. So the best-ranked present
 * member is R's i-th (1-based) exactly when R's first i−1 are absent and the i-th is present:
 * C(n−i, j−1) of the C(n, j) subsets. The fallback's expectation, by symmetry, is the share of
 * correct candidates among those with a program outside R, over the subsets that avoid R but hold a
 * program. `random-right` is uniform over R's members present: by symmetry its expectation is R's
 * share of correct candidates over the subsets that meet R.
 *
 * The rankings mirror select.ts (one rule each); the unit tests hold the two to full enumeration.
 */
import type { SelectionCandidate } from '../selection/selectionCandidate';
import { critiqueLength, judgementOf } from '../selection/critiqueJudgement';
import { SELECTION_STRATEGIES, type SelectionStrategyId } from '../selection/selectionStrategy';

interface CurveCandidate extends SelectionCandidate {
  correct: boolean;
}

interface Ranked {
  index: number;
  correct: boolean;
  judgedRight: boolean;
  rightVotes: number;
  length: number;
  passed: boolean;
}

/** `a` before `b`: shorter critique, then lower index (select.ts `shortest`). */
const byLength = (a: Ranked, b: Ranked): number => (a.length === b.length ? a.index - b.index : a.length < b.length ? -1 : 1);

/** Per strategy, the ranked preference list R; `uniform` for random-right. */
const RANKINGS: Record<SelectionStrategyId, (all: Ranked[]) => { ranked: Ranked[]; uniform?: boolean }> = {
  'shortest-critique': (all) => ({ ranked: all.filter((a) => a.judgedRight).sort(byLength) }),
  'random-right': (all) => ({ ranked: all.filter((a) => a.judgedRight), uniform: true }),
  vote: (all) => ({ ranked: all.filter((a) => a.rightVotes > 0).sort((a, b) => b.rightVotes - a.rightVotes || byLength(a, b)) }),
  'first-sample': (all) => ({ ranked: [...all].sort((a, b) => a.index - b.index) }),
  'samples-then-shortest': (all) => ({
    ranked: [
      ...all.filter((a) => a.passed && a.judgedRight).sort(byLength),
      ...all.filter((a) => a.passed && !a.judgedRight).sort(byLength),
      ...all.filter((a) => !a.passed && a.judgedRight).sort(byLength),
    ],
  }),
};

/** log(x!) for x = 0..n. */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let x = 2; x <= n; x++) table[x] = table[x - 1]! + Math.log(x);
  return table;
}

/** Expected correctness of each strategy's pick over the subsets of size j, for j = 1..n. */
export function closedFormSelectCurves(candidates: readonly CurveCandidate[]): Record<SelectionStrategyId, number[]> {
  const n = candidates.length;
  const lf = logFactorials(n);
  const choose = (a: number, b: number): number => (b < 0 || b > a ? -Infinity : lf[a]! - lf[b]! - lf[a - b]!);
  /** C(a, b) / C(n, j). */
  const share = (a: number, b: number, j: number): number => Math.exp(choose(a, b) - choose(n, j));
  const withProgram: Ranked[] = candidates
    .filter((c) => c.hasProgram)
    .map((c) => ({
      index: c.index,
      correct: c.correct,
      judgedRight: judgementOf(c.critiques) === 'right',
      rightVotes: c.critiques.filter((x) => x.verdict === 'right').length,
      length: critiqueLength(c.critiques),
      passed: c.samplesPassed === true,
    }));
  const noProgram = n - withProgram.length;
  const out = {} as Record<SelectionStrategyId, number[]>;
  for (const strategy of SELECTION_STRATEGIES) {
    const { ranked, uniform } = RANKINGS[strategy](withProgram);
    const inR = new Set(ranked.map((r) => r.index));
    const rest = withProgram.filter((c) => !inR.has(c.index));
    const restShare = rest.length > 0 ? rest.filter((c) => c.correct).length / rest.length : 0;
    const rShare = ranked.length > 0 ? ranked.filter((c) => c.correct).length / ranked.length : 0;
    const outside = n - ranked.length;
    const curve: number[] = [];
    for (let j = 1; j <= n; j++) {
      let value = restShare * (share(outside, j, j) - share(noProgram, j, j));
      if (uniform) value += rShare * (1 - share(outside, j, j));
      else
        ranked.forEach((r, i) => {
          if (r.correct) value += share(n - i - 1, j - 1, j);
        });
      curve.push(Math.min(1, Math.max(0, value)));
    }
    out[strategy] = curve;
  }
  return out;
}
