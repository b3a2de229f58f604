import { z } from 'zod';
import { LANGUAGES } from '../problem/language';
import { CRITIQUE_STYLES } from '../chat/critiqueVerdict';

/** Named starting points for a live run's settings (runPresets.ts fills their values). */
export const RUN_PRESETS = ['paper', 'quick'] as const;

/**
 * The largest k, m and request concurrency a run may have — one owner for the schema below, the
 * app's inputs and the eval's flags. k = 100 is the size of the OCR-2 scaling study.
 */
export const RUN_LIMITS = { k: 100, m: 16, concurrency: 64 } as const;

/**
 * Knobs of one run. Defaults follow the papers (docs/method.md): temperature 0.6, top-p 0.95;
 * k is smaller than the paper's 10 because a browser generates one candidate at a time.
 */
export const RunSettingsSchema = z.object({
  /** Candidates to generate (up to 100, the size of the OCR-2 scaling study). */
  k: z.number().int().min(1).max(RUN_LIMITS.k),
  /** Critiques per candidate (OCR-2 uses 1; Critique-Coder's vote@m uses many). */
  m: z.number().int().min(1).max(RUN_LIMITS.m),
  language: z.enum(LANGUAGES),
  critiqueStyle: z.enum(CRITIQUE_STYLES),
  temperature: z.number().min(0).max(2),
  topP: z.number().gt(0).max(1),
  /** Token cap for one generation (reasoning + answer). */
  maxTokens: z.number().int().min(16),
  /** Token cap for one critique. */
  critiqueMaxTokens: z.number().int().min(16),
  /** Budget forcing for generations; null = unlimited. */
  thinkingBudget: z.number().int().min(0).nullable(),
  critiqueThinkingBudget: z.number().int().min(0).nullable(),
  /** `paper`: all k generations, then all critiques (OCR-2). `interleaved`: critique each candidate as soon as it is written. */
  order: z.enum(['paper', 'interleaved']),
  /** Chat requests in flight at once (1 for WebLLM; a server can take k). */
  concurrency: z.number().int().min(1).max(RUN_LIMITS.concurrency),
  /** Seed for sampling (where the engine supports it) and for Monte-Carlo metric curves. */
  seed: z.number().int(),
  /** The preset (runPresets.ts) whose values the run used unchanged; absent when none or edited. */
  preset: z.enum(RUN_PRESETS).optional(),
});
export type RunSettings = z.infer<typeof RunSettingsSchema>;

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  k: 4,
  m: 1,
  language: 'python',
  critiqueStyle: 'ocr2',
  temperature: 0.6,
  topP: 0.95,
  maxTokens: 8192,
  critiqueMaxTokens: 4096,
  thinkingBudget: null,
  critiqueThinkingBudget: null,
  order: 'paper',
  concurrency: 1,
  seed: 1,
};
