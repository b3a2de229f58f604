/**
 * Selection strategies (ids in selectionStrategy.ts): given the k candidates and their critiques,
 * which one would we submit? A strategy returns the indices it picks among uniformly (one index
 * for a deterministic choice) and one sentence saying why, naming candidates 1-based as the UI does.
 *
 * Shared rules:
 * - A candidate without a program is never picked; with no program anywhere the picks are empty.
 * - "Judged right" and critique length: see critiqueJudgement.ts (majority of verdicts; mean
 *   reasoning tokens, infinitely long without critiques).
 * - When a strategy has no judged-right candidate to choose from it falls back to a uniform pick
 *   over every candidate with a program, whose expected correctness is exactly pass@1, so the
 *   comparison with "no selection" stays fair.
 */
import type { SelectionRecord } from './selectionRecord';
import type { SelectionCandidate } from './selectionCandidate';
import { SELECTION_STRATEGIES, type SelectionStrategyId } from './selectionStrategy';
import { critiqueLength, judgementOf } from './critiqueJudgement';

type SelectionResult = Omit<SelectionRecord, 'expectedCorrect'>;

interface Assessed {
  index: number;
  samplesPassed: boolean | null;
  rightVotes: number;
  critiqueCount: number;
  judgedRight: boolean;
  /** Mean reasoning tokens; Infinity without critiques. */
  length: number;
}

interface Choice {
  picks: number[];
  /** Built only when someone reads it: metric curves run strategies thousands of times. */
  reason: () => string;
}

function assess(candidates: readonly SelectionCandidate[]): Assessed[] {
  return candidates
    .filter((c) => c.hasProgram)
    .map((c) => ({
      index: c.index,
      samplesPassed: c.samplesPassed,
      rightVotes: c.critiques.filter((critique) => critique.verdict === 'right').length,
      critiqueCount: c.critiques.length,
      judgedRight: judgementOf(c.critiques) === 'right',
      length: critiqueLength(c.critiques),
    }))
    .sort((a, b) => a.index - b.index);
}

/** Shortest critique, ties to the lowest index. Compared explicitly: Infinity − Infinity is NaN. */
function shortest(pool: readonly Assessed[]): Assessed | undefined {
  let best: Assessed | undefined;
  for (const a of pool) {
    if (!best || a.length < best.length || (a.length === best.length && a.index < best.index)) best = a;
  }
  return best;
}

const num = (index: number) => String(index + 1);

