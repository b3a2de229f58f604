/**
 * A live run in the Demo view on the engine connected in the Model view — here an
 * OpenAI-compatible server on 127.0.0.1 scripted to behave like a reasoning model (no weights
 * exist on these machines). Everything after the wire — parsing, critique verdicts, selection,
 * metrics, the run record — is the app's real code.
 */
import { expect, test } from '@playwright/test';
import { problemQuestion } from '../../src/core/chat/prompts';
import { readProblemDir } from '../../src/exec/node/problemDir';
import { JOURNAL_DB_NAME } from '../../src/ui/data/runJournal';
import { connectEndpoint } from './modelViewSteps';
import { trainedCritique, trainedGeneration } from '../fixtures/trainedPrompts';
import { chatFrames, startScriptedOpenAIServer, type ScriptedServer } from '../fixtures/servers/scriptedOpenAIServer';

const MODEL = 'ocr2-7b';
const correct =
  'import sys\nd=sys.stdin.read().split()\nbest=cur=int(d[1])\nfor t in d[2:]:\n    x=int(t)\n    cur=x if cur<0 else cur+x\n    best=max(best,cur)\nprint(best)';
const clamped = 'n=int(input())\nbest=cur=0\nfor x in map(int,input().split()):\n    cur=max(0,cur+x)\n    best=max(best,cur)\nprint(best)';

/** Every journalled run in this browser: its status and the type of its last event. */
const JOURNALLED_RUNS = (database: string): Promise<{ status: string; last: string }[]> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open(database);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['runs', 'events']);
      const runs = tx.objectStore('runs').getAll();
      const events = tx.objectStore('events').getAll();
      tx.oncomplete = () =>
        resolve(
          (runs.result as { runId: string; status: string }[]).map((run) => ({
            status: run.status,
            last:
              (events.result as { runId: string; event: { type: string } }[]).filter((e) => e.runId === run.runId).at(-1)?.event.type ?? '',
          })),
        );
    };
  });

let server: ScriptedServer;
test.beforeAll(async () => {
  let generations = 0;
  server = await startScriptedOpenAIServer({
    respond: (req) => {
      if (req.path === '/v1/models') return { json: { object: 'list', data: [{ id: MODEL, object: 'model' }] } };
      const opening = (req.body?.messages as { content: string }[] | undefined)?.[0]?.content ?? '';
      // A C++ generation is a long, slow stream, so a test can look at (or reload) a run in flight.
      if (opening.includes('Please use c++ programming language only.')) {
        return {
          frames: chatFrames({
            model: MODEL,
            wire: 'reasoning_content',
            reasoning: Array.from({ length: 300 }, (_, i) => `step${i} `),
            answer: ['```cpp\nint main(){}\n```'],
            delayMs: 40,
          }),
        };
      }
      const messages = (req.body?.messages ?? []) as { content: string }[];
      const last = messages.at(-1)?.content ?? '';
      // A critique request quotes a candidate; the model judges both right, thinking longer about the clamped one.
      if (last.includes('cur+x')) {
        const thinking = last.includes('max(0,cur+x)') ? 30 : 12;
        return {
          frames: chatFrames({
            model: MODEL,
            wire: 'reasoning_content',
            reasoning: Array.from({ length: thinking }, (_, i) => `check${i} `),
            answer: ['Looks fine.\n\n', '<judgment>right</judgment>'],
          }),
        };
      }
      const program = generations++ % 2 === 0 ? clamped : correct;
      return {
        frames: chatFrames({
          model: MODEL,
          wire: 'reasoning_content',
          reasoning: ['Kadane ', 'it ', 'is.'],
          answer: ['Here:\n\n```python\n', program, '\n```\n'],
        }),
      };
    },
  });
});
test.afterAll(async () => {
  await server.close();
});

