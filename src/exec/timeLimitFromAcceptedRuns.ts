/**
 * Gives a package that states no time limit the one its format derives from its accepted
 * submissions (src/core/problem/timeLimitRule.ts): each accepted Python/C++ submission is judged
 * with a generous probing limit, its slowest test is taken, and the slowest of them decides.
 *
 * Our runtimes are not a native judge: a run's time here is divided by its language's multiplier
 * (core/judging/languageTimeLimits.ts) to get the reference time the rule expects, so the per-language
 * limit we later enforce is the same multiplier times the derived one — the slowest accepted run
 * keeps exactly the format's headroom (e.g. ×2) in its own language.
 */
import type { Executor } from '../core/judging/executor';
import { TIME_MULTIPLIER } from '../core/judging/languageTimeLimits';
import type { Problem } from '../core/problem/problem';
import { deriveTimeLimit, timeLimitExplanation, withDerivedTimeLimit, type DerivedTimeLimit } from '../core/problem/timeLimitRule';

/** Reference seconds an accepted submission may take while we measure it. */
const PROBE_TIME_SECONDS = 10;

export interface TimeLimitResolution {
  problem: Problem;
  /** One sentence for the user: where the limit came from. */
  explanation: string;
  derived?: DerivedTimeLimit & { slowestPath: string; slowestMs: number };
  /** Accepted submissions that did not get AC here (they are not used). */
  rejected: Array<{ path: string; verdict: string }>;
}

export async function resolveTimeLimit(executor: Executor, problem: Problem, signal?: AbortSignal): Promise<TimeLimitResolution> {
  const rule = problem.timeLimitRule;
  if (!rule) return { problem, explanation: timeLimitExplanation(problem), rejected: [] };
  const probing: Problem = { ...problem, limits: { ...problem.limits, timeSeconds: PROBE_TIME_SECONDS } };
  const rejected: TimeLimitResolution['rejected'] = [];
  let slowest: { path: string; ms: number; reference: number } | undefined;
  for (const submission of rule.accepted) {
    const result = await executor.judge(probing, submission, signal ? { signal } : {});
    if (result.verdict !== 'AC') {
      rejected.push({ path: submission.path, verdict: result.verdict });
      continue;
    }
    const ms = Math.max(0, ...result.tests.map((t) => t.ms));
    const reference = ms / 1000 / TIME_MULTIPLIER[submission.language];
    if (!slowest || reference > slowest.reference) slowest = { path: submission.path, ms, reference };
  }
  const { timeLimitRule: _used, ...rest } = problem;
  if (!slowest) {
    const fallback: Problem = rest;
    const why =
      rejected.length > 0
        ? `none of its accepted submissions was accepted here (${rejected.map((r) => `${r.path}: ${r.verdict}`).join(', ')})`
        : 'it has no accepted submissions';
    return { problem: fallback, explanation: `${timeLimitExplanation(fallback)} The package states no time limit and ${why}.`, rejected };
  }
  const derived = deriveTimeLimit(rule, slowest.reference);
  const resolved = await withDerivedTimeLimit(problem, derived.timeSeconds);
  const explanation =
    `Time limit ${derived.timeSeconds} s derived (${rule.format} rules: slowest accepted run × ${rule.acMultiplier}, rounded up to ${rule.resolutionSeconds} s) ` +
    `from ${slowest.path} (${slowest.ms} ms here); a too-slow submission must run past ${derived.tleBoundarySeconds} s.`;
  return { problem: resolved, explanation, derived: { ...derived, slowestPath: slowest.path, slowestMs: slowest.ms }, rejected };
}
