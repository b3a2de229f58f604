import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/core/pipeline/pipeline';
import { parseRunRecord } from '../../../../src/core/record/runRecordCodec';
import { recordingShape, recordingSubset } from '../../../../src/core/record/recordingSubset';
import { scoreRun } from '../../../../src/core/record/runScoring';
import { ReplayEngine } from '../../../../src/engines/replay';
import { RecordedExecutor } from '../../../../src/exec/recordedExecutor';
import { readProblemDir } from '../../../../src/exec/node/problemDir';

const recording = parseRunRecord(await readFile('public/runs/best-stretch-handwritten.json', 'utf8'));
const problem = await readProblemDir('public/problems/max-subarray');

describe('recordingSubset', () => {
  it('reports the largest k and m the recording can be cut to', () => {
    expect(recordingShape(recording)).toEqual({ k: recording.candidates.length, m: 1 });
  });

  it('keeps the first k candidates and m critiques, and drops the full run’s scores', () => {
    const subset = recordingSubset(recording, 2, 1);
    expect(subset.settings.k).toBe(2);
    expect(subset.candidates.map((c) => c.index)).toEqual([0, 1]);
    expect(subset.candidates[1]).toEqual(recording.candidates[1]);
    expect(subset.selections).toEqual([]);
    expect(subset.metrics).toBeNull();
    // The recording itself is untouched.
    expect(recording.candidates).toHaveLength(4);
  });

  it('replays through the pipeline and is scored on the subset alone', async () => {
    // Candidates 1–2 of the recording are WA and TLE: with k = 2 nothing is correct.
    const subset = recordingSubset(recording, 2, 1);
    const record = await runPipeline({
      problem,
      engine: new ReplayEngine(subset, { tokensPerSecond: Infinity }),
      executor: new RecordedExecutor(subset),
      settings: subset.settings,
      model: subset.model,
      provenance: subset.provenance,
    });
    expect(record.candidates).toHaveLength(2);
    expect(record.metrics?.n).toBe(2);
    expect(record.metrics?.correct).toBe(0);
    expect(record.metrics).toEqual(scoreRun(problem, subset).metrics);
    const full = scoreRun(problem, recording).metrics;
    expect(full?.correct).toBe(2);
  });

  it.each([
    [0, 1],
    [5, 1],
    [2, 0],
    [2, 2],
    [1.5, 1],
  ])('refuses k=%s, m=%s with a clear error', (k, m) => {
    expect(() => recordingSubset(recording, k, m)).toThrow(/must be a whole number from 1 to/);
  });
});
