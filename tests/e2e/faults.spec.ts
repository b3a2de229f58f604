/**
 * Faults while the demo runs, in Chromium with the app's real code: the network drops in the
 * middle of a model download, and the model stops mid-generation (an OpenAI-compatible server
 * that hangs up mid-stream — the endpoint engine's equivalent of a dying model worker; the WebLLM
 * worker dying is covered against WebLLM's real worker protocol in tests/unit/webllm). Each ends
 * with a clear message, nothing that finished is lost, and the app recovers. A worker crashing
 * mid-test is in the hostile corpus (crash-runtime.py), run by execIsolation.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { startModelFileServer, SHARD_COUNT, type ModelFileServer } from '../fixtures/servers/modelFileServer';
import { connectEndpoint, startLoad } from './modelViewSteps';
import { chatFrames, startScriptedOpenAIServer, type ScriptedServer } from '../fixtures/servers/scriptedOpenAIServer';

const MODEL = 'ocr2-7b';
const program =
  'import sys\nd=sys.stdin.read().split()\nbest=cur=int(d[1])\nfor t in d[2:]:\n    x=int(t)\n    cur=x if cur<0 else cur+x\n    best=max(best,cur)\nprint(best)';

let host: ModelFileServer;
let server: ScriptedServer;
let generations = 0;
test.beforeAll(async () => {
  host = await startModelFileServer({ slowChunkDelayMs: 150 });
  server = await startScriptedOpenAIServer({
    respond: (req) => {
      if (req.path === '/v1/models') return { json: { object: 'list', data: [{ id: MODEL, object: 'model' }] } };
      const last = ((req.body?.messages ?? []) as { content: string }[]).at(-1)?.content ?? '';
      if (last.includes('cur+x'))
        return {
          frames: chatFrames({ model: MODEL, wire: 'reasoning_content', reasoning: ['checked '], answer: ['<judgment>right</judgment>'] }),
        };
      const frames = chatFrames({
        model: MODEL,
        wire: 'reasoning_content',
        reasoning: ['Kadane ', 'it ', 'is.'],
        answer: ['```python\n', program, '\n```\n'],
      });
      // The second generation of the first run: the model goes away mid-reasoning.
      return { frames: ++generations === 2 ? [...frames.slice(0, 3), { destroy: true }] : frames };
    },
  });
});
test.afterAll(async () => {
  await host.close();
  await server.close();
});

test('the network drops mid-download: the file is named, finished shards stay, Try again resumes', async ({ page, context }) => {
  await page.goto('./#/model');
  await expect(page.getByTestId('webgpu-status')).toBeVisible();
  await page.getByLabel('Other URL').check();
  await page.getByLabel('Model URL').fill(host.modelUrl('slow'));
  await page.locator('summary', { hasText: 'Advanced' }).click();
  await page.getByLabel('Model library URL').fill(host.libUrl('empty.wasm'));
  await page.getByLabel(/Download files here first/).check();
  await startLoad(page);
  await expect(page.locator('[data-testid=file-row][data-state=done][data-file^="params_shard_"]').first()).toBeVisible({
    timeout: 60_000,
  });

  await context.setOffline(true);
  await expect(page.getByTestId('load-error')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('error-file')).toHaveText(/^[\w.-]+\.(bin|wasm|json)$/); // whichever request the drop hit first
  const finished = await page
    .locator('[data-testid=file-row][data-state=done][data-file^="params_shard_"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
  expect(finished.length).toBeGreaterThan(0);

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('download-summary')).toContainText(`${SHARD_COUNT} of ${SHARD_COUNT} shards cached`, { timeout: 90_000 });
  for (const name of finished) expect(host.count(`/slow/resolve/main/${name}`), String(name)).toBe(1);
});

test('the model stops mid-generation: that candidate is marked failed with the reason, the rest of the run stands, the next run works', async ({
  page,
}) => {
  await connectEndpoint(page, server.url, MODEL);

  await page.getByRole('link', { name: 'Demo' }).click();
  await page.getByLabel('Source').selectOption({ label: `Live: ${MODEL} @ ${server.baseUrl}` });
  await page.getByLabel('Candidates k').fill('3');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 90_000 });

  // Which candidate's request was the second depends on scheduling: exactly one failed.
  const failedLabel = page.locator('article[data-candidate] [data-output-state="failed"]');
  await expect(failedLabel).toHaveCount(1);
  await expect(failedLabel).toHaveAttribute('title', /could not finish/);
  await expect(page.locator('article[data-candidate] header [data-verdict="AC"]')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.locator('article[data-candidate] [data-critique="right"]')).toHaveCount(2);
  // Nothing is lost: a second run on the same (now healthy) server completes with every candidate.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('article[data-candidate] [data-output-state="failed"]')).toHaveCount(0);
  await expect(page.locator('article[data-candidate] header [data-verdict="AC"]')).toHaveCount(3, { timeout: 60_000 });
});
