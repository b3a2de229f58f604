/**
 * A LiveCodeBench JSONL file (one `code_generation_lite` row a line) → problems, with the rows
 * that cannot be problems skipped and reported by line number and reason, and the CLI's filters
 * (contest date window, platform, difficulty) applied. A bad row never stops the others.
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

export interface LiveCodeBenchFile {
  /** Each with its row's JSON text, which is all the app needs to keep to read the problem again. */
  problems: (LiveCodeBenchProblem & { row: string })[];
  skipped: SkippedRow[];
  /** Rows that were fine but outside the filter. */
  filteredOut: number;
}

export function matchesFilter(facts: LiveCodeBenchProblem['facts'], filter: ProblemFilter): boolean {
  const date = Date.parse(facts.contestDate);
  if (filter.since && date < filter.since.getTime()) return false;
  if (filter.until && date >= filter.until.getTime()) return false;
  if (filter.platforms && !filter.platforms.includes(facts.platform)) return false;
  if (filter.difficulties && !filter.difficulties.includes(facts.difficulty)) return false;
  return true;
}

export async function readLiveCodeBenchFile(text: string, filter: ProblemFilter = {}): Promise<LiveCodeBenchFile> {
  const result: LiveCodeBenchFile = { problems: [], skipped: [], filteredOut: 0 };
  const seen = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      result.skipped.push({ line: i + 1, reason: `not JSON (${(error as Error).message})` });
      continue;
    }
    let entry: LiveCodeBenchProblem;
    try {
      entry = await liveCodeBenchProblem(value);
    } catch (error) {
      result.skipped.push({ line: i + 1, reason: (error as Error).message });
      continue;
    }
    const earlier = seen.get(entry.problem.id);
    if (earlier !== undefined) {
      result.skipped.push({ line: i + 1, reason: `question_id repeats line ${earlier}` });
      continue;
    }
    seen.set(entry.problem.id, i + 1);
    if (matchesFilter(entry.facts, filter)) result.problems.push({ ...entry, row: line });
    else result.filteredOut++;
  }
  return result;
}
