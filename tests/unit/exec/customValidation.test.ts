/**
 * Custom output validators (Kattis protocol) with the real runtimes in Node: a Python validator in
 * a 2023-07 package (the bundled pair-sum) and a C++ validator with a header and flags in a legacy
 * package, each in the sandbox children; and every way a validator can fail becoming JE.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgeResult } from '../../../src/core/judging/judgeResult';
import { languageFromFileName } from '../../../src/core/problem/language';
import { readKattisPackage } from '../../../src/core/problem/kattisPackage';
import type { Problem } from '../../../src/core/problem/problem';
import { createNodeExecutor, type NodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { readProblemDir } from '../../../src/exec/node/problemDir';

const fixtures = new URL('../../fixtures/', import.meta.url);
let executor: NodeExecutor;
let pairSum: Problem;
let split: Problem;

function source(path: string): string {
  return readFileSync(new URL(`submissions/${path}`, fixtures), 'utf8');
}

function judge(problem: Problem, path: string): Promise<JudgeResult> {
  return executor.judge(problem, { language: languageFromFileName(path)!, source: source(path) });
}

/** The legacy fixture with its validator replaced (and limits adjusted), read like any package. */
async function splitWithValidator(name: string, text: string, extraYaml = ''): Promise<Problem> {
  const dir = new URL('problems/split-legacy/', fixtures);
  const files = new Map<string, string>();
  for (const path of [
    'problem.yaml',
    'problem_statement/problem.en.tex',
    'data/sample/1.in',
    'data/sample/1.ans',
    'data/secret/1.in',
    'data/secret/1.ans',
  ]) {
    files.set(path, readFileSync(new URL(path, dir), 'utf8'));
  }
  files.set('problem.yaml', `${files.get('problem.yaml')!.replace('  validation_time: 5\n', '')}${extraYaml}`);
  files.set(`output_validators/broken/${name}`, text);
  return readKattisPackage(files, 'split-broken');
}

beforeAll(async () => {
  pairSum = await readProblemDir('public/problems/pair-sum');
  split = await readProblemDir(new URL('problems/split-legacy', fixtures).pathname);
  executor = createNodeExecutor({ concurrency: 2 });
  await Promise.all([executor.warmUp('python'), executor.warmUp('cpp')]);
}, 240_000);

afterAll(() => executor?.dispose());

describe('a Python validator (2023-07 output_validator/)', () => {
  it('accepts any correct pair, not only the one in the answer file, and shows judgemessage.txt', async () => {
    const result = await judge(pairSum, '../../../public/problems/pair-sum/submissions/accepted/ac.py');
    expect(result.verdict).toBe('AC');
    expect(result.passed).toBe(result.total);
    // sample/1's answer file says "2 4"; the program prints "3 1", which the default validator would reject.
    expect(result.tests[0]).toMatchObject({ name: 'sample/1', verdict: 'AC', stdoutHead: '3 1\n', detail: 'correct: a_3 + a_1 = 9' });
    expect((await judge(pairSum, '../../../public/problems/pair-sum/submissions/accepted/ac.cpp')).verdict).toBe('AC');
  }, 120_000);

  it("rejects wrong outputs with the validator's own reason", async () => {
    const self = await judge(pairSum, '../../../public/problems/pair-sum/submissions/wrong_answer/wa-self-pair.py');
    expect(self.verdict).toBe('WA');
    expect(self.tests.at(-1)).toMatchObject({
      name: 'secret/01-no-self-pair',
      verdict: 'WA',
      detail: 'expected "none": no two different banknotes add up to 10',
    });
    const overflow = await judge(pairSum, '../../../public/problems/pair-sum/submissions/wrong_answer/wa-overflow.cpp');
    expect(overflow.tests.at(-1)).toMatchObject({ name: 'secret/05-wraparound', verdict: 'WA' });
    const zeroBased = await judge(pairSum, '../../../public/problems/pair-sum/submissions/wrong_answer/wa-zero-based.cpp');
    expect(zeroBased.tests.at(-1)).toMatchObject({
      name: 'sample/1',
      verdict: 'WA',
      detail: 'positions must be between 1 and 5, got 0 and 2',
    });
  }, 120_000);
});

describe('a C++ validator with a header and flags (legacy output_validators/<name>/)', () => {
  it('compiles the validator with its header, passes the flags and judges both languages', async () => {
    expect(split.outputValidator).toMatchObject({ language: 'cpp', entry: 'split_check.cpp', flags: ['positive'] });
    const python = await judge(split, 'split-legacy/ac.py');
    expect(python.verdict).toBe('AC');
    expect(python.tests.map((t) => t.detail)).toEqual(['a valid split', 'a valid split', 'a valid split']);
    expect((await judge(split, 'split-legacy/ac.cpp')).verdict).toBe('AC');
    // "0 10" adds up, but the `positive` flag forbids 0.
    const zero = await judge(split, 'split-legacy/wa-zero.py');
    expect(zero.tests[0]).toMatchObject({ verdict: 'WA', detail: 'both numbers must be at least 1' });
  }, 180_000);
});

describe('a validator that fails is a judge error, never AC or WA', () => {
  it.each([
    ['crash.py', 'raise ValueError("validator bug")', /crashed \(ValueError\).*validator bug/s],
    ['zero.py', 'import sys\nsys.exit(0)', /exited with status 0 \(it must exit 42 to accept or 43 to reject\)/],
    [
      'other.py',
      'import sys, os\nopen(os.path.join(sys.argv[3], "judgemessage.txt"), "w").write("cannot parse")\nsys.exit(1)',
      /exited with status 1 .*judgemessage\.txt: cannot parse/,
    ],
    [
      'missing.cpp',
      '#include <fstream>\nint main(int c, char** v) { std::ifstream f("/etc/passwd"); return f ? 42 : 7; }',
      /exited with status 7/,
    ],
    [
      'broken.cpp',
      'int main() { return undeclared; }',
      /does not compile: .*broken\.cpp:1:21: error: use of undeclared identifier 'undeclared'/s,
    ],
    ['abort.cpp', '#include <cstdlib>\nint main() { std::abort(); }', /crashed/],
  ])(
    '%s',
    async (name, text, detail) => {
      const problem = await splitWithValidator(name, text);
      const result = await judge(problem, 'split-legacy/ac.py');
      expect(result.verdict).toBe('JE');
      expect(result.tests).toHaveLength(1);
      expect(result.tests[0]!.verdict).toBe('JE');
      expect(result.tests[0]!.detail).toMatch(detail);
      expect(result.tests[0]!.detail).toContain(`output_validators/broken/${name}`);
    },
    120_000,
  );

  it('a validator that runs past validation_time', async () => {
    const cpp = await splitWithValidator('loop.cpp', 'int main() { volatile int x = 0; for (;;) x++; }', '  validation_time: 1\n');
    const python = await splitWithValidator('loop.py', 'while True:\n    pass', '  validation_time: 1\n');
    for (const problem of [cpp, python]) {
      const result = await judge(problem, 'split-legacy/ac.cpp');
      expect(result.verdict).toBe('JE');
      expect(result.tests[0]!.detail).toMatch(/ran past its time limit/);
    }
  }, 120_000);
});
