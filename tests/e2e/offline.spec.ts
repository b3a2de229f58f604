/**
 * Installed once, then used with no network: the built site served by a plain static host in a
 * sub-folder is loaded once, the runtimes are stored through "Make available offline", the
 * browser goes offline and reloads — and the app, bundled Python and C++ recordings replayed with
 * real judging, and the Judge view all work from the service worker's caches.
 */
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { judgeInJudgeView } from './judgeViewSteps';
import { CLANG_PREBUILT_CACHE } from '../../src/exec/clangCaches/browserPrebuiltStore';
import { parseRunRecord } from '../../src/core/record/runRecordCodec';
import { servePlainStatic } from '../fixtures/servers/plainStaticServer';

// The service worker is this spec's subject (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

let host: Awaited<ReturnType<typeof servePlainStatic>>;
test.beforeAll(async () => {
  host = await servePlainStatic(process.env.E2E_OUT_DIR ?? 'dist', '/classroom/critique-lab/');
});
test.afterAll(async () => {
  await host.close().catch(() => undefined);
});

function judge(page: Page, language: 'python' | 'cpp', source: string): Promise<string> {
  return judgeInJudgeView(page, 'aplusb', language, source);
}

test('made available offline, the site reloads without a network, replays Python and C++ recordings and judges both from cache', async ({
  page,
  context,
}) => {
  test.setTimeout(360_000);
  const missing: string[] = [];
  page.on('response', (response) => void (response.status() >= 400 && missing.push(`${response.status()} ${response.url()}`)));
  await page.goto(host.url);
  // The first visit's page is claimed by the service worker once the app shell is precached.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', 'icons/icon.svg');
  // The icon, the manifest and everything else the first load asks for exist (no favicon 404).
  const manifest = await page.evaluate(async () =>
    (await fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href)).json(),
  );
  expect(manifest).toMatchObject({ start_url: './', scope: './', display: 'standalone' });
  expect(missing).toEqual([]);

  await page.getByRole('link', { name: 'Offline' }).click();
  const make = page.getByTestId('make-offline');
  // The size is known before anything is downloaded: Pyodide ~12 MB + clang ~105 MB.
  await expect(make).toContainText(/\d+(\.\d+)? MiB\)/);
  await expect(page.locator('[data-runtime="python"]')).toHaveAttribute('data-stored', 'false');
  await make.click();
  await expect(page.getByTestId('offline-progress')).toBeVisible();
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 180_000 });
  await expect(page.locator('[data-runtime="cpp"]')).toHaveAttribute('data-stored', 'true');
  await expect(page.locator('[data-owner="runtimes"]')).toBeVisible();
  await expect(page.getByTestId('storage-estimate')).toContainText('used by this site');

  // Offline twice over: the browser's network is cut, and the host itself is gone.
  await context.setOffline(true);
  await host.close();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Offline' })).toBeVisible();

  // The bundled recording replays and every program is judged again, for real, in the sandbox.
  const record = parseRunRecord(await readFile('public/runs/best-stretch-handwritten.json', 'utf8'));
  await page.getByRole('link', { name: 'Demo' }).click();
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await expect(page.getByLabel('Judge programs in this browser')).toBeChecked();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 120_000 });
  const cards = page.locator('article.card');
  for (const candidate of record.candidates) {
    const verdict = cards.nth(candidate.index).locator('[data-verdict]').first();
    await expect(verdict).toHaveAttribute('data-verdict', candidate.execution!.result.verdict);
    await expect(verdict).not.toContainText('recorded');
  }

  await page.getByRole('link', { name: 'Judge' }).click();
  await page.getByTestId('judge-problem').selectOption('aplusb');
  // Choosing C++ starts loading clang at once, and the page says which stage it is in.
  await page.getByTestId('judge-language').selectOption('cpp');
  await expect(page.getByTestId('cpp-loading')).toBeVisible();
  expect(
    await judge(page, 'cpp', '#include <bits/stdc++.h>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << "\\n"; }\n'),
  ).toBe('AC');
  expect(
    await judge(page, 'cpp', '#include <bits/stdc++.h>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a - b << "\\n"; }\n'),
  ).toBe('WA');
  expect(await judge(page, 'python', 'a, b = map(int, input().split())\nprint(a + b)\n')).toBe('AC');

  // A C++ recording too: every program compiled by clang from the cache and run, offline.
  const cppRecord = parseRunRecord(await readFile('public/runs/is-it-even-handwritten.json', 'utf8'));
  expect(cppRecord.settings.language).toBe('cpp');
  await page.goto(`${host.url}#/demo?problem=${cppRecord.problem.id}&run=is-it-even-handwritten.json`);
  await page.getByLabel('Speed').selectOption({ label: 'instant' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 240_000 });
  for (const candidate of cppRecord.candidates) {
    const verdict = cards.nth(candidate.index).locator('[data-verdict]').first();
    await expect(verdict).toHaveAttribute('data-verdict', candidate.execution!.result.verdict);
    await expect(verdict).not.toContainText('recorded');
  }

  // The precompiled header and the memory guard came with the site: the browser never had to build (and store) its own.
  expect(await page.evaluate((name) => caches.has(name), CLANG_PREBUILT_CACHE)).toBe(false);
});

