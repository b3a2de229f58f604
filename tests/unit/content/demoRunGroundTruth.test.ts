/**
 * Every bundled recording, replayed through the real pipeline with real execution (Pyodide and
 * clang in Node), gets the test verdicts, selections and metrics it records — so a recording can
 * never claim a phenomenon its programs do not show. Recordings replay concurrently on one shared
 * executor (clang's first load and the PCH are the slow part); its pool judges as the product's does.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/core/pipeline/pipeline';
import { parseRunRecord } from '../../../src/core/record/runRecordCodec';
import type { BundledRunIndex } from '../../../src/core/record/bundledIndex';
import { readProblemDir } from '../../../src/exec/node/problemDir';
import { createNodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { ReplayEngine } from '../../../src/engines/replay';

// The product's own pool size (cores − 1): a recording may hold a program near its wall-clock limit
// (Closest Readings' bisect.insort candidate: 1.35 s of CPU against 3 s), and two judged programs on
// a 2-core machine that also runs the browser tests turned it into a TLE in CI.
const executor = createNodeExecutor();
afterAll(() => executor.dispose());

const index = JSON.parse(await readFile('public/runs/index.json', 'utf8')) as BundledRunIndex;

describe.concurrent('the bundled recordings', () => {
  it.each(index.runs)(
    '$file, replayed with real execution, gets the verdicts, selections and metrics it records',
    async ({ file }) => {
      const recording = parseRunRecord(await readFile(`public/runs/${file}`, 'utf8'));
      const problem = await readProblemDir(`public/problems/${recording.problem.id}`);
      const record = await runPipeline({
        problem,
        engine: new ReplayEngine(recording, { tokensPerSecond: Infinity }),
        executor,
        settings: recording.settings,
        model: recording.model,
        provenance: recording.provenance,
      });
      expect(record.candidates.map((c) => c.execution?.source)).toEqual(recording.candidates.map(() => 'executed'));
      expect(record.candidates.map((c) => c.execution?.result.verdict)).toEqual(
        recording.candidates.map((c) => c.execution?.result.verdict),
      );
      expect(record.candidates.map((c) => c.critiques.map((k) => k.verdict))).toEqual(
        recording.candidates.map((c) => c.critiques.map((k) => k.verdict)),
      );
      expect(record.selections).toEqual(recording.selections);
      expect(record.metrics).toEqual(recording.metrics);
    },
    600_000,
  );
});
