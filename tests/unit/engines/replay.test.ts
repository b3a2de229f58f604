import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/core/pipeline/pipeline';
import { parseRunRecord } from '../../../src/core/record/runRecordCodec';
import { readProblemDir } from '../../../src/exec/node/problemDir';
import { ReplayEngine, ReplayExhaustedError } from '../../../src/engines/replay';
import { RecordedExecutor } from '../../../src/exec/recordedExecutor';
import type { RunRecord } from '../../../src/core/record/runRecord';

const recording = parseRunRecord(await readFile('public/runs/best-stretch-handwritten.json', 'utf8'));
const problem = await readProblemDir('public/problems/max-subarray');

const replay = (settings: Partial<RunRecord['settings']>, engine = new ReplayEngine(recording, { tokensPerSecond: Infinity })) =>
  runPipeline({
    problem,
    engine,
    executor: new RecordedExecutor(recording),
    settings: { ...recording.settings, ...settings },
    model: recording.model,
    provenance: recording.provenance,
  });

describe('ReplayEngine', () => {
  it.each([
    { order: 'paper' as const, concurrency: 1 },
    { order: 'interleaved' as const, concurrency: 1 },
    { order: 'interleaved' as const, concurrency: 3 },
  ])('reproduces the recording under order=$order, concurrency=$concurrency', async (settings) => {
    const record = await replay(settings);
    // Same texts and results; replayed ground truth is labelled as recorded, never as executed here.
    const relabelled = recording.candidates.map((c) => ({ ...c, execution: c.execution && { ...c.execution, source: 'recorded' } }));
    expect(record.candidates).toEqual(relabelled);
    expect(record.selections).toEqual(recording.selections);
    expect(record.metrics).toEqual(recording.metrics);
  });

  it('streams the recorded text in several pieces, reasoning before content', async () => {
    const engine = new ReplayEngine(recording, { tokensPerSecond: Infinity });
    const stream = engine.chat([{ role: 'user', content: 'write a solution' }]);
    const kinds: string[] = [];
    let reasoning = '';
    for await (const delta of stream) {
      kinds.push(delta.reasoning !== undefined ? 'r' : 'c');
      reasoning += delta.reasoning ?? '';
    }
    expect(reasoning).toBe(recording.candidates[0]!.generation.reasoning);
    expect(kinds.join('')).toMatch(/^r{20,}c{5,}$/);
    expect(await stream.usage).toEqual(recording.candidates[0]!.generation.usage);
  });

  it('says clearly when a run asks for more than was recorded', async () => {
    const record = await replay({ k: 5 });
    expect(record.candidates[4]!.generation.error).toMatch(/no generation left to replay/);
    expect(() => {
      throw new ReplayExhaustedError('generation');
    }).toThrow(/smaller k or m/);
  });

  it('stops streaming when aborted', async () => {
    const engine = new ReplayEngine(recording, { tokensPerSecond: 200 });
    const controller = new AbortController();
    const stream = engine.chat([{ role: 'user', content: 'x' }], { signal: controller.signal });
    let pieces = 0;
    await expect(
      (async () => {
        for await (const _ of stream) if (++pieces === 3) controller.abort();
      })(),
    ).rejects.toThrow(/Aborted/);
    expect(pieces).toBe(3);
    await expect(stream.usage).rejects.toThrow(/Aborted/);
  });
});
