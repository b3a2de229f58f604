/**
 * `critique-lab eval`: the browser's pipeline in Node, over Kattis problem packages or a
 * LiveCodeBench file, against any OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama).
 * For people who outgrow one browser: k up to 100, many problems, hours of generation.
 *
 * Writes, into --out: `journal.jsonl` (every answered request and verdict as it lands: a rerun of
 * the same command continues an interrupted run, eval/evalJournal.ts), one run record per problem
 * (`<problem>.run.json`, the app's import format), `metrics.json`, `metrics.md` (also printed) and
 * `report.html` (docs/eval.md). The parts live in eval/: flags, problem sources, the journaled
 * engine and executor, the runner, progress, summary and report.
 * Exit status: 0 when every problem finished with every request answered, 1 otherwise (rerun to
 * continue), 2 usage errors.
 */
import { setMaxListeners } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunSettings } from '../core/record/runSettings';
import { EndpointError } from '../engines/endpointError';
import { OpenAIEngine } from '../engines/openai';
import { RetryingEngine } from '../engines/retryingEngine';
import { networkNamespaceAvailable, NetworkIsolationUnavailableError } from '../exec/node/networkIsolation';
import { createNodeExecutor } from '../exec/node/nodeExecutor';
import type { NetworkPolicy } from '../exec/node/sandboxProcess';
import { EvalJournal, JournalMismatchError, type RunIdentity } from './eval/evalJournal';
import {
  evalOptionsFromFlags,
  HELP,
  parseFlags,
  settingsFromFlags,
  USAGE,
  UsageError,
  type EvalOptions,
  type Flags,
} from './eval/evalFlags';
import { writeEvalOutputs } from './eval/evalOutputs';
import { evalProblems, type EvalProblems } from './eval/evalProblems';
import { EvalProgress } from './eval/evalProgress';
import { runEvalProblems } from './eval/evalRun';
import { fullyAnswered } from '../core/results/fullyAnswered';
import { summarize } from '../core/results/evalSummary';
import { JournaledEngine } from './eval/journaledEngine';
import { JournaledExecutor } from './eval/journaledExecutor';
import { RequestSlots } from './eval/requestSlots';
import type { Subcommand } from './subcommand';

export { settingsFromFlags } from './eval/evalFlags';

