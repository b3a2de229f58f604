/**
 * The malformed model output corpus (tests/fixtures/modelOutput/) through the real pipeline, model
 * text streamed by a scripted engine through the real think splitter: every case ends in its
 * defined state, the run still completes, and nothing is judged or selected that should not be.
 */
import { describe, expect, it } from 'vitest';
import type { ChatOptions } from '../../../../src/core/chat/chatEngine';
import { critiqueStates, generationStates } from '../../../../src/core/modelOutput/outputStates';
import { runPipeline } from '../../../../src/core/pipeline/pipeline';
import { readKattisPackage } from '../../../../src/core/problem/kattisPackage';
import { DEFAULT_RUN_SETTINGS } from '../../../../src/core/record/runSettings';
import { MALFORMED_CRITIQUES, MALFORMED_GENERATIONS } from '../../../fixtures/modelOutput/malformedOutputs';
import { ScriptedEngine, type ScriptedReply } from '../../../fixtures/scriptedEngine';

const problem = await readKattisPackage(
  new Map([
    ['problem.yaml', 'name: A plus B\n'],
    ['statement/problem.en.md', 'Print a + b.'],
    ['data/sample/1.in', '1 2\n'],
    ['data/sample/1.ans', '3\n'],
  ]),
  'aplusb',
);
const base = {
  problem,
  executor: null,
  model: { id: 'scripted', label: 'Scripted' },
  provenance: { kind: 'live' as const, note: 'corpus' },
};
const SEED = 1;

/** Generation i's seed is SEED + i; critique c of candidate i has SEED + 1000 (c + 1) + i (pipeline.ts). */
const reply = (raw: string, finishReason = 'stop' as const): ScriptedReply => ({ text: raw, finishReason });

describe.each(MALFORMED_GENERATIONS)('malformed generation: $name', (sample) => {
  it(`is put in state [${sample.states.join(', ')}], and the run completes`, async () => {
    const engine = new ScriptedEngine((_messages, options: ChatOptions) =>
      (options.seed ?? 0) - SEED < 1000
        ? reply(sample.raw, sample.finishReason as 'stop')
        : '<think>ok</think>\n<judgment>right</judgment>',
    );
    const record = await runPipeline({
      ...base,
      engine,
      settings: { ...DEFAULT_RUN_SETTINGS, k: 1, m: 1, seed: SEED, language: sample.language },
    });
    expect(record.status).toBe('complete');
    const candidate = record.candidates[0]!;
    expect(candidate.generation.program).toBe(sample.program);
    expect(generationStates(candidate.generation).map((s) => s.id)).toEqual(sample.states);
    // A candidate without a program is never critiqued, so never judged right or selected.
    if (sample.program === null) {
      expect(candidate.critiques).toEqual([]);
      expect(record.selections.find((s) => s.strategy === 'shortest-critique')?.picks).not.toContain(0);
    }
  });
});

describe('malformed critiques', () => {
  it('each critique of one candidate gets its verdict and state', async () => {
    const engine = new ScriptedEngine((_messages, options: ChatOptions) => {
      const offset = (options.seed ?? 0) - SEED;
      if (offset < 1000) return '<think>sum</think>\n```python\nprint(sum(map(int, input().split())))\n```';
      const sample = MALFORMED_CRITIQUES[Math.floor(offset / 1000) - 1]!;
      return reply(sample.raw, sample.finishReason as 'stop');
    });
    const m = MALFORMED_CRITIQUES.length;
    const record = await runPipeline({ ...base, engine, settings: { ...DEFAULT_RUN_SETTINGS, k: 1, m, seed: SEED } });
    expect(record.status).toBe('complete');
    const critiques = record.candidates[0]!.critiques;
    expect(critiques.map((c) => c.verdict)).toEqual(MALFORMED_CRITIQUES.map((c) => c.verdict));
    expect(critiques.map((c) => critiqueStates(c, 'ocr2').map((s) => s.id))).toEqual(MALFORMED_CRITIQUES.map((c) => c.states));
  });
});

describe('every state has words for the screen', () => {
  it('labels and explanations are short and non-empty', () => {
    const usage = { promptTokens: 0, reasoningTokens: 1, answerTokens: 0, ms: 1 };
    const all = [
      ...generationStates({ reasoning: 'x', answer: '', language: 'python', usage: { ...usage, finishReason: 'length' } }),
      ...generationStates({ reasoning: 'x', answer: '```py\nprint(', language: 'python', usage: { ...usage, finishReason: 'abort' } }),
      ...generationStates({
        reasoning: '',
        answer: '',
        language: 'python',
        usage: { ...usage, finishReason: 'stop' },
        error: 'engine died',
      }),
    ];
    expect(all.map((s) => s.id)).toEqual(['cut-by-limit', 'no-answer', 'stopped', 'unclosed-block', 'failed']);
    for (const state of all) {
      expect(state.label.length).toBeGreaterThan(0);
      expect(state.label.length).toBeLessThanOrEqual(28);
      expect(state.explanation).toMatch(/\.$/);
    }
  });
});
