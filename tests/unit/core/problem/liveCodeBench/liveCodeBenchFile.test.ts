/**
 * The team's LiveCodeBench fixture (tests/fixtures/liveCodeBench/writeFixture.py): good rows in
 * both private-test encodings become problems, each broken row is skipped with its line number
 * and reason, and the filters pick by date, platform and difficulty.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLiveCodeBenchFile, type LiveCodeBenchFile } from '../../../../../src/core/problem/liveCodeBench/liveCodeBenchFile';

let text: string;
let file: LiveCodeBenchFile;

beforeAll(async () => {
  text = await readFile('tests/fixtures/liveCodeBench/problems.jsonl', 'utf8');
  file = await readLiveCodeBenchFile(text);
});

describe('readLiveCodeBenchFile', () => {
  it('reads stdin and method-call rows with plain and pickled private tests', () => {
    expect(file.problems.map((p) => p.problem.id)).toEqual(['lcb-abc900_a', 'lcb-1999_b', 'lcb-3100', 'lcb-3101']);
    const [sum, average, pair] = file.problems;
    expect(sum!.problem.tests.map((t) => [t.name, t.input, t.answer])).toEqual([
      ['sample/1', '1 2\n', '3\n'],
      ['secret/1', '10 20\n', '30\n'],
      ['secret/2', '-5 5\n', '0\n'],
    ]);
    expect(average!.problem.tests.map((t) => t.answer)).toEqual(['1.5\n', '1.25\n', '7.0\n']);
    expect(pair!.facts).toEqual({ platform: 'leetcode', difficulty: 'easy', contestDate: '2024-10-05T00:00:00', callBased: true });
    expect(pair!.problem.tests.map((t) => [t.input, t.answer])).toEqual([
      ['[2, 7, 11, 15]\n9', '[0, 1]'],
      ['[3, 2, 4]\n6', '[1, 2]'],
      ['[3, 3]\n6', '[0, 1]'],
    ]);
    // The model is shown the signature it must fill in.
    expect(pair!.problem.statement).toContain('def pairWithSum(self, nums: List[int], target: int) -> List[int]:');
    expect(Object.keys(pair!.problem.submissionFrames ?? {})).toEqual(['python']);
    expect(Object.keys(sum!.problem.submissionFrames ?? {})).toEqual(['python', 'cpp']);
  });

  it('skips each broken row with its line number and reason', () => {
    expect(file.skipped.map((s) => s.line)).toEqual([5, 6, 7, 8, 9]);
    const reasons = file.skipped.map((s) => s.reason);
    expect(reasons[0]).toMatch(/^not JSON/);
    expect(reasons[1]).toMatch(/private_test_cases is neither JSON nor base64/);
    expect(reasons[2]).toMatch(/private_test_cases: not a pickled string/);
    expect(reasons[3]).toMatch(/^difficulty: /);
    expect(reasons[4]).toMatch(/names no func_name/);
  });

  it('filters by contest date window, platform and difficulty', async () => {
    const ids = async (filter: Parameters<typeof readLiveCodeBenchFile>[1]): Promise<string[]> =>
      (await readLiveCodeBenchFile(text, filter)).problems.map((p) => p.problem.id);
    expect(await ids({ since: new Date('2024-09-01'), until: new Date('2025-01-01') })).toEqual(['lcb-1999_b', 'lcb-3100']);
    expect(await ids({ platforms: ['leetcode'] })).toEqual(['lcb-3100', 'lcb-3101']);
    expect(await ids({ difficulties: ['medium', 'hard'] })).toEqual(['lcb-1999_b', 'lcb-3101']);
    expect((await readLiveCodeBenchFile(text, { platforms: ['atcoder'] })).filteredOut).toBe(3);
  });

  it('gives the same problem the same content hash on every read, and different problems different ones', async () => {
    const again = await readLiveCodeBenchFile(text);
    expect(again.problems.map((p) => p.problem.contentHash)).toEqual(file.problems.map((p) => p.problem.contentHash));
    expect(new Set(file.problems.map((p) => p.problem.contentHash)).size).toBe(4);
  });
});
