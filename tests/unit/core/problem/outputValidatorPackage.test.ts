import { describe, expect, it } from 'vitest';
import { readKattisPackage } from '../../../../src/core/problem/kattisPackage';
import { ProblemPackageError } from '../../../../src/core/problem/problemPackageError';

const base = (extra: Record<string, string | undefined> = {}): Map<string, string> => {
  const files = new Map(
    Object.entries({
      'problem.yaml': 'name: Any Pair\n',
      'statement/problem.md': 'Print two numbers with sum $n$.',
      'data/sample/1.in': '3\n',
      'data/sample/1.ans': '1 2\n',
      ...extra,
    }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return files;
};

describe('custom output validators in packages', () => {
  it('legacy output_validators/<name>/ with validation: custom and validator_flags', async () => {
    const problem = await readKattisPackage(
      base({
        'problem.yaml': 'name: X\nvalidation: custom\nvalidator_flags: strict 3\nlimits:\n  validation_time: 2\n',
        'output_validators/checker/check.cpp': '#include "lib.h"\nint main(){return 42;}',
        'output_validators/checker/lib.h': '// helper',
      }),
      'x',
    );
    expect(problem.outputValidator).toEqual({
      language: 'cpp',
      entry: 'check.cpp',
      files: { 'check.cpp': '#include "lib.h"\nint main(){return 42;}', 'lib.h': '// helper' },
      flags: ['strict', '3'],
      folder: 'output_validators/checker/',
      limits: { timeSeconds: 2, memoryMiB: 2048, outputMiB: 8 },
    });
    // The flags belong to the custom validator, not to the default one.
    expect(problem.validator).toEqual({ caseSensitive: false, spaceChangeSensitive: false });
  });

  it('2023-07 output_validator/ (files directly or one folder deeper), flags from testdata.yaml', async () => {
    const direct = await readKattisPackage(
      base({
        'problem.yaml': 'problem_format_version: 2023-07-draft\nname: X\n',
        'output_validator/validate.py': 'import sys',
        'output_validator/util.py': 'x = 1',
        'data/testdata.yaml': 'output_validator_args: [--mode, loose]\n',
      }),
      'x',
    );
    expect(direct.outputValidator).toMatchObject({
      language: 'python',
      entry: 'validate.py',
      folder: 'output_validator/',
      flags: ['--mode', 'loose'],
    });
    const deeper = await readKattisPackage(base({ 'output_validator/anypair/anypair.py': 'import sys' }), 'x');
    expect(deeper.outputValidator).toMatchObject({
      language: 'python',
      entry: 'anypair.py',
      folder: 'output_validator/anypair/',
      flags: [],
    });
  });

  it('a validator changes the content hash; a default problem keeps its hash', async () => {
    const plain = await readKattisPackage(base(), 'x');
    const custom = await readKattisPackage(base({ 'output_validator/v.py': 'import sys' }), 'x');
    expect(custom.contentHash).not.toBe(plain.contentHash);
  });

  it.each([
    [{ 'problem.yaml': 'name: X\ntype: interactive\n' }, /problem\.yaml: interactive problems are not supported/],
    [{ 'problem.yaml': 'name: X\ntype: [pass-fail, multi-pass]\n' }, /problem\.yaml: multi-pass problems are not supported/],
    [{ 'problem.yaml': 'name: X\nvalidation: custom interactive\n' }, /interactive problems are not supported/],
    [{ 'problem.yaml': 'name: X\nvalidation: custom\n' }, /validation: custom.*no output_validators\/ folder/],
    [{ 'output_validators/a/a.py': 'x', 'output_validators/b/b.py': 'y' }, /output_validators\/: several output validators \(a, b\)/],
    [{ 'output_validator/check.java': 'class A {}' }, /output_validator\/: no validator this judge can run \(found check\.java\)/],
    [{ 'output_validator/a.cpp': 'x', 'output_validator/b.py': 'y' }, /both C\+\+ \(a\.cpp\) and Python \(b\.py\)/],
    [{ 'output_validator/a.cpp': 'x', 'output_validator/b.cc': 'y' }, /several C\+\+ translation units/],
    [{ 'output_validator/v.py': 'x', 'output_validators/w/w.py': 'y' }, /both output_validator\/ and output_validators\//],
    [
      { 'output_validator/v.py': 'x', 'problem.yaml': 'name: X\nlimits:\n  validation_time: 0\n' },
      /limits\.validation_time must be a positive number/,
    ],
    [{ 'data/testdata.yaml': 'output_validator_flags: [unclosed' }, /data\/testdata\.yaml: not valid YAML/],
  ])('refuses what it cannot judge, naming the file (%#)', async (change, message) => {
    const attempt = readKattisPackage(base(change), 'broken');
    await expect(attempt).rejects.toBeInstanceOf(ProblemPackageError);
    await expect(attempt).rejects.toThrow(message);
  });
});
