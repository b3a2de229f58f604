/**
 * What an eval runs over: the problems named by --problems — a Kattis package, a folder of them,
 * or a LiveCodeBench JSONL file — after the filters and the shard. Kattis packages are read when
 * their turn comes (a package without a time limit needs the executor to derive one);
 * LiveCodeBench rows are read up front, broken rows skipped with their line and reason.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Executor } from '../../core/judging/executor';
import type { Language } from '../../core/problem/language';
import type { Problem } from '../../core/problem/problem';
import { readLiveCodeBenchFile, type ProblemFilter, type SkippedRow } from '../../core/problem/liveCodeBench/liveCodeBenchFile';
import type { ProblemFacts } from '../../core/problem/liveCodeBench/liveCodeBenchRow';
import { readProblemDir } from '../../exec/node/problemDir';
import { resolveTimeLimit } from '../../exec/timeLimitFromAcceptedRuns';
import type { Shard } from './evalFlags';

export interface EvalProblemSource {
  id: string;
  /** Place in the whole (unsharded) selection: shards merge back into this order. */
  position: number;
  /** Platform, difficulty, date: LiveCodeBench problems have them, Kattis packages do not. */
  facts: ProblemFacts | null;
  /** Reads the problem; the explanation says where its time limit came from. */
  load(executor: Executor, signal: AbortSignal): Promise<{ problem: Problem; explanation: string | null }>;
}

export interface EvalProblems {
  sources: EvalProblemSource[];
  /** LiveCodeBench rows that could not be read. */
  skipped: SkippedRow[];
  /** Problems read but not run here, with why (a method-call problem in a C++ run). */
  excluded: { id: string; reason: string }[];
  /** Rows outside the filters. */
  filteredOut: number;
}

/** Package folders under `dir` (or `dir` itself when it is one), in name order. */
export async function findProblemDirs(dir: string): Promise<string[]> {
  const root = resolve(dir);
  const isPackage = async (d: string): Promise<boolean> => (await stat(join(d, 'problem.yaml')).catch(() => null))?.isFile() ?? false;
  if (await isPackage(root)) return [root];
  const entries = await readdir(root, { withFileTypes: true });
  const dirs: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && (await isPackage(join(root, e.name)))) dirs.push(join(root, e.name));
  }
  return dirs;
}

/** Shard i of N takes every N-th problem in file (or name) order, starting at the i-th; each keeps its position. */
export function inShard<T>(items: readonly T[], shard: Shard | null): { item: T; position: number }[] {
  const all = items.map((item, position) => ({ item, position }));
  return shard ? all.filter(({ position }) => position % shard.count === shard.index - 1) : all;
}

async function liveCodeBenchSources(path: string, filter: ProblemFilter, language: Language, shard: Shard | null): Promise<EvalProblems> {
  const file = await readLiveCodeBenchFile(await readFile(path, 'utf8'), filter);
  const excluded: EvalProblems['excluded'] = [];
  const sources: EvalProblemSource[] = [];
  for (const { item: { problem, facts }, position } of inShard(file.problems, shard)) {
    if (!problem.submissionFrames?.[language]) {
      excluded.push({ id: problem.id, reason: `a method-call (LeetCode) problem: judged in Python only, not in ${language}` });
      continue;
    }
    sources.push({ id: problem.id, position, facts, load: async () => ({ problem, explanation: null }) });
  }
  return { sources, skipped: file.skipped, excluded, filteredOut: file.filteredOut };
}

function kattisSources(dirs: { item: string; position: number }[]): EvalProblems {
  const sources = dirs.map(
    ({ item: dir, position }): EvalProblemSource => ({
      id: basename(dir),
      position,
      facts: null,
      load: async (executor, signal) => {
        const resolution = await resolveTimeLimit(executor, await readProblemDir(dir), signal);
        return { problem: resolution.problem, explanation: resolution.explanation };
      },
    }),
  );
  return { sources, skipped: [], excluded: [], filteredOut: 0 };
}

/** Reads --problems; throws (with the path) when it is neither a package folder nor a readable file. */
export async function evalProblems(path: string, filter: ProblemFilter, language: Language, shard: Shard | null): Promise<EvalProblems> {
  const info = await stat(path);
  if (info.isFile()) return liveCodeBenchSources(path, filter, language, shard);
  return kattisSources(inShard(await findProblemDirs(path), shard));
}
