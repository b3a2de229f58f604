/**
 * Runs the pipeline over an eval's problems, several at once (the request slots keep the server's
 * load at --concurrency; judging runs beside generation in the executor's pool), and writes each
 * problem's run record as it finishes. A problem the journal marks finished is read back, not
 * rerun. A problem is marked finished only when its run completed with every request answered:
 * one whose requests failed even after retries is rerun next time, and only the failed requests
 * go to the server again.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatEngine } from '../../core/chat/chatEngine';
import type { Executor } from '../../core/judging/executor';
import { runPipeline } from '../../core/pipeline/pipeline';
import { runWithConcurrency } from '../../core/pipeline/taskPool';
import { parseRunRecord, serializeRunRecord } from '../../core/record/runRecordCodec';
import type { RunSettings } from '../../core/record/runSettings';
import type { EvalJournal } from './evalJournal';
import type { EvalProblemSource } from './evalProblems';
import type { EvalProgress } from './evalProgress';
import type { SummarizedRecord } from '../../core/results/evalSummary';
import { recordFileName } from '../../core/results/evalOutputFiles';
import { fullyAnswered } from '../../core/results/fullyAnswered';

export interface EvalRunInput {
  sources: readonly EvalProblemSource[];
  outDir: string;
  engine: ChatEngine;
  executor: Executor;
  journal: EvalJournal;
  model: string;
  endpoint: string;
  settings: RunSettings;
  progress: EvalProgress;
  /** Problems in progress at once. */
  lanes: number;
}

async function finishedEarlier(input: EvalRunInput, source: EvalProblemSource): Promise<SummarizedRecord | null> {
  const file = input.journal.finished.get(source.id);
  if (!file || !existsSync(join(input.outDir, file))) return null;
  const record = parseRunRecord(await readFile(join(input.outDir, file), 'utf8'));
  input.progress.resumed(1, record.candidates.length);
  return { record, file, position: source.position, facts: source.facts };
}

async function runOne(input: EvalRunInput, source: EvalProblemSource, signal: AbortSignal): Promise<SummarizedRecord | null> {
  const earlier = await finishedEarlier(input, source);
  if (earlier) return earlier;
  let loaded;
  try {
    loaded = await source.load(input.executor, signal);
  } catch (error) {
    if (!signal.aborted) input.progress.note(`skip ${source.id}: ${(error as Error).message}`);
    return null;
  }
  if (loaded.explanation) input.progress.note(`${source.id}: ${loaded.explanation}`);
  const record = await runPipeline({
    problem: loaded.problem,
    engine: input.engine,
    executor: input.executor,
    settings: input.settings,
    model: { id: input.model, label: input.model },
    provenance: { kind: 'live', note: `critique-lab eval: ${input.model} at ${input.endpoint}` },
    endpoint: input.endpoint,
    signal,
    onEvent: (e) => input.progress.onEvent(e),
  });
  // An interrupted problem leaves only its journal entries: the rerun redoes it from them.
  if (signal.aborted) return null;
  const file = recordFileName(source.id);
  await writeFile(join(input.outDir, file), serializeRunRecord(record));
  if (fullyAnswered(record)) input.journal.recordFinished(source.id, file);
  input.progress.problemFinished(record);
  return { record, file, position: source.position, facts: source.facts };
}

export async function runEvalProblems(input: EvalRunInput, signal: AbortSignal): Promise<SummarizedRecord[]> {
  const results: SummarizedRecord[] = [];
  await runWithConcurrency(
    input.sources.map((source) => async () => {
      if (signal.aborted) return;
      const result = await runOne(input, source, signal);
      if (result) results.push(result);
    }),
    input.lanes,
  );
  return results;
}
