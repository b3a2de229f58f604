/**
 * Every problem a view can open: the site's bundled packages, then the packages imported into or
 * written in this browser (marked `own`). The Judge view lists them all; the Demo view offers the
 * own ones for live runs (they have no recordings).
 */
import type { Problem } from '../../core/problem/problem';
import { loadBundledProblem, loadProblemIndex } from './bundledContent';
import type { ImportedProblemStore } from './importedProblems';
import { loadImportedProblem } from '../problems/problemLibrary.svelte';

export interface ProblemChoice {
  id: string;
  title: string;
  /** Imported or written in the editor here, not bundled with the site. */
  own: boolean;
  load(): Promise<Problem>;
}

/** The problems imported into or written in this browser, oldest first. */
export async function ownProblemChoices(imported: ImportedProblemStore): Promise<ProblemChoice[]> {
  // A store that cannot be read (private mode) leaves the bundled problems usable.
  const own = await imported.list().catch(() => []);
  return own.map((p) => ({ id: p.id, title: p.title, own: true, load: () => loadImportedProblem(imported, p.id) }));
}

export async function problemChoices(imported?: ImportedProblemStore | null): Promise<ProblemChoice[]> {
  const index = await loadProblemIndex();
  const bundled = index.problems.map((entry) => ({ id: entry.id, title: entry.title, own: false, load: () => loadBundledProblem(entry) }));
  return [...bundled, ...(imported ? await ownProblemChoices(imported) : [])];
}
