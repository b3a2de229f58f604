/**
 * The streaming bench page: the real pipeline drives the real board (RunView + CandidateCard)
 * with a scripted engine generating in real time, while the page measures what a visitor feels —
 * frames per second (requestAnimationFrame) and main-thread long tasks (PerformanceObserver).
 * The Node side (bench/streaming/streamingBench.ts) sets the load in the URL and reads the result.
 */
import { mount } from 'svelte';
import '../../../src/ui/app.css';
import BenchBoard from './BenchBoard.svelte';
import { RunView } from '../../../src/ui/demo/runView.svelte';
import { runPipeline } from '../../../src/core/pipeline/pipeline';
import { DEFAULT_RUN_SETTINGS } from '../../../src/core/record/runSettings';
import { DEFAULT_LIMITS, DEFAULT_VALIDATOR, type Problem } from '../../../src/core/problem/problem';
import { ScriptedEngine } from '../../../tests/fixtures/scriptedEngine';
import { FrameMeter, type FrameReport } from './frameMeter';

const params = new URLSearchParams(location.search);
const traces = Number(params.get('traces') ?? 10);
const tokensPerTrace = Number(params.get('tokens') ?? 20_000);
const tokensPerSecond = Number(params.get('rate') ?? 1000);
const idleMs = Number(params.get('idleMs') ?? 3000);
/** board=0: the same run with nothing rendered (the cost of the pipeline and engine alone). */
const withBoard = params.get('board') !== '0';

const problem: Problem = {
  id: 'bench',
  title: 'Streaming bench',
  statement: 'Print the sum of two integers.',
  limits: DEFAULT_LIMITS,
  validator: DEFAULT_VALIDATOR,
  tests: [],
  contentHash: 'bench',
};

/** About one token per 5-character chunk (the scripted engine's chunk size). */
const CHUNK_CHARS = 5;
const WORDS = ['check', 'the', 'sum', 'carry', 'edge', 'case', 'loop', 'bound', 'index', 'wait,'];
function reasoning(tokens: number): string {
  let text = '';
  for (let i = 0; text.length < tokens * CHUNK_CHARS; i++) text += `${WORDS[i % WORDS.length]!.padEnd(4)}${i % 17 === 16 ? '\n' : ' '}`;
  return text.slice(0, tokens * CHUNK_CHARS);
}

const trace = reasoning(tokensPerTrace);
const answer = '```python\na, b = map(int, input().split())\nprint(a + b)\n```';
// Each of the parallel traces gets an equal share of the total rate: one chunk per delay.
const chunkDelayMs = (1000 * traces) / tokensPerSecond;
const engine = new ScriptedEngine(
  (messages) => (messages.at(-1)?.content.includes('print(a + b)') ? '<think>ok</think>right' : `<think>${trace}</think>${answer}`),
  CHUNK_CHARS,
  chunkDelayMs,
);

const view = new RunView();
if (withBoard) mount(BenchBoard, { target: document.getElementById('board')!, props: { view, testCount: 0 } });

async function measure(): Promise<{ idle: FrameReport; streaming: FrameReport; tokens: number; seconds: number }> {
  const idleMeter = new FrameMeter();
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  const idle = idleMeter.stop();

  const meter = new FrameMeter();
  const started = performance.now();
  const record = await runPipeline({
    problem,
    engine,
    executor: null,
    settings: { ...DEFAULT_RUN_SETTINGS, k: traces, m: 1, concurrency: traces, order: 'paper' },
    model: { id: 'scripted', label: 'scripted engine' },
    provenance: { kind: 'handwritten', note: 'streaming bench' },
    onEvent: (event) => view.apply(event),
  });
  const streaming = meter.stop();
  const tokens = record.candidates.reduce((n, c) => n + c.generation.usage.reasoningTokens + c.generation.usage.answerTokens, 0);
  return { idle, streaming, tokens, seconds: (performance.now() - started) / 1000 };
}

(window as unknown as { benchResult: Promise<unknown> }).benchResult = measure();
