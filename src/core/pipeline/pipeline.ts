/**
 * The OCR-2 self-critique loop (docs/method.md): generate k candidates, critique each m times,
 * judge each for real, select, score. Environment-free: the browser app, the CLI's `eval` and the
 * tests all drive it with their own ChatEngine and Executor.
 *
 * Model calls are scheduled by `settings.order` and `settings.concurrency`; execution starts the
 * moment a candidate's program is extracted and runs beside the model (its own workers), so the
 * audience sees ground truth arrive while critiques are still being written.
 */
import { AbortedError, type ChatEngine, type ChatMessage, type ChatUsage } from '../chat/chatEngine';
import type { Executor } from '../judging/executor';
import type { Problem } from '../problem/problem';
import type { PipelineEvent } from './pipelineEvent';
import { critiquePrompt, generationPrompt } from '../chat/prompts';
import { extractProgram } from '../modelOutput/programExtractor';
import { parseCritiqueVerdict } from '../modelOutput/verdictParser';
import {
  RUN_RECORD_VERSION,
  type CandidateRecord,
  type CritiqueRecord,
  type ExecutionRecord,
  type GenerationRecord,
  type RunRecord,
} from '../record/runRecord';
import type { RunSettings } from '../record/runSettings';
import { runWithConcurrency } from './taskPool';
import { scoreRun } from '../record/runScoring';
import type { RunPace } from './runPace';

export interface PipelineInput {
  problem: Problem;
  /** A loaded engine. */
  engine: ChatEngine;
  /** Ground truth; null runs the loop without it (metrics that need it become null). */
  executor: Executor | null;
  settings: RunSettings;
  model: RunRecord['model'];
  provenance: RunRecord['provenance'];
  endpoint?: string;
  signal?: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
  /** Injected for reproducible records in tests. */
  now?: () => Date;
  runId?: string;
  /**
   * Times the run as it goes (speed and time left, runPace.ts) and keeps the figures in the
   * record; `clock` is in ms. Left out for records that must not depend on time (recordings).
   */
  pace?: { tracker: RunPace; clock: () => number };
}

export function runPipeline(input: PipelineInput): Promise<RunRecord> {
  return new PipelineRun(input).run();
}

/** One run of the loop: the record it fills in, and the steps that fill it. */
class PipelineRun {
  private readonly record: RunRecord;
  private readonly candidates: CandidateRecord[];
  private readonly executions: Promise<void>[] = [];
  private readonly emit: (event: PipelineEvent) => void;
  private readonly now: () => Date;

  constructor(private readonly input: PipelineInput) {
    const { problem, engine, settings } = input;
    this.now = input.now ?? (() => new Date());
    const onEvent = input.onEvent ?? (() => {});
    const pace = input.pace;
    this.emit = pace
      ? (event) => {
          pace.tracker.observe(event, pace.clock());
          onEvent(event);
        }
      : onEvent;
    this.candidates = Array.from({ length: settings.k }, (_, index) => ({
      index,
      generation: emptyGeneration(settings),
      critiques: [],
      execution: null,
    }));
    this.record = {
      schemaVersion: RUN_RECORD_VERSION,
      id: input.runId ?? globalThis.crypto.randomUUID(),
      createdAt: this.now().toISOString(),
      finishedAt: null,
      provenance: input.provenance,
      problem: { id: problem.id, title: problem.title, contentHash: problem.contentHash },
      model: input.model,
      engine: input.endpoint ? { kind: engine.kind, endpoint: input.endpoint } : { kind: engine.kind },
      settings,
      candidates: this.candidates,
      selections: [],
      metrics: null,
      status: 'complete',
    };
  }

  async run(): Promise<RunRecord> {
    const { settings, signal } = this.input;
    this.emit({ type: 'run-started', runId: this.record.id, settings });
    const indices = this.candidates.map((c) => c.index);
    try {
      if (settings.order === 'paper') {
        await runWithConcurrency(
          indices.map((i) => () => this.generate(i)),
          settings.concurrency,
        );
        await runWithConcurrency(
          indices.map((i) => () => this.critique(i)),
          settings.concurrency,
        );
      } else {
        await runWithConcurrency(
          indices.map((i) => async () => {
            await this.generate(i);
            await this.critique(i);
          }),
          settings.concurrency,
        );
      }
      await Promise.all(this.executions);
    } catch (error) {
      // Let in-flight executions settle so no worker keeps running for a run nobody watches.
      await Promise.allSettled(this.executions);
      this.record.status = signal?.aborted ? 'aborted' : 'failed';
      if (!signal?.aborted) this.record.error = error instanceof Error ? error.message : String(error);
    }
    return this.finish();
  }

  /** Scores the run (selection and metrics) and closes the record. */
  private finish(): RunRecord {
    const scored = scoreRun(this.input.problem, this.record);
    this.record.selections = scored.selections;
    this.record.metrics = scored.metrics;
    this.emit({ type: 'selection', selections: this.record.selections });
    if (this.record.metrics) this.emit({ type: 'metrics', metrics: this.record.metrics });
    this.record.finishedAt = this.now().toISOString();
    if (this.input.pace) this.record.pace = this.input.pace.tracker.summary(this.input.pace.clock());
    this.emit({ type: 'run-finished', record: this.record });
    return this.record;
  }

