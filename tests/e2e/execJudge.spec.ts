/**
 * The Judge panel in Chromium with the real runtimes (Pyodide and wasm clang in the sandbox frame's
 * workers): every verdict in both languages, the validator rules, and a page that stays responsive
 * through infinite loops and output floods. One page (one warm executor) for the whole file.
 */
import { expect, test, type Page } from '@playwright/test';
import { fillProgram, openJudgeView, submissionFixture } from './judgeViewSteps';

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await openJudgeView(browser);
});

test.afterAll(() => page.close());

async function judge(problem: string, path: string, timeout = 180_000): Promise<string> {
  const language = path.endsWith('.py') ? 'python' : 'cpp';
  await page.getByTestId('judge-problem').selectOption(problem);
  await page.getByTestId('judge-language').selectOption(language);
  await fillProgram(page, submissionFixture(path));
  await page.getByTestId('judge-run').click();
  const verdict = page.getByTestId('judge-verdict');
  await expect(verdict).toBeVisible({ timeout });
  return (await verdict.getAttribute('data-verdict')) ?? '';
}

for (const ext of ['py', 'cpp']) {
  test(`A+B verdicts in ${ext}`, async () => {
    test.setTimeout(400_000);
    const seen: Record<string, string> = {};
    for (const name of ['ac', 'wa', 'tle', 'rte', 'mle', 'ole', 'ce']) seen[name] = await judge('aplusb', `aplusb/${name}.${ext}`);
    expect(seen).toEqual({ ac: 'AC', wa: 'WA', tle: 'TLE', rte: 'RTE', mle: 'MLE', ole: 'OLE', ce: 'CE' });
  });
}

test('per-test results, Python traceback and C++ diagnostics are shown', async () => {
  expect(await judge('aplusb', 'aplusb/rte.py')).toBe('RTE');
  await expect(page.locator('[data-test="sample/1"]')).toContainText('IndexError');
  expect(await judge('aplusb', 'aplusb/ce.cpp')).toBe('CE');
  await expect(page.getByTestId('judge-diagnostics')).toContainText("solution.cpp:3:57: error: use of undeclared identifier 'c'");
  expect(await judge('aplusb', 'aplusb/wa.cpp')).toBe('WA');
  await expect(page.locator('[data-test]')).toHaveCount(3); // stops at the first failure
  await expect(page.locator('[data-test="secret/01-big"]')).toContainText('expected "2000000000000000000"');
});

test('float tolerance, case and whitespace rules', async () => {
  expect(await judge('circle-area', 'circle-area/ac.py')).toBe('AC');
  expect(await judge('circle-area', 'circle-area/ac.cpp')).toBe('AC');
  expect(await judge('circle-area', 'circle-area/wa.py')).toBe('WA');
  expect(await judge('yes-no', 'yes-no/ac.py')).toBe('AC');
  expect(await judge('shout', 'shout/ac.py')).toBe('AC');
  expect(await judge('shout', 'shout/wa-case.py')).toBe('WA');
  expect(await judge('shout', 'shout/wa-space.py')).toBe('WA');
});

test('the page stays responsive while a program loops forever or floods output', async () => {
  for (const path of ['aplusb/tle.py', 'aplusb/ole.py', 'aplusb/tle.cpp']) {
    await page.getByTestId('judge-problem').selectOption('aplusb');
    await page.getByTestId('judge-language').selectOption(path.endsWith('.py') ? 'python' : 'cpp');
    await fillProgram(page, submissionFixture(path));
    await page.getByTestId('judge-run').click();
    // While the program runs, the main thread answers within a frame or two.
    const lag = await page.evaluate(async () => {
      let worst = 0;
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await new Promise((r) => setTimeout(r, 10));
        worst = Math.max(worst, performance.now() - t - 10);
      }
      return worst;
    });
    expect(lag).toBeLessThan(250);
    await expect(page.getByTestId('judge-verdict')).toBeVisible({ timeout: 60_000 });
  }
});
