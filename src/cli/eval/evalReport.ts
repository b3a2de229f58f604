/**
 * report.html: the eval as one self-contained page (no script, no external file) for a
 * researcher to put beside the paper — the curves of pass@1, pass@1|select@k and pass@k against k
 * for every strategy, per-difficulty and per-platform tables, critique accuracy with its confusion
 * matrix per difficulty, and a row per problem linking to its run record (beside the report).
 */
import type { Confusion } from '../../core/metrics/metricsSchema';
import { SELECTION_STRATEGIES, STRATEGY_LABEL } from '../../core/selection/selectionStrategy';
import { curvesSvg } from './evalCurvesSvg';
import { pct } from './evalMarkdown';
import type { AggregateRow, EvalSummary, GroupStats } from '../../core/results/evalSummary';
import { escapeHtml as escape } from './htmlEscape';

const STYLE = `
:root { color-scheme: light dark; font: 15px/1.45 system-ui, sans-serif; }
body { max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); padding: 0.25rem 0.6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.scroll { overflow-x: auto; }
svg { max-width: 100%; height: auto; font-size: 12px; fill: currentColor; }
svg .grid { stroke: currentColor; stroke-opacity: 0.15; }
.figure { max-width: 640px; }
.legend { list-style: none; padding: 0; margin: 0.25rem 0 1rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; font-size: 0.9rem; }
.legend svg { vertical-align: middle; margin-right: 0.4rem; }
`;

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${escape(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table></div>`;
}

function statCells(g: Pick<GroupStats, 'passAt1' | 'passAtK' | 'selectAtK' | 'critiqueAccuracy'>): string[] {
  return [pct(g.passAt1), pct(g.passAtK), ...SELECTION_STRATEGIES.map((s) => pct(g.selectAtK[s])), pct(g.critiqueAccuracy)];
}

function groupsTable(title: string, groups: Record<string, GroupStats>, all: GroupStats, k: number): string {
  const head = [title, 'problems', 'pass@1', `pass@${k}`, ...SELECTION_STRATEGIES.map((s) => `select@${k}: ${s}`), 'critique acc.'];
  const rows = [...Object.entries(groups), ['all', all] as const].map(([name, g]) => [escape(name), String(g.problems), ...statCells(g)]);
  return table(head, rows);
}

function confusionCells(c: Confusion): string[] {
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  const accuracy = total > 0 ? (c.rightCorrect + c.wrongIncorrect) / total : null;
  return [
    String(c.rightCorrect),
    String(c.rightIncorrect),
    String(c.wrongCorrect),
    String(c.wrongIncorrect),
    String(c.noVerdict),
    pct(accuracy),
  ];
}

function confusionTable(summary: EvalSummary): string {
  const head = [
    'difficulty',
    'judged right, correct',
    'judged right, incorrect',
    'judged wrong, correct',
    'judged wrong, incorrect',
    'no verdict',
    'accuracy',
  ];
  const rows = [...Object.entries(summary.byDifficulty), ['all', summary.mean] as const].map(([name, g]) => [
    escape(name),
    ...confusionCells(g.confusion),
  ]);
  return table(head, rows);
}

function problemRow(r: AggregateRow): string[] {
  return [
    `<a href="${escape(encodeURI(r.file))}">${escape(r.problem)}</a>`,
    escape(r.facts?.platform ?? '—'),
    escape(r.facts?.difficulty ?? '—'),
    escape(r.status),
    `${r.correct}/${r.n}`,
    ...statCells(r),
  ];
}

export function reportHtml(summary: EvalSummary): string {
  const { k, m, language, critiqueStyle, temperature, topP } = summary.settings;
  const problemHead = [
    'problem',
    'platform',
    'difficulty',
    'status',
    'correct/n',
    'pass@1',
    `pass@${k}`,
    ...SELECTION_STRATEGIES.map((s) => `select@${k}: ${s}`),
    'critique acc.',
  ];
  const notRun = [
    ...summary.skipped.map((s) => `line ${s.line} skipped: ${s.reason}`),
    ...summary.excluded.map((e) => `${e.id} not run: ${e.reason}`),
    ...summary.unfinished.map((id) => `${id} unfinished: rerun the same command to continue`),
  ];
  const title = `critique-lab eval: ${summary.model}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escape(title)}</h1>
<p>${escape(summary.endpoint)} · k = ${k}, m = ${m}, ${escape(language)}, critique style ${escape(critiqueStyle)}, temperature ${temperature}, top-p ${topP} · ${summary.mean.problems} problems.</p>
<h2>Test-time scaling</h2>
<div class="figure">${curvesSvg(summary.curves)}</div>
<p>Each point averages, over problems, the exact mean over every subset of k of a problem's candidates (unbiased estimators). pass@1|select@k: correctness of the candidate a strategy submits. ${SELECTION_STRATEGIES.map((s) => `<b>${escape(s)}</b>: ${escape(STRATEGY_LABEL[s])}`).join('; ')}.</p>
<h2>By difficulty</h2>
${groupsTable('difficulty', summary.byDifficulty, summary.mean, k)}
<h2>By platform</h2>
${groupsTable('platform', summary.byPlatform, summary.mean, k)}
<h2>Critique accuracy</h2>
${confusionTable(summary)}
<h2>Problems</h2>
<p>Each problem links to its run record; open it in the app (Demo → Import run) to see every candidate, critique and verdict.</p>
${table(problemHead, summary.rows.map(problemRow))}
${notRun.length > 0 ? `<h2>Not run (${notRun.length})</h2><ul>${notRun.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
