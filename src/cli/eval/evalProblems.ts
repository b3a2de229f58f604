/**
 * What an eval runs over: the problems named by --problems — a Kattis package, a folder of them,
 * or a LiveCodeBench JSONL file — after the filters and the shard. Kattis packages are read when
 * their turn comes (a package without a time limit needs the executor to derive one);
 * LiveCodeBench rows are read up front, broken rows skipped with their line and reason.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename, join, resolve } from 'node:path';
import type { Executor } from '../../core/judging/executor';
import type { Language } from '../../core/problem/language';
import type { Problem } from '../../core/problem/problem';
import { liveCodeBenchRows, type ProblemFilter, type SkippedRow } from '../../core/problem/liveCodeBench/liveCodeBenchFile';
import { liveCodeBenchProblem, type ProblemFacts } from '../../core/problem/liveCodeBench/liveCodeBenchRow';
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

/** Shard i of N takes every N-th problem in file (or name) order, starting at the i-th (position 0-based). */
export function inShard(position: number, shard: Shard | null): boolean {
  return !shard || position % shard.count === shard.index - 1;
}

/**
 * Reads the file line by line; keeps each problem's row text (its tests still compressed) and
 * decodes it again when its turn comes, so memory holds the problems being run, not the benchmark.
 */
async function liveCodeBenchSources(path: string, filter: ProblemFilter, language: Language, shard: Shard | null): Promise<EvalProblems> {
  const result: EvalProblems = { sources: [], skipped: [], excluded: [], filteredOut: 0 };
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let position = -1;
  for await (const outcome of liveCodeBenchRows(lines, filter)) {
    if (outcome.kind === 'skipped') result.skipped.push(outcome.skipped);
    if (outcome.kind === 'filtered-out') result.filteredOut++;
    if (outcome.kind !== 'problem') continue;
    position++;
    if (!inShard(position, shard)) continue;
    const { problem, facts } = outcome.entry;
    if (!problem.submissionFrames?.[language]) {
      result.excluded.push({ id: problem.id, reason: `a method-call (LeetCode) problem: judged in Python only, not in ${language}` });
      continue;
    }
    const row = outcome.row;
    result.sources.push({
      id: problem.id,
      position,
      facts,
      load: async () => ({ problem: (await liveCodeBenchProblem(JSON.parse(row))).problem, explanation: null }),
    });
  }
  return result;
}

function kattisSources(dirs: { item: string; position: number }[]): EvalProblems {
  const sources = dirs.map(({ item: dir, position }): EvalProblemSource => ({
    id: basename(dir),
    position,
    facts: null,
    load: async (executor, signal) => {
      const resolution = await resolveTimeLimit(executor, await readProblemDir(dir), signal);
      return { problem: resolution.problem, explanation: resolution.explanation };
    },
  }));
  return { sources, skipped: [], excluded: [], filteredOut: 0 };
}

/** Reads --problems; throws (with the path) when it is neither a package folder nor a readable file. */
export async function evalProblems(path: string, filter: ProblemFilter, language: Language, shard: Shard | null): Promise<EvalProblems> {
  const info = await stat(path);
  if (info.isFile()) return liveCodeBenchSources(path, filter, language, shard);
  const dirs = (await findProblemDirs(path)).map((item, position) => ({ item, position }));
  return kattisSources(dirs.filter(({ position }) => inShard(position, shard)));
}
