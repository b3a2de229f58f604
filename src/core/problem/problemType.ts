/**
 * Problem types we can judge. The Kattis format knows pass-fail, scoring, interactive,
 * multi-pass and submit-answer problems (`type:` in 2023-07/2025-09 packages, `validation:` in
 * legacy ones). We run a program on a test's input and check its output afterwards, so a problem
 * whose program must talk to a validator while it runs (interactive), be run again on what the
 * validator says (multi-pass), or is no program at all (submit-answer) is refused by name.
 */
import { ProblemPackageError } from './problemPackageError';

const UNSUPPORTED = ['interactive', 'multi-pass', 'submit-answer'] as const;

/** The type words a problem.yaml declares, from `type` (string or list) and legacy `validation`. */
export function declaredTypeWords(config: Record<string, unknown>): string[] {
  const words = (value: unknown): string[] =>
    typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : Array.isArray(value) ? value.flatMap(words) : [];
  return [...words(config.type), ...words(config.validation)];
}

/** Throws, naming the type, when the package is of a type this judge cannot run. */
export function assertJudgeableType(config: Record<string, unknown>, paths: Iterable<string>): void {
  const declared = declaredTypeWords(config);
  const unsupported = UNSUPPORTED.find((type) => declared.includes(type));
  if (unsupported) {
    throw new ProblemPackageError(
      `${unsupported} problems are not supported: this judge runs a program on each input and then checks its output`,
      'problem.yaml',
    );
  }
  for (const path of paths) {
    if (path.endsWith('.interaction')) {
      throw new ProblemPackageError('interactive problems are not supported (the package has interaction samples)', path);
    }
  }
}
