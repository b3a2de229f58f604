/**
 * `critique-lab eval`: the browser's pipeline in Node, over a folder of Kattis problem packages,
 * against any OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama). For people who outgrow
 * one browser: k and m as large as the server allows, many problems, records the app imports.
 *
 * Writes, into --out: one run record per problem (`<problem>.run.json`, the app's import format,
 * byte-identical on re-export), `metrics.json`, and `metrics.md` (also printed): pass@1, pass@k,
 * pass@1|select@k per selection strategy, critique accuracy — per problem and averaged.
 * Exit status: 0 when every run completed, 1 when any failed or was interrupted, 2 usage errors.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunRecord } from '../core/record/runRecord';
import type { Confusion } from '../core/metrics/runMetrics';
import { serializeRunRecord } from '../core/record/runRecordCodec';
import { DEFAULT_RUN_SETTINGS, RUN_PRESETS, RunSettingsSchema, type RunSettings } from '../core/record/runSettings';
import { ASSUMED_TOKENS_PER_SECOND, presetStillInUse, presetValues, withPreset, type RunPresetId } from '../core/record/runPresets';
import { runPipeline } from '../core/pipeline/pipeline';
import type { PipelineEvent } from '../core/pipeline/pipelineEvent';
import { SELECTION_STRATEGIES, STRATEGY_LABEL, type SelectionStrategyId } from '../core/selection/selectionStrategy';
import { EndpointError } from '../engines/endpointError';
import { OpenAIEngine } from '../engines/openai';
import { networkNamespaceAvailable, NetworkIsolationUnavailableError } from '../exec/node/networkIsolation';
import { createNodeExecutor } from '../exec/node/nodeExecutor';
import type { NetworkPolicy } from '../exec/node/sandboxProcess';
import { readProblemDir } from '../exec/node/problemDir';
import { resolveTimeLimit } from '../exec/timeLimitDerivation';
import type { Subcommand } from './subcommand';

/** OCR-2's context window (docs/method.md), assumed for --preset paper unless told otherwise. */
const EVAL_CONTEXT_WINDOW = 65536;

const USAGE =
  'critique-lab eval --endpoint URL --model NAME --problems DIR --k K --m M --out DIR\n' +
  '       [--api-key KEY] [--language python|cpp] [--critique-style ocr2|critique-coder] [--temperature 0.6] [--top-p 0.95]\n' +
  '       [--max-tokens N] [--critique-max-tokens N] [--thinking-budget N] [--critique-thinking-budget N]\n' +
  '       [--concurrency N] [--order paper|interleaved] [--seed N] [--template-opens-think] [--quiet] [--allow-network]\n' +
  '       [--preset paper|quick] [--context-window N]';

const HELP = `${USAGE}

  --endpoint   OpenAI-compatible base URL, e.g. http://localhost:8000/v1 (a bare origin gets /v1)
  --model      model name the server serves (see GET /v1/models)
  --problems   a Kattis problem package, or a folder of them
  --k / --m    candidates per problem / critiques per candidate
  --out        folder for run records and the metrics table
  --api-key    bearer token (default: $OPENAI_API_KEY when set)
  --concurrency  requests in flight at once (default: k)
  --template-opens-think  the model's chat template opens <think> (output starts inside the trace)
  --allow-network  run candidates even where this system cannot cut them off the network
                   (they still get no files, processes or workers)
  --preset     start from a preset (flags given override its values): paper = k 10, temperature
               0.6, top-p 0.95, no thinking budget, max tokens = context window − 4096; quick = k 4,
               thinking budgets for about ten minutes at ${ASSUMED_TOKENS_PER_SECOND} tokens/s
  --context-window  the served model's context window, for --preset paper (default ${EVAL_CONTEXT_WINDOW})`;

export interface AggregateRow {
  problem: string;
  status: RunRecord['status'];
  n: number;
  correct: number;
  passAt1: number | null;
  passAtK: number | null;
  selectAtK: Partial<Record<SelectionStrategyId, number | null>>;
  critiqueAccuracy: number | null;
  confusion: Confusion | null;
}

export interface EvalSummary {
  endpoint: string;
  model: string;
  settings: RunSettings;
  rows: AggregateRow[];
  mean: Omit<AggregateRow, 'problem' | 'status' | 'confusion'> & { problems: number; confusion: Confusion };
}

