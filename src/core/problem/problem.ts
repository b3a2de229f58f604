/**
 * The problem model every layer shares: what a candidate must solve and how its output is judged.
 * Built from an ICPC/Kattis problem package (see kattisPackage.ts) or from the bundled problems.
 */
import type { Language } from './language';
import type { StatementImages } from './statementImages';

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
  /**
   * Where `timeSeconds` came from: the package (`limits.time_limit` or `.timelimit`), derived from
   * the package's accepted submissions (src/exec/timeLimitFromAcceptedRuns.ts), or our default. Shown to the user;
   * not part of the content hash.
   */
  timeSource?: TimeLimitSource;
}

export type TimeLimitSource = 'package' | 'derived' | 'default';

/** Limits for the problem's own output validator (problem.yaml `validation_time`, …). */
export interface ValidationLimits {
  timeSeconds: number;
  memoryMiB: number;
  outputMiB: number;
}

/**
 * A package's custom output validator (Kattis protocol, docs/problems.md): a Python or C++ program
 * run as `validator input answer feedback_dir [flags…] < output`.
 */
export interface OutputValidatorProgram {
  language: Language;
  /** The file run (Python) or compiled (C++), relative to the validator's folder. */
  entry: string;
  /** Every text file of the validator's folder (sources, headers, helper modules), by relative path. */
  files: Record<string, string>;
  /** Arguments after input, answer and feedback dir (`validator_flags` / `output_validator_args`). */
  flags: string[];
  /** The validator's folder in the package, for messages (`output_validator/`, `output_validators/check/`). */
  folder: string;
  limits: ValidationLimits;
}

/**
 * Program text the judge puts before and after a submission before it prepares it. Benchmarks
 * whose grader does this (LiveCodeBench prepends imports, and calls a LeetCode-style method
 * through a harness) need it so that a program judged here fares as it would there.
 */
export interface SubmissionFrame {
  prefix: string;
  suffix: string;
}

export interface Problem {
  /** Short machine name (the package's folder name). */
  id: string;
  title: string;
  /** Statement as Markdown (LaTeX math between `$…$` allowed); empty when the package has none. */
  statement: string;
  /**
   * The language code of the statement shown (`sv` for a Swedish-only package), when its file
   * names one; the app names the language when it is not English (packageStatement.ts).
   */
  statementLanguage?: string;
  /** The package's own image files the statement may show (an imported package's; absent when it has none). */
  statementImages?: StatementImages;
  /**
   * A `type: scoring` package: its test groups are worth points elsewhere; here it is judged
   * pass-fail — every test of every group must pass — and the app says so.
   */
  scoring?: true;
  limits: ProblemLimits;
  validator: ValidatorFlags;
  /** Samples first, then secret tests, each group in lexicographic file order. */
  tests: TestCase[];
  /**
   * For a package that states no time limit: how to derive one from its accepted submissions
   * (timeLimitRule.ts). Absent once the limit is stated or derived.
   */
  timeLimitRule?: TimeLimitRule;
  /** The package's own output validator; absent: the default validator with `validator`'s flags. */
  outputValidator?: OutputValidatorProgram;
  /**
   * Per language, the text put around a submission (submissionFrame.ts). When present, a language
   * missing from it cannot be judged on this problem (a method-call problem has no C++ harness).
   */
  submissionFrames?: Partial<Record<Language, SubmissionFrame>>;
  /** SHA-256 over the statement, limits, flags and every test: identifies this exact problem in run records. */
  contentHash: string;
}

export const DEFAULT_LIMITS: ProblemLimits = { timeSeconds: 2, memoryMiB: 256, outputMiB: 8 };

/** The 2023-07 format's defaults for a validator's limits. */
export const DEFAULT_VALIDATION_LIMITS: ValidationLimits = { timeSeconds: 60, memoryMiB: 2048, outputMiB: 8 };

export const DEFAULT_VALIDATOR: ValidatorFlags = { caseSensitive: false, spaceChangeSensitive: false };

export function sampleTests(problem: Problem): TestCase[] {
  return problem.tests.filter((t) => t.group === 'sample');
}

/** A package's accepted submission that can run here, kept to derive a missing time limit. */
interface AcceptedSubmission {
  /** Path in the package, e.g. `submissions/accepted/sol.py`. */
  path: string;
  language: Language;
  source: string;
}

/** How the package's format derives a missing time limit (applied by timeLimitRule.ts). */
export interface TimeLimitRule {
  format: 'legacy' | '2023-07';
  /** ac_to_time_limit (2023-07) or time_multiplier (legacy). */
  acMultiplier: number;
  /** Rounding step, seconds: time_resolution (2023-07) or 1 (legacy). */
  resolutionSeconds: number;
  /** time_limit_to_tle (2023-07) or time_safety_margin (legacy). */
  tleFactor: number;
  /** The package's accepted submissions in Python or C++ (others cannot run here). */
  accepted: AcceptedSubmission[];
}
