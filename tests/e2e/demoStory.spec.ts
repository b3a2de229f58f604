/**
 * The demo as a visitor and a teacher use it, checked for what a person would look at: the
 * explanation before Run, each card's chips, the selection and its reason, correctly labelled
 * curves, an aborted run's label, k/m, pause and step, presenter mode by keyboard, themes, and
 * axe-core's verdict. Screenshots of the main views go to test-results/screenshots/ (git-ignored)
 * for a person to look at; nothing is compared against them.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseRunRecord } from '../../src/core/record/runRecordCodec';
import { judgementOf } from '../../src/core/selection/critiqueJudgement';
import { critiqueOutcome } from '../../src/ui/demo/critiqueOutcome';

const record = parseRunRecord(await readFile('public/runs/best-stretch-handwritten.json', 'utf8'));
const paper = record.selections.find((s) => s.strategy === 'shortest-critique')!;
const SHOTS = 'test-results/screenshots';

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function runToEnd(page: Page, options: { judge: boolean; speed: string }): Promise<void> {
  if (!options.judge) await page.getByLabel('Judge programs in this browser').uncheck();
  await page.getByLabel('Speed').selectOption({ label: options.speed });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 90_000 });
}

test('the first screen explains the method and the source before anything runs', async ({ page }) => {
  await page.goto('./');
  const intro = page.getByRole('region', { name: 'Can a code model tell which of its own programs is right?' });
  await expect(intro).toBeVisible();
  await expect(intro.locator('.steps li')).toHaveCount(3);
  await expect(intro).toContainText(`Write ${record.settings.k} programs.`);
  await expect(intro).toContainText('Critique each one.');
  await expect(intro).toContainText('shortest');
  await expect(intro.locator('[data-intro-source]')).toHaveAttribute('data-intro-source', 'handwritten');
  await expect(intro).toContainText('no model produced its text');
  await expect(intro).toContainText('Best Stretch');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expectNoSeriousA11yViolations(page);
});

test('a full demo: live chips on every card, the selection and its reason, correctly labelled curves', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Speed').selectOption({ label: '400 tok/s' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // The reasoning streams visibly: its live tail and a token count that grows.
  const firstTokens = page.locator('article.card').first().locator('.trace-tokens').first();
  await expect(page.locator('.trace[data-streaming="true"] .tail').first()).not.toBeEmpty();
  await expect.poll(async () => Number(await firstTokens.getAttribute('data-tokens'))).toBeGreaterThan(10);
  await expect(page.locator('.intro')).toHaveCount(0);
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 90_000 });

  const cards = page.locator('article.card');
  await expect(cards).toHaveCount(record.settings.k);
  for (const candidate of record.candidates) {
    const card = cards.nth(candidate.index);
    const verdict = candidate.execution!.result.verdict;
    await expect(card.locator('header [data-verdict]')).toHaveAttribute('data-verdict', verdict);
    await expect(card.locator('[data-critique]')).toHaveAttribute('data-critique', candidate.critiques[0]!.verdict);
    // Judged for real in this browser: one mark per test, each with its verdict in words.
    await expect(card.locator('[data-test-verdict]')).toHaveCount(candidate.execution!.result.tests.length);
    await expect(card.locator('.program .cm-content')).toContainText(candidate.generation.program!.split('\n')[0]!);
    const judgement = judgementOf(candidate.critiques.map((c) => ({ verdict: c.verdict, reasoningTokens: c.usage.reasoningTokens })));
    const outcome = critiqueOutcome(judgement, verdict === 'AC');
    await expect(card.locator('[data-outcome]')).toHaveAttribute('data-outcome', outcome);
    await expect(card.locator('[data-outcome]')).toContainText(outcome === 'right' ? 'the critique was right' : 'the critique was fooled');
    await expect(card.locator('.critique .trace-tokens')).toContainText(`${candidate.critiques[0]!.usage.reasoningTokens} tokens`);
  }

  // The selection, shown: the pick, its reason, the length chart marking it, every selector beside it.
  await expect(page.locator('.chosen-reason')).toContainText(paper.reason);
  await expect(page.locator('article.card.chosen')).toHaveAttribute('data-candidate', String(paper.picks[0]! + 1));
  await expect(page.locator('.length-chart li.picked')).toHaveAttribute('data-length-candidate', String(paper.picks[0]! + 1));
  await expect(page.locator('.length-chart li.picked')).toContainText('judged right');
  await expect(page.locator('.length-chart li.picked')).toContainText('actually correct');
  await expect(page.locator('table.selections tbody tr')).toHaveCount(record.selections.length);
  await expect(page.locator('tr[data-strategy="first-sample"]')).toContainText('✗ incorrect');
  await expect(page.locator('tr[data-strategy="shortest-critique"]')).toContainText('✓ correct');

  // Curves: pass@1 is a flat line at the headline's pass@1; first-sample is a select@k line, named so.
  const legend = page.locator('.curves .legend');
  await expect(legend.locator('[data-series="pass@k"]')).toContainText('pass@k');
  await expect(legend.locator('[data-series="pass@1"]')).toContainText('pass@1');
  await expect(legend.locator('[data-series="select@k:first-sample"]')).toContainText('select@k — First sample (no selection)');
  await expect(legend.locator('[data-series="select@k:shortest-critique"]')).toContainText('select@k — Shortest critique');
  await expect(page.locator('.curves')).not.toContainText('pass@1 (no selection)');
  const floor = await page.locator('.curves polyline[data-series="pass@1"]').getAttribute('points');
  expect(new Set(floor!.split(' ').map((p) => p.split(',')[1])).size).toBe(1);
  await expect(page.locator('.curves figcaption')).toContainText('What to notice');
  await expectNoSeriousA11yViolations(page);
});

test('k and m cut the recording: the run is re-scored on the subset', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Candidates k').fill('2');
  await page.getByLabel('Candidates k').blur();
  await expect(page.locator('.intro')).toContainText('Write 2 programs.');
  await runToEnd(page, { judge: false, speed: 'instant' });
  await expect(page.locator('article.card')).toHaveCount(2);
  // Candidates 1 and 2 of the recording are both wrong: pass@2 is 0, and the pick is wrong.
  await expect(page.locator('[data-metric="passAtK"]')).toHaveAttribute('data-value', '0');
  await expect(page.locator('[data-metric="passAtK"]')).toContainText('pass@2');
  await expect(page.locator('.chosen-reason')).toHaveAttribute('data-chosen', '1');
  await expect(page.locator('tr[data-strategy="shortest-critique"]')).toContainText('✗ incorrect');
});

test('a stopped run is labelled aborted, shows no results, and is listed as aborted', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Judge programs in this browser').uncheck();
  await page.getByLabel('Speed').selectOption({ label: '20 tok/s' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.pulse').first()).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('[data-status="aborted"]')).toContainText('Run aborted.');
  await expect(page.locator('.aborted-notice')).toContainText('this run has no results');
  await expect(page.locator('[data-stage="stopped"]').first()).toBeVisible();
  await expect(page.locator('.metrics')).toHaveCount(0);
  await expect(page.locator('table.selections')).toHaveCount(0);
  await expect(page.locator('.chosen-reason')).toHaveCount(0);
  await expect(page.getByText(/of \d+ candidates are correct/)).toHaveCount(0);
  await expect(page.locator('option[data-run-status="aborted"]')).toHaveText(/^\[aborted\]/);
  await page.reload();
  await expect(page.locator('option[data-run-status="aborted"]')).toHaveCount(1);
});

test('pause, step one event at a time, resume', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Judge programs in this browser').uncheck();
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.locator('[data-status="paused"]')).toBeVisible();
  const tokens = page.locator('article.card').first().locator('.trace-tokens').first();
  await expect(tokens).toHaveAttribute('data-tokens', '1');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(tokens).toHaveAttribute('data-tokens', '2');
  // Held: nothing more arrives while paused.
  await page.waitForTimeout(300);
  await expect(tokens).toHaveAttribute('data-tokens', '2');
  await page.locator('h1').click();
  await page.keyboard.press('.');
  await expect(tokens).toHaveAttribute('data-tokens', '3');
  await page.keyboard.press(' ');
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('article.card')).toHaveCount(record.settings.k);
});

test('presenter mode: keyboard only, one candidate in focus, the story on one 1024×768 screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('./');
  await runToEnd(page, { judge: false, speed: 'instant' });
  await page.locator('h1').click();
  await page.keyboard.press('p');
  const presenter = page.getByRole('region', { name: 'Demo, presenter mode' });
  await expect(presenter).toBeVisible();
  await expect(presenter.locator('article.card')).toHaveCount(1);
  await expect(presenter.locator('article.card')).toHaveAttribute('data-candidate', '1');
  await page.keyboard.press('ArrowRight');
  await expect(presenter.locator('article.card')).toHaveAttribute('data-candidate', '2');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(presenter.locator('article.card')).toHaveAttribute('data-candidate', String(record.settings.k));
  await expect(presenter.locator('[data-strip-candidate][aria-pressed="true"]')).toHaveAttribute(
    'data-strip-candidate',
    String(record.settings.k),
  );
  // The main story fits: the focused card, the pick and its reason, without scrolling the page.
  await expect(presenter.locator('.chosen-reason')).toBeInViewport({ ratio: 1 });
  await expect(presenter.locator('.length-chart')).toBeInViewport({ ratio: 1 });
  await expect(presenter.locator('article.card header')).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
  await expectNoSeriousA11yViolations(page);
  // Replay from the keyboard: R restarts, Space pauses.
  await page.keyboard.press('r');
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'Demo', exact: true })).toBeVisible();
});

test('the theme toggle switches and is remembered; dark mode passes axe (contrast included)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The favicon is served (no 404 on every load).
  expect((await page.request.get('./favicon.svg')).status()).toBe(200);
});

for (const [width, height] of [
  [1280, 800],
  [1024, 768],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots of the main views at ${width}×${height}, ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./');
      await expect(page.locator('.intro')).toBeVisible();
      // The recording is loaded (its k and m are offered) before the first screen is shot.
      await expect(page.getByLabel('Candidates k')).toHaveValue(String(record.settings.k));
      const name = (view: string) => `${SHOTS}/${width}x${height}-${scheme}-${view}.png`;
      await page.screenshot({ path: name('1-first-screen') });
      await page.getByLabel('Judge programs in this browser').uncheck();
      await page.getByLabel('Speed').selectOption({ label: '80 tok/s' });
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(async () => Number(await page.locator('.trace-tokens').first().getAttribute('data-tokens'))).toBeGreaterThan(120);
      await page.screenshot({ path: name('2-streaming') });
      await page.getByLabel('Speed').selectOption({ label: 'instant' });
      await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('.program[data-highlighted="true"]')).toHaveCount(record.settings.k);
      await page.screenshot({ path: name('3-finished-full'), fullPage: true });
      await page.locator('.length-chart').scrollIntoViewIfNeeded();
      await page.screenshot({ path: name('4-selection') });
      await page.locator('.curves').scrollIntoViewIfNeeded();
      await page.screenshot({ path: name('5-curves') });
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      await expect(page.locator('.presenter')).toBeVisible();
      await page.screenshot({ path: name('6-presenter') });
    });
  }
}
