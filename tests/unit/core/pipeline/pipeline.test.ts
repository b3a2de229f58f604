import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/core/pipeline/pipeline';
import type { PipelineEvent } from '../../../../src/core/pipeline/pipelineEvent';
import { readKattisPackage } from '../../../../src/core/problem/kattisPackage';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../../../../src/core/record/runSettings';
import type { ChatMessage } from '../../../../src/core/chat/chatEngine';
import { ScriptedEngine } from '../../../fixtures/scriptedEngine';

const problem = await readKattisPackage(
  new Map([
    ['problem.yaml', 'name: Echo\n'],
    ['statement/problem.en.md', 'Print the input.'],
    ['data/sample/1.in', '1\n'],
    ['data/sample/1.ans', '1\n'],
  ]),
  'echo',
);

const isCritique = (messages: ChatMessage[]): boolean => messages.at(-1)!.content.includes('print(input())#');

/** Candidate i prints the input with a marker; critiques alternate right/wrong with growing traces. */
const script = (messages: ChatMessage[], _options: unknown, call: number): string => {
  if (isCritique(messages)) {
    const id = /#(\d+)/.exec(messages.at(-1)!.content)![1]!;
    return `<think>${'checking '.repeat(3 + Number(id))}</think>\n<judgment>${Number(id) % 2 === 0 ? 'right' : 'wrong'}</judgment>`;
  }
  return `<think>plan ${call}</think>\n\`\`\`python\nprint(input())#${call}\n\`\`\``;
};

const settings = (over: Partial<RunSettings> = {}): RunSettings => ({ ...DEFAULT_RUN_SETTINGS, k: 3, ...over });
const base = { problem, executor: null, model: { id: 'scripted', label: 'Scripted' }, provenance: { kind: 'live' as const, note: 'test' } };

describe('runPipeline', () => {
  it('paper order: all k generations, then the critiques; each parsed and recorded', async () => {
    const engine = new ScriptedEngine(script);
    const record = await runPipeline({ ...base, engine, settings: settings() });
    expect(engine.requests.map((r) => (isCritique(r.messages) ? 'C' : 'G')).join('')).toBe('GGGCCC');
    expect(record.status).toBe('complete');
    expect(record.candidates.map((c) => c.generation.program)).toEqual(['print(input())#0\n', 'print(input())#1\n', 'print(input())#2\n']);
    expect(record.candidates.map((c) => c.critiques[0]!.verdict)).toEqual(['right', 'wrong', 'right']);
    expect(record.candidates[0]!.generation.reasoning).toBe('plan 0');
    // Without an executor there is no ground truth, so correctness-based metrics are unknown.
    expect(record.metrics?.passAt1).toBeNull();
    const shortest = record.selections.find((s) => s.strategy === 'shortest-critique')!;
    expect(shortest.picks).toEqual([0]);
    expect(shortest.expectedCorrect).toBeNull();
  });

  it('interleaved order critiques each candidate right after it is written, m times', async () => {
    const engine = new ScriptedEngine(script);
    const record = await runPipeline({ ...base, engine, settings: settings({ order: 'interleaved', m: 2 }) });
    expect(engine.requests.map((r) => (isCritique(r.messages) ? 'C' : 'G')).join('')).toBe('GCCGCCGCC');
    expect(record.candidates.every((c) => c.critiques.length === 2)).toBe(true);
  });

  it('passes sampling settings to the engine and streams deltas as events in order', async () => {
    const engine = new ScriptedEngine(script);
    const events: PipelineEvent[] = [];
    await runPipeline({
      ...base,
      engine,
      settings: settings({ k: 1, temperature: 0.2, topP: 0.9, thinkingBudget: 50 }),
      onEvent: (e) => events.push(e),
    });
    expect(engine.requests[0]!.options).toMatchObject({ temperature: 0.2, topP: 0.9, thinkingBudget: 50, maxTokens: 8192 });
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('run-started');
    expect(types.at(-1)).toBe('run-finished');
    expect(types.indexOf('generation-done')).toBeLessThan(types.indexOf('critique-started'));
    const streamed = events.flatMap((e) => (e.type === 'generation-delta' ? [e.reasoning ?? ''] : [])).join('');
    expect(streamed).toBe('plan 0');
  });

  it('a candidate without a program is not critiqued, never selected, and counts as incorrect', async () => {
    const engine = new ScriptedEngine((m, o, call) => (call === 0 ? '<think>hmm</think>I cannot solve this.' : script(m, o, call)));
    const record = await runPipeline({ ...base, engine, settings: settings({ k: 2 }) });
    expect(record.candidates[0]!.generation.program).toBeNull();
    expect(record.candidates[0]!.critiques).toEqual([]);
    for (const s of record.selections) expect(s.picks).not.toContain(0);
  });

  it('an engine failure on one call is recorded on that candidate and the run goes on', async () => {
    const engine = new ScriptedEngine((m, o, call) => (call === 1 ? new Error('GPU device lost') : script(m, o, call)));
    const record = await runPipeline({ ...base, engine, settings: settings() });
    expect(record.status).toBe('complete');
    expect(record.candidates[1]!.generation.error).toBe('GPU device lost');
    expect(record.candidates[2]!.generation.program).toBe('print(input())#2\n');
  });

  it('an abort ends the run promptly with status aborted and keeps what was done', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine(script, 1);
    const record = await runPipeline({
      ...base,
      engine,
      settings: settings(),
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'generation-done' && e.candidate === 1) controller.abort();
      },
    });
    expect(record.status).toBe('aborted');
    expect(record.candidates[0]!.generation.program).toBe('print(input())#0\n');
    expect(engine.requests).toHaveLength(3);
    expect(record.candidates[2]!.generation.program).toBeNull();
  });

  it('respects concurrency: with 3 lanes all generations are in flight together', async () => {
    let inFlight = 0;
    let peak = 0;
    const engine = new ScriptedEngine(script);
    const chat = engine.chat.bind(engine);
    engine.chat = (messages, options) => {
      const stream = chat(messages, options);
      inFlight++;
      peak = Math.max(peak, inFlight);
      void stream.usage.finally(() => inFlight--).catch(() => {});
      return stream;
    };
    await runPipeline({ ...base, engine, settings: settings({ concurrency: 3 }) });
    expect(peak).toBe(3);
  });
});
