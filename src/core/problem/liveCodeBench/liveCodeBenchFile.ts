/**
 * A LiveCodeBench JSONL file (one `code_generation_lite` row a line) → problems, with the rows
 * that cannot be problems skipped and reported by line number and reason, and the CLI's filters
 * (contest date window, platform, difficulty) applied. A bad row never stops the others.
 *
 * `liveCodeBenchRows` reads line by line and hands each problem over with its row's text, so a
 * caller can keep the (compressed) row and drop the decoded tests: a benchmark file of a thousand
 * problems need not be held decoded, nor even whole, in memory.
 */
import { liveCodeBenchProblem, type Difficulty, type LiveCodeBenchProblem, type Platform } from './liveCodeBenchRow';

export interface ProblemFilter {
  /** Contest dates on or after this instant. */
  since?: Date;
  /** Contest dates before this instant (an `--until 2025-01-01` window ends at that midnight). */
  until?: Date;
  platforms?: readonly Platform[];
  difficulties?: readonly Difficulty[];
}

export interface SkippedRow {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

type RowOutcome =
  | { kind: 'problem'; entry: LiveCodeBenchProblem; row: string; line: number }
  | { kind: 'skipped'; skipped: SkippedRow }
  | { kind: 'filtered-out' };

function matchesFilter(facts: LiveCodeBenchProblem['facts'], filter: ProblemFilter): boolean {
  const date = Date.parse(facts.contestDate);
  if (filter.since && date < filter.since.getTime()) return false;
  if (filter.until && date >= filter.until.getTime()) return false;
  if (filter.platforms && !filter.platforms.includes(facts.platform)) return false;
  if (filter.difficulties && !filter.difficulties.includes(facts.difficulty)) return false;
  return true;
}

async function rowOutcome(text: string, line: number, filter: ProblemFilter, seen: Map<string, number>): Promise<RowOutcome | null> {
  const row = text.trim();
  if (row === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(row);
  } catch (error) {
    return { kind: 'skipped', skipped: { line, reason: `not JSON (${(error as Error).message})` } };
  }
  let entry: LiveCodeBenchProblem;
  try {
    entry = await liveCodeBenchProblem(value);
  } catch (error) {
    return { kind: 'skipped', skipped: { line, reason: (error as Error).message } };
  }
  const earlier = seen.get(entry.problem.id);
  if (earlier !== undefined) return { kind: 'skipped', skipped: { line, reason: `question_id repeats line ${earlier}` } };
  seen.set(entry.problem.id, line);
  return matchesFilter(entry.facts, filter) ? { kind: 'problem', entry, row, line } : { kind: 'filtered-out' };
}

/** Each line's outcome, in file order; `lines` may be a stream (Node's readline) or an array. */
export async function* liveCodeBenchRows(
  lines: AsyncIterable<string> | Iterable<string>,
  filter: ProblemFilter = {},
): AsyncGenerator<RowOutcome> {
  const seen = new Map<string, number>();
  let line = 0;
  for await (const text of lines) {
    line++;
    const outcome = await rowOutcome(text, line, filter, seen);
    if (outcome) yield outcome;
  }
}

export interface LiveCodeBenchFile {
  /** Each with its row's JSON text, which is all the app needs to keep to read the problem again. */
  problems: (LiveCodeBenchProblem & { row: string })[];
  skipped: SkippedRow[];
  /** Rows that were fine but outside the filter. */
  filteredOut: number;
}

/** A whole file held as text (the app's import), read into problems. */
export async function readLiveCodeBenchFile(text: string, filter: ProblemFilter = {}): Promise<LiveCodeBenchFile> {
  const result: LiveCodeBenchFile = { problems: [], skipped: [], filteredOut: 0 };
  for await (const outcome of liveCodeBenchRows(text.split('\n'), filter)) {
    if (outcome.kind === 'problem') result.problems.push({ ...outcome.entry, row: outcome.row });
    else if (outcome.kind === 'skipped') result.skipped.push(outcome.skipped);
    else result.filteredOut++;
  }
  return result;
}
