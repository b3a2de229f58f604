/**
 * Every labelled submission of every bundled problem (Kattis layout: `submissions/<verdict folder>/`)
 * is judged by the real Node executor — Pyodide for Python, clang + our WASI runner for C++ — and
 * must get the verdict its folder names. This is what keeps the bundled problems' traps honest:
 * a wrong submission that slips through, or an accepted one that stops passing, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../../src/core/judging/judgeResult';
import type { Problem } from '../../../src/core/problem/problem';
import { languageFromFileName } from '../../../src/core/problem/language';
import { createNodeExecutor, type NodeExecutor } from '../../../src/exec/node/nodeExecutor';
import { readProblemDir } from '../../../src/exec/node/problemDir';

const PROBLEMS = 'public/problems';
/** Kattis's submission folders and the verdict each one promises. */
const EXPECTED: Record<string, Verdict> = {
  accepted: 'AC',
  wrong_answer: 'WA',
  time_limit_exceeded: 'TLE',
  run_time_error: 'RTE',
};

interface Labelled {
  problemId: string;
  path: string;
  expected: Verdict;
}

function labelledSubmissions(): Labelled[] {
  const found: Labelled[] = [];
  for (const problemId of readdirSync(PROBLEMS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    const root = join(PROBLEMS, problemId, 'submissions');
    for (const folder of readdirSync(root).sort()) {
      const expected = EXPECTED[folder];
      if (!expected) throw new Error(`${root}/${folder}: not a submission folder this test knows (${Object.keys(EXPECTED).join(', ')})`);
      for (const file of readdirSync(join(root, folder)).sort()) found.push({ problemId, path: join(root, folder, file), expected });
    }
  }
  return found;
}

const submissions = labelledSubmissions();
const problems = new Map<string, Problem>();
let executor: NodeExecutor;

beforeAll(async () => {
  for (const id of new Set(submissions.map((s) => s.problemId))) problems.set(id, await readProblemDir(join(PROBLEMS, id)));
  executor = createNodeExecutor({ concurrency: 2 });
}, 60_000);

afterAll(() => executor?.dispose());

describe('the bundled problem set', () => {
  it('has at least 10 problems, each with accepted and wrong submissions in Python and C++', () => {
    const ids = [...new Set(submissions.map((s) => s.problemId))];
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(ids).toEqual(
      readdirSync(PROBLEMS, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    );
    for (const id of ids) {
      const mine = submissions.filter((s) => s.problemId === id);
      for (const language of ['python', 'cpp'] as const) {
        const inLanguage = mine.filter((s) => languageFromFileName(s.path) === language);
        expect(
          inLanguage.some((s) => s.expected === 'AC'),
          `${id}: accepted ${language}`,
        ).toBe(true);
        expect(
          inLanguage.some((s) => s.expected !== 'AC'),
          `${id}: wrong ${language}`,
        ).toBe(true);
      }
    }
  });
});

describe.concurrent('every bundled submission gets the verdict it is labelled with', () => {
  it.each(submissions)(
    '$path',
    async ({ problemId, path, expected }) => {
      const language = languageFromFileName(path);
      if (!language) throw new Error(`${path}: no language for this file name`);
      const result = await executor.judge(problems.get(problemId)!, { language, source: readFileSync(path, 'utf8') });
      const failing = result.tests.find((t) => t.verdict !== 'AC');
      expect(result.verdict, `${path}: ${failing ? `${failing.name}: ${failing.detail ?? ''}` : 'all tests passed'}`).toBe(expected);
    },
    120_000,
  );
});