function list(indices: readonly number[]): string {
  const names = indices.map(num);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function tokens(length: number): string {
  if (!Number.isFinite(length)) return 'no critique';
  return `${Number.isInteger(length) ? length : length.toFixed(1)} tokens`;
}

const NOTHING: Choice = { picks: [], reason: () => 'No candidate has a program, so there is nothing to pick.' };

/** Uniform over every candidate with a program: expected correctness = pass@1. */
function fallback(all: readonly Assessed[], why: string): Choice {
  if (all.length === 0) return NOTHING;
  const picks = all.map((a) => a.index);
  return {
    picks,
    reason: () =>
      picks.length === 1
        ? `${why}; candidate ${list(picks)} is the only one with a program.`
        : `${why}; picking uniformly among the ${picks.length} candidates with a program (${list(picks)}), worth pass@1.`,
  };
}

function shortestCritique(all: readonly Assessed[]): Choice {
  if (all.length === 0) return NOTHING;
  const right = all.filter((a) => a.judgedRight);
  const best = shortest(right);
  if (!best) return fallback(all, 'No candidate was judged right');
  return {
    picks: [best.index],
    reason: () =>
      right.length === 1
        ? `Candidate ${num(best.index)}: the only candidate judged right (critique ${tokens(best.length)}).`
        : `Candidate ${num(best.index)}: judged right with the shortest critique (${tokens(best.length)}) of ${right.length} judged right.`,
  };
}

function randomRight(all: readonly Assessed[]): Choice {
  if (all.length === 0) return NOTHING;
  const picks = all.filter((a) => a.judgedRight).map((a) => a.index);
  if (picks.length === 0) return fallback(all, 'No candidate was judged right');
  return {
    picks,
    reason: () =>
      picks.length === 1
        ? `Candidate ${list(picks)}: the only candidate judged right.`
        : `Uniform among the ${picks.length} candidates judged right: ${list(picks)}.`,
  };
}

function vote(all: readonly Assessed[]): Choice {
  if (all.length === 0) return NOTHING;
  const top = Math.max(...all.map((a) => a.rightVotes));
  if (top === 0) return fallback(all, 'No candidate was judged right by any critique');
  const tied = all.filter((a) => a.rightVotes === top);
  const best = shortest(tied);
  if (!best) return fallback(all, 'No candidate was judged right by any critique');
  return {
    picks: [best.index],
    reason: () => {
      const votes = `most right votes (${top} of ${plural(best.critiqueCount, 'critique')})`;
      if (tied.length === 1) return `Candidate ${num(best.index)}: ${votes}.`;
      return `Candidate ${num(best.index)}: ${votes}, tied with ${plural(tied.length - 1, 'other')}, and the shortest critique (${tokens(best.length)}) among them.`;
    },
  };
}

function firstSample(all: readonly Assessed[]): Choice {
  const first = all[0];
  if (!first) return NOTHING;
  return {
    picks: [first.index],
    reason: () =>
      first.index === 0
        ? 'Candidate 1: the first sample, submitted without selection.'
        : `Candidate ${num(first.index)}: the first sample with a program (earlier ones have none).`,
  };
}

function samplesThenShortest(all: readonly Assessed[]): Choice {
  if (all.length === 0) return NOTHING;
  const passed = all.filter((a) => a.samplesPassed === true);
  if (passed.length === 0) {
    const why = all.every((a) => a.samplesPassed === null)
      ? 'The sample tests were not run'
      : all.every((a) => a.samplesPassed === false)
        ? 'No candidate passed the sample tests'
        : 'No candidate is known to have passed the sample tests';
    const inner = shortestCritique(all);
    return {
      picks: inner.picks,
      reason: () => {
        const rest = inner.reason();
        return `${why}, so the shortest-critique rule applies to all: ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
      },
    };
  }
  const right = passed.filter((a) => a.judgedRight);
  const rightBest = shortest(right);
  if (rightBest) {
    return {
      picks: [rightBest.index],
      reason: () =>
        right.length === 1
          ? `Candidate ${num(rightBest.index)}: passed the sample tests and is the only such candidate judged right (critique ${tokens(rightBest.length)}).`
          : `Candidate ${num(rightBest.index)}: passed the sample tests and was judged right with the shortest critique (${tokens(rightBest.length)}) of ${right.length} such candidates.`,
    };
  }
  const best = shortest(passed);
  if (!best) return NOTHING;
  return {
    picks: [best.index],
    reason: () =>
      passed.length === 1
        ? `Candidate ${num(best.index)}: the only candidate that passed the sample tests, though no critique judged it right.`
        : `Candidate ${num(best.index)}: none of the ${passed.length} candidates that passed the sample tests was judged right; it has the shortest critique (${tokens(best.length)}) among them.`,
  };
}

const STRATEGIES: Record<SelectionStrategyId, (all: readonly Assessed[]) => Choice> = {
  'shortest-critique': shortestCritique,
  'random-right': randomRight,
  vote,
  'first-sample': firstSample,
  'samples-then-shortest': samplesThenShortest,
};

export function select(strategy: SelectionStrategyId, candidates: readonly SelectionCandidate[]): SelectionResult {
  const choice = STRATEGIES[strategy](assess(candidates));
  return { strategy, picks: choice.picks, reason: choice.reason() };
}

/** Every strategy, in SELECTION_STRATEGIES order. */
export function selectAll(candidates: readonly SelectionCandidate[]): SelectionResult[] {
  const assessed = assess(candidates);
  return SELECTION_STRATEGIES.map((strategy) => {
    const choice = STRATEGIES[strategy](assessed);
    return { strategy, picks: choice.picks, reason: choice.reason() };
  });
}

/** Picks of every strategy without building reasons (for metric curves over many subsets). */
export function selectPicksAll(candidates: readonly SelectionCandidate[]): Record<SelectionStrategyId, number[]> {
  const assessed = assess(candidates);
  const out = {} as Record<SelectionStrategyId, number[]>;
  for (const strategy of SELECTION_STRATEGIES) out[strategy] = STRATEGIES[strategy](assessed).picks;
  return out;
}
