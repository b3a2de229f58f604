/**
 * The real WebLLM path in headless Chromium (WebGPU on SwiftShader): the app's downloader, the
 * real workers/browser/llm.worker.ts running WebLLM, and the real Cache API — against a fixture host
 * whose model folders are missing or broken in one precise way each. No weights exist on these
 * machines, so every run ends in an error; the tests check that it is the right one, after the
 * right progress, with the fallback offered.
 */
import { expect, test, type Page } from '@playwright/test';
import { startLoad } from './modelViewSteps';
import { startModelFileServer, SHARD_COUNT, type ModelFileServer, type Scenario } from '../fixtures/servers/modelFileServer';

let host: ModelFileServer;
test.beforeAll(async () => {
  host = await startModelFileServer({ slowChunkDelayMs: 120 });
});
test.afterAll(async () => {
  await host.close();
});

async function openModelView(page: Page): Promise<void> {
  await page.goto('./#/model');
  await expect(page.getByTestId('webgpu-status')).toBeVisible();
}

async function pointAt(page: Page, scenario: Scenario, lib: 'bad.wasm' | 'empty.wasm' | 'missing.wasm', prefetch = true): Promise<void> {
  await page.getByLabel('Other URL').check();
  await page.getByLabel('Model URL').fill(host.modelUrl(scenario));
  await page.locator('summary', { hasText: 'Advanced' }).click();
  await page.getByLabel('Model library URL').fill(host.libUrl(lib));
  const box = page.getByLabel(/Download files here first/);
  if (prefetch) await box.check();
  else await box.uncheck();
}

