/**
 * What competitive C++ expects of the C library works in our wasm builds: `long double` through
 * printf and scanf (wasi-libc needs it linked in), with the real clang and WASI runner.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { readProblemDir } from '../../../src/exec/node/problemDir';

const executor = createNodeExecutor({ concurrency: 1 });
afterAll(() => executor.dispose());

describe('C++ C library', () => {
  it('reads and prints long double with scanf/printf', async () => {
    const problem = await readProblemDir(new URL('../../../public/problems/aplusb', import.meta.url).pathname);
    const source =
      '#include <cstdio>\nint main() { long double a, b; if (scanf("%Lf %Lf", &a, &b) != 2) return 1; printf("%.0Lf\\n", a + b); }\n';
    const result = await executor.judge(problem, { language: 'cpp', source });
    expect(result.tests.map((t) => t.verdict).at(-1)).toBe('AC');
    expect(result.verdict).toBe('AC');
  }, 120_000);
});
