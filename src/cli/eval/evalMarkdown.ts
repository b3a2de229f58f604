/** metrics.md (also printed): the eval summary as Markdown tables. */
import { SELECTION_STRATEGIES, STRATEGY_LABEL } from '../../core/selection/selectionStrategy';
import type { EvalSummary, GroupStats } from '../../core/results/evalSummary';
import {
  confusionTable,
  groupTable,
  problemTable,
  withoutColumns,
  type SummaryCell,
  type SummaryRow,
  type SummaryTable,
} from '../../core/results/summaryTables';

export const pct = (v: number | null | undefined): string => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—');

const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/** A value as the eval's files write it (metrics.md as is, report.html escaped). */
export function cellText(cell: SummaryCell): string {
  switch (cell.unit) {
    case 'fraction':
      return pct(cell.value);
    case 'count':
      return String(cell.value);
    case 'outOf':
      return `${cell.value}/${cell.of}`;
    case 'text':
      return cell.value;
  }
}

function table(t: SummaryTable, rows: readonly SummaryRow[]): string[] {
  const head = [t.label, ...t.columns.map((c) => c.label)];
  return [line(head), line(head.map(() => '---')), ...rows.map((r) => line([r.label, ...r.cells.map(cellText)]))];
}

/** The problems with their mean last; platform and difficulty are left to the group tables below. */
function problemsTable(summary: EvalSummary): string[] {
  const t = withoutColumns(problemTable(summary), ['platform', 'difficulty']);
  return table(t, [...t.rows, { ...t.total, label: `**${t.total.label}**` }]);
}

/** Means per group, without the row over all: the problem table's mean already is that. */
function groupsTable(title: string, groups: Record<string, GroupStats>, summary: EvalSummary): string[] {
  if (Object.keys(groups).length === 0) return [];
  const t = groupTable(title, groups, summary.mean, summary.settings.k);
  return ['', ...table(t, t.rows)];
}

function verdictsTable(summary: EvalSummary): string[] {
  const t = confusionTable(summary);
  return ['', '## Critique verdicts against ground truth', '', ...table(t, [...t.rows, t.total])];
}

export function metricsMarkdown(summary: EvalSummary): string {
  const { k, m, language, critiqueStyle, temperature, topP } = summary.settings;
  const notes = [
    ...summary.skipped.map((s) => `- line ${s.line} skipped: ${s.reason}`),
    ...summary.excluded.map((e) => `- ${e.id} not run: ${e.reason}`),
    ...summary.unfinished.map((id) => `- ${id} unfinished: rerun the same command to continue`),
  ];
  return [
    `# critique-lab eval: ${summary.model} at ${summary.endpoint}`,
    '',
    `k = ${k}, m = ${m}, ${language}, critique style ${critiqueStyle}, temperature ${temperature}, top-p ${topP}.`,
    'pass@1|select@k is the correctness of the candidate each strategy picks (an expectation for random choices); means are over problems; critique accuracy is pooled over all critiques.',
    '',
    ...problemsTable(summary),
    ...groupsTable('difficulty', summary.byDifficulty, summary),
    ...groupsTable('platform', summary.byPlatform, summary),
    ...verdictsTable(summary),
    ...(notes.length > 0 ? ['', `## Not run (${notes.length})`, '', ...notes] : []),
    '',
    'Strategies: ' + SELECTION_STRATEGIES.map((s) => `${s} = ${STRATEGY_LABEL[s]}`).join('; ') + '.',
    '',
  ].join('\n');
}
