/**
 * A smaller run cut from a recording: its first k candidates, each with its first m critiques, as
 * if the run had been made with those settings. Replaying the subset through the pipeline scores
 * it afresh, so a teacher can show what selection does with 2, 3, … candidates from one recording.
 * Taking the first ones (not any k) keeps the subset what a run with that k would have sampled.
 */
import type { RunRecord } from './runRecord';

/** The largest k and m a recording can be cut to: m is limited by the candidate with fewest critiques. */
export function recordingShape(record: Pick<RunRecord, 'candidates'>): { k: number; m: number } {
  const critiqued = record.candidates.filter((c) => c.generation.program !== null).map((c) => c.critiques.length);
  return { k: record.candidates.length, m: critiqued.length ? Math.min(...critiqued) : 0 };
}

export function recordingSubset(record: RunRecord, k: number, m: number): RunRecord {
  const shape = recordingShape(record);
  if (!Number.isInteger(k) || k < 1 || k > shape.k)
    throw new RangeError(`k must be a whole number from 1 to ${shape.k} for this recording, got ${k}`);
  if (!Number.isInteger(m) || m < 1 || m > shape.m)
    throw new RangeError(`m must be a whole number from 1 to ${shape.m} for this recording, got ${m}`);
  return {
    ...record,
    settings: { ...record.settings, k, m },
    candidates: record.candidates.slice(0, k).map((c) => ({ ...c, critiques: c.critiques.slice(0, m) })),
    // Scores of the full run do not describe the subset; the pipeline computes the subset's own.
    selections: [],
    metrics: null,
  };
}
