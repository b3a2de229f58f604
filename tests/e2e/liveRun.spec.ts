/**
 * A live run in the Demo view on the engine connected in the Model view — here an
 * OpenAI-compatible server on 127.0.0.1 scripted to behave like a reasoning model (no weights
 * exist on these machines). Everything after the wire — parsing, critique verdicts, selection,
 * metrics, the run record — is the app's real code.
 */
import { expect, test } from '@playwright/test';
import { connectEndpoint } from './modelViewSteps';
import { chatFrames, startScriptedOpenAIServer, type ScriptedServer } from '../fixtures/servers/scriptedOpenAIServer';

const MODEL = 'ocr2-7b';
const correct = 'import sys\nd=sys.stdin.read().split()\nbest=cur=int(d[1])\nfor t in d[2:]:\n    x=int(t)\n    cur=x if cur<0 else cur+x\n    best=max(best,cur)\nprint(best)';
const clamped = 'n=int(input())\nbest=cur=0\nfor x in map(int,input().split()):\n    cur=max(0,cur+x)\n    best=max(best,cur)\nprint(best)';

let server: ScriptedServer;
test.beforeAll(async () => {
  let generations = 0;
  server = await startScriptedOpenAIServer({
    respond: (req) => {
      if (req.path === '/v1/models') return { json: { object: 'list', data: [{ id: MODEL, object: 'model' }] } };
      const messages = (req.body?.messages ?? []) as { content: string }[];
      const last = messages.at(-1)?.content ?? '';
      // A critique request quotes a candidate; the model judges both right, thinking longer about the clamped one.
      if (last.includes('cur+x')) {
        const thinking = last.includes('max(0,cur+x)') ? 30 : 12;
        return { frames: chatFrames({ model: MODEL, wire: 'reasoning_content', reasoning: Array.from({ length: thinking }, (_, i) => `check${i} `), answer: ['Looks fine.\n\n', '<judgment>right</judgment>'] }) };
      }
      const program = generations++ % 2 === 0 ? clamped : correct;
      return { frames: chatFrames({ model: MODEL, wire: 'reasoning_content', reasoning: ['Kadane ', 'it ', 'is.'], answer: ['Here:\n\n```python\n', program, '\n```\n'] }) };
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
  const sent = server.requests.filter((r) => r.path === '/v1/chat/completions');
  expect(sent).toHaveLength(4);
  expect(sent[0]!.body).toMatchObject({ model: MODEL, stream: true, temperature: 0.6, top_p: 0.95 });
});
