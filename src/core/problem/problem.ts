/**
 * The problem model every layer shares: what a candidate must solve and how its output is judged.
 * Built from an ICPC/Kattis problem package (see kattisPackage.ts) or from the bundled problems.
 */

/** Test groups in judging order: samples are public (shown in the statement), secret ones are not. */
export type TestGroup = 'sample' | 'secret';

export interface TestCase {
  /** Stable name, e.g. `sample/1` or `secret/02-large`; unique within a problem. */
  name: string;
  group: TestGroup;
  input: string;
  /** The judge's answer file (`.ans`), compared by the output validator. */
  answer: string;
}

/** Flags of Kattis's default output validator (docs/judging.md). */
export interface ValidatorFlags {
  caseSensitive: boolean;
  spaceChangeSensitive: boolean;
  /** Absolute tolerance for float tokens; either tolerance accepting is enough. */
  floatAbsoluteTolerance?: number;
  floatRelativeTolerance?: number;
}

export interface ProblemLimits {
  /** Per-test wall time limit for the reference language, seconds (problem.yaml `limits.time_limit` or default). */
  timeSeconds: number;
  memoryMiB: number;
  outputMiB: number;
}

export interface Problem {
  /** Short machine name (the package's folder name). */
  id: string;
  title: string;
  /** Statement as Markdown (LaTeX math between `$…$` allowed). */
  statement: string;
  limits: ProblemLimits;
  validator: ValidatorFlags;
  /** Samples first, then secret tests, each group in lexicographic file order. */
  tests: TestCase[];
  /** Packages with a custom output validator cannot be judged by the default one; the reader records it. */
  customValidator: boolean;
  /** SHA-256 over the statement, limits, flags and every test: identifies this exact problem in run records. */
  contentHash: string;
}

export const DEFAULT_LIMITS: ProblemLimits = { timeSeconds: 2, memoryMiB: 256, outputMiB: 8 };

export const DEFAULT_VALIDATOR: ValidatorFlags = { caseSensitive: false, spaceChangeSensitive: false };

export function sampleTests(problem: Problem): TestCase[] {
  return problem.tests.filter((t) => t.group === 'sample');
}
