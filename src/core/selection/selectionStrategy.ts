/**
 * Identifiers of the selection strategies (implemented in select.ts). Each takes the k candidates
 * with their critiques and returns the candidate(s) it would submit, with a one-sentence reason.
 */
export const SELECTION_STRATEGIES = [
  /** OCR-2's rule: among candidates judged right, the one whose critique reasoning is shortest. */
  'shortest-critique',
  /** Uniform choice among candidates judged right, reported as an expectation. */
  'random-right',
  /** Critique-Coder: most `right` votes out of m critiques, ties to the shortest critique thinking. */
  'vote',
  /** No selection: submit the first sample. */
  'first-sample',
  /** Keep candidates that pass the public sample tests, then the paper's rule among them. */
  'samples-then-shortest',
] as const;
export type SelectionStrategyId = (typeof SELECTION_STRATEGIES)[number];

export const STRATEGY_LABEL: Record<SelectionStrategyId, string> = {
  'shortest-critique': 'Shortest critique among right (OCR-2)',
  'random-right': 'Random among right',
  vote: 'Vote@m, shortest tie-break (Critique-Coder)',
  'first-sample': 'First sample (no selection)',
  'samples-then-shortest': 'Sample tests, then shortest critique',
};
