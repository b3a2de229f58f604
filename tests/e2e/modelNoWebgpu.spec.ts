/**
 * The Model view in a Chromium without WebGPU: it says so, offers the replay, and runs against an
 * OpenAI-compatible endpoint (a scripted one on 127.0.0.1, with CORS) instead.
 */
import { expect, test } from '@playwright/test';
import { chatFrames, startScriptedOpenAIServer, type ScriptedServer } from '../fixtures/servers/scriptedOpenAIServer';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
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

test('says so, offers replay, and runs against an OpenAI-compatible endpoint', async ({ page }) => {
  await page.goto('./#/model');
  await expect(page.getByTestId('webgpu-status')).toContainText('No WebGPU');
  await expect(page.getByTestId('fallback')).toContainText('Replay a recorded run');
  await expect(page.getByTestId('load-button')).toHaveCount(0);
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
