import { sha256Hex } from './sha256Hex';
import type { Problem } from './problem';

/**
 * Identifies one exact problem in run records: SHA-256 over what decides a verdict — statement,
 * limits, validator flags, every test, the custom output validator and the submission frames when there are any. Where a
 * time limit came from is not part of it (the same limit judges the same way). The field order is
 * fixed, so problems without a custom validator keep the hash they had before validators existed.
 */
export function problemContentHash(
  problem: Pick<Problem, 'statement' | 'limits' | 'validator' | 'tests' | 'outputValidator' | 'submissionFrames'>,
): Promise<string> {
  const { timeSeconds, memoryMiB, outputMiB } = problem.limits;
  const limits = { timeSeconds, memoryMiB, outputMiB };
  const { statement, validator, tests, outputValidator, submissionFrames } = problem;
  return sha256Hex(
    JSON.stringify({
      statement,
      limits,
      validator,
      tests,
      ...(outputValidator ? { outputValidator } : {}),
      ...(submissionFrames ? { submissionFrames } : {}),
    }),
  );
}
