import { ProblemPackageError } from './problemPackageError';
import { DEFAULT_VALIDATOR, type ValidatorFlags } from './problem';

/**
 * Parses Kattis default-validator flags (`validator_flags` / `output_validator_flags`), e.g.
 * `float_tolerance 1e-6 case_sensitive`. Unknown flags are an error rather than silently ignored:
 * a teacher whose package relies on one must learn that we would judge it differently.
 */
export function parseValidatorFlags(flags: string | readonly string[] | undefined, file?: string): ValidatorFlags {
  const words = typeof flags === 'string' ? flags.split(/\s+/).filter(Boolean) : [...(flags ?? [])];
  const result: ValidatorFlags = { ...DEFAULT_VALIDATOR };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const takeNumber = (): number => {
      const value = Number(words[++i]);
      if (words[i] === undefined || !Number.isFinite(value) || value < 0) {
        throw new ProblemPackageError(`validator flag "${word}" needs a non-negative number`, file);
      }
      return value;
    };
    switch (word) {
      case 'case_sensitive':
        result.caseSensitive = true;
        break;
      case 'space_change_sensitive':
        result.spaceChangeSensitive = true;
        break;
      case 'float_absolute_tolerance':
        result.floatAbsoluteTolerance = takeNumber();
        break;
      case 'float_relative_tolerance':
        result.floatRelativeTolerance = takeNumber();
        break;
      case 'float_tolerance': {
        const tolerance = takeNumber();
        result.floatAbsoluteTolerance = tolerance;
        result.floatRelativeTolerance = tolerance;
        break;
      }
      default:
        throw new ProblemPackageError(`unknown validator flag "${word}"`, file);
    }
  }
  return result;
}
