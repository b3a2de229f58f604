/**
 * The Model view in a Chromium without WebGPU: it says so, offers the replay, and runs against an
 * OpenAI-compatible endpoint (a scripted one on 127.0.0.1, with CORS) instead.
 */
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../fixtures/chromium';
import { chatFrames, startScriptedOpenAIServer, type ScriptedServer } from '../fixtures/servers/scriptedOpenAIServer';

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--disable-gpu'],
  },
});

let server: ScriptedServer;
test.beforeAll(async () => {
  server = await startScriptedOpenAIServer({
    respond: (req) =>
      req.path === '/v1/models'
        ? { json: { object: 'list', data: [{ id: 'ocr2-7b', object: 'model' }] } }
        : { frames: chatFrames({ model: 'ocr2-7b', wire: 'reasoning_content', reasoning: ['a'], answer: ['b'] }) },
  });
});
test.afterAll(async () => {
  await server.close();
});

test('says so once, shows the catalog, offers replay, and runs against an OpenAI-compatible endpoint', async ({ page }) => {
  await page.goto('./#/model');
  const status = page.getByTestId('webgpu-status');
  await expect(status).toContainText('No WebGPU');
  await expect(status).toContainText('No model can run in this browser');
  // The reason is said once, not repeated by the fit box and the fallback box.
  const reason = (await status.innerText()).replace(/^No WebGPU: /, '').split('.')[0] ?? '';
  expect(reason.length).toBeGreaterThan(20);
  expect(await page.getByText(reason, { exact: false }).count()).toBe(1);
  await expect(page.getByTestId('fit')).toHaveCount(0);
  await expect(page.getByTestId('fallback')).toContainText('hand-written');
  await expect(page.getByTestId('fallback')).toContainText('OpenAI-compatible server');
  await expect(page.getByTestId('fallback')).not.toContainText("recording of OCR-2's outputs");
  // The catalog is shown anyway, with the community conversion credited; loading is off unless asked for.
  await expect(page.getByRole('radio', { name: 'OCR-2-7B · q4f16_1', exact: true })).toBeVisible();
  await expect(page.getByTestId('conversion-credit')).toContainText('not published by NVIDIA');
  await expect(page.getByTestId('load-button')).toBeDisabled();
  await page.getByTestId('try-anyway').getByRole('checkbox').check();
  await expect(page.getByTestId('load-button')).toBeEnabled();
  // No GPU: no GPU-memory estimate for this device.
  await expect(page.getByRole('group', { name: 'Generation' })).not.toContainText('GB GPU memory');
  await expect(page.getByTestId('unverified-note')).toContainText('Not verified');
  await page.getByLabel('Endpoint URL').fill(server.url);
  await page.getByRole('button', { name: 'List models' }).click();
  await page.getByLabel('Endpoint model').fill('ocr2-7b');
  await page.getByRole('button', { name: 'Use this server' }).click();
  await expect(page.getByTestId('endpoint-ready')).toContainText('ocr2-7b');
});

test('a wrong endpoint is explained (nothing listening / CORS)', async ({ page }) => {
  await page.goto('./#/model');
  await page.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/v1');
  await page.getByRole('button', { name: 'List models' }).click();
  await expect(page.getByTestId('endpoint-error')).toContainText('CORS');
});
