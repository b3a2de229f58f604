/**
 * Pyodide's start-up snapshot in Chromium: the first Python judge on a visit with none takes one
 * and the page keeps it; a later visit starts its workers from it; and a snapshot that is broken
 * (here: overwritten with garbage) costs a start from scratch, never a verdict, and is replaced.
 */
import { expect, test, type Page } from '@playwright/test';
import { judgeInJudgeView } from './judgeViewSteps';
import { PYODIDE_SNAPSHOT_CACHE } from '../../src/exec/pyodideSnapshot/browserSnapshotStore';

const AC = 'a, b = map(int, input().split())\nprint(a + b)\n';
const WA = 'a, b = map(int, input().split())\nprint(a - b)\n';

/** Byte size of each entry in the snapshot cache. */
function snapshotSizes(page: Page): Promise<number[]> {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return Promise.all((await cache.keys()).map(async (key) => (await (await cache.match(key))!.arrayBuffer()).byteLength));
  }, PYODIDE_SNAPSHOT_CACHE);
}

test('the snapshot is taken once, used on the next visit, and a broken one is replaced', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#/judge');
  expect(await judgeInJudgeView(page, 'aplusb', 'python', AC)).toBe('AC');
  await expect.poll(() => snapshotSizes(page), { timeout: 60_000 }).toEqual([expect.any(Number)]);
  expect((await snapshotSizes(page))[0]).toBeGreaterThan(1 << 20);

  await page.reload();
  expect(await judgeInJudgeView(page, 'aplusb', 'python', WA)).toBe('WA');
  expect(await judgeInJudgeView(page, 'aplusb', 'python', AC)).toBe('AC');

  await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const [key] = await cache.keys();
    await cache.put(key!, new Response(new Uint8Array(4096).fill(7)));
  }, PYODIDE_SNAPSHOT_CACHE);
  await page.reload();
  expect(await judgeInJudgeView(page, 'aplusb', 'python', AC)).toBe('AC');
  await expect.poll(async () => (await snapshotSizes(page))[0], { timeout: 60_000 }).toBeGreaterThan(1 << 20);
});
