import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parseRunRecord } from '../../src/core/record/runRecordCodec';
import type { RunMetrics } from '../../src/core/metrics/metricsSchema';

const bundledFile = 'public/runs/best-stretch-handwritten.json';

async function expectMetricsShown(page: Page, metrics: RunMetrics): Promise<void> {
  const shown = async (name: string): Promise<string | null> => page.locator(`[data-metric="${name}"]`).getAttribute('data-value');
  expect(Number(await shown('passAt1'))).toBeCloseTo(metrics.passAt1!, 12);
  expect(Number(await shown('passAtK'))).toBeCloseTo(metrics.passAtK!, 12);
  expect(Number(await shown('selectAtK'))).toBeCloseTo(metrics.selectAtK['shortest-critique']!, 12);
  expect(Number(await shown('critiqueAccuracy'))).toBeCloseTo(metrics.critiqueAccuracy!, 12);
}

test('the bundled demo run replays end to end through the real pipeline, judged for real in the browser', async ({ page }) => {
  const record = parseRunRecord(await readFile(bundledFile, 'utf8'));
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  // The recording's caption says what it shows before it runs; the banner carries it afterwards.
  await expect(page.locator('[data-run-caption]')).toHaveText(`This recording shows: ${record.provenance.caption!}`);
  await page.getByLabel('Speed').selectOption({ label: '400 tok/s' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  // Streaming is visible before the run ends.
  await expect(page.locator('[data-status="running"]')).toBeVisible();
  await expect(page.locator('.pulse').first()).toBeVisible();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 90_000 });

  await expect(page.getByRole('note')).toContainText('Hand-written demo: no model produced this text.');
  await expect(page.locator('[data-caption]')).toHaveText(record.provenance.caption!);
  await expect(page.locator('[data-run-caption]')).toHaveCount(0);
  await expect(page.getByRole('note')).not.toContainText('were not executed in your browser');
  await expect(page.locator('[data-runtime]')).toHaveAttribute('data-runtime', 'ready');
  const cards = page.locator('article.card');
  await expect(cards).toHaveCount(record.settings.k);
  for (const candidate of record.candidates) {
    const card = cards.nth(candidate.index);
    await expect(card.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', candidate.execution!.result.verdict);
    await expect(card.locator('[data-verdict]').first()).not.toContainText('recorded');
    await expect(card.locator('[data-critique]')).toHaveAttribute('data-critique', candidate.critiques[0]!.verdict);
    await expect(card.locator('.program')).toContainText(candidate.generation.program!.split('\n')[0]!);
  }

  const paper = record.selections.find((s) => s.strategy === 'shortest-critique')!;
  await expect(page.locator('.chosen-reason')).toHaveAttribute('data-chosen', paper.picks.map((i) => i + 1).join(','));
  await expect(page.locator('article.card.chosen')).toHaveAttribute('data-candidate', String(paper.picks[0]! + 1));
  await expect(page.locator('table.selections tbody tr')).toHaveCount(record.selections.length);
  await expectMetricsShown(page, record.metrics!);

  // Export the run just made: it is a valid record whose numbers are the ones on screen.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export run' }).click();
  const exported = parseRunRecord(await readFile((await (await download).path())!, 'utf8'));
  expect(exported.metrics).toEqual(record.metrics);
  expect(exported.selections).toEqual(record.selections);
  expect(exported.provenance.kind).toBe('handwritten');
});

test("with judging off, a replay shows the recording's results, labelled as recorded", async ({ page }) => {
  const record = parseRunRecord(await readFile(bundledFile, 'utf8'));
  await page.goto('./');
  await page.getByLabel('Judge programs in this browser').uncheck();
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('note')).toContainText('were not executed in your browser');
  await expect(page.locator('article.card [data-verdict]:has-text("recorded")')).toHaveCount(record.settings.k);
  await expect(page.locator('[data-runtime]')).toHaveAttribute('data-runtime', 'cold');
  await expectMetricsShown(page, record.metrics!);
});

test('a run can be stopped midway and the page says so', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Speed').selectOption({ label: '20 tok/s' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.pulse').first()).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('[data-status="aborted"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('importing a run record shows it; a broken file gets a clear error', async ({ page }) => {
  const text = await readFile(bundledFile, 'utf8');
  const record = parseRunRecord(text);
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page.getByLabel('Import run').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('article.card')).toHaveCount(record.settings.k);
  await expectMetricsShown(page, record.metrics!);

  await page
    .getByLabel('Import run')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion":1}') });
  await expect(page.getByRole('alert')).toContainText('Could not import that file: not a valid run record');
  await expect(page.locator('article.card')).toHaveCount(record.settings.k);
});

test('the statement renders Markdown with typeset math, and samples', async ({ page }) => {
  await page.goto('./');
  await page.locator('details.statement summary').click();
  await expect(page.locator('.statement-body h2', { hasText: 'Input' })).toBeVisible();
  await expect(page.locator('.statement-body .katex').first()).toBeVisible();
  await expect(page.locator('.statement-body')).not.toContainText('$n$');
  await expect(page.locator('.sample pre').first()).toContainText('-2 1 -3 4 -1 2 1 -5');
});

test('a finished run is kept in this browser: it survives a reload and exports byte-identically', async ({ page }) => {
  await page.goto('./');
  // Keeping a run is the subject here, whatever judged it: the first test judges for real.
  await page.getByLabel('Judge programs in this browser').uncheck();
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('img', { name: 'pass@k, pass@1 and select@k per selector against k' })).toBeVisible();
  const firstExport = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export run' }).click();
  const before = await readFile((await (await firstExport).path())!, 'utf8');

  await page.reload();
  const saved = page.getByLabel('Saved in this browser');
  await expect(saved.locator('option')).toHaveCount(2);
  await saved.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('article.card')).toHaveCount(4);
  const secondExport = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export run' }).click();
  expect(await readFile((await (await secondExport).path())!, 'utf8')).toBe(before);

  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByLabel('Saved in this browser')).toHaveCount(0);
});

test('a problem without a recording says how to run it live', async ({ page }) => {
  // Every bundled problem has a recording; an index without A plus B's stands in for a problem
  // that has none (a new package dropped into public/problems/, say).
  await page.route('**/runs/index.json', async (route) => {
    const index = (await (await route.fetch()).json()) as { runs: { problemId: string }[] };
    await route.fulfill({ json: { runs: index.runs.filter((run) => run.problemId !== 'aplusb') } });
  });
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page.getByLabel('Problem').selectOption({ label: 'A plus B' });
  await expect(page.getByText('No recording exists for this problem yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await page.getByRole('link', { name: 'Model view' }).click();
  await expect(page).toHaveURL(/#\/model$/);
});