function mean(values: (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number');
  return v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

export function summarize(records: RunRecord[], endpoint: string, model: string, settings: RunSettings): EvalSummary {
  const rows: AggregateRow[] = records.map((r) => ({
    problem: r.problem.id,
    status: r.status,
    n: r.metrics?.n ?? 0,
    correct: r.metrics?.correct ?? 0,
    passAt1: r.metrics?.passAt1 ?? null,
    passAtK: r.metrics?.passAtK ?? null,
    selectAtK: Object.fromEntries(SELECTION_STRATEGIES.map((s) => [s, r.metrics?.selectAtK[s] ?? null])),
    critiqueAccuracy: r.metrics?.critiqueAccuracy ?? null,
    confusion: r.metrics?.confusion ?? null,
  }));
  const confusion: Confusion = { rightCorrect: 0, rightIncorrect: 0, wrongCorrect: 0, wrongIncorrect: 0, noVerdict: 0 };
  for (const row of rows) {
    if (!row.confusion) continue;
    for (const key of Object.keys(confusion) as (keyof Confusion)[]) confusion[key] += row.confusion[key];
  }
  const critiques = Object.values(confusion).reduce((a, b) => a + b, 0);
  return {
    endpoint,
    model,
    settings,
    rows,
    mean: {
      problems: rows.length,
      n: rows.reduce((a, r) => a + r.n, 0),
      correct: rows.reduce((a, r) => a + r.correct, 0),
      passAt1: mean(rows.map((r) => r.passAt1)),
      passAtK: mean(rows.map((r) => r.passAtK)),
      selectAtK: Object.fromEntries(SELECTION_STRATEGIES.map((s) => [s, mean(rows.map((r) => r.selectAtK[s]))])),
      // Pooled over all critiques (each critique counts once), as the per-run metric does.
      critiqueAccuracy: critiques > 0 ? (confusion.rightCorrect + confusion.wrongIncorrect) / critiques : null,
      confusion,
    },
  };
}

const pct = (v: number | null | undefined): string => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—');

export function metricsMarkdown(summary: EvalSummary): string {
  const k = summary.settings.k;
  const strategies = SELECTION_STRATEGIES;
  const head = ['problem', 'status', 'correct/n', 'pass@1', `pass@${k}`, ...strategies.map((s) => `select@${k}: ${s}`), 'critique acc.'];
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const rows = summary.rows.map((r) =>
    line([r.problem, r.status, `${r.correct}/${r.n}`, pct(r.passAt1), pct(r.passAtK), ...strategies.map((s) => pct(r.selectAtK[s])), pct(r.critiqueAccuracy)]),
  );
  const m = summary.mean;
  const c = m.confusion;
  return [
    `# critique-lab eval: ${summary.model} at ${summary.endpoint}`,
    '',
    `k = ${k}, m = ${summary.settings.m}, ${summary.settings.language}, critique style ${summary.settings.critiqueStyle}, temperature ${summary.settings.temperature}, top-p ${summary.settings.topP}.`,
    'pass@1|select@k is the correctness of the candidate each strategy picks (an expectation for random choices); means are over problems; critique accuracy is pooled over all critiques.',
    '',
    line(head),
    line(head.map(() => '---')),
    ...rows,
    line([`**mean of ${m.problems}**`, '', `${m.correct}/${m.n}`, pct(m.passAt1), pct(m.passAtK), ...strategies.map((s) => pct(m.selectAtK[s])), pct(m.critiqueAccuracy)]),
    '',
    `Critiques: judged right & correct ${c.rightCorrect}, right & incorrect ${c.rightIncorrect}, wrong & correct ${c.wrongCorrect}, wrong & incorrect ${c.wrongIncorrect}, no verdict ${c.noVerdict}.`,
    '',
    'Strategies: ' + strategies.map((s) => `${s} = ${STRATEGY_LABEL[s]}`).join('; ') + '.',
    '',
  ].join('\n');
}

/** Package folders under `dir` (or `dir` itself when it is one), in name order. */
export async function findProblemDirs(dir: string): Promise<string[]> {
  const root = resolve(dir);
  const isPackage = async (d: string): Promise<boolean> => (await stat(join(d, 'problem.yaml')).catch(() => null))?.isFile() ?? false;
  if (await isPackage(root)) return [root];
  const entries = await readdir(root, { withFileTypes: true });
  const dirs: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && (await isPackage(join(root, e.name)))) dirs.push(join(root, e.name));
  }
  return dirs;
}

