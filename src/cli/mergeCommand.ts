/**
 * `critique-lab merge OUT1 OUT2 … --out ALL`: joins the outputs of `eval --shard i/N` runs into
 * one — the run records copied, the metrics recomputed from them — equal to the output of a
 * single run over every problem. Refuses outputs of different runs (model or settings differ) and
 * a problem that appears in two of them.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseRunRecord } from '../core/record/runRecordCodec';
import { identityDifferences } from './eval/evalJournal';
import { writeEvalOutputs } from './eval/evalOutputs';
import { METRICS_FILE } from '../core/results/evalOutputFiles';
import { summarize, type EvalSummary, type SummarizedRecord } from '../core/results/evalSummary';
import type { Subcommand } from './subcommand';

const USAGE = 'critique-lab merge OUT1 OUT2 … --out ALL';

class MergeError extends Error {}

async function readSummary(dir: string): Promise<EvalSummary> {
  try {
    return JSON.parse(await readFile(join(dir, METRICS_FILE), 'utf8')) as EvalSummary;
  } catch (error) {
    throw new MergeError(`${dir} is not an eval output (${METRICS_FILE}: ${(error as Error).message})`);
  }
}

/** Model and settings must agree (per-problem request concurrency may differ: it decides no answer). */
function checkSameRun(first: EvalSummary, other: EvalSummary, dir: string): void {
  const identity = (s: EvalSummary): unknown => ({ model: s.model, settings: { ...s.settings, concurrency: undefined } });
  const differences = identityDifferences(identity(first), identity(other));
  if (differences.length > 0) throw new MergeError(`${dir} comes from a different run:\n  ${differences.join('\n  ')}`);
}

async function merge(dirs: string[], outDir: string): Promise<string> {
  const summaries = await Promise.all(dirs.map(readSummary));
  const first = summaries[0]!;
  const records: SummarizedRecord[] = [];
  const owner = new Map<string, string>();
  await mkdir(outDir, { recursive: true });
  for (const [i, summary] of summaries.entries()) {
    const dir = dirs[i]!;
    checkSameRun(first, summary, dir);
    for (const row of summary.rows) {
      const earlier = owner.get(row.problem);
      if (earlier) throw new MergeError(`problem ${row.problem} is in both ${earlier} and ${dir}`);
      owner.set(row.problem, dir);
      const record = parseRunRecord(await readFile(join(dir, row.file), 'utf8'));
      await copyFile(join(dir, row.file), join(outDir, row.file));
      records.push({ record, file: row.file, position: row.position, facts: row.facts });
    }
  }
  // Every shard reports the file's broken rows; each is listed once.
  const skipped = [...new Map(summaries.flatMap((s) => s.skipped).map((s) => [s.line, s])).values()].sort((a, b) => a.line - b.line);
  const excluded = [...new Map(summaries.flatMap((s) => s.excluded).map((e) => [e.id, e])).values()];
  // Outputs written before summaries listed unfinished problems have no such list.
  const unfinished = summaries.flatMap((s) => s.unfinished ?? []);
  const summary = summarize(records, {
    endpoint: first.endpoint,
    model: first.model,
    settings: first.settings,
    skipped,
    excluded,
    unfinished,
  });
  return writeEvalOutputs(outDir, summary);
}

export const mergeCommand: Subcommand = {
  summary: 'Merge the outputs of sharded eval runs (eval --shard i/N) into one, recomputing the metrics.',
  usage: USAGE,
  async run(args) {
    let values: { out?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true }));
      if (!values.out || positionals.length === 0) throw new Error('give the eval outputs to merge and --out');
    } catch (error) {
      process.stderr.write(`critique-lab merge: ${(error as Error).message}\nusage: ${USAGE}\n`);
      return 2;
    }
    try {
      process.stdout.write(
        await merge(
          positionals.map((d) => resolve(d)),
          resolve(values.out),
        ),
      );
      return 0;
    } catch (error) {
      if (!(error instanceof MergeError)) throw error;
      process.stderr.write(`critique-lab merge: ${error.message}\n`);
      return 2;
    }
  },
};
