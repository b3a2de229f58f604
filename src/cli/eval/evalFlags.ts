/**
 * `critique-lab eval`'s flags: the option table, the usage text, and their translation into run
 * settings and the run's other knobs. A flag is one row in FLAG_OPTIONS, one line in HELP and,
 * if it changes the run, one field read in settingsFromFlags or evalOptionsFromFlags.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_RUN_SETTINGS, RUN_LIMITS, RUN_PRESETS, RunSettingsSchema, type RunSettings } from '../../core/record/runSettings';
import { ASSUMED_TOKENS_PER_SECOND, presetStillInUse, presetValues, withPreset, type RunPresetId } from '../../core/record/runPresets';
import { DIFFICULTIES, PLATFORMS, type Difficulty, type Platform } from '../../core/problem/liveCodeBench/liveCodeBenchRow';
import type { ProblemFilter } from '../../core/problem/liveCodeBench/liveCodeBenchFile';

export const USAGE =
  'critique-lab eval --endpoint URL --model NAME --problems DIR|FILE.jsonl --k K --m M --out DIR\n' +
  '       [--api-key KEY] [--language python|cpp] [--critique-style ocr2|critique-coder] [--temperature 0.6] [--top-p 0.95]\n' +
  '       [--max-tokens N] [--critique-max-tokens N] [--thinking-budget N] [--critique-thinking-budget N]\n' +
  '       [--concurrency N] [--judges N] [--order paper|interleaved] [--seed N] [--template-opens-think]\n' +
  '       [--since DATE] [--until DATE] [--platform P[,P]] [--difficulty D[,D]] [--shard I/N]\n' +
  '       [--retries N] [--request-timeout S] [--retry-delay-ms MS] [--quiet] [--allow-network]\n' +
  '       [--preset paper|quick] [--context-window N]';

/** OCR-2's context window (docs/method.md), assumed for --preset paper unless told otherwise. */
const EVAL_CONTEXT_WINDOW = 65536;

export const HELP = `${USAGE}

  --endpoint   OpenAI-compatible base URL, e.g. http://localhost:8000/v1 (a bare origin gets /v1)
  --model      model name the server serves (see GET /v1/models)
  --problems   a Kattis problem package, a folder of them, or a LiveCodeBench .jsonl file
               (code_generation_lite rows; see docs/eval.md)
  --k / --m    candidates per problem (up to ${RUN_LIMITS.k}) / critiques per candidate (up to ${RUN_LIMITS.m})
  --out        folder for the journal, run records, metrics and report.html; rerunning the
               same command with the same --out continues an interrupted run
  --api-key    bearer token (default: $OPENAI_API_KEY when set)
  --concurrency  model requests in flight at once, over all problems (default: k)
  --judges     sandboxed processes judging candidates at once (default: cores − 1)
  --since / --until  LiveCodeBench rows with contest_date ≥ since and < until (ISO dates)
  --platform / --difficulty  LiveCodeBench rows of these platforms / difficulties (comma-separated)
  --shard I/N  run only the I-th of N deterministic slices of the problems (merge with critique-lab merge)
  --retries    retries of a request after 429, 5xx, a dropped stream or a time-out (default 5)
  --request-timeout  seconds one request may take (default 1800)
  --retry-delay-ms   first back-off (default 2000; doubles per retry, at most 60 s)
  --template-opens-think  the model's chat template opens <think> (output starts inside the trace)
  --allow-network  run candidates even where this system cannot cut them off the network
                   (they still get no files, processes or workers)
  --preset     start from a preset (flags given override its values): paper = k 10, temperature
               0.6, top-p 0.95, no thinking budget, max tokens = context window − 4096; quick = k 4,
               thinking budgets for about ten minutes at ${ASSUMED_TOKENS_PER_SECOND} tokens/s
  --context-window  the served model's context window, for --preset paper (default ${EVAL_CONTEXT_WINDOW})`;

export type Flags = Record<string, string | boolean | undefined>;

