/**
 * The Judge view's code editor, used with the keyboard alone: typing auto-indents a block, Tab
 * indents the line (and stays in the editor), undo takes it back, brackets match, Ctrl-Enter judges
 * the program, the draft survives a reload (per problem and language), and Escape then Tab
 * leaves the editor.
 */
import { expect, test, type Page } from '@playwright/test';

const DRAFT_KEY = 'critique-lab/judge-draft/aplusb/python';
const draft = (page: Page): Promise<string | null> => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
const editorText = (page: Page): Promise<string> =>
  page.locator('.judge .cm-content .cm-line').evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));

test('a program typed with the keyboard alone: indents, undo, Ctrl-Enter judges it, a reload keeps it', async ({ page }) => {
  await page.goto('./#/judge');
  await expect(page.getByTestId('judge-problem')).toHaveValue('aplusb');
  const editor = page.locator('.judge .code-editor');
  await expect(editor).toHaveAttribute('data-editor-ready', 'true');
  await expect(editor).toHaveAttribute('data-language', 'python');

  await page.getByTestId('judge-source').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Enter after "def main():" indents the next line by itself; Shift-Tab brings "main()" back out.
  await page.keyboard.type('import sys\ndef main():\n');
  await page.keyboard.type('a, b = map(int, sys.stdin.read().split())\nprint(a + b)');
  // The cursor stands after ")": the bracket pair is marked.
  await expect(page.locator('.judge .cm-matchingBracket')).toHaveCount(2);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('main()');
  // Tab indents the line rather than leaving the editor; undo takes the indent back.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('judge-source')).toBeFocused();
  expect((await editorText(page)).split('\n').at(-1)).toBe('    main()');
  await page.keyboard.press('ControlOrMeta+Z');
  const program = 'import sys\ndef main():\n    a, b = map(int, sys.stdin.read().split())\n    print(a + b)\nmain()';
  expect(await editorText(page)).toBe(program);
  // Highlighted for the language, with line numbers.
  await expect(page.locator('.judge .cm-lineNumbers .cm-gutterElement', { hasText: /^5$/ })).toHaveCount(1);
  expect(await page.locator('.judge .cm-line').first().locator('span').count()).toBeGreaterThan(0);

  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('judge-verdict')).toHaveAttribute('data-verdict', 'AC', { timeout: 120_000 });
  expect(await draft(page)).toBe(program);

  // Each language keeps its own draft.
  await page.getByTestId('judge-language').selectOption('cpp');
  await expect.poll(() => editorText(page)).toContain('#include <bits/stdc++.h>');
  await page.getByTestId('judge-language').selectOption('python');
  await expect.poll(() => editorText(page)).toBe(program);

  await page.reload();
  await expect(page.locator('.judge .code-editor')).toHaveAttribute('data-editor-ready', 'true');
  await expect.poll(() => editorText(page)).toBe(program);

  // Escape, then Tab: focus moves on, out of the editor.
  await page.getByTestId('judge-source').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('judge-source')).not.toBeFocused();
  expect(await editorText(page)).toBe(program);
});
