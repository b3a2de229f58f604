/**
 * The app on a phone (390×844, Playwright's iPhone-12-sized viewport with touch): no view is wider
 * than the screen, the Demo's explanation and Run are on the first screen with the teacher's
 * knobs folded under "Settings", a finished run reads in one column, every control is a 44 px
 * touch target, and axe-core finds no serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PYODIDE_SNAPSHOT_CACHE } from '../../src/exec/pyodideSnapshot/browserSnapshotStore';
import { TOOLCHAIN_CACHE } from '../../src/exec/runtimeFileNames';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  expect(widths.page, 'the page is wider than the screen').toBeLessThanOrEqual(widths.screen);
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Every visible button, select, field, link in the nav and disclosure summary is at least 44 px tall. */
async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, select, input:not([type=checkbox]):not([type=radio]):not([type=file]), nav a, summary, .file-picker',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => el.getBoundingClientRect().height < 43.5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().height)} px`,
      ),
  );
  expect(small).toEqual([]);
}

test('the Demo on a phone: explanation and Run on the first screen, Settings folded, a run in one column', async ({ page }) => {
  await page.goto('./');
  const intro = page.getByRole('region', { name: 'Can a code model tell which of its own programs is right?' });
  await expect(intro).toBeVisible();
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  // Both on the first screen, the explanation above Run.
  const introBox = (await intro.boundingBox())!;
  const runBox = (await run.boundingBox())!;
  expect(introBox.y).toBeLessThan(runBox.y);
  expect(runBox.y + runBox.height).toBeLessThanOrEqual(844);
  // The teacher's knobs are folded away, and one tap opens them.
  const settings = page.getByTestId('demo-settings');
  await expect(settings).not.toHaveAttribute('open');
  await expect(page.getByLabel('Speed')).toBeHidden();
  await expectNoSidewaysScroll(page);
  await expectTouchTargets(page);
  await expectNoSeriousA11yViolations(page);

  await settings.locator('summary').click();
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await page.getByLabel('Judge programs in this browser').uncheck();
  await expectTouchTargets(page);
  await run.click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });

  // One column of cards, each with its verdict and critique chips in view of its header.
  const cards = page.locator('article.card');
  const lefts = await cards.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
  expect(lefts.length).toBeGreaterThan(1);
  expect(new Set(lefts).size).toBe(1);
  for (const card of await cards.all()) {
    await expect(card.locator('header [data-verdict]')).toBeVisible();
    const chip = (await card.locator('header [data-verdict]').boundingBox())!;
    expect(chip.x + chip.width).toBeLessThanOrEqual(390);
  }
  // The selection chart, the selectors' table and the curves fit the screen, lettering unshrunk.
  await expect(page.locator('.length-chart')).toBeVisible();
  await expect(page.locator('table.selections')).toBeVisible();
  const curveText = page.locator('.curves svg text').first();
  const fontPx = await curveText.evaluate((el) => {
    const svg = (el as SVGTextElement).ownerSVGElement!;
    return (parseFloat(getComputedStyle(el).fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
  });
  expect(fontPx).toBeGreaterThanOrEqual(13);
  await expectNoSidewaysScroll(page);
  await expectNoSeriousA11yViolations(page);

  // Presenter mode, reached by touch from Settings, is one column too.
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('region', { name: 'Demo, presenter mode' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoSeriousA11yViolations(page);
});

/**
 * One small entry in each named cache, and in Workbox's precache, whose name carries the site's
 * address: the longest unbroken name the Offline view's table shows.
 */
async function storeCaches(page: Page, names: string[]): Promise<void> {
  await page.goto('./manifest.webmanifest');
  await page.evaluate(async (names) => {
    for (const name of [`workbox-precache-v2-${location.origin}/`, ...names]) {
      await (await caches.open(name)).put(`/stored/${name}`, new Response('kept', { headers: { 'Content-Length': '4' } }));
    }
  }, names);
}

for (const view of ['judge', 'model', 'offline'] as const) {
  test(`the ${view} view on a phone: nothing wider than the screen, 44 px targets, no serious axe violation`, async ({ page }) => {
    // The Offline view's table of stored caches, as after a visit that used both runtimes: the
    // real cache names (the service worker's precache carries the site's address), small entries.
    if (view === 'offline') await storeCaches(page, [TOOLCHAIN_CACHE, PYODIDE_SNAPSHOT_CACHE]);
    await page.goto(`./#/${view}`);
    await expect(page.locator('main h2').first()).toBeVisible();
    if (view === 'judge') await expect(page.locator('.judge .code-editor')).toHaveAttribute('data-editor-ready', 'true');
    if (view === 'model') await expect(page.getByTestId('capability')).not.toContainText('Checking');
    if (view === 'offline') await expect(page.getByTestId('storage-report').locator('tbody tr')).toHaveCount(3);
    await expectNoSidewaysScroll(page);
    await expectTouchTargets(page);
    await expectNoSeriousA11yViolations(page);
  });
}
