import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bundledIndexes } from '../../../scripts/bundledIndexes';
import { readProblemDir } from '../../../src/exec/node/problemDir';
import { parseRunRecord } from '../../../src/core/record/runRecordCodec';

describe('bundled content', () => {
  it('the committed indexes list every bundled problem and run (run `npm run bundled`)', async () => {
    const fresh = await bundledIndexes('public/');
    expect(JSON.parse(await readFile('public/problems/index.json', 'utf8'))).toEqual(fresh.problems);
    expect(JSON.parse(await readFile('public/runs/index.json', 'utf8'))).toEqual(fresh.runs);
  });

  it('every bundled run was made for the bundled version of its problem', async () => {
    const { runs } = await bundledIndexes('public/');
    for (const entry of runs.runs) {
      const record = parseRunRecord(await readFile(`public/runs/${entry.file}`, 'utf8'));
      const problem = await readProblemDir(`public/problems/${record.problem.id}`);
      expect(record.problem.contentHash, entry.file).toBe(problem.contentHash);
    }
  });
});
