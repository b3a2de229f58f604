/**
 * What a selection strategy may look at for one candidate: whether it produced a program, what its
 * critiques said and how long they thought, and (for the sample-tests strategy) whether it passed
 * the public samples. Deliberately no ground truth: selectors must not peek at the secret tests.
 */
import type { CritiqueVerdict } from '../chat/critiqueVerdict';

export interface SelectionCritique {
  verdict: CritiqueVerdict;
  /** Length of the critique's reasoning trace in tokens (OCR-2 picks the shortest). */
  reasoningTokens: number;
}

export interface SelectionCandidate {
  /** The candidate's index in the run (0-based; shown to people 1-based). */
  index: number;
  hasProgram: boolean;
  critiques: SelectionCritique[];
  /** Passed every sample test; null when the samples were not run on it. */
  samplesPassed: boolean | null;
}
