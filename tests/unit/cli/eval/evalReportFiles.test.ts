/**
 * metrics.md and report.html are written from metrics.json alone: rendering the fixture eval's
 * metrics.json (tests/fixtures/evalOutput/lcb-k2, a real `critique-lab eval`) gives back the very
 * files that eval wrote, so a change to the tables' model or their renderers shows up here as a
 * diff of those files. The report escapes what a problem file named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricsMarkdown } from '../../../../src/cli/eval/evalMarkdown';
import { reportHtml } from '../../../../src/cli/eval/evalReport';
import type { EvalSummary } from '../../../../src/core/results/evalSummary';

const DIR = 'tests/fixtures/evalOutput/lcb-k2';
const summary = JSON.parse(readFileSync(`${DIR}/metrics.json`, 'utf8')) as EvalSummary;

describe('the eval’s metrics.md and report.html', () => {
  it('are what the eval wrote beside its metrics.json', () => {
    expect(metricsMarkdown(summary)).toBe(readFileSync(`${DIR}/metrics.md`, 'utf8'));
    expect(reportHtml(summary)).toBe(readFileSync(`${DIR}/report.html`, 'utf8'));
  });

  it('escape a problem’s name and its groups’ names in the report', () => {
    const [first, ...rest] = summary.rows;
    const hostile: EvalSummary = {
      ...summary,
      rows: [{ ...first!, problem: '<img src=x>', facts: { ...first!.facts!, platform: 'a&b' as never } }, ...rest],
      byDifficulty: { '<b>hard</b>': summary.mean },
    };
    const html = reportHtml(hostile);
    expect(html).toContain('>&lt;img src=x&gt;</a>');
    expect(html).toContain('<td>a&amp;b</td>');
    expect(html).toContain('<td>&lt;b&gt;hard&lt;/b&gt;</td>');
    expect(html).not.toMatch(/<img|<b>hard/);
  });
});
