import type { RunRecord } from '../record/runRecord';

/** A problem of an eval is finished when its run completed with every request answered: nothing for a rerun to retry. */
export function fullyAnswered(record: RunRecord): boolean {
  return record.status === 'complete' && record.candidates.every((c) => !c.generation.error && c.critiques.every((x) => !x.error));
}
