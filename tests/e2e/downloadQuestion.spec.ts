/**
 * On a phone, or with Data Saver on, the Demo asks before it downloads the C++ toolchain (~39 MB
 * compressed) to judge a recording: "Use the recording's verdicts" replays with the recorded
 * results and fetches no toolchain file, and the answer holds for the visit; "Download and judge"
 * starts the compressed toolchain download. A desktop without Data Saver is never asked (the
 * other Demo tests run C++ recordings unasked). The rule itself: tests/unit/ui/demo/downloadAsk.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { parseRunRecord } from '../../src/core/record/runRecordCodec';

const CPP_RECORDING = 'is-it-even-handwritten.json';
const TOOLCHAIN_FILE = /\/assets\/(llvm[.-]|stdcpp-pch-)[^/]*$/;

/** Every toolchain request of the context's pages and workers. */
function toolchainRequests(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('request', (request) => void (TOOLCHAIN_FILE.test(new URL(request.url()).pathname) && seen.push(request.url())));
  return seen;
}

/** Settings are folded on narrow screens. */
async function openSettings(page: Page): Promise<void> {
  const settings = page.getByTestId('demo-settings');
  if ((await settings.getAttribute('open')) === null) await settings.locator('summary').click();
}

async function openCppRecording(page: Page): Promise<void> {
  const record = parseRunRecord(await readFile(`public/runs/${CPP_RECORDING}`, 'utf8'));
  await page.goto(`./#/demo?problem=${record.problem.id}&run=${CPP_RECORDING}`);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await openSettings(page);
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
}

test.describe('with Data Saver on', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true, effectiveType: '4g' }) }),
    );
  });

  test("asks before the toolchain download; the recording's verdicts need none, and the answer holds for the visit", async ({
    page,
    context,
  }) => {
    const record = parseRunRecord(await readFile(`public/runs/${CPP_RECORDING}`, 'utf8'));
    const requests = toolchainRequests(context);
    await openCppRecording(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const question = page.getByTestId('download-question');
    await expect(question).toBeVisible();
    await expect(question).toContainText('Data Saver is on');
    // The size is the compressed toolchain's, from offline-assets.json: tens of MiB, not 124 MB.
    const mib = Number((await question.getByRole('heading').textContent())!.match(/([\d.]+) MiB/)![1]);
    expect(mib).toBeGreaterThan(19);
    expect(mib).toBeLessThan(40);
    await expect(question).toBeFocused();
    // Keyboard alone: Tab to the second choice, Enter.
    await page.keyboard.press('Tab');
    await expect(question.getByRole('button', { name: 'Download and judge' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(question).toHaveCount(0);
    await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('article.card [data-verdict]:has-text("recorded")')).toHaveCount(record.settings.k);
    await expect(page.getByLabel('Judge programs in this browser')).not.toBeChecked();

    // Remembered for the visit: after a reload the replay shows recorded verdicts without asking.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await openSettings(page);
    await expect(page.getByLabel('Judge programs in this browser')).not.toBeChecked();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('download-question')).toHaveCount(0);
    expect(requests).toEqual([]);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('"Download and judge" keeps judging on and starts the compressed toolchain download', async ({ page, context }) => {
    const requests = toolchainRequests(context);
    await openCppRecording(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const question = page.getByTestId('download-question');
    await expect(question).toContainText('looks like a phone');
    expect(requests).toEqual([]);
    const clang = page.waitForResponse(
      (response) => /\/assets\/llvm\.core-[^/]*\.wasm\.gz$/.test(response.url()) && response.status() === 200,
    );
    await question.getByRole('button', { name: 'Download and judge' }).click();
    await clang;
    await expect(question).toHaveCount(0);
    await expect(page.getByLabel('Judge programs in this browser')).toBeChecked();
    await expect(page.locator('.runtime-status')).toContainText('C++17 judge');
  });
});
