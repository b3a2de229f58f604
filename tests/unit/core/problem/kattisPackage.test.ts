import { describe, expect, it } from 'vitest';
import { readKattisPackage } from '../../../../src/core/problem/kattisPackage';
import { ProblemPackageError } from '../../../../src/core/problem/problemPackageError';
import { readProblemDir } from '../../../../src/exec/node/problemDir';

const minimal = (extra: Record<string, string> = {}): Map<string, string> =>
  new Map(
    Object.entries({
      'problem.yaml': 'name: Add Two\n',
      'statement/problem.en.md': 'Add $a$ and $b$.',
      'data/sample/1.in': '1 2\n',
      'data/sample/1.ans': '3\n',
      'data/secret/b.in': '5 5\n',
      'data/secret/b.ans': '10\n',
      'data/secret/a.in': '2 2\n',
      'data/secret/a.ans': '4\n',
      ...extra,
    }),
  );

describe('readKattisPackage', () => {
  it('reads title, statement, defaults and tests with samples first in file order', async () => {
    const problem = await readKattisPackage(minimal(), 'addtwo');
    expect(problem.title).toBe('Add Two');
    expect(problem.statement).toBe('Add $a$ and $b$.');
    expect(problem.limits).toEqual({ timeSeconds: 2, timeSource: 'default', memoryMiB: 256, outputMiB: 8 });
    expect(problem.validator).toEqual({ caseSensitive: false, spaceChangeSensitive: false });
    expect(problem.tests.map((t) => t.name)).toEqual(['sample/1', 'secret/a', 'secret/b']);
    expect(problem.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(problem.outputValidator).toBeUndefined();
  });

  it('takes limits and validator flags from problem.yaml, the .timelimit file and testdata.yaml', async () => {
    const fromYaml = await readKattisPackage(
      minimal({ 'problem.yaml': 'name: X\nlimits:\n  time_limit: 3.5\n  memory: 512\n  output: 16\nvalidator_flags: float_tolerance 1e-6 case_sensitive\n' }),
      'x',
    );
    expect(fromYaml.limits).toEqual({ timeSeconds: 3.5, timeSource: 'package', memoryMiB: 512, outputMiB: 16 });
    expect(fromYaml.validator).toEqual({ caseSensitive: true, spaceChangeSensitive: false, floatAbsoluteTolerance: 1e-6, floatRelativeTolerance: 1e-6 });

    const legacy = await readKattisPackage(minimal({ '.timelimit': '4\n', 'data/testdata.yaml': 'output_validator_flags: space_change_sensitive float_relative_tolerance 0.01\n' }), 'x');
    expect(legacy.limits.timeSeconds).toBe(4);
    expect(legacy.validator).toEqual({ caseSensitive: false, spaceChangeSensitive: true, floatRelativeTolerance: 0.01 });
  });

  it('unwraps a single top-level folder (zips and dropped folders) and converts LaTeX statements', async () => {
    const wrapped = new Map([...minimal()].map(([p, t]) => [`addtwo/${p}`, t]));
    wrapped.delete('addtwo/statement/problem.en.md');
    wrapped.set('addtwo/problem_statement/problem.en.tex', '\\problemname{Sum It}\nCompute $a+b$.\n\\section*{Input}\nTwo \\textbf{integers}.');
    wrapped.set('addtwo/problem.yaml', 'source: nowhere\n');
    const problem = await readKattisPackage(wrapped, 'addtwo');
    expect(problem.title).toBe('Sum It');
    expect(problem.statement).toContain('## Input');
    expect(problem.statement).toContain('*integers*');
    expect(problem.tests).toHaveLength(3);
  });

  it('content hash changes with any test byte and is stable otherwise', async () => {
    const a = await readKattisPackage(minimal(), 'p');
    const b = await readKattisPackage(minimal(), 'p');
    const c = await readKattisPackage(minimal({ 'data/secret/a.ans': '5\n' }), 'p');
    expect(a.contentHash).toBe(b.contentHash);
    expect(c.contentHash).not.toBe(a.contentHash);
  });

  it.each([
    [{ 'problem.yaml': undefined }, /missing problem\.yaml/],
    [{ 'problem.yaml': 'name: [unclosed' }, /problem\.yaml: not valid YAML/],
    [{ 'data/secret/a.ans': undefined }, /secret\/a\.in: test input has no answer file data\/secret\/a\.ans/],
    [{ 'problem.yaml': 'limits:\n  time_limit: -1\n' }, /limits\.time_limit must be a positive number/],
    [{ 'problem.yaml': 'validator_flags: float_tolerance\n' }, /"float_tolerance" needs a non-negative number/],
    [{ 'problem.yaml': 'validator_flags: sloppy\n' }, /unknown validator flag "sloppy"/],
    [{ 'statement/problem.en.md': undefined }, /no statement/],
    [{ 'data/sample/1.interaction': 'x' }, /interactive problems are not supported/],
  ])('rejects a broken package with a clear error (%#)', async (change, message) => {
    const files = minimal();
    for (const [path, text] of Object.entries(change)) {
      if (text === undefined) files.delete(path);
      else files.set(path, text);
    }
    const attempt = readKattisPackage(files, 'broken');
    await expect(attempt).rejects.toBeInstanceOf(ProblemPackageError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('reads the bundled problem folder from disk', async () => {
    const problem = await readProblemDir('public/problems/max-subarray');
    expect(problem.id).toBe('max-subarray');
    expect(problem.title).toBe('Best Stretch');
    expect(problem.limits.timeSeconds).toBe(1);
    expect(problem.tests.filter((t) => t.group === 'sample')).toHaveLength(2);
    expect(problem.tests.at(-1)?.name).toBe('secret/05-large');
  });
});
