/**
 * How a package without a stated time limit gets one, the way its format says (docs/problems.md):
 *
 * - 2023-07 / 2025-09: `time_limit = ceil(T × ac_to_time_limit / time_resolution) × time_resolution`
 *   (at least one resolution step), T the slowest accepted submission's slowest test, defaults
 *   `ac_to_time_limit` 2.0 and `time_resolution` 1.0 s; a time-limit-exceeded submission must run
 *   past `time_limit × time_limit_to_tle` (default 1.5).
 * - Legacy: `time_limit = ceil(T × time_multiplier)` whole seconds (at least 1), default
 *   `time_multiplier` 5.0; the TLE boundary is `time_limit × time_safety_margin` (default 2.0).
 *
 * The reader records the rule and the accepted submissions it needs; running them is the
 * executor's job (src/exec/timeLimitFromAcceptedRuns.ts). With no accepted submission the package gets
 * our stated default (DEFAULT_LIMITS), labelled so.
 */
import { languageFromFileName } from './language';
import { ProblemPackageError } from './problemPackageError';
import type { Problem, TimeLimitRule } from './problem';
import { problemContentHash } from './problemContentHash';

export interface DerivedTimeLimit {
  timeSeconds: number;
  /** A time-limit-exceeded submission must run past this. */
  tleBoundarySeconds: number;
}

type YamlRecord = Record<string, unknown>;

const ACCEPTED_DIR = 'submissions/accepted/';

export function readTimeLimitRule(files: ReadonlyMap<string, string>, config: YamlRecord): TimeLimitRule {
  const limits = (config.limits ?? {}) as YamlRecord;
  const multipliers = (limits.time_multipliers ?? {}) as YamlRecord;
  const modern = config.problem_format_version !== undefined && String(config.problem_format_version) !== 'legacy';
  const number = (value: unknown, fallback: number, key: string): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new ProblemPackageError(`${key} must be a positive number`, 'problem.yaml');
    return n;
  };
  const accepted = [...files]
    .filter(([path]) => path.startsWith(ACCEPTED_DIR))
    .flatMap(([path, source]) => {
      const language = languageFromFileName(path);
      return language ? [{ path, language, source }] : [];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  if (modern) {
    return {
      format: '2023-07',
      acMultiplier: number(multipliers.ac_to_time_limit, 2, 'limits.time_multipliers.ac_to_time_limit'),
      resolutionSeconds: number(limits.time_resolution, 1, 'limits.time_resolution'),
      tleFactor: number(multipliers.time_limit_to_tle, 1.5, 'limits.time_multipliers.time_limit_to_tle'),
      accepted,
    };
  }
  return {
    format: 'legacy',
    acMultiplier: number(limits.time_multiplier, 5, 'limits.time_multiplier'),
    resolutionSeconds: 1,
    tleFactor: number(limits.time_safety_margin, 2, 'limits.time_safety_margin'),
    accepted,
  };
}

/** The limit for a slowest accepted run of `slowestSeconds` (in the reference language's time). */
export function deriveTimeLimit(rule: TimeLimitRule, slowestSeconds: number): DerivedTimeLimit {
  const steps = Math.max(1, Math.ceil((slowestSeconds * rule.acMultiplier) / rule.resolutionSeconds - 1e-9));
  const timeSeconds = Number((steps * rule.resolutionSeconds).toFixed(6));
  return { timeSeconds, tleBoundarySeconds: Number((timeSeconds * rule.tleFactor).toFixed(6)) };
}

/** Where a problem's time limit came from, in words (CLI and problem info). */
export function timeLimitExplanation(problem: Problem): string {
  const seconds = problem.limits.timeSeconds;
  switch (problem.limits.timeSource) {
    case 'derived':
      return `Time limit ${seconds} s, derived from the package's accepted submissions.`;
    case 'default':
      return `Time limit ${seconds} s: our default (the package states none).`;
    default:
      return `Time limit ${seconds} s, from the package.`;
  }
}

/** The problem with a derived time limit in place of the unstated one (its hash follows the limit). */
export async function withDerivedTimeLimit(problem: Problem, timeSeconds: number): Promise<Problem> {
  const { timeLimitRule: _used, ...rest } = problem;
  const limits = { ...problem.limits, timeSeconds, timeSource: 'derived' as const };
  return { ...rest, limits, contentHash: await problemContentHash({ ...rest, limits }) };
}
