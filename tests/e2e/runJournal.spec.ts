/**
 * No run is lost: every pipeline event is written to IndexedDB as it happens. A reload in the
 * middle of a run reopens it at its last event, marked interrupted, with everything that was on
 * screen before the reload; a reload after a run reopens the run that was on screen; a bad import
 * says what is wrong in words and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

/**
 * What each candidate card shows: reasoning, program and critique text, verdict badges, compared
 * without whitespace. How a program's text is laid out depends on timing, not on the run: until
 * CodeMirror has loaded, a program is plain text with its line breaks, after that one element per
 * line with none between them (seen under load: the same run compared unequal across a reload);
 * and CodeMirror draws its line-number gutters only after it has measured the page.
 */
async function cardTexts(page: Page): Promise<string[]> {
  return page.locator('article.card').evaluateAll((cards) =>
    cards.map((card) => {
      const copy = card.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.cm-gutters').forEach((gutter) => gutter.remove());
      return (copy.textContent ?? '').replace(/\s+/g, '');
    }),
  );
}

/** How far each card's traces had got: the token count of every trace, card by card. */
const TRACE_PROGRESS = (): number[][] =>
  [...document.querySelectorAll('article.card')].map((card) =>
    [...card.querySelectorAll('.trace-tokens')].map((t) => Number(t.getAttribute('data-tokens'))),
  );

test('a reload in the middle of a run reopens it, marked interrupted, with every event before the reload', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Speed').selectOption({ label: '80 tok/s' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="running"]')).toBeVisible();
  // Mid-run: some reasoning has streamed, the run is far from over.
  await expect.poll(async () => (await cardTexts(page)).join('').length, { timeout: 30_000 }).toBeGreaterThan(400);
  await expect(page.locator('[data-status="running"]')).toBeVisible();

  // Snapshot the screen and reload in the same task, so no event can land in between.
  const before = (await page.evaluate(
    `(() => { const progress = (${TRACE_PROGRESS.toString()})(); location.reload(); return progress; })()`,
  )) as number[][];
  await page.waitForLoadState('load');
  const note = page.getByTestId('run-interrupted');
  await expect(note).toBeVisible({ timeout: 30_000 });
  expect(Number(await note.getAttribute('data-events'))).toBeGreaterThan(10);
  await expect(page.locator('[data-status="running"]')).toHaveCount(0);
  const after = await page.evaluate(TRACE_PROGRESS);
  expect(after.length).toBe(before.length);
  expect(before.flat().some((tokens) => tokens > 0)).toBe(true);
  // Every trace got at least as far as it had on screen before the reload (the journal may hold a
  // few events written after the snapshot but before the page went away — never fewer).
  before.forEach((traces, card) =>
    traces.forEach((tokens, trace) =>
      expect(after[card]![trace] ?? 0, `card ${card + 1}, trace ${trace + 1}`).toBeGreaterThanOrEqual(tokens),
    ),
  );

  // Still there after another reload; a new run replaces it.
  await page.reload();
  await expect(page.getByTestId('run-interrupted')).toBeVisible();
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await page.getByLabel('Judge programs in this browser').uncheck();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('run-interrupted')).toHaveCount(0);

  // A reload after the run reopens the finished run that was on screen.
  const finished = await cardTexts(page);
  await page.reload();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 30_000 });
  expect(await cardTexts(page)).toEqual(finished);
});

test('importing a malformed or future-version run file says what is wrong and changes nothing', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await page.getByLabel('Judge programs in this browser').uncheck();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
  const shown = await cardTexts(page);

  const importFile = async (name: string, text: string): Promise<void> => {
    await page.getByLabel('Import run').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  };
  await importFile('broken.json', '{"schemaVersion": 1, "candidates": [');
  await expect(page.getByRole('alert')).toContainText('Could not import that file: not JSON');

  const record = JSON.parse(await readFile('public/runs/best-stretch-handwritten.json', 'utf8'));
  await importFile('future.json', JSON.stringify({ ...record, schemaVersion: 999 }));
  await expect(page.getByRole('alert')).toContainText('made by a newer critique-lab (run record version 999');

  delete record.settings;
  await importFile('wrong-shape.json', JSON.stringify(record));
  await expect(page.getByRole('alert')).toContainText('not a valid run record — settings:');
  await expect(page.getByRole('alert')).not.toContainText('"code"');

  expect(await cardTexts(page)).toEqual(shown);
  await expect(page.locator('[data-status="complete"]')).toBeVisible();
});
