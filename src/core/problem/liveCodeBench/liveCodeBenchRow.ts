/**
 * One LiveCodeBench `code_generation_lite` row → the project's Problem, plus what the report
 * groups by (platform, difficulty, contest date). Tests: the public ones become samples, the
 * private ones secret tests, judged in that order as LiveCodeBench judges all of them. Grading
 * follows liveCodeBenchGrading.ts. A method-call problem's statement carries its starter code, so
 * the model sees the signature it must fill in.
 */
import { z } from 'zod';
import { DEFAULT_VALIDATOR, type Problem, type TestCase } from '../problem';
import { problemContentHash } from '../problemContentHash';
import { callFrames, liveCodeBenchValidator, stdinFrames } from './liveCodeBenchGrading';
import { decodePrivateTests, parseTestList, TestListError, type LiveCodeBenchTest } from './liveCodeBenchTests';

export const PLATFORMS = ['leetcode', 'atcoder', 'codeforces'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Platform = (typeof PLATFORMS)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];

const LiveCodeBenchRowSchema = z.object({
  question_title: z.string().min(1),
  question_content: z.string().min(1),
  platform: z.enum(PLATFORMS),
  question_id: z.string().min(1),
  contest_id: z.string(),
  contest_date: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date'),
  starter_code: z.string(),
  difficulty: z.enum(DIFFICULTIES),
  public_test_cases: z.string(),
  private_test_cases: z.string(),
  metadata: z.string(),
});
type LiveCodeBenchRow = z.infer<typeof LiveCodeBenchRowSchema>;

/** What the report groups a problem by; kept beside the Problem, not in it. */
export interface ProblemFacts {
  platform: Platform;
  difficulty: Difficulty;
  contestDate: string;
  /** Judged by calling a method (LeetCode) rather than through stdin/stdout. */
  callBased: boolean;
}

/** The file name under which the app keeps an imported row (its only "package file"). */
export const LIVECODEBENCH_ROW_FILE = 'livecodebench-row.json';

export interface LiveCodeBenchProblem {
  problem: Problem;
  facts: ProblemFacts;
}

/**
 * LiveCodeBench's per-test limit is 6 s of CPython. The problem states 2 s, which the per-language
 * multiplier (languageTimeLimits.ts, Python ×3) makes 6 s here. (The limits are part of every
 * LiveCodeBench problem's content hash: a change here changes every problem's id in past runs.)
 */
const LIMITS = { timeSeconds: 2, memoryMiB: 1024, outputMiB: 32, timeSource: 'package' as const };

/** A file name and run-record id: the question id, with anything outside [A-Za-z0-9_.-] replaced. */
function problemIdFor(questionId: string): string {
  return `lcb-${questionId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function funcNameOf(metadata: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(metadata || '{}');
  } catch {
    throw new TestListError('metadata is not JSON');
  }
  const name = (value as { func_name?: unknown } | null)?.func_name;
  return typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : undefined;
}

function statementOf(row: LiveCodeBenchRow, callBased: boolean): string {
  if (!callBased) return row.question_content;
  return `${row.question_content.trim()}\n\n## Starter code\n\nComplete this code; the judge calls the method with each test's arguments and compares what it returns (nothing is read from standard input or printed):\n\n\`\`\`python\n${row.starter_code.trimEnd()}\n\`\`\``;
}

function testCases(tests: LiveCodeBenchTest[], group: TestCase['group']): TestCase[] {
  const width = String(tests.length).length;
  return tests.map((t, i) => ({ name: `${group}/${String(i + 1).padStart(width, '0')}`, group, input: t.input, answer: t.output }));
}

/** Throws TestListError (or zod's error) with the reason when the row cannot be a problem. */
export async function liveCodeBenchProblem(value: unknown): Promise<LiveCodeBenchProblem> {
  const parsed = LiveCodeBenchRowSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TestListError(`${issue.path.join('.') || 'row'}: ${issue.message}`);
  }
  const row = parsed.data;
  const publicTests = parseTestList(row.public_test_cases, 'public_test_cases');
  const privateTests = decodePrivateTests('private_test_cases', row.private_test_cases);
  const all = [...publicTests, ...privateTests];
  if (all.length === 0) throw new TestListError('no tests');
  const callBased = all[0]!.testtype === 'functional';
  if (all.some((t) => (t.testtype === 'functional') !== callBased)) throw new TestListError('mixes stdin and functional tests');
  const funcName = callBased ? funcNameOf(row.metadata) : undefined;
  if (callBased && !funcName) throw new TestListError('functional tests but metadata names no func_name');
  const draft = {
    id: problemIdFor(row.question_id),
    title: row.question_title,
    statement: statementOf(row, callBased),
    limits: LIMITS,
    validator: DEFAULT_VALIDATOR,
    tests: [...testCases(publicTests, 'sample'), ...testCases(privateTests, 'secret')],
    outputValidator: liveCodeBenchValidator(callBased ? 'call' : 'stdin'),
    submissionFrames: funcName ? callFrames(funcName) : stdinFrames(),
  };
  const problem: Problem = { ...draft, contentHash: await problemContentHash(draft) };
  return { problem, facts: { platform: row.platform, difficulty: row.difficulty, contestDate: row.contest_date, callBased } };
}
