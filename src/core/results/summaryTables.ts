/**
 * The eval summary's tables as data: which columns each table has, in which order, under which
 * heading, and each row's label and values with their units. metrics.md, report.html and the app's
 * Results view all render these, so a column is named and filled in one place; a renderer decides
 * only how to write a value (Markdown "50.0%", the app "50%") and which rows or columns it leaves out.
 */
import type { Confusion } from '../metrics/metricsSchema';
import { SELECTION_STRATEGIES, STRATEGY_LABEL } from '../selection/selectionStrategy';
import type { AggregateRow, EvalSummary, GroupStats } from './evalSummary';

/** A value and its unit: a share of 1 (null: no ground truth), a count, `value` out of `of`, or words. */
export type SummaryCell =
  | { unit: 'fraction'; value: number | null }
  | { unit: 'count'; value: number }
  | { unit: 'outOf'; value: number; of: number }
  | { unit: 'text'; value: string };

interface SummaryColumn {
  /** What the column holds, for code (the app's `data-metric`); never shown. */
  id: string;
  label: string;
  /** The long name behind a terse label (a strategy's), where there is one. */
  title?: string;
}

export interface SummaryRow {
  label: string;
  /** One per column, in the columns' order. */
  cells: SummaryCell[];
}

export interface ProblemRow extends SummaryRow {
  /** The problem's run record, beside metrics.json. */
  file: string;
}

export interface SummaryTable<Row extends SummaryRow = SummaryRow> {
  /** The heading of the column of row labels. */
  label: string;
  columns: SummaryColumn[];
  rows: Row[];
  /** The row over all of `rows` (means, or sums for counts). */
  total: SummaryRow;
}

type Scores = Pick<GroupStats, 'passAt1' | 'passAtK' | 'selectAtK' | 'critiqueAccuracy'>;

const fraction = (value: number | null | undefined): SummaryCell => ({ unit: 'fraction', value: value ?? null });
const count = (value: number): SummaryCell => ({ unit: 'count', value });
const text = (value: string): SummaryCell => ({ unit: 'text', value });

/** pass@1, pass@k, pass@1|select@k per strategy, critique accuracy: the figures every table but the confusion matrix shows. */
function scoreColumns(k: number): SummaryColumn[] {
  return [
    { id: 'passAt1', label: 'pass@1' },
    { id: 'passAtK', label: `pass@${k}` },
    ...SELECTION_STRATEGIES.map((s) => ({ id: `selectAtK:${s}`, label: `select@${k}: ${s}`, title: STRATEGY_LABEL[s] })),
    { id: 'critiqueAccuracy', label: 'critique acc.' },
  ];
}

function scoreCells(g: Scores): SummaryCell[] {
  return [
    fraction(g.passAt1),
    fraction(g.passAtK),
    ...SELECTION_STRATEGIES.map((s) => fraction(g.selectAtK[s])),
    fraction(g.critiqueAccuracy),
  ];
}

/** A row per problem, in the selection's order; the total is the mean over problems. */
export function problemTable(summary: EvalSummary): SummaryTable<ProblemRow> {
  const { mean } = summary;
  return {
    label: 'problem',
    columns: [
      { id: 'platform', label: 'platform' },
      { id: 'difficulty', label: 'difficulty' },
      { id: 'status', label: 'status' },
      { id: 'correct', label: 'correct/n' },
      ...scoreColumns(summary.settings.k),
    ],
    rows: summary.rows.map((r: AggregateRow) => ({
      label: r.problem,
      file: r.file,
      cells: [
        text(r.facts?.platform ?? '—'),
        text(r.facts?.difficulty ?? '—'),
        text(r.status),
        { unit: 'outOf', value: r.correct, of: r.n },
        ...scoreCells(r),
      ],
    })),
    total: {
      label: `mean of ${mean.problems}`,
      cells: [text(''), text(''), text(''), { unit: 'outOf', value: mean.correct, of: mean.n }, ...scoreCells(mean)],
    },
  };
}

/** Means over the problems of each group (a difficulty, a platform), in name order; the total is over all problems. */
export function groupTable(title: string, groups: Record<string, GroupStats>, all: GroupStats, k: number): SummaryTable {
  const row = (label: string, g: GroupStats): SummaryRow => ({ label, cells: [count(g.problems), ...scoreCells(g)] });
  return {
    label: title,
    columns: [{ id: 'problems', label: 'problems' }, ...scoreColumns(k)],
    rows: Object.entries(groups).map(([name, g]) => row(name, g)),
    total: row('all', all),
  };
}

/** Critique verdicts against ground truth per difficulty, pooled over critiques, with the accuracy they make. */
export function confusionTable(summary: EvalSummary): SummaryTable {
  const row = (label: string, g: GroupStats): SummaryRow => {
    const c: Confusion = g.confusion;
    const counts = [c.rightCorrect, c.rightIncorrect, c.wrongCorrect, c.wrongIncorrect, c.noVerdict].map(count);
    return { label, cells: [...counts, fraction(g.critiqueAccuracy)] };
  };
  return {
    label: 'difficulty',
    columns: [
      { id: 'rightCorrect', label: 'judged right, correct' },
      { id: 'rightIncorrect', label: 'judged right, incorrect' },
      { id: 'wrongCorrect', label: 'judged wrong, correct' },
      { id: 'wrongIncorrect', label: 'judged wrong, incorrect' },
      { id: 'noVerdict', label: 'no verdict' },
      { id: 'critiqueAccuracy', label: 'accuracy' },
    ],
    rows: Object.entries(summary.byDifficulty).map(([name, g]) => row(name, g)),
    total: row('all', summary.mean),
  };
}

/** The table without the columns named (metrics.md leaves out what a terminal has no width for). */
export function withoutColumns<Row extends SummaryRow>(table: SummaryTable<Row>, ids: readonly string[]): SummaryTable<Row> {
  const keep = table.columns.map((c) => !ids.includes(c.id));
  const cells = (row: SummaryRow): SummaryCell[] => row.cells.filter((_, i) => keep[i]);
  return {
    label: table.label,
    columns: table.columns.filter((_, i) => keep[i]),
    rows: table.rows.map((r) => ({ ...r, cells: cells(r) })),
    total: { ...table.total, cells: cells(table.total) },
  };
}
