/**
 * Importing problem packages in Chromium (Judge view → "Your problems"): a folder (legacy layout,
 * C++ output validator with a header and flags) and a zip (2025-09 layout, Python output_validator/
 * one folder deeper, importing a helper module); submissions judged against both with the real
 * runtimes; a validator that crashes gives JE; imports survive a reload, export back as a zip and
 * delete. The generated broken-package corpus is refused, each with the file named, and nothing of
 * it is kept.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { judgeInJudgeView, fillProgram } from './judgeViewSteps';
import { brokenPackages } from '../fixtures/packages/brokenPackages';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const submission = (path: string): string => readFileSync(join(fixtures, 'submissions', path), 'utf8');

function folderZip(dir: string, wrap: string, replace: Record<string, string> = {}): Buffer {
  const tree: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      tree[`${wrap}${relative(dir, join(entry.parentPath, entry.name))}`] = readFileSync(join(entry.parentPath, entry.name));
  }
  for (const [path, text] of Object.entries(replace)) tree[`${wrap}${path}`] = strToU8(text);
  return Buffer.from(zipSync(tree));
}

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('[page]', m.text()));
  await page.goto('./#/judge');
  await expect(page.getByTestId('judge-problem')).toHaveValue('aplusb');
  await page.getByTestId('problem-library').locator('summary').click();
});

test.afterAll(() => page.close());

function judge(problem: string, path: string): Promise<string> {
  return judgeInJudgeView(page, problem, path.endsWith('.py') ? 'python' : 'cpp', submission(path));
}

async function importedIds(): Promise<string[]> {
  return page
    .getByTestId('imported-problems')
    .locator('li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-problem') ?? ''));
}

test('imports a legacy folder with a C++ validator and judges against it', async () => {
  test.setTimeout(600_000);
  await page.getByTestId('import-folder').setInputFiles(join(fixtures, 'problems/split-legacy'));
  await expect(page.getByTestId('import-notice')).toContainText('Imported Split It (3 tests). Time limit 1 s, from the package.');
  await expect(page.getByTestId('judge-problem')).toHaveValue('split-legacy');
  expect(await judge('split-legacy', 'split-legacy/ac.py')).toBe('AC');
  await expect(page.locator('[data-test="secret/2"]')).toContainText('a valid split');
  expect(await judge('split-legacy', 'split-legacy/wa-zero.py')).toBe('WA');
  await expect(page.locator('[data-test="sample/1"]')).toContainText('both numbers must be at least 1');
  expect(await judge('split-legacy', 'split-legacy/ac.cpp')).toBe('AC');
});

test('imports a 2025-09 zip with a Python validator one folder deeper', async () => {
  test.setTimeout(600_000);
  await page.getByTestId('import-zip').setInputFiles({
    name: 'even-sum.zip',
    mimeType: 'application/zip',
    buffer: folderZip(join(fixtures, 'problems/even-sum-2025'), 'even-sum/'),
  });
  await expect(page.getByTestId('import-notice')).toContainText('Imported Even Sum (3 tests)');
  await expect(page.getByTestId('judge-problem')).toHaveValue('even-sum');
  expect(await judge('even-sum', 'even-sum-2025/ac.cpp')).toBe('AC');
  expect(await judge('even-sum', 'even-sum-2025/wa-odd.py')).toBe('WA');
  await expect(page.locator('[data-test="secret/1"]')).toContainText('the sum 1 is odd');
});

test('a validator that crashes, exits 0 or runs too long is a judge error, shown as such', async () => {
  test.setTimeout(600_000);
  const variants: Array<[string, Record<string, string>, RegExp]> = [
    [
      'even-sum-exit0',
      { 'output_validator/even_sum/validate.py': 'import sys\nsys.exit(0)\n' },
      /exited with status 0 \(it must exit 42 to accept or 43 to reject\)/,
    ],
    [
      'even-sum-slow',
      {
        'output_validator/even_sum/validate.py': 'while True:\n    pass\n',
        'problem.yaml': readFileSync(join(fixtures, 'problems/even-sum-2025/problem.yaml'), 'utf8').replace(
          'validation_time: 5',
          'validation_time: 1',
        ),
      },
      /ran past its time limit/,
    ],
  ];
  for (const [name, replace, detail] of variants) {
    await page.getByTestId('import-zip').setInputFiles({
      name: `${name}.zip`,
      mimeType: 'application/zip',
      buffer: folderZip(join(fixtures, 'problems/even-sum-2025'), `${name}/`, replace),
    });
    await expect(page.getByTestId('judge-problem')).toHaveValue(name);
    expect(await judge(name, 'even-sum-2025/ac.cpp'), name).toBe('JE');
    await expect(page.locator('[data-test="sample/1"]')).toContainText(detail);
    await page.getByTestId('imported-problems').locator(`li[data-problem="${name}"]`).getByTestId('delete-problem').click();
  }
  const crashing = folderZip(join(fixtures, 'problems/even-sum-2025'), 'even-sum-broken/', {
    'output_validator/even_sum/validate.py': 'raise RuntimeError("validator bug")\n',
  });
  await page.getByTestId('import-zip').setInputFiles({ name: 'even-sum-broken.zip', mimeType: 'application/zip', buffer: crashing });
  await expect(page.getByTestId('judge-problem')).toHaveValue('even-sum-broken');
  expect(await judge('even-sum-broken', 'even-sum-2025/ac.cpp')).toBe('JE');
  await expect(page.getByTestId('judge-verdict')).toContainText('Judge error');
  await expect(page.locator('[data-test="sample/1"]')).toContainText('crashed (RuntimeError)');
  await expect(page.locator('[data-test="sample/1"]')).toContainText('validator bug');
});

test('a package without a time limit gets one derived from its accepted submissions, run here', async () => {
  test.setTimeout(600_000);
  await page.getByTestId('import-folder').setInputFiles(join(fixtures, 'problems/no-time-limit'));
  await expect(page.getByTestId('import-notice')).toContainText(
    /Imported Count Up \(2 tests\)\. Time limit [\d.]+ s derived \(2023-07 rules: slowest accepted run × 3, rounded up to 0\.5 s\) from submissions\/accepted\//,
    { timeout: 300_000 },
  );
  await expect(page.getByTestId('time-limit')).toHaveAttribute('data-source', 'derived');
  await expect(page.getByTestId('time-limit')).toContainText('(derived from accepted submissions)');
  await page.getByTestId('imported-problems').locator('li[data-problem="no-time-limit"]').getByTestId('delete-problem').click();
  // Deleting is asynchronous: the next test takes its own snapshot of what is stored.
  await expect(page.getByTestId('imported-problems').locator('li[data-problem="no-time-limit"]')).toHaveCount(0);
});

test('refuses every broken package, naming the file, and keeps nothing of it', async () => {
  test.setTimeout(300_000);
  const before = await importedIds();
  for (const broken of brokenPackages()) {
    await page.getByTestId('import-zip').setInputFiles({ name: broken.name, mimeType: 'application/zip', buffer: Buffer.from(broken.zip) });
    await expect(page.getByTestId('import-error'), broken.name).toContainText(`Nothing was imported from ${broken.name}`);
    await expect(page.getByTestId('import-error'), broken.name).toContainText(broken.error);
    expect(await importedIds(), broken.name).toEqual(before);
  }
  const stored = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('critique-lab-problems');
        open.onsuccess = () => {
          const all = open.result.transaction('problems').objectStore('problems').getAllKeys();
          all.onsuccess = () => resolve((all.result as string[]).sort());
          all.onerror = () => reject(all.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(stored).toEqual([...before].sort());
});

test('imports survive a reload, export as a package zip and can be deleted', async () => {
  await page.reload();
  await page.getByTestId('problem-library').locator('summary').click();
  expect(await importedIds()).toEqual(['split-legacy', 'even-sum', 'even-sum-broken']);
  const item = page.getByTestId('imported-problems').locator('li[data-problem="split-legacy"]');
  const [download] = await Promise.all([page.waitForEvent('download'), item.getByTestId('export-problem').click()]);
  expect(download.suggestedFilename()).toBe('split-legacy.zip');
  const exported = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(exported).sort()).toContain('split-legacy/output_validators/split_check/checklib.h');
  expect(new TextDecoder().decode(exported['split-legacy/problem.yaml'])).toContain('validation: custom');
  await page.getByTestId('imported-problems').locator('li[data-problem="even-sum-broken"]').getByTestId('delete-problem').click();
  await expect(page.getByTestId('imported-problems').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('judge-problem').locator('option[value="even-sum-broken"]')).toHaveCount(0);
  await expect(page.getByTestId('judge-problem').locator('option[value="split-legacy"]')).toHaveCount(1);
});

test('a teacher writes a problem in the editor, judges against it, edits it and exports it', async () => {
  test.setTimeout(300_000);
  await page.getByTestId('new-problem').click();
  const editor = page.getByTestId('problem-editor');
  await editor.getByTestId('editor-title').fill('Double It');
  await editor.getByTestId('editor-statement').fill('Print $2n$.');
  await editor.getByTestId('editor-time').fill('1');
  await editor.getByTestId('editor-memory').fill('128');
  await editor.getByTestId('editor-input').first().fill('3');
  await editor.getByTestId('editor-answer').first().fill('6');
  await editor.getByTestId('editor-add-secret').click();
  await editor.getByTestId('editor-input').nth(1).fill('50');
  await editor.getByTestId('editor-answer').nth(1).fill('100');
  await editor.getByTestId('editor-save').click();
  await expect(page.getByTestId('import-notice')).toContainText('Saved Double It (2 tests).');
  await expect(page.getByTestId('judge-problem')).toHaveValue('double-it');

  await page.getByTestId('judge-language').selectOption('python');
  await fillProgram(page, 'print(2 * int(input()))\n');
  await page.getByTestId('judge-run').click();
  await expect(page.getByTestId('judge-verdict')).toHaveAttribute('data-verdict', 'AC', { timeout: 120_000 });
  await expect(page.getByTestId('judge-tests').locator('li')).toHaveCount(2);

  const item = page.getByTestId('imported-problems').locator('li[data-problem="double-it"]');
  await item.getByTestId('edit-problem').click();
  await expect(page.getByTestId('editor-title')).toHaveValue('Double It');
  await page.getByTestId('editor-add-secret').click();
  await page.getByTestId('editor-input').nth(2).fill('0');
  await page.getByTestId('editor-answer').nth(2).fill('0');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('import-notice')).toContainText('Saved Double It (3 tests).');
  await expect(page.getByTestId('imported-problems').locator('li[data-problem="double-it"]')).toHaveCount(1);

  const [download] = await Promise.all([page.waitForEvent('download'), item.getByTestId('export-problem').click()]);
  const exported = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(exported).sort()).toEqual([
    'double-it/data/sample/1.ans',
    'double-it/data/sample/1.in',
    'double-it/data/secret/1.ans',
    'double-it/data/secret/1.in',
    'double-it/data/secret/2.ans',
    'double-it/data/secret/2.in',
    'double-it/problem.yaml',
    'double-it/statement/problem.md',
  ]);
  expect(new TextDecoder().decode(exported['double-it/problem.yaml'])).toContain('name: Double It');
});

test('imports a LiveCodeBench file as a problem set and judges a method-call problem through its harness', async () => {
  test.setTimeout(600_000);
  await page.getByTestId('import-livecodebench').setInputFiles(join(fixtures, 'liveCodeBench/problems.jsonl'));
  await expect(page.getByTestId('import-notice')).toContainText(
    'Imported 4 problems from problems.jsonl. Skipped 5 rows: line 5: not JSON',
  );
  // The app's ids keep to [a-z0-9-].
  expect(await importedIds()).toEqual(expect.arrayContaining(['lcb-abc900-a', 'lcb-1999-b', 'lcb-3100', 'lcb-3101']));
  const pair = (ret: string): string =>
    `class Solution:\n    def pairWithSum(self, nums: List[int], target: int) -> List[int]:\n        seen = {}\n        for j, x in enumerate(nums):\n            if target - x in seen:\n                return ${ret}\n            seen[x] = j\n`;
  expect(await judgeInJudgeView(page, 'lcb-3100', 'python', pair('(seen[target - x], j)'))).toBe('AC');
  expect(await judgeInJudgeView(page, 'lcb-3100', 'python', pair('[j, seen[target - x]]'))).toBe('WA');
  await expect(page.locator('[data-test="sample/1"]')).toContainText('returned [1, 0], expected [0, 1]');
});

test('packages as they exist: a Swedish-only statement, none at all, a scoring type — imported, judged and explained', async () => {
  test.setTimeout(300_000);
  const notes = page.getByTestId('problem-notes');
  await page.getByTestId('import-folder').setInputFiles(join(fixtures, 'problems/swedish-only'));
  await expect(page.getByTestId('import-notice')).toContainText('Imported Summera talen (2 tests)');
  await expect(notes).toHaveText('The statement is in Swedish (sv): the package has no English one.');
  await expect(page.locator('.statement-body')).toHaveAttribute('lang', 'sv');
  expect(
    await judgeInJudgeView(
      page,
      'swedish-only',
      'python',
      readFileSync(join(fixtures, 'problems/swedish-only/submissions/accepted/summa.py'), 'utf8'),
    ),
  ).toBe('AC');
  // A module outside the standard library: RTE, with a detail in plain words (the same harness as in Node).
  expect(await judgeInJudgeView(page, 'swedish-only', 'python', 'import numpy as np\nprint(int(np.sum([1, 2])))\n')).toBe('RTE');
  await expect(page.locator('[data-test="sample/1"]')).toContainText(
    'numpy is not available in this judge: only the Python standard library is installed',
  );

  await page.getByTestId('import-zip').setInputFiles({
    name: 'no-statement.zip',
    mimeType: 'application/zip',
    buffer: folderZip(join(fixtures, 'problems/no-statement'), 'no-statement/'),
  });
  await expect(page.getByTestId('import-notice')).toContainText('Imported Double it (2 tests)');
  await expect(notes).toHaveText('This package has no statement: it is judged on its tests alone.');

  await page.getByTestId('import-folder').setInputFiles(join(fixtures, 'problems/scoring-groups'));
  await expect(page.getByTestId('import-notice')).toContainText('Imported Largest number (3 tests)');
  await expect(notes).toContainText('A scoring problem, judged pass-fail here: a submission is accepted only when every test group passes');

  for (const id of ['swedish-only', 'no-statement', 'scoring-groups']) {
    await page.getByTestId('imported-problems').locator(`li[data-problem="${id}"]`).getByTestId('delete-problem').click();
  }
  await expect(page.getByTestId('imported-problems').locator('li[data-problem="scoring-groups"]')).toHaveCount(0);
});
