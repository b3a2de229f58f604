/**
 * A loop g++ runs to the end must run here too: clang -O2 would replace a search loop by the closed
 * form of its exit value (|a - b| below) and delete it, so this program — TLE under g++ on
 * a = 10^15 — would be accepted in no time. With `-mllvm -replexitval=never` (CPP_FLAGS) the loop
 * runs, and the judge says TLE as a contest judge would; the direct solution stays AC.
 */
import { afterAll, expect, it } from 'vitest';
import { createNodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { readProblemDir } from '../../../src/exec/node/problemDir';

const executor = createNodeExecutor({ concurrency: 1 });
afterAll(() => executor.dispose());

const LINEAR_SEARCH = `#include <cstdio>
int main() {
  long long a, b;
  while (scanf("%lld %lld", &a, &b) == 2) {
    long long gap = 0;
    while (a - b != gap && b - a != gap) gap++;
    printf("%lld\\n", gap);
  }
}
`;
const DIRECT = '#include <cstdio>\nint main(){long long a,b;while(scanf("%lld %lld",&a,&b)==2)printf("%lld\\n",a>b?a-b:b-a);}\n';

it('a linear search for |a - b| up to 10^15 is TLE, as under g++; the direct answer is AC', async () => {
  const problem = await readProblemDir(new URL('../../fixtures/problems/gap', import.meta.url).pathname);
  const slow = await executor.judge(problem, { language: 'cpp', source: LINEAR_SEARCH });
  expect(slow.tests.map((t) => t.verdict)).toEqual(['AC', 'TLE']);
  expect((await executor.judge(problem, { language: 'cpp', source: DIRECT })).verdict).toBe('AC');
}, 240_000);
