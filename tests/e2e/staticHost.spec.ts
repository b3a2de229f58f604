/**
 * Deployed as a plain static site in a sub-folder, with no isolation headers: the page is not
 * cross-origin isolated, so the judge has no interrupt buffer and must kill and respawn a worker
 * stuck in an infinite loop — and still judge correctly afterwards.
 */
import { expect, test } from '@playwright/test';
import { servePlainStatic } from '../fixtures/servers/plainStaticServer';
import { fillProgram } from './judgeViewSteps';

let host: Awaited<ReturnType<typeof servePlainStatic>>;
test.beforeAll(async () => {
  host = await servePlainStatic(process.env.E2E_OUT_DIR ?? 'dist', '/classroom/critique-lab/');
});
test.afterAll(async () => {
  await host.close();
});

test('a plain static host in a sub-folder serves the demo and a working judge', async ({ page }) => {
  await page.goto(host.url);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false);
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await page.getByLabel('Judge programs in this browser').uncheck();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('link', { name: 'Judge' }).click();
  const judge = async (source: string): Promise<string | null> => {
    await fillProgram(page, source);
    await page.getByTestId('judge-run').click();
    await expect(page.getByTestId('judge-verdict')).toBeVisible({ timeout: 90_000 });
    return page.getByTestId('judge-verdict').getAttribute('data-verdict');
  };
  expect(await judge('a, b = map(int, input().split())\nprint(a + b)\n')).toBe('AC');
  expect(await judge('while True:\n    pass\n')).toBe('TLE');
  expect(await judge('a, b = map(int, input().split())\nprint(a + b)\n')).toBe('AC');
});
