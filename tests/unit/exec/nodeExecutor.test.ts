/**
 * The Node executor with the real runtimes: Pyodide in worker threads, @yowasp/clang and our WASI
 * runner. One executor is shared by the file (clang's first load and the PCH are the slow part).
 * It takes no Pyodide snapshot from the test run (nodeSnapshotFile.ts): its first Python process
 * starts from scratch and takes one, as a CLI's first judge does.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgeResult, TestResult } from '../../../src/core/judging/judgeResult';
import type { Submission } from '../../../src/core/judging/executor';
import { languageFromFileName } from '../../../src/core/problem/language';
import type { Problem } from '../../../src/core/problem/problem';
import { createNodeExecutor, type NodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { readProblemDir } from '../../../src/exec/node/problemDir';
import { SNAPSHOT_DIR_ENV } from '../../../src/exec/pyodideSnapshot/nodeSnapshotFile';

const fixtures = new URL('../../fixtures/', import.meta.url);
const problems = new Map<string, Problem>();
let executor: NodeExecutor;

function submission(path: string): Submission {
  return { language: languageFromFileName(path)!, source: readFileSync(new URL(`submissions/${path}`, fixtures), 'utf8') };
}

async function judge(problemId: string, path: string, options: Parameters<NodeExecutor['judge']>[2] = {}): Promise<JudgeResult> {
  return executor.judge(problems.get(problemId)!, submission(path), options);
}

beforeAll(async () => {
  for (const id of ['aplusb', 'circle-area', 'yes-no', 'shout']) {
    problems.set(id, await readProblemDir(new URL(`../../../public/problems/${id}`, import.meta.url).pathname));
  }
  delete process.env[SNAPSHOT_DIR_ENV];
  executor = createNodeExecutor({ concurrency: 2 });
  await Promise.all([executor.warmUp('python'), executor.warmUp('cpp')]);
}, 240_000);

afterAll(() => executor?.dispose());

describe.each(['py', 'cpp'])('A+B in %s', (ext) => {
  it.each([
    ['ac', 'AC'],
    ['wa', 'WA'],
    ['tle', 'TLE'],
    ['rte', 'RTE'],
    ['mle', 'MLE'],
    ['ole', 'OLE'],
    ['ce', 'CE'],
  ])(
    '%s gets %s',
    async (name, verdict) => {
      const result = await judge('aplusb', `aplusb/${name}.${ext}`);
      expect(result.verdict).toBe(verdict);
      if (verdict === 'AC') {
        expect(result.passed).toBe(5);
        expect(result.tests.map((t) => t.name)).toEqual(['sample/1', 'sample/2', 'secret/01-big', 'secret/02-negative', 'secret/03-mixed']);
      }
      if (verdict === 'WA') {
        // Passes the samples, fails the first secret test, and stops there.
        expect(result.tests.map((t) => t.verdict)).toEqual(['AC', 'AC', 'WA']);
        expect(result.tests[2]!.detail).toContain('expected "2000000000000000000"');
      }
      if (verdict === 'CE') {
        expect(result.compile?.ok).toBe(false);
        expect(result.compile?.stderr).toMatch(
          ext === 'cpp' ? /solution\.cpp:3:\d+: error: use of undeclared identifier 'c'/ : /SyntaxError/,
        );
        expect(result.tests).toEqual([]);
      }
    },
    60_000,
  );
});

describe('details a user needs', () => {
  it('reports a Python traceback for a run-time error', async () => {
    const result = await judge('aplusb', 'aplusb/rte.py');
    expect(result.tests[0]!.stderrHead).toContain('File "solution.py", line 3');
    expect(result.tests[0]!.stderrHead).toContain('IndexError');
  });

  it('treats a non-zero exit status as RTE and an assert as RTE with its message', async () => {
    expect((await judge('aplusb', 'aplusb/rte-exit.cpp')).tests[0]!.detail).toContain('exit status 3');
    expect((await judge('aplusb', 'aplusb/rte.cpp')).tests[0]!.stderrHead).toContain('Assertion failed');
  }, 60_000);

  it('counts memory a program allocates but never reads back (as a native judge does)', async () => {
    const result = await judge('aplusb', 'aplusb/mle-unread.cpp');
    expect(result.verdict).toBe('MLE');
    expect(result.tests[0]!.detail).toContain('an allocation failed');
  }, 60_000);

  it('accepts a .cc file without <bits/stdc++.h>', async () => {
    expect((await judge('aplusb', 'aplusb/ac-iostream.cc')).verdict).toBe('AC');
  }, 60_000);

  it('compiles once and reuses the binary', async () => {
    await judge('aplusb', 'aplusb/ac.cpp');
    const again = await judge('aplusb', 'aplusb/ac.cpp');
    expect(again.compile?.cached).toBe(true);
  }, 60_000);

  it('runs every test with runAll, and only samples with groups', async () => {
    const all = await judge('aplusb', 'aplusb/wa.py', { runAll: true });
    expect(all.tests).toHaveLength(5);
    expect(all.verdict).toBe('WA');
    const samples = await judge('aplusb', 'aplusb/wa.py', { groups: ['sample'] });
    expect(samples.verdict).toBe('AC');
    expect(samples.total).toBe(2);
  });

  it('reports each test as it finishes', async () => {
    const seen: TestResult[] = [];
    await judge('aplusb', 'aplusb/ac.py', { onTest: (t) => seen.push(t) });
    expect(seen.map((t) => t.verdict)).toEqual(['AC', 'AC', 'AC', 'AC', 'AC']);
  });
});

describe('validator rules end to end', () => {
  it('float tolerance accepts other formatting and rejects low precision', async () => {
    expect((await judge('circle-area', 'circle-area/ac.py')).verdict).toBe('AC');
    expect((await judge('circle-area', 'circle-area/ac.cpp')).verdict).toBe('AC');
    expect((await judge('circle-area', 'circle-area/wa.py')).verdict).toBe('WA');
  }, 60_000);

  it('case-insensitive by default; case- and space-sensitive with flags', async () => {
    expect((await judge('yes-no', 'yes-no/ac.py')).verdict).toBe('AC');
    expect((await judge('shout', 'shout/ac.py')).verdict).toBe('AC');
    expect((await judge('shout', 'shout/ac.cpp')).verdict).toBe('AC');
    expect((await judge('shout', 'shout/wa-case.py')).tests[0]!.detail).toContain('case differs');
    expect((await judge('shout', 'shout/wa-space.py')).tests[0]!.detail).toContain('whitespace differs');
  }, 60_000);
});

describe('pool behaviour', () => {
  it('judges many candidates concurrently and recovers after a killed worker', async () => {
    const names = ['aplusb/ac.py', 'aplusb/tle.cpp', 'aplusb/ac.cpp', 'aplusb/tle.py', 'aplusb/wa.py', 'aplusb/ac.py'];
    const results = await Promise.all(names.map((n) => judge('aplusb', n)));
    expect(results.map((r) => r.verdict)).toEqual(['AC', 'TLE', 'AC', 'TLE', 'WA', 'AC']);
  }, 120_000);

  it('aborts a judge via its signal', async () => {
    const controller = new AbortController();
    const pending = judge('aplusb', 'aplusb/tle.py', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 300);
    await expect(pending).rejects.toThrow('stop');
    expect((await judge('aplusb', 'aplusb/ac.py')).verdict).toBe('AC');
  }, 60_000);

  it('keeps Python state from leaking between candidates', async () => {
    const poison: Submission = { language: 'python', source: 'import math, builtins\nmath.sqrt = None\nbuiltins.int = str\nprint(3)' };
    const problem = problems.get('aplusb')!;
    await executor.judge(problem, poison, { groups: ['sample'] });
    const clean: Submission = {
      language: 'python',
      source: 'import math\na, b = map(int, input().split())\nprint(int(math.sqrt((a + b) ** 2)) * (1 if a + b >= 0 else -1))',
    };
    expect((await executor.judge(problem, clean)).verdict).toBe('AC');
  });
});
