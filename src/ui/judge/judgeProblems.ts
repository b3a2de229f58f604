/**
 * Where the Judge panel's problems come from: the site's bundled problems plus four small
 * packages that exercise the judging rules (A+B, float tolerance, case, exact whitespace). One
 * small file so the problem source can be swapped for the app's problem list later.
 */
import { readKattisPackage } from '../../core/kattisPackage';
import type { Problem } from '../../core/problem';
import { loadBundledProblem, loadProblemIndex } from '../data/bundledContent';

export interface JudgeProblemEntry {
  id: string;
  title: string;
  load(): Promise<Problem>;
}

const fixtureFiles = import.meta.glob('../../../tests/fixtures/problems/*/**/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function fixtureProblems(): JudgeProblemEntry[] {
  const byId = new Map<string, Map<string, string>>();
  for (const [path, text] of Object.entries(fixtureFiles)) {
    const match = /problems\/([^/]+)\/(.+)$/.exec(path);
    if (!match) continue;
    const [, id, file] = match as unknown as [string, string, string];
    if (!byId.has(id)) byId.set(id, new Map());
    byId.get(id)!.set(file, text);
  }
  const titles: Record<string, string> = { aplusb: 'A plus B', 'circle-area': 'Circle area (float tolerance)', 'yes-no': 'Is it even? (any case)', shout: 'Shout (exact case and spacing)' };
  return [...byId].map(([id, files]) => ({ id, title: titles[id] ?? id, load: () => readKattisPackage(files, id) }));
}

export async function judgeProblems(): Promise<JudgeProblemEntry[]> {
  const fixtures = fixtureProblems();
  try {
    const index = await loadProblemIndex();
    return [...fixtures, ...index.problems.map((entry) => ({ id: entry.id, title: entry.title, load: () => loadBundledProblem(entry) }))];
  } catch {
    return fixtures;
  }
}
