/**
 * Live runs on a teacher's own problem: a problem written in the Judge view's editor is offered in
 * the Demo (marked) once an endpoint is connected, `#/demo?problem=<id>` opens it, a live run on it
 * completes with its programs judged for real, and the finished run is kept and replays like a
 * recording. The model is a scripted OpenAI-compatible server (no weights exist here).
 */
import { expect, test } from '@playwright/test';
import { connectEndpoint } from './modelViewSteps';
import { chatFrames, startScriptedOpenAIServer, type ScriptedServer } from '../fixtures/servers/scriptedOpenAIServer';

const MODEL = 'ocr2-7b';
let server: ScriptedServer;

test.beforeAll(async () => {
  server = await startScriptedOpenAIServer({
    respond: (req) => {
      if (req.path === '/v1/models') return { json: { object: 'list', data: [{ id: MODEL, object: 'model' }] } };
      const prompt = (req.body?.messages as { content: string }[] | undefined)?.[0]?.content ?? '';
      if (prompt.includes('## Solution'))
        return {
          frames: chatFrames({
            model: MODEL,
            wire: 'reasoning_content',
            reasoning: ['Doubles ', 'n.'],
            answer: ['<judgment>right</judgment>'],
          }),
        };
      return {
        frames: chatFrames({
          model: MODEL,
          wire: 'reasoning_content',
          reasoning: ['Twice ', 'n.'],
          answer: ['```python\n', 'print(2 * int(input()))\n', '```'],
        }),
      };
    },
  });
});
test.afterAll(() => server.close());

test('a problem written here runs live in the Demo, and the finished run replays', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./#/judge');
  await page.getByTestId('problem-library').locator('summary').click();
  await page.getByTestId('new-problem').click();
  const editor = page.getByTestId('problem-editor');
  await editor.getByTestId('editor-title').fill('Double It');
  await editor.getByTestId('editor-statement').fill('Print $2n$.');
  await editor.getByTestId('editor-time').fill('1');
  await editor.getByTestId('editor-input').first().fill('3');
  await editor.getByTestId('editor-answer').first().fill('6');
  await editor.getByTestId('editor-save').click();
  await expect(page.getByTestId('import-notice')).toContainText('Saved Double It');

  await connectEndpoint(page, server.url, MODEL);
  await page.goto('./#/demo?problem=double-it');
  const problem = page.getByLabel('Problem');
  await expect(problem).toHaveValue('double-it');
  await expect(problem.locator('option[value="double-it"]')).toHaveText('Double It (imported)');
  await expect(page.getByLabel('Source')).toHaveValue('live');
  await page.getByLabel('Candidates k').fill('2');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('article.card [data-verdict="AC"]')).toHaveCount(2);
  await expect(page.locator('[data-metric="passAt1"]')).toHaveAttribute('data-value', '1');

  // Kept: offered as a source on this problem, and replayed through the pipeline like a recording.
  const saved = page.getByLabel('Source').locator('option', { hasText: 'Saved run: Double It' });
  await expect(saved).toHaveCount(1);
  await page.getByLabel('Source').selectOption({ label: (await saved.textContent())!.trim() });
  await page.getByLabel('Speed').selectOption({ label: '80 tok/s' });
  const asked = server.requests.length;
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-status="running"]')).toBeVisible();
  await expect(page.locator('[data-status="complete"]')).toBeVisible({ timeout: 60_000 });
  // A replay: the banner names where the text came from, and the model was not asked again.
  await expect(page.getByRole('note')).toContainText('Generated and critiqued by ocr2-7b');
  expect(server.requests.length).toBe(asked);
  await expect(page.locator('article.card [data-verdict="AC"]')).toHaveCount(2);
  await expect(page.locator('[data-metric="passAt1"]')).toHaveAttribute('data-value', '1');
});
