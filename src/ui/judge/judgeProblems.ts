/**
 * The Judge panel's problems: the site's bundled problem packages (among them small ones that
 * show the judging rules: A+B, a float tolerance, case, exact whitespace), then the packages the
 * user imported into this browser, marked as such.
 */
import type { Problem } from '../../core/problem/problem';
import type { ImportedProblemStore } from '../data/importedProblems';
import { problemChoices } from '../data/problemChoices';

export interface JudgeProblemEntry {
  id: string;
  title: string;
  load(): Promise<Problem>;
}

export async function judgeProblems(imported?: ImportedProblemStore): Promise<JudgeProblemEntry[]> {
  return (await problemChoices(imported)).map(({ id, title, own, load }) => ({ id, title: own ? `${title} (imported)` : title, load }));
}
