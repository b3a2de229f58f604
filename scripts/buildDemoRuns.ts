/**
 * `npm run demo-runs [id…]`: rebuilds the bundled hand-written demo runs in public/runs/ (all of
 * them, or the ids given) by pushing the hand-written texts (scripts/demoRuns/*.md) through the real
 * pipeline — program extraction, verdict parsing, execution, selection and metrics all come from
 * the app's own code, never typed by hand. Ids and clock are fixed, so a rebuild with unchanged
 * inputs changes only the measured test times. Re-indexes public/ at the end (as `npm run bundled`).
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
import { createNodeExecutor, type NodeExecutor } from '../src/exec/node/nodeExecutor';
import type { HandwrittenReply, HandwrittenRun } from './demoRuns/handwrittenRun';
import { loadHandwrittenRuns } from './demoRuns/allRuns';
import { writeBundledIndexes } from './bundledIndexes';

const estimateTokens = (text: string): number => Math.ceil(text.length / 4);
const promptTokens = (messages: ChatMessage[]): number => estimateTokens(messages.map((m) => m.content).join('\n'));

const MODEL = { id: 'handwritten', label: 'Hand-written demo (no model)' };
const NOTE =
  'Model outputs written by hand by the critique-lab team to show the loop without a GPU; no model produced them. ' +
  'Test verdicts were measured by running each program in critique-lab’s own judge (Pyodide and clang, Node) when the record was built.';

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
function handwrittenRecording(run: HandwrittenRun, problem: Problem, settings: RunSettings): RunRecord {
  return {
    schemaVersion: RUN_RECORD_VERSION,
    id: run.id,
    createdAt: run.createdAt,
    finishedAt: run.createdAt,
    provenance: { kind: 'handwritten', note: '' },
    problem: { id: problem.id, title: problem.title, contentHash: problem.contentHash },
    model: MODEL,
    engine: { kind: 'replay' },
    settings,
    candidates: run.candidates.map((candidate, index) => {
      const { program, notes } = extractProgram(candidate.generation.answer, settings.language);
      const critiqueMessages = critiquePrompt(problem, settings.language, program ?? '', settings.critiqueStyle);
      return {
        index,
        generation: {
          ...candidate.generation,
          program,
          language: settings.language,
          parseNotes: notes,
          usage: usageOf(candidate.generation, generationPrompt(problem, settings.language)),
        },
        critiques: candidate.critiques.map((critique) => ({
          ...critique,
          verdict: 'none' as const,
          usage: usageOf(critique, critiqueMessages),
        })),
        execution: null,
      };
    }),
    selections: [],
    metrics: null,
    status: 'complete',
  };
}

async function build(run: HandwrittenRun, executor: NodeExecutor): Promise<void> {
  const problem = await readProblemDir(new URL(`../public/problems/${run.problemId}`, import.meta.url).pathname);
  const settings: RunSettings = { ...DEFAULT_RUN_SETTINGS, k: run.candidates.length, m: run.m, language: run.language, seed: run.seed };
  // Ground truth is measured by the app's own judge (the same runtimes as the browser), never typed in.
  const record = await runPipeline({
    problem,
    engine: new ReplayEngine(handwrittenRecording(run, problem, settings), { tokensPerSecond: Infinity }),
    executor,
    settings,
    model: MODEL,
    provenance: { kind: 'handwritten', note: NOTE, caption: run.caption },
    now: () => new Date(run.createdAt),
    runId: run.id,
  });
  const out = new URL(`../public/runs/${run.id}.json`, import.meta.url);
  await writeFile(out, serializeRunRecord(record));
  const verdicts = record.candidates.map((c) => `${c.execution?.result.verdict}/${c.critiques.map((k) => k.verdict[0]).join('')}`);
  const picks = record.selections.map((s) => `${s.strategy}=${s.picks.map((i) => i + 1).join(',')}`);
  console.log(`${run.id}: ${verdicts.join(' ')}\n  ${picks.join('  ')}`);
}

const HANDWRITTEN_RUNS = await loadHandwrittenRuns();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !HANDWRITTEN_RUNS.some((run) => run.id === id));
if (unknown.length > 0)
  throw new Error(`No hand-written run with id ${unknown.join(', ')} (known: ${HANDWRITTEN_RUNS.map((r) => r.id).join(', ')})`);
const executor = createNodeExecutor({ concurrency: 2 });
try {
  for (const run of HANDWRITTEN_RUNS.filter((r) => wanted.length === 0 || wanted.includes(r.id))) await build(run, executor);
} finally {
  await executor.dispose();
}
await writeBundledIndexes(new URL('../public/', import.meta.url).pathname);
