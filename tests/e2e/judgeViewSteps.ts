/** Steps the specs share in the Judge view. */
import { expect, type Page } from '@playwright/test';

/** Judges `source` against `problem` through the Judge view, as a person would; the verdict. */
export async function judgeInJudgeView(page: Page, problem: string, language: 'python' | 'cpp', source: string): Promise<string> {
  await page.getByTestId('judge-problem').selectOption(problem);
  await page.getByTestId('judge-language').selectOption(language);
  await page.getByTestId('judge-source').fill(source);
  await page.getByTestId('judge-run').click();
  const verdict = page.getByTestId('judge-verdict');
  await expect(verdict).toBeVisible({ timeout: 240_000 });
  return (await verdict.getAttribute('data-verdict')) ?? '';
}
