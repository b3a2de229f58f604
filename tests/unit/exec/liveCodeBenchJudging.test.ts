/**
 * LiveCodeBench problems judged for real (Node executor, Pyodide): the method-call harness and the
 * comparison the LiveCodeBench grader makes — a returned tuple equals a list, `0.0` equals `0`, a
 * set never equals a list, the program's own prints do not count; stdin output compared by lines
 * and decimals; a C++ candidate for a method-call problem is refused by name.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLiveCodeBenchFile } from '../../../src/core/problem/liveCodeBench/liveCodeBenchFile';
import type { Problem } from '../../../src/core/problem/problem';
import { createNodeExecutor, type NodeExecutor } from '../../../src/exec/node/nodeExecutor';

let executor: NodeExecutor;
const problems = new Map<string, Problem>();

beforeAll(async () => {
  const file = await readLiveCodeBenchFile(await readFile('tests/fixtures/liveCodeBench/problems.jsonl', 'utf8'));
  for (const { problem } of file.problems) problems.set(problem.id, problem);
  executor = createNodeExecutor({ concurrency: 1 });
});

afterAll(async () => {
  await executor?.dispose();
});

async function verdict(id: string, source: string, language: 'python' | 'cpp' = 'python'): Promise<{ verdict: string; detail: string }> {
  const result = await executor.judge(problems.get(id)!, { language, source });
  const failed = result.tests.find((t) => t.verdict !== 'AC');
  return { verdict: result.verdict, detail: `${failed?.detail ?? result.compile?.stderr ?? ''} ${failed?.stderrHead ?? ''}` };
}

const PAIR = (ret: string): string =>
  `class Solution:\n    def pairWithSum(self, nums: List[int], target: int) -> List[int]:\n        seen = {}\n        for j, x in enumerate(nums):\n            if target - x in seen:\n                print('debug', j)\n                return ${ret}\n            seen[x] = j\n`;

describe('LiveCodeBench judging', () => {
  it('calls Solution().<func_name>(*args) and compares as the grader does', async () => {
    expect(await verdict('lcb-3100', PAIR('(seen[target - x], j)'))).toMatchObject({ verdict: 'AC' });
    expect(await verdict('lcb-3100', PAIR('{seen[target - x], j}'))).toMatchObject({
      verdict: 'WA',
      detail: expect.stringMatching(/returned a set, which never equals/),
    });
    expect(await verdict('lcb-3100', PAIR('[j, seen[target - x]]'))).toMatchObject({
      verdict: 'WA',
      detail: expect.stringMatching(/returned \[1, 0\], expected \[0, 1\]/),
    });
    expect(await verdict('lcb-3101', 'class Solution:\n    def halfSum(self, nums):\n        return sum(nums) / 2\n')).toMatchObject({
      verdict: 'AC',
    });
    expect(await verdict('lcb-3101', 'class Solution:\n    def other(self, nums):\n        return 0\n')).toMatchObject({
      verdict: 'RTE',
      detail: expect.stringMatching(/no method halfSum/),
    });
  }, 120_000);

  it('compares stdin output line by line, numbers as decimals', async () => {
    const mean = (format: string): string => `n = int(input())\nxs = list(map(int, input().split()))\nprint(${format})\n`;
    expect(await verdict('lcb-1999_b', mean('sum(xs) / n'))).toMatchObject({ verdict: 'AC' });
    expect(await verdict('lcb-1999_b', mean("f'{sum(xs) / n:.2f}'"))).toMatchObject({ verdict: 'AC' });
    expect(await verdict('lcb-1999_b', mean('sum(xs) // n'))).toMatchObject({
      verdict: 'WA',
      detail: expect.stringMatching(/line 1: 0, expected 1.5|line 1: 1, expected 1.5/),
    });
    expect(await verdict('lcb-1999_b', `${mean('sum(xs) / n')}print()\nprint('extra')\n`)).toMatchObject({
      verdict: 'WA',
      detail: expect.stringMatching(/printed 3 lines, expected 1/),
    });
  }, 120_000);

  it('refuses a C++ candidate for a method-call problem without running anything', async () => {
    expect(await verdict('lcb-3100', 'int main() {}', 'cpp')).toMatchObject({
      verdict: 'CE',
      detail: expect.stringMatching(/cannot be judged in C\+\+17; it is judged in Python 3 only/),
    });
  });
});
