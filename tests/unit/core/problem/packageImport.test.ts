import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readKattisPackage } from '../../../../src/core/problem/kattisPackage';
import { collectPackageFiles, safePackagePath, type PackageEntry } from '../../../../src/core/problem/packageImport';
import { readPackageZip } from '../../../../src/core/problem/packageZip';
import { ProblemPackageError } from '../../../../src/core/problem/problemPackageError';
import { brokenPackages } from '../../../fixtures/packages/brokenPackages';

function folderZip(dir: string, wrap: string): Uint8Array {
  const tree: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    tree[`${wrap}${relative(dir, path)}`] = readFileSync(path);
  }
  return zipSync(tree);
}

async function importZip(zip: Uint8Array, id: string) {
  const { files, images } = await collectPackageFiles(readPackageZip(zip));
  return readKattisPackage(files, id, images);
}

describe('importing a package', () => {
  it('reads a zip wrapped in a folder, keeping only package files (accepted submissions included)', async () => {
    const zip = folderZip('tests/fixtures/problems/no-time-limit', 'count-up/');
    const { files } = await collectPackageFiles(readPackageZip(zip));
    expect([...files.keys()].sort()).toEqual([
      'data/sample/1.ans',
      'data/sample/1.in',
      'data/secret/1.ans',
      'data/secret/1.in',
      'problem.yaml',
      'statement/problem.md',
      'submissions/accepted/formula.py',
      'submissions/accepted/loop.cpp',
    ]);
    const problem = await importZip(zip, 'count-up');
    expect(problem.title).toBe('Count Up');
    expect(problem.timeLimitRule?.accepted).toHaveLength(2);
  });

  it('reads the legacy C++-validator package and the bundled Python-validator package from zips', async () => {
    const legacy = await importZip(folderZip('tests/fixtures/problems/split-legacy', ''), 'split');
    expect(legacy.outputValidator).toMatchObject({ language: 'cpp', flags: ['positive'] });
    expect(legacy.statement).toContain('## Input');
    const modern = await importZip(folderZip('public/problems/pair-sum', 'pair-sum/'), 'pair-sum');
    expect(modern.outputValidator).toMatchObject({ language: 'python', entry: 'pair_sum_validator.py' });
    expect(modern.tests).toHaveLength(9);
  });

  it('reads folder entries lazily and never reads files the package does not use', async () => {
    const read: string[] = [];
    const entry = (path: string, text: string): PackageEntry => ({
      path,
      size: text.length,
      bytes: async () => (read.push(path), strToU8(text)),
    });
    const { files } = await collectPackageFiles([
      entry('p/problem.yaml', 'name: P\n'),
      entry('p/statement/problem.md', 'x'),
      entry('p/data/sample/1.in', '1'),
      entry('p/data/sample/1.ans', '1'),
      entry('p/submissions/wrong_answer/bad.py', 'print(2)'),
      entry('p/attachments/big.pdf', 'pdf'),
    ]);
    expect(files.size).toBe(4);
    expect(read).not.toContain('submissions/wrong_answer/bad.py');
    expect(read).not.toContain('attachments/big.pdf');
  });

  it("keeps the statement's images as bytes, beside a LaTeX statement that shows them", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0xff]); // not UTF-8: kept as bytes, never decoded
    const zip = zipSync({
      'p/problem.yaml': strToU8('name: Figures\n'),
      'p/problem_statement/problem.en.tex': strToU8(
        '\\problemname{Figures}\n\\illustration{0.4}{tree.png}{A tree}\nSee \\includegraphics[width=3cm]{img/path}.',
      ),
      'p/problem_statement/tree.png': png,
      'p/problem_statement/img/path.jpg': png,
      'p/problem_statement/notes.pdf': png,
      'p/data/sample/1.in': strToU8('1'),
      'p/data/sample/1.ans': strToU8('1'),
    });
    const problem = await importZip(zip, 'figures');
    expect(problem.statement).toContain('![A tree](<tree.png>)');
    expect(problem.statement).toContain('![](<img/path>)');
    expect(problem.statementImages?.folder).toBe('problem_statement');
    expect(Object.keys(problem.statementImages!.files).sort()).toEqual(['problem_statement/img/path.jpg', 'problem_statement/tree.png']);
    expect(problem.statementImages!.files['problem_statement/tree.png']).toEqual(png);
  });

  it('normalises harmless paths and refuses escaping ones', () => {
    expect(safePackagePath('a\\b/./c')).toBe('a/b/c');
    expect(() => safePackagePath('a/../../etc/passwd')).toThrow(/path leaves the package/);
    expect(() => safePackagePath('C:\\x')).toThrow(/absolute path/);
  });

  it.each(brokenPackages().map((p) => [p.name, p] as const))('refuses %s with an error naming the file', async (_name, broken) => {
    const attempt = importZip(broken.zip, 'broken');
    await expect(attempt).rejects.toBeInstanceOf(ProblemPackageError);
    await expect(attempt).rejects.toThrow(broken.error);
  });
});
