/** metrics.md (also printed): the eval summary as Markdown tables. */
import type { Confusion } from '../../core/metrics/metricsSchema';
import { SELECTION_STRATEGIES, STRATEGY_LABEL } from '../../core/selection/selectionStrategy';
import type { EvalSummary, GroupStats } from '../../core/results/evalSummary';

export const pct = (v: number | null | undefined): string => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—');

const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;

function table(head: string[], rows: string[][]): string[] {
  return [line(head), line(head.map(() => '---')), ...rows.map(line)];
}

function groupTable(title: string, groups: Record<string, GroupStats>, k: number): string[] {
  const names = Object.keys(groups);
  if (names.length === 0) return [];
  const head = [title, 'problems', `pass@1`, `pass@${k}`, ...SELECTION_STRATEGIES.map((s) => `select@${k}: ${s}`), 'critique acc.'];
  const rows = names.map((name) => {
    const g = groups[name]!;
    return [
      name,
      String(g.problems),
      pct(g.passAt1),
      pct(g.passAtK),
      ...SELECTION_STRATEGIES.map((s) => pct(g.selectAtK[s])),
      pct(g.critiqueAccuracy),
    ];
  });
  return ['', ...table(head, rows)];
}

function confusionLine(c: Confusion): string[] {
  return [String(c.rightCorrect), String(c.rightIncorrect), String(c.wrongCorrect), String(c.wrongIncorrect), String(c.noVerdict)];
}

function confusionTable(summary: EvalSummary): string[] {
  const head = ['critiques of', 'right & correct', 'right & incorrect', 'wrong & correct', 'wrong & incorrect', 'no verdict'];
  const rows = [
    ...Object.entries(summary.byDifficulty).map(([name, g]) => [name, ...confusionLine(g.confusion)]),
    ['all', ...confusionLine(summary.mean.confusion)],
  ];
  return ['', '## Critique verdicts against ground truth', '', ...table(head, rows)];
}

export function metricsMarkdown(summary: EvalSummary): string {
  const { k, m, language, critiqueStyle, temperature, topP } = summary.settings;
  const head = [
    'problem',
    'status',
    'correct/n',
    'pass@1',
    `pass@${k}`,
    ...SELECTION_STRATEGIES.map((s) => `select@${k}: ${s}`),
    'critique acc.',
  ];
  const rows = summary.rows.map((r) => [
    r.problem,
    r.status,
    `${r.correct}/${r.n}`,
    pct(r.passAt1),
    pct(r.passAtK),
    ...SELECTION_STRATEGIES.map((s) => pct(r.selectAtK[s])),
    pct(r.critiqueAccuracy),
  ]);
  const mean = summary.mean;
  rows.push([
    `**mean of ${mean.problems}**`,
    '',
    `${mean.correct}/${mean.n}`,
    pct(mean.passAt1),
    pct(mean.passAtK),
    ...SELECTION_STRATEGIES.map((s) => pct(mean.selectAtK[s])),
    pct(mean.critiqueAccuracy),
  ]);
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
    ...table(head, rows),
    ...groupTable('difficulty', summary.byDifficulty, k),
    ...groupTable('platform', summary.byPlatform, k),
    ...confusionTable(summary),
    ...(notes.length > 0 ? ['', `## Not run (${notes.length})`, '', ...notes] : []),
    '',
    'Strategies: ' + SELECTION_STRATEGIES.map((s) => `${s} = ${STRATEGY_LABEL[s]}`).join('; ') + '.',
    '',
  ].join('\n');
}
