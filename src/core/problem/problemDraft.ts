/**
 * A teacher's own problem, written in the app (statement in Markdown, tests, limits), as the files
 * of a Kattis package (2023-07 layout) — so it is read, judged, stored and exported exactly like
 * an imported package, and opens in any tool that reads the format.
 */
import { stringify } from 'yaml';

export interface DraftTest {
  group: 'sample' | 'secret';
  input: string;
  answer: string;
}

export interface ProblemDraft {
  title: string;
  /** Markdown; `$…$` math allowed. */
  statement: string;
  timeSeconds: number;
  memoryMiB: number;
  tests: DraftTest[];
}

export function draftPackageFiles(draft: ProblemDraft): Map<string, string> {
  const config = {
    problem_format_version: '2023-07-draft',
    name: draft.title.trim(),
    credits: { authors: 'written in critique-lab' },
    limits: { time_limit: draft.timeSeconds, memory: draft.memoryMiB },
  };
  const files = new Map<string, string>([
    ['problem.yaml', stringify(config)],
    ['statement/problem.md', `${draft.statement.trim()}\n`],
  ]);
  for (const group of ['sample', 'secret'] as const) {
    const tests = draft.tests.filter((t) => t.group === group);
    const width = String(tests.length).length;
    tests.forEach((test, i) => {
      const name = String(i + 1).padStart(width, '0');
      files.set(`data/${group}/${name}.in`, withNewline(test.input));
      files.set(`data/${group}/${name}.ans`, withNewline(test.answer));
    });
  }
  return files;
}

/** The draft a package's files came from, when they were written by draftPackageFiles. */
export function draftFromFiles(
  files: ReadonlyMap<string, string>,
  parsed: { title: string; statement: string; timeSeconds: number; memoryMiB: number },
): ProblemDraft {
  const tests: DraftTest[] = [];
  for (const group of ['sample', 'secret'] as const) {
    const inputs = [...files.keys()].filter((p) => p.startsWith(`data/${group}/`) && p.endsWith('.in')).sort();
    for (const path of inputs) tests.push({ group, input: files.get(path)!, answer: files.get(path.replace(/\.in$/, '.ans')) ?? '' });
  }
  return { ...parsed, tests };
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
