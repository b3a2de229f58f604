/** Steps the specs share in the Judge view. */
import { readFileSync } from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';

/** A program of tests/fixtures/submissions/, by its path there. */
export function submissionFixture(path: string): string {
  return readFileSync(new URL(`../fixtures/submissions/${path}`, import.meta.url), 'utf8');
}

/**
 * A page on the Judge view, its problems loaded (A+B chosen), that prints the page's errors. A spec
 * file judging many programs keeps one for all its tests, so its executor stays warm.
 */
export async function openJudgeView(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('[page]', m.text()));
  await page.goto('./#/judge');
  await expect(page.getByTestId('judge-problem')).toHaveValue('aplusb');
  return page;
}

/**
 * Replaces the program in the Judge view's editor with `source`. Waits for the code editor
 * (CodeMirror, loaded on first use) so the text goes into the editor a person would type in.
 */
export async function fillProgram(page: Page, source: string): Promise<void> {
  await expect(page.locator('.judge .code-editor')).toHaveAttribute('data-editor-ready', 'true');
  await page.getByTestId('judge-source').fill(source);
}

/** Judges `source` against `problem` through the Judge view, as a person would; the verdict. */
export async function judgeInJudgeView(page: Page, problem: string, language: 'python' | 'cpp', source: string): Promise<string> {
  await page.getByTestId('judge-problem').selectOption(problem);
  await page.getByTestId('judge-language').selectOption(language);
  await fillProgram(page, source);
  await page.getByTestId('judge-run').click();
  const verdict = page.getByTestId('judge-verdict');
  await expect(verdict).toBeVisible({ timeout: 240_000 });
  return (await verdict.getAttribute('data-verdict')) ?? '';
}
