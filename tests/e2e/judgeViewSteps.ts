/** Steps the specs share in the Judge view. */
import { expect, type Page } from '@playwright/test';

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
