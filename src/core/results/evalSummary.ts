/**
 * The eval's numbers (metrics.json) from its run records: a row per problem, means over all
 * problems and per difficulty and per platform, critique accuracy pooled over critiques with its
 * confusion matrix, and the curves of pass@k and pass@1|select@k against k averaged over problems
 * (each problem's curve is already an exact average over all subsets, metrics.ts). Computed only
 * from records, so a resumed run, a merged set of shards and a single run give the same file.
 */
import type { Confusion } from '../metrics/metricsSchema';
import type { ProblemFacts } from '../problem/liveCodeBench/liveCodeBenchRow';
import type { SkippedRow } from '../problem/liveCodeBench/liveCodeBenchFile';
import type { RunRecord } from '../record/runRecord';
import type { RunSettings } from '../record/runSettings';
import { SELECTION_STRATEGIES, type SelectionStrategyId } from '../selection/selectionStrategy';

export interface AggregateRow {
  problem: string;
  /** The run record's file, beside metrics.json. */
  file: string;
  position: number;
  facts: ProblemFacts | null;
  status: RunRecord['status'];
  n: number;
  correct: number;
  passAt1: number | null;
  passAtK: number | null;
  selectAtK: Partial<Record<SelectionStrategyId, number | null>>;
  critiqueAccuracy: number | null;
  confusion: Confusion | null;
}

export interface GroupStats {
  problems: number;
  n: number;
  correct: number;
  passAt1: number | null;
  passAtK: number | null;
  selectAtK: Partial<Record<SelectionStrategyId, number | null>>;
  critiqueAccuracy: number | null;
  confusion: Confusion;
}

export interface Curves {
  /** value at k = index + 1, averaged over the problems that have that k. */
  passAtK: number[];
  selectAtK: Record<SelectionStrategyId, number[]>;
}

/** One run record with what the summary needs beside it. */
export interface SummarizedRecord {
  record: RunRecord;
  file: string;
  position: number;
  facts: ProblemFacts | null;
}

export interface EvalSummary {
  endpoint: string;
  model: string;
  settings: RunSettings;
  rows: AggregateRow[];
  mean: GroupStats;
  byDifficulty: Record<string, GroupStats>;
  byPlatform: Record<string, GroupStats>;
  curves: Curves;
  skipped: SkippedRow[];
  excluded: { id: string; reason: string }[];
  /** Problems of the selection without a finished run (interrupted, or requests that failed after every retry): a rerun continues them. */
  unfinished: string[];
}

function mean(values: (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number');
  return v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

function emptyConfusion(): Confusion {
  return { rightCorrect: 0, rightIncorrect: 0, wrongCorrect: 0, wrongIncorrect: 0, noVerdict: 0 };
}

function rowOf({ record: r, file, position, facts }: SummarizedRecord): AggregateRow {
  return {
    problem: r.problem.id,
    file,
    position,
    facts,
    status: r.status,
    n: r.metrics?.n ?? 0,
    correct: r.metrics?.correct ?? 0,
    passAt1: r.metrics?.passAt1 ?? null,
    passAtK: r.metrics?.passAtK ?? null,
    selectAtK: Object.fromEntries(SELECTION_STRATEGIES.map((s) => [s, r.metrics?.selectAtK[s] ?? null])),
    critiqueAccuracy: r.metrics?.critiqueAccuracy ?? null,
    confusion: r.metrics?.confusion ?? null,
  };
}

/** Means over problems; critique accuracy pooled over all critiques (each counts once), as the per-run metric does. */
function groupStats(rows: readonly AggregateRow[]): GroupStats {
  const confusion = emptyConfusion();
  for (const row of rows) {
    if (!row.confusion) continue;
    for (const key of Object.keys(confusion) as (keyof Confusion)[]) confusion[key] += row.confusion[key];
  }
  const critiques = Object.values(confusion).reduce((a, b) => a + b, 0);
  return {
    problems: rows.length,
    n: rows.reduce((a, r) => a + r.n, 0),
    correct: rows.reduce((a, r) => a + r.correct, 0),
    passAt1: mean(rows.map((r) => r.passAt1)),
    passAtK: mean(rows.map((r) => r.passAtK)),
    selectAtK: Object.fromEntries(SELECTION_STRATEGIES.map((s) => [s, mean(rows.map((r) => r.selectAtK[s]))])),
    critiqueAccuracy: critiques > 0 ? (confusion.rightCorrect + confusion.wrongIncorrect) / critiques : null,
    confusion,
  };
}

function groupBy(rows: readonly AggregateRow[], key: (row: AggregateRow) => string | undefined): Record<string, GroupStats> {
  const groups = new Map<string, AggregateRow[]>();
  for (const row of rows) {
    const k = key(row);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, groupStats(groups.get(k)!)]));
}

/** Average of each problem's curve at each k, over the problems whose curve reaches k. */
function meanCurves(records: readonly RunRecord[]): Curves {
  const average = (curves: { k: number; value: number }[][]): number[] => {
    const sums: number[] = [];
    const counts: number[] = [];
    for (const curve of curves) {
      for (const p of curve) {
        sums[p.k - 1] = (sums[p.k - 1] ?? 0) + p.value;
        counts[p.k - 1] = (counts[p.k - 1] ?? 0) + 1;
      }
    }
    return sums.map((s, i) => s / (counts[i] ?? 1));
  };
  const scored = records.flatMap((r) => (r.metrics ? [r.metrics.curves] : []));
  return {
    passAtK: average(scored.map((c) => c.passAtK)),
    selectAtK: Object.fromEntries(
      SELECTION_STRATEGIES.map((s) => [s, average(scored.map((c) => c.selectAtK[s] ?? []))]),
    ) as Curves['selectAtK'],
  };
}

export function summarize(
  records: readonly SummarizedRecord[],
  run: {
    endpoint: string;
    model: string;
    settings: RunSettings;
    skipped?: SkippedRow[];
    excluded?: EvalSummary['excluded'];
    unfinished?: string[];
  },
): EvalSummary {
  const sorted = [...records].sort((a, b) => a.position - b.position);
  const rows = sorted.map(rowOf);
  return {
    endpoint: run.endpoint,
    model: run.model,
    settings: run.settings,
    rows,
    mean: groupStats(rows),
    byDifficulty: groupBy(rows, (r) => r.facts?.difficulty),
    byPlatform: groupBy(rows, (r) => r.facts?.platform),
    curves: meanCurves(sorted.map((r) => r.record)),
    skipped: run.skipped ?? [],
    excluded: run.excluded ?? [],
    unfinished: run.unfinished ?? [],
  };
}
