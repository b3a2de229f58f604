/**
 * Speed and time left, on a real pipeline run whose scripted model streams at a fixed token rate
 * (a virtual clock that advances 1/RATE s per streamed token, so the test is exact, not timed).
 * Replies vary in length by up to ±15%; the estimate made once each stage has finished a reply
 * must land within 20% of the time the run really took from there.
 */
import { describe, expect, it } from 'vitest';
import type { ChatOptions } from '../../../../src/core/chat/chatEngine';
import { runPipeline } from '../../../../src/core/pipeline/pipeline';
import { RunPace, type PaceReport } from '../../../../src/core/pipeline/runPace';
import { readKattisPackage } from '../../../../src/core/problem/kattisPackage';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../../../../src/core/record/runSettings';
import { RunRecordSchema, type RunRecord } from '../../../../src/core/record/runRecord';
import { ScriptedEngine } from '../../../fixtures/scriptedEngine';

const RATE = 25; // tokens per second
const problem = await readKattisPackage(
  new Map([
    ['problem.yaml', 'name: A plus B\n'],
    ['statement/problem.en.md', 'Print a + b.'],
    ['data/sample/1.in', '1 2\n'],
    ['data/sample/1.ans', '3\n'],
  ]),
  'aplusb',
);
const words = (n: number) => 'step '.repeat(n);

async function measure(
  order: RunSettings['order'],
): Promise<{ estimate: PaceReport; remainingSeconds: number; report: PaceReport; record: RunRecord }> {
  // Generations of about 120 chunks, critiques of about 60, each ±15%.
  const sizes = [1, 0.85, 1.15, 0.95, 1.1, 0.9, 1.05, 0.88];
  const engine = new ScriptedEngine((_m, options: ChatOptions) => {
    const seed = options.seed ?? 0;
    const factor = sizes[seed % sizes.length]!;
    return seed >= 1000
      ? `<think>${words(Math.round(55 * factor))}</think>ok <judgment>right</judgment>`
      : `<think>${words(Math.round(110 * factor))}</think>\`\`\`python\nprint(3)\n\`\`\``;
  }, 5);
  const settings: RunSettings = { ...DEFAULT_RUN_SETTINGS, k: 4, m: 1, order, seed: 1, concurrency: 1 };
  const pace = new RunPace(settings);
  let now = 0;
  let estimate: PaceReport | null = null;
  let estimatedAt = 0;
  const record = await runPipeline({
    problem,
    pace: { tracker: pace, clock: () => now },
    engine,
    executor: null,
    settings,
    model: { id: 'scripted', label: 'Scripted' },
    provenance: { kind: 'live', note: 'pace' },
    onEvent: (event) => {
      // The pipeline has just shown this event to the tracker, at the clock's time.
      if (event.type === 'generation-delta' || event.type === 'critique-delta') now += 1000 / RATE;
      if (event.type === 'critique-done' && !estimate) {
        estimate = pace.report(now);
        estimatedAt = now;
      }
    },
  });
  return { estimate: estimate!, remainingSeconds: (now - estimatedAt) / 1000, report: pace.report(now), record };
}

describe('RunPace', () => {
  for (const order of ['paper', 'interleaved'] as const) {
    it(`${order} order: tokens/s per stage is the rate, and the time left lands within 20%`, async () => {
      const { estimate, remainingSeconds, report, record } = await measure(order);
      expect(estimate.tokensPerSecond.generation).toBeCloseTo(RATE, 5);
      expect(estimate.tokensPerSecond.critique).toBeCloseTo(RATE, 5);
      expect(remainingSeconds).toBeGreaterThan(5);
      expect(Math.abs(estimate.runSeconds! - remainingSeconds) / remainingSeconds).toBeLessThan(0.2);
      // The last candidate ends with the run; at the end nothing is left.
      expect(estimate.candidateSeconds.at(-1)).toBeCloseTo(estimate.runSeconds!, 5);
      expect(report.runSeconds).toBe(0);
      expect(report.candidateSeconds).toEqual([0, 0, 0, 0]);
      // The record keeps the speeds and the estimates made as each generation finished.
      expect(record.pace?.tokensPerSecond.generation).toBeCloseTo(RATE, 5);
      expect(record.pace?.estimates.map((e) => e.candidate)).toEqual([0, 1, 2, 3]);
      expect(RunRecordSchema.parse(record).pace).toEqual(record.pace);
    });
  }

  it('before anything streamed there is no figure, not a guess', () => {
    const report = new RunPace({ ...DEFAULT_RUN_SETTINGS, k: 2 }).report(0);
    expect(report).toEqual({ tokensPerSecond: { generation: null, critique: null }, runSeconds: null, candidateSeconds: [null, null] });
  });
});
