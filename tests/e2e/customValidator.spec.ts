/**
 * Custom output validators in Chromium, through the Judge panel, with the real runtimes in the
 * sandbox frame: the bundled pair-sum problem (a Python validator in output_validator/) accepts
 * any correct pair and shows the validator's judgemessage.txt as each test's detail.
 */
import { expect, test, type Page } from '@playwright/test';
import { fillProgram, judgeInJudgeView, openJudgeView, submissionFixture } from './judgeViewSteps';

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await openJudgeView(browser);
});

test.afterAll(() => page.close());

function judge(problem: string, path: string): Promise<string> {
  return judgeInJudgeView(page, problem, path.endsWith('.py') ? 'python' : 'cpp', submissionFixture(path));
}

test('a Python output validator accepts any correct pair and explains a wrong one', async () => {
  test.setTimeout(600_000);
  expect(await judge('pair-sum', '../../../public/problems/pair-sum/submissions/accepted/ac.py')).toBe('AC');
  // The answer file says "2 4"; the program prints "3 1": only the package's validator accepts it.
  await expect(page.locator('[data-test="sample/1"]')).toContainText('correct: a_3 + a_1 = 9');
  expect(await judge('pair-sum', '../../../public/problems/pair-sum/submissions/wrong_answer/wa-self-pair.py')).toBe('WA');
  await expect(page.locator('[data-test="secret/01-no-self-pair"]')).toContainText(
    'expected "none": no two different banknotes add up to 10',
  );
  expect(await judge('pair-sum', '../../../public/problems/pair-sum/submissions/accepted/ac.cpp')).toBe('AC');
  expect(await judge('pair-sum', '../../../public/problems/pair-sum/submissions/wrong_answer/wa-overflow.cpp')).toBe('WA');
  await expect(page.locator('[data-test="secret/05-wraparound"]')).toHaveAttribute('data-verdict', 'WA');
});

test('Run waits for the chosen problem: a program is never judged against the previous one while it loads', async ({ browser }) => {
  test.setTimeout(180_000);
  // No service worker (it would answer from its cache), and pair-sum's files arrive slowly.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/problems/pair-sum/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const slow = await context.newPage();
  await slow.goto('./#/judge');
  await expect(slow.getByTestId('judge-problem')).toHaveValue('aplusb');
  await slow.getByTestId('judge-problem').selectOption('pair-sum');
  await expect(slow.getByTestId('judge-run')).toBeDisabled();
  await expect(slow.getByRole('status').filter({ hasText: 'Loading the problem' })).toBeVisible();
  await fillProgram(slow, submissionFixture('../../../public/problems/pair-sum/submissions/accepted/ac.py'));
  await slow.getByTestId('judge-run').click(); // waits until the problem has loaded
  await expect(slow.getByTestId('judge-verdict')).toHaveAttribute('data-verdict', 'AC', { timeout: 120_000 });
  await context.close();
});

test('links open a named problem in the Judge and Demo views', async ({ browser }) => {
  const fresh = await browser.newPage();
  await fresh.goto('./#/judge?problem=pair-sum');
  await expect(fresh.getByTestId('judge-problem')).toHaveValue('pair-sum');
  await expect(fresh.getByTestId('time-limit')).toHaveAttribute('data-source', 'package');
  await fresh.goto('./#/demo?problem=shout');
  await fresh.reload();
  await expect(fresh.getByLabel('Problem')).toHaveValue('shout');
  // Following a link inside the running app switches the problem too.
  await fresh.evaluate(() => (location.hash = '#/demo?problem=aplusb'));
  await expect(fresh.getByLabel('Problem')).toHaveValue('aplusb');
  await fresh.close();
});
