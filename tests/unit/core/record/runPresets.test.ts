import { describe, expect, it } from 'vitest';
import {
  ASSUMED_TOKENS_PER_SECOND,
  presetStillInUse,
  presetValues,
  QUICK_RUN_SECONDS,
  withPreset,
} from '../../../../src/core/record/runPresets';
import { DEFAULT_RUN_SETTINGS, RunSettingsSchema } from '../../../../src/core/record/runSettings';

describe('run presets', () => {
  it("Paper is OCR-2's evaluation: k = 10, 0.6, 0.95, no budget, replies as long as the window allows", () => {
    expect(presetValues('paper', 1, { contextWindow: 32768, tokensPerSecond: 50 })).toEqual({
      k: 10,
      temperature: 0.6,
      topP: 0.95,
      thinkingBudget: null,
      critiqueThinkingBudget: null,
      maxTokens: 28672,
      critiqueMaxTokens: 28672,
    });
  });

  it('Quick: k = 4, budgets sized so k generations and k×m critiques end in about ten minutes', () => {
    for (const [speed, m] of [
      [30, 1],
      [8, 2],
      [120, 1],
    ] as const) {
      const v = presetValues('quick', m, { contextWindow: 32768, tokensPerSecond: speed });
      expect(v.k).toBe(4);
      // Every reply used to its cap takes no longer than the target, and not much less.
      const seconds = (v.k * v.maxTokens + v.k * m * v.critiqueMaxTokens) / speed;
      expect(seconds).toBeLessThanOrEqual(QUICK_RUN_SECONDS);
      expect(seconds).toBeGreaterThan(QUICK_RUN_SECONDS * 0.95);
      expect(v.thinkingBudget).toBeLessThan(v.maxTokens);
    }
  });

  it('Quick without a measured speed uses the stated assumption', () => {
    expect(presetValues('quick', 1, { contextWindow: 4096, tokensPerSecond: null })).toEqual(
      presetValues('quick', 1, { contextWindow: 4096, tokensPerSecond: ASSUMED_TOKENS_PER_SECOND }),
    );
  });

  it('the record names the preset only while every value it set is unchanged', () => {
    const context = { contextWindow: 16384, tokensPerSecond: null };
    const applied = withPreset(DEFAULT_RUN_SETTINGS, 'paper', context);
    const values = presetValues('paper', applied.m, context);
    expect(RunSettingsSchema.parse(presetStillInUse(applied, values)).preset).toBe('paper');
    // Language and seed are not the preset's: changing them keeps it.
    expect(presetStillInUse({ ...applied, language: 'cpp', seed: 9 }, values).preset).toBe('paper');
    expect(presetStillInUse({ ...applied, k: 3 }, values)).not.toHaveProperty('preset');
    expect(presetStillInUse(DEFAULT_RUN_SETTINGS, null)).toEqual(DEFAULT_RUN_SETTINGS);
  });
});
