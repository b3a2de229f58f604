/**
 * The exact closing lines each critique style asks for. prompts.ts quotes them to the model and
 * verdictParser.ts reads them back; keeping them here is what stops the two from drifting apart.
 */
import type { CritiqueStyle } from './critiqueVerdict';

interface VerdictFormat {
  /** What the critique writes when it finds the solution correct. */
  right: string;
  /** What the critique writes when it finds the solution incorrect. */
  wrong: string;
}

export const VERDICT_FORMAT: Record<CritiqueStyle, VerdictFormat> = {
  // OCR-2 (arXiv 2507.09075): every critique ends in a binary judgement, right or wrong.
  ocr2: { right: 'Judgement: right', wrong: 'Judgement: wrong' },
  // Critique-Coder (arXiv 2509.22824): \conclusion{T} for correct, \conclusion{F} for wrong.
  'critique-coder': { right: '\\conclusion{T}', wrong: '\\conclusion{F}' },
};
