/**
 * A live run on the in-browser engine, on a Kattis package imported from a folder, over WebLLM's
 * real worker protocol: the Model view downloads a model folder from the fixture host into
 * WebLLM's cache and starts the model worker; the worker served is WebLLM's real
 * WebWorkerMLCEngineHandler with a scripted MLCEngine where the GPU pipeline would be
 * (tests/fixtures/scriptedWebLLMWorker.ts). Everything on the page's side — WebLLM's
 * WebWorkerMLCEngine client, the app's engine, pipeline, journal and Demo — is the app's.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import { problemQuestion } from '../../src/core/chat/prompts';
import { readProblemDir } from '../../src/exec/node/problemDir';
import { NO_SYSTEM_TURN } from '../../src/webllm/noSystemTurn';
import { startLoad } from './modelViewSteps';
import { trainedCritique, trainedGeneration } from '../fixtures/trainedPrompts';
import { startModelFileServer, type ModelFileServer } from '../fixtures/servers/modelFileServer';

// The scripted worker replaces the app's worker asset; a service worker would answer that request
// from its precache before the test could.
test.use({ serviceWorkers: 'block' });

const PACKAGE = fileURLToPath(new URL('../fixtures/problems/gap', import.meta.url));
let host: ModelFileServer;
let workerScript: string;
test.beforeAll(async () => {
  host = await startModelFileServer();
  const bundled = await build({
    entryPoints: ['tests/fixtures/scriptedWebLLMWorker.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  workerScript = bundled.outputFiles[0]!.text;
});
test.afterAll(async () => {
  await host.close();
});

interface WorkerReceived {
  reloads: unknown[][];
  requests: { messages?: { role: string; content: string }[] }[];
}

test('a WebLLM live run on an imported package: reloaded mid-run, it reopens interrupted with everything received so far', async ({
  page,
}) => {
  await page.route(/\/assets\/llm\.worker[^/]*\.js$/, async (route) =>
    route.fulfill({ response: await route.fetch(), body: workerScript }),
  );
  // A Kattis package imported from a folder is the problem the run is on.
  await page.goto('./#/judge');
  await page.getByTestId('problem-library').locator('summary').click();
  await page.getByTestId('import-folder').setInputFiles(PACKAGE);
  await expect(page.getByTestId('import-notice')).toContainText('Imported Gap');

  await page.goto('./#/model');
  await page.getByLabel('Other URL').check();
  await page.getByLabel('Model URL').fill(host.modelUrl('ok'));
  await page.locator('summary', { hasText: 'Advanced' }).click();
  await page.getByLabel('Model library URL').fill(host.libUrl('empty.wasm'));
  await startLoad(page);
  await expect(page.getByTestId('load-phase')).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });

  await page.goto('./#/demo?problem=gap');
  await expect(page.getByLabel('Problem').locator('option[value="gap"]')).toHaveText('Gap (imported)');
  await expect(page.getByLabel('Source')).toHaveValue('live');
  await page.getByLabel('Candidates k').fill('1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // Mid-run: the generation has finished (WebLLM's usage chunk, the program judged) and the
  // critique's reasoning is streaming.
  const traces = page.locator('article.card .trace-tokens');
  await expect
    .poll(
      async () =>
        Number(
          await traces
            .nth(1)
            .getAttribute('data-tokens')
            .catch(() => '0'),
        ),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(20);
  await expect(page.locator('[data-status="running"]')).toBeVisible();
  await expect(page.getByTestId('run-pace')).toContainText(/Generating \d+\.\d tok\/s/);

  // What crossed WebLLM's protocol: the model loaded with no system turn, and OCR-2's trained
  // prompts, each as the one user message.
  const [worker] = page.workers().filter((w) => /llm\.worker/.test(w.url()));
  const received = await worker!.evaluate(() => {
    const { reloads, requests } = (globalThis as unknown as { scripted: WorkerReceived }).scripted;
    return { reloads, requests };
  });
  expect(received.reloads).toEqual([[['OCR-2-7B-q4f32_1-MLC'], [NO_SYSTEM_TURN]]]);
  const question = problemQuestion(await readProblemDir(PACKAGE));
  expect(received.requests.map((r) => r.messages)).toEqual([
    [{ role: 'user', content: trainedGeneration('python', 'python', question) }],
    [{ role: 'user', content: trainedCritique(question, '```python\nprint(7)\n```') }],
  ]);

  // Read the screen and reload in the same task, so no event can land in between.
  const before = (await page.evaluate(
    `(() => { const n = [...document.querySelectorAll('article.card .trace-tokens')].map((t) => Number(t.getAttribute('data-tokens'))); location.reload(); return n; })()`,
  )) as number[];
  await page.waitForLoadState('load');
  const note = page.getByTestId('run-interrupted');
  await expect(note).toBeVisible({ timeout: 30_000 });
  expect(Number(await note.getAttribute('data-events'))).toBeGreaterThan(100);
  await expect(page.locator('[data-status="running"]')).toHaveCount(0);
  const after = await traces.evaluateAll((all) => all.map((t) => Number(t.getAttribute('data-tokens'))));
  expect(after).toHaveLength(2);
  // The finished generation whole; the critique at least as far as it had got on screen.
  expect(after[0]).toBe(before[0]);
  expect(after[1]).toBeGreaterThanOrEqual(before[1]!);
  const card = page.locator('article.card').first();
  await expect(card.locator('.program')).toContainText('print(7)');
  // The scripted traces are "<think>t0 t1 …": `before[1]` tokens on screen end with t(before[1] − 2).
  await expect(card).toContainText(`t${before[1]! - 3} t${before[1]! - 2}`);
});
