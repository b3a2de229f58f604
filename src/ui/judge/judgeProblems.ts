/**
 * The Judge panel's problems: the site's bundled problem packages (among them small ones that
 * show the judging rules: A+B, a float tolerance, case, exact whitespace).
 */
import type { Problem } from '../../core/problem/problem';
import { loadBundledProblem, loadProblemIndex } from '../data/bundledContent';

export interface JudgeProblemEntry {
  id: string;
  title: string;
  load(): Promise<Problem>;
}

export async function judgeProblems(): Promise<JudgeProblemEntry[]> {
  const index = await loadProblemIndex();
  return index.problems.map((entry) => ({ id: entry.id, title: entry.title, load: () => loadBundledProblem(entry) }));
}
