/**
 * Deriving a missing time limit by really running the package's accepted submissions (Node
 * executor: Pyodide and clang), and the CLI saying where the limit came from.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIME_MULTIPLIER } from '../../../src/core/judging/languageTimeLimits';
import { deriveTimeLimit } from '../../../src/core/problem/timeLimitRule';
import { createNodeExecutor, type NodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { readProblemDir } from '../../../src/exec/node/problemDir';
import { resolveTimeLimit } from '../../../src/exec/timeLimitFromAcceptedRuns';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/problems/${name}`, import.meta.url));
let executor: NodeExecutor;

beforeAll(() => {
  executor = createNodeExecutor({ concurrency: 1 });
});
afterAll(() => executor?.dispose());

describe('resolveTimeLimit', () => {
  it("derives the limit from the slowest accepted submission, with the format's rule", async () => {
    const problem = await readProblemDir(fixture('no-time-limit'));
    expect(problem.limits.timeSource).toBe('default');
    const resolution = await resolveTimeLimit(executor, problem);
    expect(resolution.rejected).toEqual([]);
    expect(resolution.problem.limits.timeSource).toBe('derived');
    expect(resolution.problem.timeLimitRule).toBeUndefined();
    expect(resolution.problem.contentHash).not.toBe(problem.contentHash);
    // Recompute from what was measured: the slowest run, in reference time, × 3, in 0.5 s steps.
    const { slowestPath, slowestMs } = resolution.derived!;
    const language = slowestPath.endsWith('.py') ? 'python' : 'cpp';
    const expected = deriveTimeLimit(problem.timeLimitRule!, slowestMs / 1000 / TIME_MULTIPLIER[language]);
    expect(resolution.problem.limits.timeSeconds).toBe(expected.timeSeconds);
    expect(resolution.derived!.tleBoundarySeconds).toBe(expected.tleBoundarySeconds);
    expect(resolution.explanation).toMatch(
      /derived \(2023-07 rules: slowest accepted run × 3, rounded up to 0\.5 s\) from submissions\/accepted\/(formula\.py|loop\.cpp)/,
    );
  }, 180_000);

  it('falls back to the stated default when there are no accepted submissions, and says so', async () => {
    const problem = await readProblemDir(fixture('no-time-limit-legacy'));
    const resolution = await resolveTimeLimit(executor, problem);
    expect(resolution.problem.limits).toMatchObject({ timeSeconds: 2, timeSource: 'default' });
    expect(resolution.explanation).toBe('Time limit 2 s: our default (the package states none).');
  });
});

describe('critique-lab judge', () => {
  it('reports where the time limit came from', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        'node',
        ['bin/critique-lab.mjs', 'judge', fixture('no-time-limit'), fixture('no-time-limit/submissions/wrong_answer/zero.py'), '--json'],
        { cwd: root, timeout: 240_000 },
        (error, out) => (error && !out ? reject(error) : resolve(out)),
      ),
    );
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ verdict: 'WA', timeLimitSource: 'derived' });
    expect(result.timeLimitExplanation).toMatch(/^Time limit [\d.]+ s derived/);
    expect(result.timeLimitMs).toBe(Math.max(250, Math.round(result.timeLimitSeconds * 1000 * TIME_MULTIPLIER.python)));
  }, 240_000);
});
