/**
 * The Results view on a phone (390×844): opens a real eval output folder
 * (tests/fixtures/evalOutput/lcb-k2, written by critique-lab eval), shows means that agree with
 * the run records, fits the screen with its wide tables scrolling in their boxes, opens a problem's
 * run on the Demo board; then a zip of the same output without metrics.json (what a killed eval
 * leaves) is shown as unfinished.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { zipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { parseRunRecord } from '../../src/core/record/runRecordCodec';

const DIR = 'tests/fixtures/evalOutput/lcb-k2';
const records = readdirSync(DIR)
  .filter((f) => f.endsWith('.run.json'))
  .map((f) => parseRunRecord(readFileSync(join(DIR, f), 'utf8')));
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('opens an eval output folder and zip, agrees with its run records, and opens a problem on the Demo board', async ({ page }) => {
  await page.goto('./#/results');
  await expect(page.getByRole('link', { name: 'Results' })).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('results-folder').setInputFiles(DIR);
  const headline = page.getByTestId('results-headline');
  await expect(headline).toBeVisible();
  const shown = async (metric: string): Promise<number> =>
    Number(await headline.locator(`[data-metric="${metric}"]`).getAttribute('data-value'));
  expect(await shown('passAt1')).toBeCloseTo(mean(records.map((r) => r.metrics!.passAt1!)), 12);
  expect(await shown('selectAtK')).toBeCloseTo(mean(records.map((r) => r.metrics!.selectAtK['shortest-critique']!)), 12);
  await expect(page.getByTestId('results-unfinished')).toHaveCount(0);
  await expect(page.locator('figure.curves polyline[data-series="pass@k"]')).toBeVisible();
  await expect(page.getByTestId('results-not-run').locator('li')).toHaveCount(5);

  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  expect(widths.page, 'the page is wider than the screen').toBeLessThanOrEqual(widths.screen);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const pair = records.find((r) => r.problem.id === 'lcb-3100')!;
  const row = page.locator('tr[data-problem="lcb-3100"]');
  await expect(row.locator('[data-metric="correct"]')).toHaveText(`${pair.metrics!.correct} / ${pair.metrics!.n}`);
  await row.getByRole('button', { name: 'lcb-3100' }).click();
  await expect(page).toHaveURL(/#\/demo$/);
  await expect(page.locator('article.card')).toHaveCount(pair.candidates.length);
  await expect(page.locator('[data-record-problem="absent"]')).toContainText('Pair With Sum');
  // The run bar names what is on the board rather than showing blank choices.
  await expect(page.getByLabel('Problem').locator('option:checked')).toHaveText('Pair With Sum (not in this browser)');
  await expect(page.getByLabel('Source').locator('option:checked')).toHaveText('Opened run, shown as recorded');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expect(page.locator('.metrics [data-metric="passAt1"]')).toHaveAttribute('data-value', String(pair.metrics!.passAt1));

  // A killed eval's folder, zipped: no metrics.json yet. What there is is shown, called unfinished.
  await page.getByRole('link', { name: 'Results' }).click();
  const files = Object.fromEntries(
    readdirSync(DIR)
      .filter((f) => f !== 'metrics.json')
      .map((f) => [`killed/${f}`, new Uint8Array(readFileSync(join(DIR, f)))]),
  );
  await page
    .getByTestId('results-zip')
    .setInputFiles({ name: 'killed.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
  await expect(page.getByTestId('results-unfinished')).toContainText('There is no metrics.json');
  await expect(page.locator('.results-name')).toHaveText('killed');
  await expect(page.locator('tr[data-problem]')).toHaveCount(records.length);
});