interface EvalPlan {
  problems: EvalProblems;
  outDir: string;
  engine: OpenAIEngine;
  model: string;
  settings: RunSettings;
  options: EvalOptions;
  identity: RunIdentity;
  quiet: boolean;
  network: NetworkPolicy;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** What decides the answers: a rerun into the same --out must match it (concurrency and the endpoint may change). */
function runIdentity(values: Flags, settings: RunSettings, options: EvalOptions, model: string): RunIdentity {
  const { concurrency: _perProblem, ...decisive } = settings;
  const { filter, shard } = options;
  return {
    model,
    settings: decisive,
    problems: resolve(String(values.problems)),
    filter: {
      since: filter.since?.toISOString() ?? null,
      until: filter.until?.toISOString() ?? null,
      platforms: filter.platforms ?? null,
      difficulties: filter.difficulties ?? null,
    },
    shard: shard ? `${shard.index}/${shard.count}` : null,
  };
}

/** Everything a run needs from the flags, the problems and the server; throws UsageError. */
async function planEval(values: Flags): Promise<EvalPlan> {
  const settings = settingsFromFlags(values);
  const options = evalOptionsFromFlags(values, settings);
  const network: NetworkPolicy = values['allow-network'] === true ? 'open' : 'isolated';
  // Refuse before any request is made: the server's answers are programs that will run here.
  if (network === 'isolated' && !networkNamespaceAvailable()) throw new UsageError(new NetworkIsolationUnavailableError().message);
  const path = String(values.problems);
  const problems = await evalProblems(path, options.filter, settings.language, options.shard).catch((e: unknown) => {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  });
  if (problems.sources.length === 0) {
    const why = [
      problems.skipped.length > 0
        ? `${problems.skipped.length} broken rows (first: line ${problems.skipped[0]!.line}: ${problems.skipped[0]!.reason})`
        : '',
      problems.filteredOut > 0 ? `${problems.filteredOut} outside the filters` : '',
      problems.excluded.length > 0 ? `${problems.excluded.length} not judgeable in ${settings.language}` : '',
    ].filter(Boolean);
    throw new UsageError(
      `no problems to run in ${path}${why.length > 0 ? `: ${why.join(', ')}` : ' (folders with problem.yaml, or a LiveCodeBench .jsonl file)'}`,
    );
  }
  const model = String(values.model);
  const apiKey = typeof values['api-key'] === 'string' ? values['api-key'] : process.env.OPENAI_API_KEY;
  const engine = new OpenAIEngine({ baseUrl: String(values.endpoint), apiKey, startInReasoning: values['template-opens-think'] === true });
  try {
    await engine.load(model);
  } catch (error) {
    throw new UsageError(error instanceof EndpointError ? error.message : String(error));
  }
  const outDir = resolve(String(values.out));
  await mkdir(outDir, { recursive: true });
  return {
    problems,
    outDir,
    engine,
    model,
    settings,
    options,
    identity: runIdentity(values, settings, options, model),
    quiet: values.quiet === true,
    network,
  };
}

/** Ctrl-C once: stop asking, let what runs settle, write what finished. Twice: leave now (the journal is whole either way). */
function onInterrupt(controller: AbortController, progress: EvalProgress): () => void {
  const handler = (): void => {
    if (controller.signal.aborted) process.exit(130);
    progress.note(
      'interrupted: stopping; the journal keeps every answer so far; rerun the same command to continue (Ctrl-C again to leave at once)',
    );
    controller.abort();
  };
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

async function runPlan(plan: EvalPlan, journal: EvalJournal): Promise<number> {
  const { settings, options, problems } = plan;
  const progress = new EvalProgress({ problems: problems.sources.length, k: settings.k, m: settings.m }, process.stderr, plan.quiet);
  for (const s of problems.skipped) progress.note(`line ${s.line} skipped: ${s.reason}`);
  for (const e of problems.excluded) progress.note(`${e.id} not run: ${e.reason}`);
  const retrying = new RetryingEngine(plan.engine, {
    retries: options.retries,
    baseDelayMs: options.retryDelayMs,
    maxDelayMs: 60_000,
    requestTimeoutMs: options.requestTimeoutMs,
    onRetry: ({ attempt, delayMs, error }) =>
      progress.note(`retry ${attempt}/${options.retries} in ${(delayMs / 1000).toFixed(1)} s: ${error.message.split('. ')[0]}`),
  });
  const engine = new JournaledEngine(retrying, journal, new RequestSlots(options.concurrency), (usage) => progress.onAnswered(usage));
  const executor = new JournaledExecutor(
    createNodeExecutor({ network: plan.network, ...(options.judges ? { concurrency: options.judges } : {}) }),
    journal,
  );
  const controller = new AbortController();
  // Every request in flight, every back-off and every judging listens to this one signal: far more than Node's default warning threshold of 10.
  setMaxListeners(0, controller.signal);
  const stopListening = onInterrupt(controller, progress);
  const lanes = Math.max(1, Math.min(problems.sources.length, Math.ceil(options.concurrency / settings.k) + 1));
  let results;
  try {
    results = await runEvalProblems(
      {
        sources: problems.sources,
        outDir: plan.outDir,
        engine,
        executor,
        journal,
        model: plan.model,
        endpoint: plan.engine.baseUrl,
        settings,
        progress,
        lanes,
      },
      controller.signal,
    );
  } finally {
    stopListening();
    progress.done();
    await executor.dispose();
  }
  const finished = new Set(results.filter((r) => fullyAnswered(r.record)).map((r) => r.position));
  const unfinished = problems.sources.filter((s) => !finished.has(s.position)).map((s) => s.id);
  const summary = summarize(results, {
    endpoint: plan.engine.baseUrl,
    model: plan.model,
    settings,
    skipped: problems.skipped,
    excluded: problems.excluded,
    unfinished,
  });
  process.stdout.write(await writeEvalOutputs(plan.outDir, summary));
  if (unfinished.length > 0)
    log(`${unfinished.length} of ${problems.sources.length} problems are not finished; rerun the same command to continue.`);
  return unfinished.length === 0 && !controller.signal.aborted ? 0 : 1;
}

export const evalCommand: Subcommand = {
  summary:
    'Run the self-critique pipeline over Kattis problem packages or a LiveCodeBench file against an OpenAI-compatible server; resumable; writes run records, metrics and an HTML report.',
  usage: HELP,
  async run(args) {
    let plan: EvalPlan;
    let journal: EvalJournal;
    try {
      plan = await planEval(parseFlags(args));
      journal = EvalJournal.open(plan.outDir, plan.identity);
    } catch (error) {
      if (!(error instanceof UsageError) && !(error instanceof JournalMismatchError)) throw error;
      log(`critique-lab eval: ${error.message}\nusage: ${USAGE}`);
      return 2;
    }
    try {
      return await runPlan(plan, journal);
    } finally {
      journal.close();
    }
  },
};