  /** Writes candidate `index`, extracts its program, and starts judging it at once. */
  private async generate(index: number): Promise<void> {
    const { problem, engine, settings, signal } = this.input;
    this.emit({ type: 'generation-started', candidate: index });
    const reply = await converse(engine, generationPrompt(problem, settings.language), {
      temperature: settings.temperature,
      topP: settings.topP,
      maxTokens: settings.maxTokens,
      thinkingBudget: settings.thinkingBudget ?? undefined,
      seed: settings.seed + index,
      signal,
      onDelta: (delta) => this.emit({ type: 'generation-delta', candidate: index, ...delta }),
    });
    const { program, notes } = extractProgram(reply.answer, settings.language);
    const generation: GenerationRecord = {
      reasoning: reply.reasoning,
      answer: reply.answer,
      program,
      language: settings.language,
      parseNotes: notes,
      usage: reply.usage,
      ...(reply.error ? { error: reply.error } : {}),
    };
    this.candidates[index]!.generation = generation;
    this.emit({ type: 'generation-done', candidate: index, generation });
    if (program !== null) this.judge(index, program);
  }

  /** Ground truth runs beside the model (its own workers): the run does not wait for it here. */
  private judge(index: number, program: string): void {
    const { executor, problem, settings, signal } = this.input;
    if (!executor) return;
    this.emit({ type: 'execution-started', candidate: index });
    this.executions.push(
      executor
        .judge(
          problem,
          { language: settings.language, source: program },
          {
            signal,
            onTest: (test) => this.emit({ type: 'execution-test', candidate: index, test }),
          },
        )
        .then((result) => {
          const execution: ExecutionRecord = { source: executor.resultSource ?? 'executed', result };
          this.candidates[index]!.execution = execution;
          this.emit({ type: 'execution-done', candidate: index, execution });
        }),
    );
  }

  /** Critiques candidate `index` m times. */
  private async critique(index: number): Promise<void> {
    const { problem, engine, settings, signal } = this.input;
    const program = this.candidates[index]!.generation.program;
    // Nothing to critique: the candidate cannot be submitted, and selection never picks it.
    if (program === null) return;
    for (let c = 0; c < settings.m; c++) {
      this.emit({ type: 'critique-started', candidate: index, critique: c });
      const reply = await converse(engine, critiquePrompt(problem, settings.language, program, settings.critiqueStyle), {
        temperature: settings.temperature,
        topP: settings.topP,
        maxTokens: settings.critiqueMaxTokens,
        thinkingBudget: settings.critiqueThinkingBudget ?? undefined,
        seed: settings.seed + 1000 * (c + 1) + index,
        signal,
        onDelta: (delta) => this.emit({ type: 'critique-delta', candidate: index, critique: c, ...delta }),
      });
      const record: CritiqueRecord = {
        reasoning: reply.reasoning,
        answer: reply.answer,
        verdict: reply.error ? 'none' : parseCritiqueVerdict(reply.answer, settings.critiqueStyle),
        usage: reply.usage,
        ...(reply.error ? { error: reply.error } : {}),
      };
      this.candidates[index]!.critiques.push(record);
      this.emit({ type: 'critique-done', candidate: index, critique: c, record });
    }
  }
}

interface ConverseOptions {
  temperature: number;
  topP: number;
  maxTokens: number;
  thinkingBudget: number | undefined;
  seed: number;
  signal: AbortSignal | undefined;
  onDelta: (delta: { reasoning?: string; content?: string }) => void;
}

interface Reply {
  reasoning: string;
  answer: string;
  usage: ChatUsage;
  error?: string;
}

/**
 * One chat call, collected. An engine failure on one call is recorded on that candidate and the
 * run goes on (one bad completion should not cost the other k−1); an abort ends the run.
 */
async function converse(engine: ChatEngine, messages: ChatMessage[], options: ConverseOptions): Promise<Reply> {
  const { onDelta, ...chatOptions } = options;
  let reasoning = '';
  let answer = '';
  const started = Date.now();
  const stream = engine.chat(messages, chatOptions);
  try {
    for await (const delta of stream) {
      if (delta.reasoning) reasoning += delta.reasoning;
      if (delta.content) answer += delta.content;
      if (delta.reasoning || delta.content) onDelta(delta);
    }
    return { reasoning, answer, usage: await stream.usage };
  } catch (error) {
    stream.usage.catch(() => {});
    if (options.signal?.aborted || error instanceof AbortedError) throw new AbortedError();
    return {
      reasoning,
      answer,
      usage: { promptTokens: 0, reasoningTokens: 0, answerTokens: 0, finishReason: 'abort', ms: Date.now() - started },
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

function emptyGeneration(settings: RunSettings): GenerationRecord {
  return {
    reasoning: '',
    answer: '',
    program: null,
    language: settings.language,
    parseNotes: [],
    usage: { promptTokens: 0, reasoningTokens: 0, answerTokens: 0, finishReason: 'abort', ms: 0 },
  };
}
