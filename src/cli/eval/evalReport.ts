/**
 * report.html: the eval as one self-contained page (no script, no external file) for a
 * researcher to put beside the paper — the curves of pass@1, pass@1|select@k and pass@k against k
 * for every strategy, per-difficulty and per-platform tables, critique accuracy with its confusion
 * matrix per difficulty, and a row per problem linking to its run record (beside the report).
 */
import { SELECTION_STRATEGIES, STRATEGY_LABEL } from '../../core/selection/selectionStrategy';
import { curvesSvg } from './evalCurvesSvg';
import { cellText } from './evalMarkdown';
import type { EvalSummary, GroupStats } from '../../core/results/evalSummary';
import { confusionTable, groupTable, problemTable, type SummaryRow, type SummaryTable } from '../../core/results/summaryTables';
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

/** `label` gives each row's first cell as HTML (a link, or the escaped label). */
function table<Row extends SummaryRow>(t: SummaryTable<Row>, rows: readonly Row[], label: (row: Row) => string): string {
  const th = [t.label, ...t.columns.map((c) => c.label)].map((h) => `<th>${escape(h)}</th>`).join('');
  const trs = rows
    .map((r) => `<tr>${[label(r), ...r.cells.map((c) => escape(cellText(c)))].map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table></div>`;
}

const named = (row: SummaryRow): string => escape(row.label);

/** Each group and then all problems. */
function groupsTable(title: string, groups: Record<string, GroupStats>, summary: EvalSummary): string {
  const t = groupTable(title, groups, summary.mean, summary.settings.k);
  return table(t, [...t.rows, t.total], named);
}

function verdictsTable(summary: EvalSummary): string {
  const t = confusionTable(summary);
  return table(t, [...t.rows, t.total], named);
}

/** A row per problem, its name linking to its run record; the means are in the group tables' "all" rows. */
function problemsTable(summary: EvalSummary): string {
  const t = problemTable(summary);
  return table(t, t.rows, (r) => `<a href="${escape(encodeURI(r.file))}">${escape(r.label)}</a>`);
}

export function reportHtml(summary: EvalSummary): string {
  const { k, m, language, critiqueStyle, temperature, topP } = summary.settings;
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
${groupsTable('difficulty', summary.byDifficulty, summary)}
<h2>By platform</h2>
${groupsTable('platform', summary.byPlatform, summary)}
<h2>Critique accuracy</h2>
${verdictsTable(summary)}
<h2>Problems</h2>
<p>Each problem links to its run record; open it in the app (Demo → Import run) to see every candidate, critique and verdict.</p>
${problemsTable(summary)}
${notRun.length > 0 ? `<h2>Not run (${notRun.length})</h2><ul>${notRun.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
