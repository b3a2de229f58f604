/**
 * The shape of a HAND-WRITTEN demo run: model outputs written by the critique-lab team (no model
 * produced them) for one bundled problem, to show a phenomenon of self-critique selection on a
 * machine without a GPU. Each is a Markdown file in this folder (recordingFile.ts);
 * `npm run demo-runs` pushes them through the real pipeline, so program
 * extraction, verdict parsing, test results, selection and metrics are all measured, never typed.
 */
import type { Language } from '../../src/core/problem/language';

export interface HandwrittenReply {
  reasoning: string;
  answer: string;
}

export interface HandwrittenCandidate {
  generation: HandwrittenReply;
  /** m critiques of this candidate, in the order the pipeline asks for them. */
  critiques: HandwrittenReply[];
}

export interface HandwrittenRun {
  /** Run id and file name in public/runs/ (without `.json`). */
  id: string;
  /** Folder name in public/problems/. */
  problemId: string;
  /** One line naming the phenomenon the run shows; stored as `provenance.caption`. */
  caption: string;
  language: Language;
  /** Critiques per candidate; every candidate has exactly this many. */
  m: number;
  seed: number;
  /** Fixed, so a rebuild with unchanged texts changes only the measured test times. */
  createdAt: string;
  candidates: HandwrittenCandidate[];
}
