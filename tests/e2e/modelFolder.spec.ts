/**
 * Loading a converted model from a folder (a USB stick in a closed classroom), in headless
 * Chromium: the folder is picked with the directory input, verified, copied into the real Cache
 * API with per-file progress, cancel and resume, and handed to the real WebLLM worker, which reads
 * everything from the cache — the folder's origin (.invalid) cannot be reached, so no network is
 * involved. The library is a valid but empty wasm module, so WebLLM stops at the library: the
 * point up to which anything can be proven without real weights and a GPU.
 */
import { expect, test, type Page } from '@playwright/test';
import { startLoad } from './modelViewSteps';
import { SHARD_BYTES, SHARD_COUNT } from '../fixtures/servers/modelFileServer';
import { BIG_SHARDS, LIBRARY_NAME, MODEL_DIR, writeModelFolders, type FolderVariant, type ModelFolders } from '../fixtures/modelFolders';

const FOLDER_URL = 'https://local-folder.critique-lab.invalid/OCR-2-7B-q4f32_1-MLC/';

let folders: ModelFolders;
test.beforeAll(() => {
  folders = writeModelFolders();
});
test.afterAll(() => {
  folders.remove();
});

/** Every request the page and its workers make to anywhere but the app's own server. */
function watchNetwork(page: Page): string[] {
  const outside: string[] = [];
  const note = (url: string): void => {
    if (!new URL(url).hostname.match(/^(localhost|127\.0\.0\.1)$/) && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url);
  };
  page.on('request', (r) => note(r.url()));
  page.on('worker', (w) => note(w.url()));
  return outside;
}

async function pickFolder(page: Page, variant: FolderVariant): Promise<void> {
  await page.goto('./#/model');
  await expect(page.getByTestId('webgpu-status')).toContainText('WebGPU available');
  await expect(page.getByLabel('OCR-2-7B · q4f32_1 (no shader-f16)')).toBeChecked();
  await page.getByLabel(/A folder on this computer/).check();
  await page.getByTestId('folder-input').setInputFiles(folders.path(variant));
}

const shardRows = (page: Page, state: string) => page.locator(`[data-testid=file-row][data-state=${state}][data-file^="params_shard_"]`);

test('a complete folder is verified, copied with per-file progress, and WebLLM reads it from the cache with no network', async ({
  page,
}) => {
  const outside = watchNetwork(page);
  await pickFolder(page, 'ok');
  await expect(page.getByTestId('folder-summary')).toContainText(`ok/${MODEL_DIR}: ${SHARD_COUNT + 3} files`);
  await expect(page.getByTestId('folder-summary')).toContainText(`library: ${LIBRARY_NAME}`);
  await startLoad(page);
  await expect(page.getByTestId('load-error')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('progress-text')).toBeVisible();
  await expect(page.getByTestId('download-summary')).toContainText(`${SHARD_COUNT} of ${SHARD_COUNT} shards cached`);
  await expect(shardRows(page, 'done')).toHaveCount(SHARD_COUNT);
  // WebLLM in the worker got as far as the library, which it read from the cache under the folder's origin.
  await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', 'library-incompatible');
  await expect(page.getByTestId('error-url')).toHaveText(`${FOLDER_URL}lib/${LIBRARY_NAME}`);
  await expect(page.getByTestId('error-status')).toHaveCount(0);
  const cached = await page.evaluate(async (base) => {
    const has = async (scope: string, url: string): Promise<boolean> => (await (await caches.open(scope)).match(url)) !== undefined;
    return {
      config: await has('webllm/config', `${base}resolve/main/mlc-chat-config.json`),
      manifest: await has('webllm/model', `${base}resolve/main/tensor-cache.json`),
      tokenizer: await has('webllm/model', `${base}resolve/main/tokenizer.json`),
      library: await has('webllm/wasm', `${base}lib/Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu.wasm`),
      lastShard: (await (await (await caches.open('webllm/model')).match(`${base}resolve/main/params_shard_5.bin`))?.arrayBuffer())
        ?.byteLength,
    };
  }, FOLDER_URL);
  expect(cached).toEqual({ config: true, manifest: true, tokenizer: true, library: true, lastShard: SHARD_BYTES });
  await expect(page.getByTestId('cache-summary')).toContainText(`${SHARD_COUNT} of ${SHARD_COUNT} shards cached`);
  // After a reload the browser has forgotten the folder; the copy in the cache still loads.
  await page.reload();
  await expect(page.getByLabel(/A folder on this computer/)).toBeChecked();
  await expect(page.getByTestId('folder-summary')).toHaveCount(0);
  await startLoad(page);
  await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', 'library-incompatible', { timeout: 90_000 });
  await expect(shardRows(page, 'cached')).toHaveCount(SHARD_COUNT);
  expect(outside).toEqual([]);
});

