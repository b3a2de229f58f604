import { describe, expect, it } from 'vitest';
import { readKattisPackage } from '../../../../src/core/problem/kattisPackage';
import { draftFromFiles, draftPackageFiles, type ProblemDraft } from '../../../../src/core/problem/problemDraft';

const draft: ProblemDraft = {
  title: 'Double it: a warm-up',
  statement: 'Print $2n$.\n',
  timeSeconds: 1.5,
  memoryMiB: 128,
  tests: [
    { group: 'secret', input: '5', answer: '10' },
    { group: 'sample', input: '1\n', answer: '2\n' },
    ...Array.from({ length: 10 }, (_, i) => ({ group: 'secret' as const, input: `${i}`, answer: `${2 * i}` })),
  ],
};

describe('a problem written in the app', () => {
  it('becomes a package the reader accepts, with its title, limits and tests in order', async () => {
    const files = draftPackageFiles(draft);
    expect(files.get('problem.yaml')).toContain('problem_format_version: 2023-07-draft');
    const problem = await readKattisPackage(files, 'double');
    expect(problem.title).toBe('Double it: a warm-up');
    expect(problem.limits).toMatchObject({ timeSeconds: 1.5, memoryMiB: 128, timeSource: 'package' });
    expect(problem.tests.map((t) => t.name)).toEqual([
      'sample/1',
      ...Array.from({ length: 11 }, (_, i) => `secret/${String(i + 1).padStart(2, '0')}`),
    ]);
    expect(problem.tests[1]).toMatchObject({ input: '5\n', answer: '10\n' });
  });

  it('reads back into the same draft (edit, save, edit again)', async () => {
    const files = draftPackageFiles(draft);
    const problem = await readKattisPackage(files, 'double');
    const again = draftFromFiles(files, {
      title: problem.title,
      statement: problem.statement,
      timeSeconds: problem.limits.timeSeconds,
      memoryMiB: problem.limits.memoryMiB,
    });
    expect(draftPackageFiles(again)).toEqual(files);
  });
});
