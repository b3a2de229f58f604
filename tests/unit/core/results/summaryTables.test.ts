/**
 * The eval summary's tables as data, on the summary of a real eval (tests/fixtures/evalOutput/lcb-k2):
 * every row has a value per column, the values are the summary's own, the confusion matrix's
 * accuracy agrees with its counts, and what a problem lacks (facts, a strategy's score) is shown as
 * missing rather than invented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvalSummary } from '../../../../src/core/results/evalSummary';
import {
  confusionTable,
  groupTable,
  problemTable,
  withoutColumns,
  type SummaryCell,
  type SummaryTable,
} from '../../../../src/core/results/summaryTables';
import { SELECTION_STRATEGIES } from '../../../../src/core/selection/selectionStrategy';

const summary = JSON.parse(readFileSync('tests/fixtures/evalOutput/lcb-k2/metrics.json', 'utf8')) as EvalSummary;

const fractionsOf = (cells: SummaryCell[]): (number | null)[] => cells.flatMap((c) => (c.unit === 'fraction' ? [c.value] : []));

function expectRectangular(table: SummaryTable): void {
  for (const row of [...table.rows, table.total]) expect(row.cells).toHaveLength(table.columns.length);
  expect(new Set(table.columns.map((c) => c.id)).size).toBe(table.columns.length);
}

describe('the eval summary as tables', () => {
  it('gives a row per problem in the summary’s order, with its figures and the mean over problems', () => {
    const table = problemTable(summary);
    expectRectangular(table);
    expect(table.columns.map((c) => c.label)).toEqual([
      'platform',
      'difficulty',
      'status',
      'correct/n',
      'pass@1',
      'pass@2',
      ...SELECTION_STRATEGIES.map((s) => `select@2: ${s}`),
      'critique acc.',
    ]);
    expect(table.rows.map((r) => [r.label, r.file])).toEqual(summary.rows.map((r) => [r.problem, r.file]));
    summary.rows.forEach((source, i) => {
      const row = table.rows[i]!;
      expect(row.cells.slice(0, 4)).toEqual([
        { unit: 'text', value: source.facts!.platform },
        { unit: 'text', value: source.facts!.difficulty },
        { unit: 'text', value: source.status },
        { unit: 'outOf', value: source.correct, of: source.n },
      ]);
      const scores = [source.passAt1, source.passAtK, ...SELECTION_STRATEGIES.map((s) => source.selectAtK[s]), source.critiqueAccuracy];
      expect(fractionsOf(row.cells)).toEqual(scores);
    });
    expect(table.total.label).toBe('mean of 4');
    expect(table.total.cells[3]).toEqual({ unit: 'outOf', value: 4, of: 8 });
    expect(fractionsOf(table.total.cells)[0]).toBe(summary.mean.passAt1);
  });

  it('shows what a problem lacks as missing: no facts, no score for a strategy', () => {
    const bare: EvalSummary = { ...summary, rows: summary.rows.map((r) => ({ ...r, facts: null, selectAtK: {} })) };
    const row = problemTable(bare).rows[0]!;
    expect(row.cells.slice(0, 2)).toEqual([
      { unit: 'text', value: '—' },
      { unit: 'text', value: '—' },
    ]);
    expect(fractionsOf(row.cells).slice(2, 2 + SELECTION_STRATEGIES.length)).toEqual(SELECTION_STRATEGIES.map(() => null));
  });

  it('gives a row per group and one over all problems', () => {
    const table = groupTable('platform', summary.byPlatform, summary.mean, 2);
    expectRectangular(table);
    expect(table.label).toBe('platform');
    expect(table.rows.map((r) => r.label)).toEqual(['atcoder', 'codeforces', 'leetcode']);
    expect(table.rows[2]!.cells[0]).toEqual({ unit: 'count', value: 2 });
    expect(fractionsOf(table.rows[2]!.cells)).toContain(0.75);
    expect(table.total.label).toBe('all');
    expect(table.total.cells[0]).toEqual({ unit: 'count', value: 4 });
  });

  it('gives the confusion matrix per difficulty with an accuracy that agrees with its counts', () => {
    const table = confusionTable(summary);
    expectRectangular(table);
    expect(table.rows.map((r) => r.label)).toEqual(['easy', 'hard', 'medium']);
    for (const row of [...table.rows, table.total]) {
      const [rightCorrect, rightIncorrect, wrongCorrect, wrongIncorrect, noVerdict] = row.cells.map((c) =>
        c.unit === 'count' ? c.value : 0,
      );
      const total = rightCorrect! + rightIncorrect! + wrongCorrect! + wrongIncorrect! + noVerdict!;
      expect(row.cells.at(-1)).toEqual({ unit: 'fraction', value: (rightCorrect! + wrongIncorrect!) / total });
    }
    expect(table.total.cells.slice(0, 5).map((c) => (c.unit === 'count' ? c.value : null))).toEqual([4, 1, 0, 3, 0]);
  });

  it('leaves out the columns named, from the heading, every row and the total alike', () => {
    const full = problemTable(summary);
    const narrow = withoutColumns(full, ['platform', 'difficulty']);
    expectRectangular(narrow);
    expect(narrow.columns.map((c) => c.id)).toEqual(full.columns.slice(2).map((c) => c.id));
    expect(narrow.rows[1]!.cells).toEqual(full.rows[1]!.cells.slice(2));
    expect(narrow.rows[1]!.file).toBe(full.rows[1]!.file);
    expect(narrow.total.cells).toEqual(full.total.cells.slice(2));
  });
});