export const FLAG_OPTIONS = {
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
  judges: { type: 'string' },
  order: { type: 'string' },
  seed: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  platform: { type: 'string' },
  difficulty: { type: 'string' },
  shard: { type: 'string' },
  retries: { type: 'string' },
  'request-timeout': { type: 'string' },
  'retry-delay-ms': { type: 'string' },
  'template-opens-think': { type: 'boolean' },
  quiet: { type: 'boolean' },
  'allow-network': { type: 'boolean' },
  preset: { type: 'string' },
  'context-window': { type: 'string' },
} as const;

const REQUIRED = ['endpoint', 'model', 'problems', 'k', 'm', 'out'] as const;

/** A usage error: printed with the usage line, exit status 2. */
export class UsageError extends Error {}

export function numberFlag(values: Flags, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got ${String(v)})`);
  return n;
}

export function parseFlags(args: string[]): Flags {
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

/** Run settings from the flags, on top of the app's defaults or a preset's values. */
export function settingsFromFlags(values: Flags): RunSettings {
  const preset = values.preset;
  if (preset !== undefined && !RUN_PRESETS.includes(preset as RunPresetId))
    throw new UsageError(`--preset must be one of ${RUN_PRESETS.join(', ')}`);
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
    // Per problem: the pipeline's own cap. The eval-wide cap is --concurrency (evalOptionsFromFlags).
    concurrency: Math.min(RUN_LIMITS.concurrency, numberFlag(values, 'concurrency', k)),
    seed: numberFlag(values, 'seed', base.seed),
  };
  // The record names the preset only when no flag changed a value it set.
  const parsed = RunSettingsSchema.safeParse(
    preset ? presetStillInUse(settings as RunSettings, presetValues(preset as RunPresetId, m, context)) : settings,
  );
  if (!parsed.success) throw new UsageError(`invalid settings: ${parsed.error.message}`);
  return parsed.data;
}

function dateFlag(values: Flags, name: string): Date | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const date = new Date(String(v));
  if (Number.isNaN(date.getTime())) throw new UsageError(`--${name} must be an ISO date such as 2024-08-01 (got ${String(v)})`);
  return date;
}

function listFlag<T extends string>(values: Flags, name: string, allowed: readonly T[]): T[] | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const items = String(v)
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length > 0 || items.length === 0)
    throw new UsageError(`--${name} takes ${allowed.join(', ')} (comma-separated); got ${String(v)}`);
  return items as T[];
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

function shardFlag(values: Flags): Shard | null {
  const v = values.shard;
  if (v === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(String(v));
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/4 (got ${String(v)})`);
  return { index, count };
}

function positiveInteger(values: Flags, name: string, fallback: number, min = 1): number {
  const n = numberFlag(values, name, fallback);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min} (got ${String(values[name])})`);
  return n;
}

/** Everything but the run settings: what to run, where, and how hard to push. */
export interface EvalOptions {
  filter: ProblemFilter;
  shard: Shard | null;
  concurrency: number;
  /** Judging processes; undefined = the executor's default (cores − 1). */
  judges: number | undefined;
  retries: number;
  requestTimeoutMs: number;
  retryDelayMs: number;
}

export function evalOptionsFromFlags(values: Flags, settings: RunSettings): EvalOptions {
  const platforms = listFlag<Platform>(values, 'platform', PLATFORMS);
  const difficulties = listFlag<Difficulty>(values, 'difficulty', DIFFICULTIES);
  const since = dateFlag(values, 'since');
  const until = dateFlag(values, 'until');
  return {
    filter: {
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(platforms ? { platforms } : {}),
      ...(difficulties ? { difficulties } : {}),
    },
    shard: shardFlag(values),
    concurrency: positiveInteger(values, 'concurrency', settings.k),
    judges: values.judges === undefined ? undefined : positiveInteger(values, 'judges', 1),
    retries: positiveInteger(values, 'retries', 5, 0),
    requestTimeoutMs: positiveInteger(values, 'request-timeout', 1800) * 1000,
    retryDelayMs: positiveInteger(values, 'retry-delay-ms', 2000, 0),
  };
}
