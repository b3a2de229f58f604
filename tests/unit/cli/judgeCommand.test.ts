/**
 * The `critique-lab judge` command as users run it: a child process through bin/critique-lab.mjs,
 * loading its own clang (not the test run's shared one: src/exec/clangCaches/nodeSharedClang.ts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHARED_CLANG_ENV } from '../../../src/exec/clangCaches/nodeSharedClang';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { [SHARED_CLANG_ENV]: _shared, ...ownClangEnv } = process.env;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', ['bin/critique-lab.mjs', ...args], { cwd: root, env: ownClangEnv, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('critique-lab judge', () => {
  it('prints one JSON object with the verdict and per-test details (Python)', async () => {
    const { code, stdout } = await cli('judge', 'public/problems/aplusb', 'tests/fixtures/submissions/aplusb/wa.py', '--json');
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.verdict).toBe('WA');
    expect(result.language).toBe('python');
    expect(result.tests.map((t: { verdict: string }) => t.verdict)).toEqual(['AC', 'AC', 'WA']);
  }, 120_000);

  it('judges C++ from a .cpp file', async () => {
    const { code, stdout } = await cli('judge', 'public/problems/aplusb', 'tests/fixtures/submissions/aplusb/ac.cpp', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'AC', language: 'cpp', passed: 5, total: 5 });
    expect(code).toBe(0);
  }, 120_000);

  it('writes a readable summary without --json', async () => {
    const { code, stdout } = await cli('judge', 'public/problems/aplusb', 'tests/fixtures/submissions/aplusb/ce.cpp');
    expect(code).toBe(1);
    expect(stdout).toContain('CE — Compile error');
    expect(stdout).toContain("use of undeclared identifier 'c'");
  }, 120_000);

  it("judges with a package's own output validator and shows its judgemessage", async () => {
    const { code, stdout } = await cli(
      'judge',
      'public/problems/pair-sum',
      'public/problems/pair-sum/submissions/wrong_answer/wa-self-pair.py',
    );
    expect(code).toBe(1);
    expect(stdout).toContain('WA — Wrong answer');
    expect(stdout).toContain('secret/01-no-self-pair: expected "none": no two different banknotes add up to 10');
  }, 120_000);

  it('judges a package whose only statement is Swedish, and says so', async () => {
    const { code, stdout, stderr } = await cli(
      'judge',
      'tests/fixtures/problems/swedish-only',
      'tests/fixtures/problems/swedish-only/submissions/accepted/summa.py',
    );
    expect(stdout).toContain('AC — Accepted (Summera talen, Python 3): 2/2 tests passed');
    expect(stderr).toContain('The statement is in Swedish (sv): the package has no English one.');
    expect(code).toBe(0);
  }, 120_000);

  it('judges a scoring package pass-fail: a submission passing one group of two is not accepted', async () => {
    const { code, stdout } = await cli(
      'judge',
      'tests/fixtures/problems/scoring-groups',
      'tests/fixtures/problems/scoring-groups/submissions/partially_accepted/starts-at-zero.py',
      '--json',
    );
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ verdict: 'WA', passed: 2 });
    expect(result.tests.map((t: { name: string }) => t.name)).toEqual(['sample/1', 'secret/group1/01', 'secret/group2/01']);
    expect(result.notes).toEqual([expect.stringContaining('judged pass-fail here')]);
    expect(code).toBe(1);
  }, 120_000);

  it('runs a validator written with 2025-09 constants, substituted', async () => {
    // The validator reads `MAX_N = {{MAX_N}}`: unsubstituted it would crash (a judge error), so a
    // wrong answer with its message shows it ran as substituted.
    const { stdout } = await cli(
      'judge',
      'tests/fixtures/problems/constants-2025',
      'tests/fixtures/problems/constants-2025/submissions/wrong_answer/constant-in-submission.py',
      '--json',
    );
    const result = JSON.parse(stdout);
    expect(result.verdict).toBe('WA');
    expect(result.tests[0].detail).toContain('expected 2 lines of hello');
  }, 120_000);

  it('rejects an unknown language and a missing package with exit status 2', async () => {
    const bad = await cli('judge', 'public/problems/aplusb', 'solution.rb', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error).toContain('.py, .cpp or .cc');
    const missing = await cli('judge', 'public/problems/nope', 'tests/fixtures/submissions/aplusb/ac.py');
    expect(missing.code).toBe(2);
  }, 60_000);
});