type Flags = Record<string, string | boolean | undefined>;

const FLAG_OPTIONS = {
  endpoint: { type: 'string' },
  model: { type: 'string' },
  problems: { type: 'string' },
  k: { type: 'string' },
  m: { type: 'string' },
  out: { type: 'string' },
  'api-key': { type: 'string' },
  language: { type: 'string' },
  'critique-style': { type: 'string' },
  temperature: { type: 'string' },
  'top-p': { type: 'string' },
  'max-tokens': { type: 'string' },
  'critique-max-tokens': { type: 'string' },
  'thinking-budget': { type: 'string' },
  'critique-thinking-budget': { type: 'string' },
  concurrency: { type: 'string' },
  order: { type: 'string' },
  seed: { type: 'string' },
  'template-opens-think': { type: 'boolean' },
  quiet: { type: 'boolean' },
  'allow-network': { type: 'boolean' },
  preset: { type: 'string' },
  'context-window': { type: 'string' },
} as const;

const REQUIRED = ['endpoint', 'model', 'problems', 'k', 'm', 'out'] as const;

/** A usage error: printed with the usage line, exit status 2. */
class UsageError extends Error {}

function numberFlag(values: Flags, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got ${String(v)})`);
  return n;
}

function parseFlags(args: string[]): Flags {
  let values: Flags;
  try {
    values = parseArgs({ args, options: FLAG_OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // A preset says k.
  const missing = REQUIRED.filter((f) => values[f] === undefined && !(f === 'k' && values.preset !== undefined));
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  return values;
}

/** Run settings from the flags, on top of the app's defaults. */
export function settingsFromFlags(values: Flags): RunSettings {
  const preset = values.preset;
  if (preset !== undefined && !RUN_PRESETS.includes(preset as RunPresetId)) throw new UsageError(`--preset must be one of ${RUN_PRESETS.join(', ')}`);
  const m = numberFlag(values, 'm', DEFAULT_RUN_SETTINGS.m);
  const context = { contextWindow: numberFlag(values, 'context-window', EVAL_CONTEXT_WINDOW), tokensPerSecond: null };
  const base = preset ? withPreset({ ...DEFAULT_RUN_SETTINGS, m }, preset as RunPresetId, context) : DEFAULT_RUN_SETTINGS;
  const k = numberFlag(values, 'k', base.k);
  const budget = values['thinking-budget'];
  const critiqueBudget = values['critique-thinking-budget'];
  const settings = {
    ...base,
    k,
    m,
    language: values.language ?? base.language,
    critiqueStyle: values['critique-style'] ?? base.critiqueStyle,
    temperature: numberFlag(values, 'temperature', base.temperature),
    topP: numberFlag(values, 'top-p', base.topP),
    maxTokens: numberFlag(values, 'max-tokens', base.maxTokens),
    critiqueMaxTokens: numberFlag(values, 'critique-max-tokens', base.critiqueMaxTokens),
    thinkingBudget: budget === undefined ? base.thinkingBudget : numberFlag(values, 'thinking-budget', 0),
    critiqueThinkingBudget: critiqueBudget === undefined ? base.critiqueThinkingBudget : numberFlag(values, 'critique-thinking-budget', 0),
    order: values.order ?? base.order,
    concurrency: numberFlag(values, 'concurrency', k),
    seed: numberFlag(values, 'seed', base.seed),
  };
  // The record names the preset only when no flag changed a value it set.
  const parsed = RunSettingsSchema.safeParse(preset ? presetStillInUse(settings as RunSettings, presetValues(preset as RunPresetId, m, context)) : settings);
  if (!parsed.success) throw new UsageError(`invalid settings: ${parsed.error.message}`);
  return parsed.data;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** One progress line per finished generation, judgement and critique. */
function progressLine(e: PipelineEvent): string | null {
  if (e.type === 'generation-done') {
    const g = e.generation;
    return `  candidate ${e.candidate + 1}: ${g.program === null ? 'no program' : `${g.usage.reasoningTokens}+${g.usage.answerTokens} tokens`}${g.error ? ` (${g.error})` : ''}`;
  }
  if (e.type === 'execution-done') return `  candidate ${e.candidate + 1}: ${e.execution.result.verdict}`;
  if (e.type === 'critique-done') return `  critique ${e.critique + 1} of candidate ${e.candidate + 1}: ${e.record.verdict}`;
  return null;
}

interface EvalPlan {
  problemDirs: string[];
  outDir: string;
  engine: OpenAIEngine;
  model: string;
  settings: RunSettings;
  quiet: boolean;
  network: NetworkPolicy;
}

/** Runs every problem in turn, writing each record as it finishes; Ctrl-C keeps what ran. */
async function runProblems(plan: EvalPlan, signal: AbortSignal): Promise<RunRecord[]> {
  const executor = createNodeExecutor({ network: plan.network });
  const records: RunRecord[] = [];
  try {
    for (const dir of plan.problemDirs) {
      if (signal.aborted) break;
      let problem;
      try {
        const resolution = await resolveTimeLimit(executor, await readProblemDir(dir), signal);
        problem = resolution.problem;
        if (!plan.quiet) log(`${problem.id}: ${resolution.explanation}`);
      } catch (error) {
        if (signal.aborted) break;
        log(`skip ${dir}: ${(error as Error).message}`);
        continue;
      }
      if (!plan.quiet) log(`${problem.id}: k=${plan.settings.k} m=${plan.settings.m} …`);
      const record = await runPipeline({
        problem,
        engine: plan.engine,
        executor,
        settings: plan.settings,
        model: { id: plan.model, label: plan.model },
        provenance: { kind: 'live', note: `critique-lab eval: ${plan.model} at ${plan.engine.baseUrl}` },
        endpoint: plan.engine.baseUrl,
        signal,
        onEvent: plan.quiet ? undefined : (e) => {
          const line = progressLine(e);
          if (line) log(line);
        },
      });
      records.push(record);
      await writeFile(join(plan.outDir, `${problem.id}.run.json`), serializeRunRecord(record));
      if (!plan.quiet) log(`  → ${record.status}${record.error ? `: ${record.error}` : ''}; pass@1 ${pct(record.metrics?.passAt1)}`);
    }
  } finally {
    await executor.dispose();
  }
  return records;
}

/** Everything a run needs from the flags, the problem folder and the server; throws UsageError. */
async function planEval(values: Flags): Promise<EvalPlan> {
  const settings = settingsFromFlags(values);
  const network: NetworkPolicy = values['allow-network'] === true ? 'open' : 'isolated';
  // Refuse before any request is made: the server's answers are programs that will run here.
  if (network === 'isolated' && !networkNamespaceAvailable()) throw new UsageError(new NetworkIsolationUnavailableError().message);
  const problems = String(values.problems);
  const problemDirs = await findProblemDirs(problems).catch((e: unknown) => {
    throw new UsageError(`cannot read ${problems}: ${(e as Error).message}`);
  });
  if (problemDirs.length === 0) throw new UsageError(`no problem packages (folders with problem.yaml) in ${problems}`);
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
  return { problemDirs, outDir, engine, model, settings, quiet: values.quiet === true, network };
}

export const evalCommand: Subcommand = {
  summary: 'Run the self-critique pipeline over a folder of problem packages against an OpenAI-compatible server; write run records and a metrics table.',
  usage: HELP,
  async run(args) {
    let plan: EvalPlan;
    try {
      plan = await planEval(parseFlags(args));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      log(`critique-lab eval: ${error.message}\nusage: ${USAGE}`);
      return 2;
    }
    const controller = new AbortController();
    const onSigint = (): void => {
      log('\ninterrupted: finishing the records of what ran…');
      controller.abort();
    };
    process.once('SIGINT', onSigint);
    let records: RunRecord[];
    try {
      records = await runProblems(plan, controller.signal);
    } finally {
      process.off('SIGINT', onSigint);
    }
    const summary = summarize(records, plan.engine.baseUrl, plan.model, plan.settings);
    const table = metricsMarkdown(summary);
    await writeFile(join(plan.outDir, 'metrics.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(join(plan.outDir, 'metrics.md'), table);
    process.stdout.write(table);
    return records.length > 0 && records.every((r) => r.status === 'complete') && !controller.signal.aborted ? 0 : 1;
  },
};
