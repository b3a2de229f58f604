/**
 * The malformed model output corpus on screen: records made by the real pipeline from the corpus
 * (tests/fixtures/modelOutput/) are imported into the Demo view, and every candidate and critique
 * shows the label of its state, with the explanation available to screen readers and on hover.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ChatOptions } from '../../src/core/chat/chatEngine';
import { critiqueStates, generationStates } from '../../src/core/modelOutput/outputStates';
import { runPipeline } from '../../src/core/pipeline/pipeline';
import { serializeRunRecord } from '../../src/core/record/runRecordCodec';
import { DEFAULT_RUN_SETTINGS } from '../../src/core/record/runSettings';
import type { RunRecord } from '../../src/core/record/runRecord';
import { readProblemDir } from '../../src/exec/node/problemDir';
import { MALFORMED_CRITIQUES, MALFORMED_GENERATIONS } from '../fixtures/modelOutput/malformedOutputs';
import { ScriptedEngine } from '../fixtures/scriptedEngine';

const SEED = 1;
const GOOD_PROGRAM = '<think>sum</think>\n```python\nprint(sum(map(int, input().split())))\n```';

async function corpusRecord(kind: 'generations' | 'critiques'): Promise<RunRecord> {
  const problem = await readProblemDir('public/problems/aplusb');
  const engine = new ScriptedEngine((_messages, options: ChatOptions) => {
    const offset = (options.seed ?? 0) - SEED;
    if (kind === 'generations') {
      if (offset >= 1000) return '<think>fine</think>\n<judgment>right</judgment>';
      const sample = MALFORMED_GENERATIONS[offset]!;
      return { text: sample.raw, finishReason: sample.finishReason ?? 'stop' };
    }
    if (offset < 1000) return GOOD_PROGRAM;
    const sample = MALFORMED_CRITIQUES[Math.floor(offset / 1000) - 1]!;
    return { text: sample.raw, finishReason: sample.finishReason ?? 'stop' };
  });
  const k = kind === 'generations' ? MALFORMED_GENERATIONS.length : 1;
  const m = kind === 'generations' ? 1 : MALFORMED_CRITIQUES.length;
  return runPipeline({
    problem,
    engine,
    executor: null,
    settings: { ...DEFAULT_RUN_SETTINGS, k, m, concurrency: 1, seed: SEED },
    model: { id: 'scripted', label: 'Scripted malformed outputs' },
    provenance: { kind: 'handwritten', note: 'The malformed model output corpus' },
  });
}

async function importRecord(page: Page, record: RunRecord): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page
    .getByLabel('Import run')
    .setInputFiles({ name: 'corpus.json', mimeType: 'application/json', buffer: Buffer.from(serializeRunRecord(record)) });
  await expect(page.locator('article[data-candidate]')).toHaveCount(record.settings.k);
}

test('every malformed generation shows its state on its card', async ({ page }) => {
  const record = await corpusRecord('generations');
  await importRecord(page, record);
  for (const [i, sample] of MALFORMED_GENERATIONS.entries()) {
    const card = page.locator(`article[data-candidate="${i + 1}"]`);
    // The card's own labels (its critiques' labels sit inside their sections).
    const shown = card.locator(':scope > ul.output-states [data-output-state]');
    const expected = generationStates(record.candidates[i]!.generation);
    expect(
      expected.map((s) => s.id),
      sample.name,
    ).toEqual(sample.states);
    for (const state of expected) {
      const label = shown.and(page.locator(`[data-output-state="${state.id}"]`));
      await expect(label, `${sample.name}: ${state.id}`).toBeVisible();
      await expect(label).toContainText(state.label);
      await expect(label).toHaveAttribute('title', state.explanation);
    }
    if (sample.states.length === 0) await expect(shown).toHaveCount(0);
  }
});

test('every malformed critique shows its verdict and state', async ({ page }) => {
  const record = await corpusRecord('critiques');
  await importRecord(page, record);
  const card = page.locator('article[data-candidate="1"]');
  for (const [c, sample] of MALFORMED_CRITIQUES.entries()) {
    const section = card.locator(`section[aria-label="Critique ${c + 1}"]`);
    const states = critiqueStates(record.candidates[0]!.critiques[c]!, 'ocr2');
    expect(
      states.map((s) => s.id),
      sample.name,
    ).toEqual(sample.states);
    for (const state of states)
      await expect(section.locator(`[data-output-state="${state.id}"]`), `${sample.name}: ${state.id}`).toContainText(state.label);
    if (states.length === 0) await expect(section.locator('[data-output-state]')).toHaveCount(0);
  }
  const verdicts = await card.locator('header [data-critique]').evaluateAll((els) => els.map((e) => e.getAttribute('data-critique')));
  expect(verdicts).toEqual(MALFORMED_CRITIQUES.map((c) => c.verdict));
});
