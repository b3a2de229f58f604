/** The files an eval (or a merge) writes beside its run records: metrics.json, metrics.md, report.html. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { metricsMarkdown } from './evalMarkdown';
import { reportHtml } from './evalReport';
import type { EvalSummary } from '../../core/results/evalSummary';
import { METRICS_FILE } from '../../core/results/evalOutputFiles';

/** Writes the three files; returns the Markdown (the commands print it). */
export async function writeEvalOutputs(outDir: string, summary: EvalSummary): Promise<string> {
  const table = metricsMarkdown(summary);
  await writeFile(join(outDir, METRICS_FILE), `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(join(outDir, 'metrics.md'), table);
  await writeFile(join(outDir, 'report.html'), reportHtml(summary));
  return table;
}
