import { describe, expect, it } from 'vitest';
import { estimateRun, LONG_RUN_SECONDS } from '../../../../src/core/pipeline/runEstimate';
import { DEFAULT_RUN_SETTINGS } from '../../../../src/core/record/runSettings';

describe('estimateRun', () => {
  const settings = { ...DEFAULT_RUN_SETTINGS, k: 4, m: 2, maxTokens: 8000, critiqueMaxTokens: 4000, concurrency: 1 };

  it('with nothing measured, every reply at its cap: an upper bound', () => {
    expect(estimateRun(settings, 20)).toEqual({ seconds: (4 * 8000 + 8 * 4000) / 20, upperBound: true });
  });

  it('with the last run measured, its reply lengths (never past the caps), requests side by side', () => {
    expect(estimateRun(settings, 40, { generationTokens: 3000, critiqueTokens: 9000 })).toEqual({
      seconds: (4 * 3000 + 8 * 4000) / 40,
      upperBound: false,
    });
    expect(estimateRun({ ...settings, concurrency: 4 }, 40, { generationTokens: 3000, critiqueTokens: 1000 }).seconds).toBe(
      (4 * 3000 + 8 * 1000) / 40 / 4,
    );
  });

  it("the paper's k = 10 with long replies at a laptop's speed is past the warning line", () => {
    expect(estimateRun({ ...settings, k: 10, m: 1, maxTokens: 28672, critiqueMaxTokens: 28672 }, 20).seconds).toBeGreaterThan(
      LONG_RUN_SECONDS,
    );
  });
});
