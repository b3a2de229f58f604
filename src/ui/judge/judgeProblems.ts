/**
 * The Judge panel's problems: the site's bundled problem packages (among them small ones that
 * show the judging rules: A+B, a float tolerance, case, exact whitespace), then the packages the
 * user imported into this browser.
 */
import type { Problem } from '../../core/problem/problem';
import { loadBundledProblem, loadProblemIndex } from '../data/bundledContent';
import type { ImportedProblemStore } from '../data/importedProblems';
import { loadImportedProblem } from '../problems/problemLibrary.svelte';

export interface JudgeProblemEntry {
  id: string;
  title: string;
  load(): Promise<Problem>;
}

export async function judgeProblems(imported?: ImportedProblemStore): Promise<JudgeProblemEntry[]> {
  const index = await loadProblemIndex();
  const bundled = index.problems.map((entry) => ({ id: entry.id, title: entry.title, load: () => loadBundledProblem(entry) }));
  const own = imported ? await imported.list().catch(() => []) : [];
  return [...bundled, ...own.map((p) => ({ id: p.id, title: `${p.title} (imported)`, load: () => loadImportedProblem(imported!, p.id) }))];
}
