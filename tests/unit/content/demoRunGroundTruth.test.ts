import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/core/pipeline/pipeline';
import { parseRunRecord } from '../../../src/core/record/runRecordCodec';
import { readProblemDir } from '../../../src/exec/node/problemDir';
import { createNodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { ReplayEngine } from '../../../src/engines/replay';

const executor = createNodeExecutor();
afterAll(() => executor.dispose());

describe('the bundled demo run', () => {
  it('replayed with real execution, gets the verdicts, selections and metrics it records', async () => {
    const recording = parseRunRecord(await readFile('public/runs/best-stretch-handwritten.json', 'utf8'));
    const problem = await readProblemDir(`public/problems/${recording.problem.id}`);
    const record = await runPipeline({
      problem,
      engine: new ReplayEngine(recording, { tokensPerSecond: Infinity }),
      executor,
      settings: recording.settings,
      model: recording.model,
      provenance: recording.provenance,
    });
    expect(record.candidates.map((c) => c.execution?.source)).toEqual(['executed', 'executed', 'executed', 'executed']);
    expect(record.candidates.map((c) => c.execution?.result.verdict)).toEqual(recording.candidates.map((c) => c.execution?.result.verdict));
    expect(record.selections).toEqual(recording.selections);
    expect(record.metrics).toEqual(recording.metrics);
  }, 120_000);
});
