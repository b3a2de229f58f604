/** What one critique concluded about a candidate: `right`, `wrong`, or no usable verdict. */
export const CRITIQUE_VERDICTS = ['right', 'wrong', 'none'] as const;
export type CritiqueVerdict = (typeof CRITIQUE_VERDICTS)[number];

/** The two critique prompt styles (prompts.ts): OCR-2's right/wrong judgement, Critique-Coder's \conclusion{T|F}. */
export const CRITIQUE_STYLES = ['ocr2', 'critique-coder'] as const;
export type CritiqueStyle = (typeof CRITIQUE_STYLES)[number];
