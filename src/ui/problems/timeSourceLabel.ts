import type { TimeLimitSource } from '../../core/problem/problem';

/** Shown after a time limit: nothing when the package states it, else where it came from. */
export const TIME_SOURCE_LABEL: Record<TimeLimitSource, string> = {
  package: '',
  derived: ' (derived from accepted submissions)',
  default: ' (default: the package states none)',
};
