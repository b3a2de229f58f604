/**
 * The OCR-2 self-critique loop (REFERENCE.md §1): generate k candidates, critique each m times,
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
import type {
  CandidateRecord,
  CritiqueRecord,
  ExecutionRecord,
  GenerationRecord,
  RunRecord,
} from '../record/runRecord';
import type { RunSettings } from '../record/runSettings';
import { runWithConcurrency } from './taskPool';
import { scoreRun } from '../record/runScoring';

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
}

export async function runPipeline(input: PipelineInput): Promise<RunRecord> {
  const { problem, engine, executor, settings, signal } = input;
  const now = input.now ?? (() => new Date());
  const emit = input.onEvent ?? (() => {});
  const runId = input.runId ?? globalThis.crypto.randomUUID();

  const candidates: CandidateRecord[] = Array.from({ length: settings.k }, (_, index) => ({
    index,
    generation: emptyGeneration(settings),
    critiques: [],
    execution: null,
  }));
  const record: RunRecord = {
    schemaVersion: 1,
    id: runId,
    createdAt: now().toISOString(),
    finishedAt: null,
    provenance: input.provenance,
    problem: { id: problem.id, title: problem.title, contentHash: problem.contentHash },
    model: input.model,
    engine: input.endpoint ? { kind: engine.kind, endpoint: input.endpoint } : { kind: engine.kind },
    settings,
    candidates,
    selections: [],
    metrics: null,
    status: 'complete',
  };
  emit({ type: 'run-started', runId, settings });

  const executions: Promise<void>[] = [];
  const judge = (index: number, program: string): void => {
    if (!executor) return;
    emit({ type: 'execution-started', candidate: index });
    executions.push(
      executor
        .judge(problem, { language: settings.language, source: program }, {
          signal,
          onTest: (test) => emit({ type: 'execution-test', candidate: index, test }),
        })
        .then((result) => {
          const execution: ExecutionRecord = { source: executor.resultSource ?? 'executed', result };
          candidates[index]!.execution = execution;
          emit({ type: 'execution-done', candidate: index, execution });
        }),
    );
  };

  const generate = async (index: number): Promise<void> => {
    emit({ type: 'generation-started', candidate: index });
    const reply = await converse(engine, generationPrompt(problem, settings.language), {
      temperature: settings.temperature,
      topP: settings.topP,
      maxTokens: settings.maxTokens,
      thinkingBudget: settings.thinkingBudget ?? undefined,
      seed: settings.seed + index,
      signal,
      onDelta: (delta) => emit({ type: 'generation-delta', candidate: index, ...delta }),
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
    candidates[index]!.generation = generation;
    emit({ type: 'generation-done', candidate: index, generation });
    if (program !== null) judge(index, program);
  };

  const critique = async (index: number): Promise<void> => {
    const program = candidates[index]!.generation.program;
    // Nothing to critique: the candidate cannot be submitted, and selection never picks it.
    if (program === null) return;
    for (let c = 0; c < settings.m; c++) {
      emit({ type: 'critique-started', candidate: index, critique: c });
      const reply = await converse(engine, critiquePrompt(problem, settings.language, program, settings.critiqueStyle), {
        temperature: settings.temperature,
        topP: settings.topP,
        maxTokens: settings.critiqueMaxTokens,
        thinkingBudget: settings.critiqueThinkingBudget ?? undefined,
        seed: settings.seed + 1000 * (c + 1) + index,
        signal,
        onDelta: (delta) => emit({ type: 'critique-delta', candidate: index, critique: c, ...delta }),
      });
      const critiqueRecord: CritiqueRecord = {
        reasoning: reply.reasoning,
        answer: reply.answer,
        verdict: reply.error ? 'none' : parseCritiqueVerdict(reply.answer, settings.critiqueStyle),
        usage: reply.usage,
        ...(reply.error ? { error: reply.error } : {}),
      };
      candidates[index]!.critiques.push(critiqueRecord);
      emit({ type: 'critique-done', candidate: index, critique: c, record: critiqueRecord });
    }
  };

  const indices = candidates.map((c) => c.index);
  try {
    if (settings.order === 'paper') {
      await runWithConcurrency(indices.map((i) => () => generate(i)), settings.concurrency);
      await runWithConcurrency(indices.map((i) => () => critique(i)), settings.concurrency);
    } else {
      await runWithConcurrency(
        indices.map((i) => async () => {
          await generate(i);
          await critique(i);
        }),
        settings.concurrency,
      );
    }
    await Promise.all(executions);
  } catch (error) {
    // Let in-flight executions settle so no worker keeps running for a run nobody watches.
    await Promise.allSettled(executions);
    record.status = signal?.aborted ? 'aborted' : 'failed';
    if (!signal?.aborted) record.error = error instanceof Error ? error.message : String(error);
  }

  const scored = scoreRun(problem, record);
  record.selections = scored.selections;
  record.metrics = scored.metrics;
  emit({ type: 'selection', selections: record.selections });
  if (record.metrics) emit({ type: 'metrics', metrics: record.metrics });
  record.finishedAt = now().toISOString();
  emit({ type: 'run-finished', record });
  return record;
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
