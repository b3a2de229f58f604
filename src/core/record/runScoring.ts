/**
 * Turns a run's candidates into what selection and metrics need, then scores the run. Shared by
 * the pipeline (live runs) and by imported records (rescored the same way, so the numbers on screen
 * always come from this code, never from the file).
 */
import type { Problem } from '../problem/problem';
import type { CandidateRecord, RunRecord } from './runRecord';
import type { SelectionRecord } from '../selection/selectionRecord';
import type { RunMetrics } from '../metrics/metricsSchema';
import type { SelectionCandidate } from '../selection/selectionCandidate';
import { selectAll } from '../selection/select';
import { computeMetrics, selectionExpectation } from '../metrics/computeMetrics';

export function toSelectionCandidate(candidate: CandidateRecord, sampleNames: ReadonlySet<string>): SelectionCandidate {
  return {
    index: candidate.index,
    hasProgram: candidate.generation.program !== null,
    critiques: candidate.critiques.map((c) => ({ verdict: c.verdict, reasoningTokens: c.usage.reasoningTokens })),
    samplesPassed: samplesPassed(candidate, sampleNames),
  };
}

/**
 * Uses only the public sample tests' outcomes of the full judging run (samples run first), which is
 * exactly what a contestant could check before submitting.
 */
function samplesPassed(candidate: CandidateRecord, sampleNames: ReadonlySet<string>): boolean | null {
  const result = candidate.execution?.result;
  if (!result) return null;
  if (result.compile && !result.compile.ok) return false;
  const sampleResults = result.tests.filter((t) => sampleNames.has(t.name));
  const firstFailure = sampleResults.find((t) => t.verdict !== 'AC');
  // A judge error (the problem's validator failed) says nothing about the program: unknown.
  if (firstFailure) return firstFailure.verdict === 'JE' ? null : false;
  return sampleResults.length === sampleNames.size ? true : null;
}

/**
 * Ground truth: AC on every test. A candidate without a program can never be accepted; one whose
 * judging ended in a judge error (JE: the problem's own validator failed) is unknown, as is one
 * not judged at all — neither counts as right or wrong.
 */
export function isCorrect(candidate: CandidateRecord): boolean | null {
  if (candidate.generation.program === null) return false;
  const verdict = candidate.execution?.result.verdict;
  return verdict === undefined || verdict === 'JE' ? null : verdict === 'AC';
}

export function scoreRun(
  problem: Pick<Problem, 'tests'>,
  record: Pick<RunRecord, 'candidates' | 'settings'>,
): { selections: SelectionRecord[]; metrics: RunMetrics | null } {
  const sampleNames = new Set(problem.tests.filter((t) => t.group === 'sample').map((t) => t.name));
  const selectionCandidates = record.candidates.map((c) => toSelectionCandidate(c, sampleNames));
  const correctness = record.candidates.map(isCorrect);
  const selections = selectAll(selectionCandidates).map((s) => ({
    ...s,
    expectedCorrect: selectionExpectation(s.picks, correctness),
  }));
  if (record.candidates.length === 0) return { selections, metrics: null };
  const metrics = computeMetrics({
    candidates: selectionCandidates.map((c, i) => ({ ...c, correct: correctness[i] ?? null })),
    seed: record.settings.seed,
  });
  return { selections, metrics };
}
