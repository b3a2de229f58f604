/**
 * `npm run demo-runs`: rebuilds the bundled demo run records in public/runs/ by pushing the
 * hand-written texts (scripts/demoRuns/) through the real pipeline — program extraction, verdict
 * parsing, execution, selection and metrics all come from the app's own code, never typed by hand.
 * Ids and clock are fixed, so a rebuild with unchanged inputs changes only the measured test times.
 */
import { writeFile } from 'node:fs/promises';
import { readProblemDir } from '../src/exec/node/problemDir';
import { runPipeline } from '../src/core/pipeline/pipeline';
import { serializeRunRecord } from '../src/core/record/runRecordCodec';
import { extractProgram } from '../src/core/modelOutput/programExtractor';
import { generationPrompt, critiquePrompt } from '../src/core/chat/prompts';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../src/core/record/runSettings';
import type { ChatMessage, ChatUsage } from '../src/core/chat/chatEngine';
import type { Problem } from '../src/core/problem/problem';
import { RUN_RECORD_VERSION, type RunRecord } from '../src/core/record/runRecord';
import { ReplayEngine } from '../src/engines/replay';
import { BEST_STRETCH_CANDIDATES, type HandwrittenReply } from './demoRuns/bestStretch';
import { createNodeExecutor } from '../src/exec/node/nodeExecutor';

const estimateTokens = (text: string): number => Math.ceil(text.length / 4);
const promptTokens = (messages: ChatMessage[]): number => estimateTokens(messages.map((m) => m.content).join('\n'));

function usageOf(reply: HandwrittenReply, prompt: ChatMessage[]): ChatUsage {
  return {
    promptTokens: promptTokens(prompt),
    reasoningTokens: estimateTokens(reply.reasoning),
    answerTokens: estimateTokens(reply.answer),
    finishReason: 'stop',
    // Replayed at the pace of a mid-range laptop GPU running a 7B q4 model (~25 tokens/s).
    ms: Math.round(((estimateTokens(reply.reasoning) + estimateTokens(reply.answer)) / 25) * 1000),
  };
}

/** The hand-written texts as a recording the replay engine can serve. */
function handwrittenRecording(problem: Problem, settings: RunSettings, id: string, createdAt: string): RunRecord {
  return {
    schemaVersion: RUN_RECORD_VERSION,
    id,
    createdAt,
    finishedAt: createdAt,
    provenance: { kind: 'handwritten', note: '' },
    problem: { id: problem.id, title: problem.title, contentHash: problem.contentHash },
    model: { id: 'handwritten', label: 'Hand-written' },
    engine: { kind: 'replay' },
    settings,
    candidates: BEST_STRETCH_CANDIDATES.map((candidate, index) => {
      const { program, notes } = extractProgram(candidate.generation.answer, settings.language);
      return {
        index,
        generation: {
          ...candidate.generation,
          program,
          language: settings.language,
          parseNotes: notes,
          usage: usageOf(candidate.generation, generationPrompt(problem, settings.language)),
        },
        critiques: [
          {
            ...candidate.critique,
            verdict: 'none' as const,
            usage: usageOf(candidate.critique, critiquePrompt(problem, settings.language, program ?? '', settings.critiqueStyle)),
          },
        ],
        execution: null,
      };
    }),
    selections: [],
    metrics: null,
    status: 'complete',
  };
}

async function build(): Promise<void> {
  const problem = await readProblemDir(new URL('../public/problems/max-subarray', import.meta.url).pathname);
  const settings: RunSettings = { ...DEFAULT_RUN_SETTINGS, k: 4, m: 1, language: 'python', seed: 7 };
  const createdAt = '2026-11-22T09:00:00.000Z';
  const recording = handwrittenRecording(problem, settings, 'best-stretch-handwritten', createdAt);
  // Ground truth is measured by the app's own judge (the same runtimes as the browser), never typed in.
  const executor = createNodeExecutor();
  const description = 'Test verdicts were measured by running each program in critique-lab’s own judge (Pyodide, Node) when the record was built.';
  const record = await runPipeline({
    problem,
    engine: new ReplayEngine(recording, { tokensPerSecond: Infinity }),
    executor,
    settings,
    model: { id: 'handwritten', label: 'Hand-written demo (no model)' },
    provenance: {
      kind: 'handwritten',
      note: `Model outputs written by hand by the critique-lab team to show the loop without a GPU; no model produced them. ${description}`,
    },
    now: () => new Date(createdAt),
    runId: 'best-stretch-handwritten',
  });
  await executor.dispose();
  const out = new URL('../public/runs/best-stretch-handwritten.json', import.meta.url);
  await writeFile(out, serializeRunRecord(record));
  console.log(`wrote ${out.pathname}: ${record.candidates.map((c) => c.execution?.result.verdict).join(' ')}`);
}

await build();
