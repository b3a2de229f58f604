import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      minimal({
        'problem.yaml':
          'name: X\nlimits:\n  time_limit: 3.5\n  memory: 512\n  output: 16\nvalidator_flags: float_tolerance 1e-6 case_sensitive\n',
      }),
      'x',
    );
    expect(fromYaml.limits).toEqual({ timeSeconds: 3.5, timeSource: 'package', memoryMiB: 512, outputMiB: 16 });
    expect(fromYaml.validator).toEqual({
      caseSensitive: true,
      spaceChangeSensitive: false,
      floatAbsoluteTolerance: 1e-6,
      floatRelativeTolerance: 1e-6,
    });

    const legacy = await readKattisPackage(
      minimal({
        '.timelimit': '4\n',
        'data/testdata.yaml': 'output_validator_flags: space_change_sensitive float_relative_tolerance 0.01\n',
      }),
      'x',
    );
    expect(legacy.limits.timeSeconds).toBe(4);
    expect(legacy.validator).toEqual({ caseSensitive: false, spaceChangeSensitive: true, floatRelativeTolerance: 0.01 });
  });

  it('unwraps a single top-level folder (zips and dropped folders) and converts LaTeX statements', async () => {
    const wrapped = new Map([...minimal()].map(([p, t]) => [`addtwo/${p}`, t]));
    wrapped.delete('addtwo/statement/problem.en.md');
    wrapped.set(
      'addtwo/problem_statement/problem.en.tex',
      '\\problemname{Sum It}\nCompute $a+b$.\n\\section*{Input}\nTwo \\textbf{integers}.',
    );
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
    [{ 'problem.yaml': 'constants: [1, 2]\n' }, /constants must be a mapping/],
    [{ 'problem.yaml': 'constants:\n  N:\n    WORD: "five"\n' }, /constants\.N has variants but no value/],
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

  it('judges a package whatever language its statement is in, or without one', async () => {
    const swedish = await readProblemDir('tests/fixtures/problems/swedish-only');
    expect(swedish).toMatchObject({ title: 'Summera talen', statementLanguage: 'sv' });
    expect(swedish.statement).toContain('## Indata');
    expect(swedish.tests).toHaveLength(2);

    const none = await readProblemDir('tests/fixtures/problems/no-statement');
    expect(none).toMatchObject({ title: 'Double it', statement: '' });
    expect(none.statementLanguage).toBeUndefined();
    expect(none.tests).toHaveLength(2);

    // English first, then a file that names no language, then others in code order; Markdown before LaTeX.
    const without = minimal();
    without.delete('statement/problem.en.md');
    const read = (files: Record<string, string>) =>
      readKattisPackage(new Map([...without, ...Object.entries(files)]), 'p').then((p) => [p.statementLanguage, p.statement]);
    expect(await read({ 'statement/problem.sv.md': 'sv', 'statement/problem.en.tex': 'en', 'statement/problem.md': 'plain' })).toEqual([
      'en',
      'en',
    ]);
    expect(await read({ 'statement/problem.sv.md': 'sv', 'statement/problem.md': 'plain' })).toEqual([undefined, 'plain']);
    expect(
      await read({
        'problem_statement/problem.sv.tex': 'sv tex',
        'problem_statement/problem.nl.md': 'nl md',
        'problem_statement/problem.de.tex': 'de tex',
      }),
    ).toEqual(['nl', 'nl md']);
    expect(await read({ 'problem_statement/problem.sv.tex': 'sv', 'problem_statement/problem.de.tex': 'de' })).toEqual(['de', 'de']);
  });

  it("takes the title from a map of names: English, else the statement's language", async () => {
    const files = minimal({ 'problem.yaml': 'name:\n  sv: Största\n  de: Größte\n' });
    files.delete('statement/problem.en.md');
    files.set('statement/problem.de.md', 'Finde die größte Zahl.');
    expect((await readKattisPackage(files, 'p')).title).toBe('Größte');
    expect((await readProblemDir('tests/fixtures/problems/scoring-groups')).title).toBe('Largest number');
  });

  it('marks a scoring package, whose test groups are all judged', async () => {
    const problem = await readProblemDir('tests/fixtures/problems/scoring-groups');
    expect(problem.scoring).toBe(true);
    expect(problem.tests.map((t) => t.name)).toEqual(['sample/1', 'secret/group1/01', 'secret/group2/01']);
    expect((await readKattisPackage(minimal(), 'p')).scoring).toBeUndefined();
  });

  it('substitutes 2025-09 constants into the validator and the statement, never elsewhere', async () => {
    const problem = await readProblemDir('tests/fixtures/problems/constants-2025');
    expect(problem.statement).toContain('$1 \\le n \\le 10$');
    expect(problem.statement).toContain('`hello` $n$ times');
    expect(problem.statement).toContain('`HELLO` is wrong');
    const validator = problem.outputValidator!.files['validate.py']!;
    expect(validator).toContain('MAX_N = 10\n');
    expect(validator).toContain('WORD = "hello"');
    expect(validator).not.toContain('{{');
  });

  it('follows symbolic links to files inside the package (shared test groups), never out of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'critique-lab-links-'));
    try {
      const pkg = join(dir, 'linked');
      cpSync('tests/fixtures/problems/no-statement', pkg, { recursive: true });
      mkdirSync(join(pkg, 'data/secret/group2'));
      symlinkSync('../1.in', join(pkg, 'data/secret/group2/1.in'));
      symlinkSync('../1.ans', join(pkg, 'data/secret/group2/1.ans'));
      writeFileSync(join(dir, 'outside.txt'), 'not part of the package\n');
      symlinkSync(join(dir, 'outside.txt'), join(pkg, 'data/secret/group2/2.in'));
      symlinkSync(join(dir, 'outside.txt'), join(pkg, 'data/secret/group2/2.ans'));
      const problem = await readProblemDir(pkg);
      expect(problem.tests.map((t) => t.name)).toEqual(['sample/1', 'secret/1', 'secret/group2/1']);
      expect(problem.tests[2]!.answer).toBe('-14\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