test('a first visit keeps the runtime it starts using at once (Pyodide for the Judge view), with no "Make available offline"; a hard reload starts it from there', async ({
  page,
}) => {
  const firstVisitHost = await servePlainStatic(process.env.E2E_OUT_DIR ?? 'dist', '/first-visit/');
  try {
    // Landing on the Judge view starts Pyodide while the service worker is still installing: the
    // page waits for it to take control, so Pyodide's files go through its cache.
    await page.goto(`${firstVisitHost.url}#/judge`);
    await expect(page.locator('[data-testid="judge-runtime"][data-python="ready"]')).toBeVisible({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Offline' }).click();
    await expect(page.locator('[data-runtime="python"]')).toHaveAttribute('data-stored', 'true');

    // A hard reload (Ctrl+Shift+R; CDP's reload ignoring the cache) goes around the service worker.
    // The page is left with an active worker that does not control it and none installing, which
    // is what tells the app that no worker is coming (serviceWorkerControl.ts); Python starts from
    // the kept files.
    await page.goto(`${firstVisitHost.url}#/judge`);
    const cdp = await page.context().newCDPSession(page);
    await Promise.all([page.waitForNavigation(), cdp.send('Page.reload', { ignoreCache: true })]);
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        controlled: navigator.serviceWorker.controller !== null,
        active: registration?.active?.state,
        installing: registration?.installing ?? null,
      };
    });
    expect(state).toEqual({ controlled: false, active: 'activated', installing: null });
    await expect(page.locator('[data-testid="judge-runtime"][data-python="ready"]')).toBeVisible({ timeout: 120_000 });
  } finally {
    await firstVisitHost.close();
  }
});

test('storage too small for the runtimes: the download stops with a readable error and keeps what it stored', async ({ page }) => {
  const quotaHost = await servePlainStatic(process.env.E2E_OUT_DIR ?? 'dist', '/small-disk/');
  try {
    await page.goto(quotaHost.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    // Chromium's own quota, lowered for this origin: room for the app shell and Pyodide, not clang.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(quotaHost.url).origin, quotaSize: 45 * 1024 * 1024 });
    await page.getByRole('link', { name: 'Offline' }).click();
    await page.getByTestId('make-offline').click();
    await expect(page.getByTestId('offline-error')).toContainText('Not enough storage to keep', { timeout: 120_000 });
    await expect(page.getByTestId('offline-error')).toContainText('nothing already stored was lost');
    await expect(page.locator('[data-runtime="python"]')).toHaveAttribute('data-stored', 'true');
    await expect(page.locator('[data-runtime="cpp"]')).toHaveAttribute('data-stored', 'false');
    await expect(page.getByTestId('make-offline')).toBeEnabled();
  } finally {
    await quotaHost.close();
  }
});

test('a new version waits for the visitor: "a new version is ready — reload" applies it', async ({ page }) => {
  const site = await mkdtemp(join(tmpdir(), 'critique-lab-update-'));
  await cp(process.env.E2E_OUT_DIR ?? 'dist', site, { recursive: true });
  const updateHost = await servePlainStatic(site, '/update/');
  try {
    await page.goto(updateHost.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    // A runtime file of an earlier version, left in the cache by an older deployment.
    const stale = `${updateHost.url}assets/llvm.core-OLDVERSION.wasm`;
    await page.evaluate(async (url) => (await caches.open('critique-lab-toolchains')).put(url, new Response('old')), stale);
    // A new deployment: the service worker script changes.
    await appendFile(join(site, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(page.getByTestId('update-ready')).toContainText('A new version is ready');
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null);
    expect(waiting).toBe(true);
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-ready').getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('link', { name: 'Offline' })).toBeVisible();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    // The running version forgets runtime files it does not list.
    await expect
      .poll(() => page.evaluate(async (url) => (await (await caches.open('critique-lab-toolchains')).match(url)) === undefined, stale))
      .toBe(true);
  } finally {
    await updateHost.close();
    await rm(site, { recursive: true, force: true });
  }
});