test('a live run on a connected endpoint streams, critiques, selects and scores', async ({ page }) => {
  await connectEndpoint(page, server.url, MODEL);

  await page.getByRole('link', { name: 'Demo' }).click();
  await page.getByLabel('Source').selectOption({ label: `Live: ${MODEL} @ ${server.baseUrl}` });
  await page.getByLabel('Candidates k').fill('2');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 90_000 });

  await expect(page.getByRole('note')).toContainText('Live model run.');
  await expect(page.locator('article.card')).toHaveCount(2);
  await expect(page.locator('article.card [data-critique="right"]')).toHaveCount(2);
  await expect(page.locator('article.card').nth(0).locator('.program')).toContainText('max(0,cur+x)');
  // Both judged right; the paper's rule takes the shorter critique: candidate 2's (12 vs 30 tokens).
  await expect(page.locator('.chosen-reason')).toHaveAttribute('data-chosen', '2');
  // Ground truth from really running both programs in this browser: the clamped one fails.
  await expect(page.locator('article.card').nth(0).locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'WA');
  await expect(page.locator('article.card').nth(1).locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'AC');
  await expect(page.locator('[data-metric="passAt1"]')).toHaveAttribute('data-value', '0.5');
  await expect(page.locator('[data-metric="selectAtK"]')).toHaveAttribute('data-value', '1');
  await expect(page.locator('[data-metric="critiqueAccuracy"]')).toHaveAttribute('data-value', '0.5');
  // The journal kept every event (a live run's events are plain data): once it has closed the run,
  // no "could not all be kept" message, and it holds the run through to its last event.
  await expect.poll(() => page.evaluate(JOURNALLED_RUNS, JOURNAL_DB_NAME)).toEqual([{ status: 'finished', last: 'run-finished' }]);
  expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  const sent = server.requests.filter((r) => r.path === '/v1/chat/completions');
  expect(sent).toHaveLength(4);
  expect(sent[0]!.body).toMatchObject({ model: MODEL, stream: true, temperature: 0.6, top_p: 0.95 });
  // What the server received is exactly OCR-2's trained format: one user message, no system prompt.
  const question = problemQuestion(await readProblemDir('public/problems/max-subarray'));
  const generations = sent.filter((r) => !(r.body?.messages as { content: string }[])[0]!.content.includes('## Solution'));
  expect(generations[0]!.body?.messages).toEqual([{ role: 'user', content: trainedGeneration('python', 'python', question) }]);
  const critiques = sent.filter((r) => (r.body?.messages as { content: string }[])[0]!.content.includes('## Solution'));
  expect(critiques.map((r) => r.body?.messages)).toContainEqual([
    { role: 'user', content: trainedCritique(question, `\`\`\`python\n${correct}\n\`\`\``) },
  ]);
});

test('a C++ live run sends the trained C++ prompt', async ({ page }) => {
  await connectEndpoint(page, server.url, MODEL);
  await page.getByRole('link', { name: 'Demo' }).click();
  await page.getByLabel('Source').selectOption({ label: `Live: ${MODEL} @ ${server.baseUrl}` });
  // Before Run: an estimate at the stated assumed speed; the Paper preset (k = 10, replies as long
  // as the window allows) runs past half an hour, and says so.
  await expect(page.getByTestId('run-estimate')).toContainText('assumed: nothing measured on this device yet');
  await page.getByRole('group', { name: 'Presets' }).getByRole('button', { name: 'Paper' }).click();
  await expect(page.getByLabel('Candidates k')).toHaveValue('10');
  await expect(page.getByTestId('long-run-warning')).toBeVisible();
  await page.getByLabel('Candidates k').fill('1');
  await page.getByLabel('Language').selectOption({ label: 'C++17' });
  const before = server.requests.length;
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="running"]')).toBeVisible();
  await expect.poll(() => server.requests.slice(before).filter((r) => r.path === '/v1/chat/completions').length).toBe(1);
  await page.getByRole('button', { name: 'Stop' }).click();
  const question = problemQuestion(await readProblemDir('public/problems/max-subarray'));
  const [generation] = server.requests.slice(before).filter((r) => r.path === '/v1/chat/completions');
  expect(generation!.body?.messages).toEqual([{ role: 'user', content: trainedGeneration('c++', 'cpp', question) }]);
});

test('a reload in the middle of a live run reopens it, marked interrupted, with everything received so far', async ({ page }) => {
  await connectEndpoint(page, server.url, MODEL);
  await page.getByRole('link', { name: 'Demo' }).click();
  await page.getByLabel('Source').selectOption({ label: `Live: ${MODEL} @ ${server.baseUrl}` });
  await page.getByLabel('Candidates k').fill('1');
  await page.getByLabel('Language').selectOption({ label: 'C++17' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const trace = page.locator('article.card .trace-tokens').first();
  await expect.poll(async () => Number(await trace.getAttribute('data-tokens')), { timeout: 30_000 }).toBeGreaterThan(20);
  await expect(page.locator('[data-status="running"]')).toBeVisible();
  // While it runs: the generation's decode speed and a time left (the server streams 25 tokens/s).
  await expect(page.getByTestId('run-pace')).toContainText(/Generating \d+\.\d tok\/s/);

  // Read the screen and reload in the same task, so no event can land in between.
  const before = (await page.evaluate(
    `(() => { const t = document.querySelector('article.card .trace-tokens'); const n = Number(t.getAttribute('data-tokens')); location.reload(); return n; })()`,
  )) as number;
  await page.waitForLoadState('load');
  const note = page.getByTestId('run-interrupted');
  await expect(note).toBeVisible({ timeout: 30_000 });
  expect(Number(await note.getAttribute('data-events'))).toBeGreaterThan(20);
  await expect(page.locator('[data-status="running"]')).toHaveCount(0);
  expect(Number(await page.locator('article.card .trace-tokens').first().getAttribute('data-tokens'))).toBeGreaterThanOrEqual(before);
  await expect(page.locator('article.card').first()).toContainText(`step${before - 1} `);
});