test('a folder from an older mlc_llm (ndarray-cache.json) is copied under the name WebLLM reads', async ({ page }) => {
  await pickFolder(page, 'legacy-manifest');
  await expect(page.getByTestId('folder-summary')).toBeVisible();
  await startLoad(page);
  await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', 'library-incompatible', { timeout: 90_000 });
  await expect(page.getByTestId('download-summary')).toContainText(`${SHARD_COUNT} of ${SHARD_COUNT} shards cached`);
  const records = await page.evaluate(
    async (url) =>
      ((await (await (await caches.open('webllm/model')).match(url))?.json()) as { records: unknown[] } | undefined)?.records.length,
    `${FOLDER_URL}resolve/main/tensor-cache.json`,
  );
  expect(records).toBe(SHARD_COUNT);
});

test('a missing shard is named before anything is copied', async ({ page }) => {
  await pickFolder(page, 'missing-shard');
  const error = page.getByTestId('folder-error');
  await expect(error).toHaveAttribute('data-kind', 'folder-incomplete');
  await expect(error).toContainText(
    `1 of ${SHARD_COUNT} shards listed in tensor-cache.json are not in "missing-shard/${MODEL_DIR}": params_shard_3.bin`,
  );
  await expect(error).toContainText('What to do: Copy the whole mlc_llm output folder');
  await expect(page.getByTestId('folder-summary')).toHaveCount(0);
  await expect(page.getByTestId('load-button')).toBeDisabled();
});

test('a truncated shard is named with both sizes before anything is copied', async ({ page }) => {
  await pickFolder(page, 'truncated-shard');
  const error = page.getByTestId('folder-error');
  await expect(error).toHaveAttribute('data-kind', 'file-corrupt');
  await expect(error).toContainText(
    `params_shard_2.bin has ${(SHARD_BYTES - 1000).toLocaleString('en-US')} bytes but tensor-cache.json says ${SHARD_BYTES.toLocaleString('en-US')}`,
  );
});

test('a folder without mlc-chat-config.json is not taken for a model', async ({ page }) => {
  await pickFolder(page, 'no-config');
  await expect(page.getByTestId('folder-error')).toContainText('No mlc-chat-config.json in "no-config" or its subfolders');
});

test('a damaged shard of the right size fails its MD5 during the copy; the good shards stay cached', async ({ page }) => {
  await pickFolder(page, 'damaged-shard');
  await expect(page.getByTestId('folder-summary')).toBeVisible();
  await startLoad(page);
  await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', 'file-corrupt', { timeout: 60_000 });
  await expect(page.getByTestId('error-file')).toHaveText('params_shard_1.bin');
  await expect(page.getByTestId('error-why')).toContainText('its MD5 differs');
  await expect(page.locator('[data-testid=file-row][data-file="params_shard_1.bin"]')).toHaveAttribute('data-state', 'failed');
  const stored = await page.evaluate(
    async (url) => (await (await caches.open('webllm/model')).match(url)) !== undefined,
    `${FOLDER_URL}resolve/main/params_shard_1.bin`,
  );
  expect(stored).toBe(false);
});

test('cancel stops the copy; copying again resumes without copying finished shards twice', async ({ page }) => {
  await pickFolder(page, 'big');
  await expect(page.getByTestId('folder-summary')).toBeVisible();
  // Slow the page's JavaScript (the MD5 of each shard) so the copy can be watched and cancelled.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await startLoad(page);
  await expect(shardRows(page, 'done').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('load-phase')).toHaveAttribute('data-phase', 'cancelled');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByTestId('cache-summary')).toBeVisible();
  const finished = await shardRows(page, 'done').count();
  expect(finished).toBeGreaterThan(0);
  expect(finished).toBeLessThan(BIG_SHARDS);
  await expect(page.getByTestId('cache-summary')).toContainText(`${finished} of ${BIG_SHARDS} shards cached`);
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-error')).toHaveAttribute('data-kind', 'library-incompatible', { timeout: 90_000 });
  // The second copy found the first one's shards in the cache.
  await expect(shardRows(page, 'cached')).toHaveCount(finished);
  await expect(shardRows(page, 'done')).toHaveCount(BIG_SHARDS - finished);
  await expect(page.getByTestId('download-summary')).toContainText(`${BIG_SHARDS} of ${BIG_SHARDS} shards cached`);
});
