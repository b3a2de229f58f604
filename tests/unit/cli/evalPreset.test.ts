/** `critique-lab eval --preset`: the preset's values, flags on top, and the record naming it only while untouched. */
import { describe, expect, it } from 'vitest';
import { settingsFromFlags } from '../../../src/cli/evalCommand';

describe('eval --preset', () => {
  it('paper: k 10, 0.6, 0.95, no budget, max tokens from the context window', () => {
    expect(settingsFromFlags({ preset: 'paper', m: '1', 'context-window': '32768' })).toMatchObject({
      k: 10,
      m: 1,
      temperature: 0.6,
      topP: 0.95,
      thinkingBudget: null,
      maxTokens: 28672,
      critiqueMaxTokens: 28672,
      concurrency: 10,
      preset: 'paper',
    });
  });

  it('a flag that changes a preset value is kept, and the record no longer names the preset', () => {
    const settings = settingsFromFlags({ preset: 'quick', m: '1', k: '6' });
    expect(settings.k).toBe(6);
    expect(settings.thinkingBudget).not.toBeNull();
    expect(settings).not.toHaveProperty('preset');
    expect(settingsFromFlags({ preset: 'quick', m: '1', language: 'cpp' }).preset).toBe('quick');
  });

  it('an unknown preset is a usage error', () => {
    expect(() => settingsFromFlags({ preset: 'fast', m: '1' })).toThrow('--preset must be one of paper, quick');
  });
});
