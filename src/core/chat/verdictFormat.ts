/**
 * The exact verdicts each critique style ends in. The scripted engines and recordings write them,
 * verdictParser.ts reads them back, and prompts.ts asks for them (the OCR-2 template names both at
 * once, as `<judgment>right/wrong</judgment>`, exactly as trained).
 */
import type { CritiqueStyle } from './critiqueVerdict';

interface VerdictFormat {
  /** What the critique writes when it finds the solution correct. */
  right: string;
  /** What the critique writes when it finds the solution incorrect. */
  wrong: string;
}

export const VERDICT_FORMAT: Record<CritiqueStyle, VerdictFormat> = {
  // OCR-2 (arXiv 2507.09075, Fig. 7): the trained critique ends in a judgment tag.
  ocr2: { right: '<judgment>right</judgment>', wrong: '<judgment>wrong</judgment>' },
  // Critique-Coder (arXiv 2509.22824): \conclusion{T} for correct, \conclusion{F} for wrong.
  'critique-coder': { right: '\\conclusion{T}', wrong: '\\conclusion{F}' },
};