test.describe('with WebGPU (SwiftShader)', () => {
  test('reports the adapter and picks the q4f32 build without shader-f16', async ({ page }) => {
    await openModelView(page);
    await expect(page.getByTestId('webgpu-status')).toContainText('WebGPU available');
    await expect(page.getByTestId('shader-f16')).toContainText('no');
    await expect(page.getByLabel('OCR-2-7B · q4f32_1 (no shader-f16)')).toBeChecked();
    await expect(page.getByTestId('fit')).toContainText('software renderer');
    await expect(page.getByTestId('device-memory')).toHaveText(
      /^system memory: (at least 8 GB \(browsers report no more than 8\)|about \d+(\.\d+)? GB)/,
    );
    await expect(page.getByTestId('conversion-credit')).toHaveText(
      'Community conversion: published by JackBinary on Hugging Face, converted from nvidia/OpenCodeReasoning-Nemotron-1.1-7B — not published by NVIDIA.',
    );
  });

  test('a model the check marks ✗ needs an explicit "try anyway"; switching models clears the last attempt', async ({ page }) => {
    await openModelView(page);
    await pointAt(page, 'missing', 'empty.wasm');
    await startLoad(page);
    await expect(page.getByTestId('load-error')).toBeVisible();
    await expect(page.getByTestId('progress-text')).toContainText('Checking OCR-2-7B · q4f32_1');
    // The q4f16 build needs shader-f16, which SwiftShader lacks: ✗.
    await page.getByLabel('OCR-2-7B · q4f16_1', { exact: true }).check();
    await expect(page.getByTestId('progress-text')).toHaveCount(0);
    await expect(page.getByTestId('load-error')).toHaveCount(0);
    await expect(page.getByTestId('fit')).toHaveAttribute('data-verdict', 'no');
    await expect(page.getByTestId('fit')).toContainText('lacks shader-f16');
    await expect(page.getByTestId('load-button')).toBeDisabled();
    await page.getByTestId('try-anyway').getByRole('checkbox').check();
    await expect(page.getByTestId('load-button')).toBeEnabled();
    // Choosing another model asks again.
    await page.getByLabel('OCR-2-7B · q4f32_1 (no shader-f16)').check();
    await page.getByLabel('OCR-2-7B · q4f16_1', { exact: true }).check();
    await expect(page.getByTestId('load-button')).toBeDisabled();
  });

  test('missing model folder: progress, then the missing file by name, URL and status, then the fallback', async ({ page }) => {
    await openModelView(page);
    await pointAt(page, 'missing', 'empty.wasm');
    await startLoad(page);
    await expect(page.getByTestId('load-error')).toBeVisible();
    await expect(page.getByTestId('progress-text')).toContainText('Checking');
    await expect(page.getByTestId('error-file')).toHaveText('mlc-chat-config.json');
    await expect(page.getByTestId('error-status')).toHaveText('404');
    await expect(page.getByTestId('error-url')).toHaveText(`${host.modelUrl('missing')}/resolve/main/mlc-chat-config.json`);
    await expect(page.getByTestId('error-todo')).toContainText('convert_weight');
    await expect(page.getByTestId('fallback')).toContainText('Replay a recorded run');
  });

  test("WebLLM's own fetch (real llm.worker.ts): its bare Cache error becomes the missing file", async ({ page }) => {
    await openModelView(page);
    await pointAt(page, 'missing', 'empty.wasm', false);
    await startLoad(page);
    await expect(page.getByTestId('load-error')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('error-file')).toHaveText('mlc-chat-config.json');
    await expect(page.getByTestId('error-status')).toHaveText('404');
    await expect(page.getByTestId('error-raw')).toContainText("Failed to execute 'add' on 'Cache'");
    await expect(page.getByTestId('fallback')).toBeVisible();
  });

  test('complete folder, per-shard progress, then WebLLM in the worker rejects the model library', async ({ page }) => {
    await openModelView(page);
    await pointAt(page, 'ok', 'empty.wasm');
    await startLoad(page);
    await expect(page.getByTestId('load-error')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('download-summary')).toContainText(`${SHARD_COUNT} of ${SHARD_COUNT} shards cached`);
    await expect(page.locator('[data-testid=file-row][data-file="params_shard_5.bin"]')).toHaveAttribute('data-state', 'done');
    // The download finished, WebLLM (in the worker) read the cache and failed on the library.
    await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', /library-/);
    await expect(page.getByTestId('error-url')).toHaveText(host.libUrl('empty.wasm'));
    await expect(page.getByTestId('cache-summary')).toContainText(`${SHARD_COUNT} of ${SHARD_COUNT} shards cached`);
    // Loading again reads the cache: no shard is downloaded twice.
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('load-error')).toBeVisible({ timeout: 90_000 });
    for (let i = 0; i < SHARD_COUNT; i++) expect(host.count(`/ok/resolve/main/params_shard_${i}.bin`)).toBe(1);
    // Deleting empties it.
    await page.getByRole('button', { name: 'Delete this model from the cache' }).click();
    await expect(page.getByTestId('cache-report')).toContainText('Nothing of this model is cached');
  });

  test('a conversion by an older mlc_llm (ndarray-cache.json) downloads; its manifest is stored under the key WebLLM reads', async ({
    page,
  }) => {
    await openModelView(page);
    await pointAt(page, 'legacy-manifest', 'empty.wasm');
    await startLoad(page);
    await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', /library-/, { timeout: 90_000 });
    await expect(page.getByTestId('download-summary')).toContainText(`${SHARD_COUNT} of ${SHARD_COUNT} shards cached`);
    const filesUrl = `${host.modelUrl('legacy-manifest')}/resolve/main/`;
    const stored = await page.evaluate(async (base) => {
      const model = await caches.open('webllm/model');
      const manifest = await model.match(`${base}tensor-cache.json`);
      return {
        records: manifest ? ((await manifest.json()) as { records: unknown[] }).records.length : -1,
        legacy: (await model.match(`${base}ndarray-cache.json`)) !== undefined,
      };
    }, filesUrl);
    expect(stored).toEqual({ records: SHARD_COUNT, legacy: false });
    expect(host.count('/legacy-manifest/resolve/main/ndarray-cache.json')).toBe(1);
  });

  for (const [scenario, field] of [
    ['template-mismatch', 'conv_template.stop_token_ids'],
    ['quant-mismatch', 'quantization'],
  ] as const) {
    test(`${scenario}: the config is checked against the library before any weights are fetched`, async ({ page }) => {
      await openModelView(page);
      await pointAt(page, scenario, 'empty.wasm');
      await startLoad(page);
      await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', 'config-mismatch', { timeout: 30_000 });
      await expect(page.getByTestId('error-file')).toHaveText('mlc-chat-config.json');
      await expect(page.getByTestId('error-why')).toContainText(`${field} is`);
      await expect(page.getByTestId('error-why')).toContainText('Nothing else was downloaded');
      expect(host.log.filter((p) => p.startsWith(`/${scenario}/`))).toEqual([`/${scenario}/resolve/main/mlc-chat-config.json`]);
    });
  }

  test('a library that is not WebAssembly is named before anything loads', async ({ page }) => {
    await openModelView(page);
    await pointAt(page, 'ok', 'bad.wasm');
    await startLoad(page);
    await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', 'library-invalid', { timeout: 60_000 });
    await expect(page.getByTestId('error-url')).toHaveText(host.libUrl('bad.wasm'));
  });

  test('a truncated shard is named with expected and actual sizes', async ({ page }) => {
    await openModelView(page);
    await pointAt(page, 'corrupt-shard', 'empty.wasm');
    await startLoad(page);
    await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', 'file-corrupt', { timeout: 60_000 });
    await expect(page.getByTestId('error-file')).toHaveText('params_shard_2.bin');
    await expect(page.getByTestId('error-why')).toContainText('but tensor-cache.json says');
  });

  test('an interrupted download resumes without re-downloading finished shards', async ({ page }) => {
    await openModelView(page);
    await pointAt(page, 'flaky-shard', 'empty.wasm');
    await startLoad(page);
    await expect(page.getByTestId('error-status')).toHaveText('503', { timeout: 60_000 });
    await expect(page.getByTestId('error-file')).toHaveText('params_shard_4.bin');
    // Shards in flight when shard 4 failed were cancelled (not cached); finished ones are cached.
    const finished = await page
      .locator('[data-testid=file-row][data-state=done][data-file^="params_shard_"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
    expect(finished.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('download-summary')).toContainText(`${SHARD_COUNT} of ${SHARD_COUNT} shards cached`, { timeout: 60_000 });
    await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', /library-/, { timeout: 90_000 });
    expect(host.count('/flaky-shard/resolve/main/params_shard_4.bin')).toBe(2);
    for (const name of finished) expect(host.count(`/flaky-shard/resolve/main/${name}`), String(name)).toBe(1);
  });

  test('cancel stops the download; what finished stays cached', async ({ page }) => {
    await openModelView(page);
    await pointAt(page, 'slow', 'empty.wasm');
    await startLoad(page);
    await expect(page.locator('[data-testid=file-row][data-state=done][data-file^="params_shard_"]').first()).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByTestId('download-summary')).toContainText('/s');
    await page.getByTestId('cancel-button').click();
    await expect(page.getByTestId('load-phase')).toHaveAttribute('data-phase', 'cancelled');
    await expect(page.getByTestId('cache-summary')).toContainText(`of ${SHARD_COUNT} shards cached`);
    await expect(page.getByTestId('cache-summary')).not.toContainText(`${SHARD_COUNT} of ${SHARD_COUNT}`);
  });
});
