/**
 * A visitor's choice stands: the Demo view loads its indexes, the first problem's files and its
 * recording over the network, and a visitor may pick something else before they arrive. Here the
 * recordings index and the first problem's files are held back; whatever arrives late must not
 * change the problem, source or speed the visitor picked meanwhile.
 */
import { expect, test, type Page, type Route } from '@playwright/test';

// The service worker would answer from its precache, out of page.route's sight.
test.use({ serviceWorkers: 'block' });

const FIRST_PROBLEM = 'max-subarray';
const HOLD_MS = 2500;

/** Holds every response matching `pattern` for HOLD_MS; resolves `served()` once all held ones went out. */
async function holdBack(page: Page, pattern: string): Promise<{ served(): Promise<void> }> {
  const pending: Promise<void>[] = [];
  await page.route(pattern, (route: Route) => {
    const done = new Promise<void>((resolve) => setTimeout(resolve, HOLD_MS)).then(() => route.continue());
    pending.push(done.catch(() => undefined));
    return done;
  });
  return { served: async () => void (await Promise.all(pending)) };
}

/** A late load applies within a few frames of its response; give it ample time to (wrongly) do so. */
async function letLateLoadsLand(page: Page, held: { served(): Promise<void> }): Promise<void> {
  await held.served();
  await page.waitForTimeout(1000);
}

test("late loading never replaces the visitor's problem, source or speed", async ({ page }) => {
  await holdBack(page, '**/runs/index.json');
  const firstProblemFiles = await holdBack(page, `**/problems/${FIRST_PROBLEM}/**`);
  await page.goto('./');
  const problem = page.getByLabel('Problem');
  const source = page.getByLabel('Source');

  // The indexes are in, the first problem's files are still held: the visitor picks another one.
  await expect(problem.locator(`option[value="${FIRST_PROBLEM}"]`)).toBeAttached();
  await expect(page.locator('.statement')).toHaveCount(0);
  await problem.selectOption({ label: 'Closest Readings' });
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await letLateLoadsLand(page, firstProblemFiles);

  await expect(problem).toHaveValue('min-gap');
  await expect(page.locator('.statement summary strong')).toHaveText('Closest Readings');
  await expect(source).toHaveValue('closest-readings-handwritten.json');
  await expect(page.getByLabel('Speed')).toHaveValue('Infinity');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

  // Back to the first problem, whose files are held again: the visitor picks its second recording
  // before they arrive, and the problem's default recording must not take its place.
  await problem.selectOption(FIRST_PROBLEM);
  await source.selectOption('best-stretch-vote-handwritten.json');
  await letLateLoadsLand(page, firstProblemFiles);

  await expect(problem).toHaveValue(FIRST_PROBLEM);
  await expect(source).toHaveValue('best-stretch-vote-handwritten.json');
  await expect(page.locator('[data-run-caption]')).toContainText('vote@');
  await expect(page.getByLabel('Speed')).toHaveValue('Infinity');
});
