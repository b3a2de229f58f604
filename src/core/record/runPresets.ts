/**
 * Two starting points for a live run, each filling every knob it governs; every value stays
 * editable afterwards, and the run record names the preset only while its values are untouched.
 *
 * - Paper: OCR-2's evaluation settings (arXiv 2507.09075; docs/method.md): k = 10, temperature 0.6,
 *   top-p 0.95, no thinking budget, and replies as long as the context window leaves room for.
 * - Quick: k = 4, with thinking budgets sized so the whole run (k generations and k × m critiques,
 *   one at a time) ends in about ten minutes at the decode speed measured on this device — or at
 *   ASSUMED_TOKENS_PER_SECOND when nothing has been measured yet.
 */
import type { RUN_PRESETS, RunSettings } from './runSettings';

export type RunPresetId = (typeof RUN_PRESETS)[number];

export const PRESET_LABEL: Record<RunPresetId, string> = { paper: 'Paper', quick: 'Quick' };

/** Decode speed assumed before any is measured: a mid-range laptop GPU running a 7B q4 model. */
export const ASSUMED_TOKENS_PER_SECOND = 20;
/** How long a Quick run should take, in seconds. */
export const QUICK_RUN_SECONDS = 600;
/** Context kept free for the prompt (the question with its samples, or a question and a program). */
const PROMPT_ROOM = 4096;
/** Tokens a reply needs after its reasoning: the answer with its program, or a critique's verdict. */
const ANSWER_ROOM = 512;

export interface PresetContext {
  /** The model's context window in tokens. */
  contextWindow: number;
  /** Decode speed last measured for this model on this device; null = not measured. */
  tokensPerSecond: number | null;
}

/** The knobs a preset governs (the rest — language, order, seed — are the run's own). */
export type PresetValues = Pick<
  RunSettings,
  'k' | 'temperature' | 'topP' | 'maxTokens' | 'critiqueMaxTokens' | 'thinkingBudget' | 'critiqueThinkingBudget'
>;

export function presetValues(id: RunPresetId, m: number, context: PresetContext): PresetValues {
  const sampling = { temperature: 0.6, topP: 0.95 };
  if (id === 'paper') {
    const room = Math.max(1024, context.contextWindow - PROMPT_ROOM);
    return { ...sampling, k: 10, maxTokens: room, critiqueMaxTokens: room, thinkingBudget: null, critiqueThinkingBudget: null };
  }
  const k = 4;
  const speed = context.tokensPerSecond ?? ASSUMED_TOKENS_PER_SECOND;
  const perReply = Math.max(32, Math.floor((QUICK_RUN_SECONDS * speed) / (k * (1 + m))));
  // On a slow device the answer's room shrinks with the reply rather than the run growing past its target.
  const budget = perReply - Math.min(ANSWER_ROOM, Math.floor(perReply / 2));
  return { ...sampling, k, maxTokens: perReply, critiqueMaxTokens: perReply, thinkingBudget: budget, critiqueThinkingBudget: budget };
}

/** The settings with a preset applied and named. */
export function withPreset(settings: RunSettings, id: RunPresetId, context: PresetContext): RunSettings {
  return { ...settings, ...presetValues(id, settings.m, context), preset: id };
}

/** The settings as a run records them: the preset named only while every value it set is unchanged. */
export function presetStillInUse(settings: RunSettings, applied: PresetValues | null): RunSettings {
  const { preset, ...rest } = settings;
  const untouched =
    preset !== undefined &&
    applied !== null &&
    (Object.keys(applied) as (keyof PresetValues)[]).every((key) => settings[key] === applied[key]);
  return untouched ? { ...rest, preset } : rest;
}
