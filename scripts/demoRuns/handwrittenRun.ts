/**
 * The shape of a HAND-WRITTEN demo run: model outputs written by the critique-lab team (no model
 * produced them) for one bundled problem, to show a phenomenon of self-critique selection on a
 * machine without a GPU. `npm run demo-runs` pushes them through the real pipeline, so program
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

/** A fenced code block as a model writes it at the end of its answer. */
export function fence(code: string, language: Language): string {
  return `\`\`\`${language === 'cpp' ? 'cpp' : 'python'}\n${code.trim()}\n\`\`\``;
}

/** A critique answer that ends the way OCR-2 was trained to: in its judgment tag. */
export function judged(summary: string, verdict: 'right' | 'wrong'): string {
  return `${summary}\n\n<judgment>${verdict}</judgment>`;
}
