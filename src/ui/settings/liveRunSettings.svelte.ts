/**
 * The one owner of a live run's settings: the Model view edits sampling (temperature, top-p, max
 * tokens, thinking budget) and the Demo view edits the run's shape (k, m, language, order), on
 * the same object. Defaults are the run settings' own (the papers' sampling).
 */
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../../core/record/runSettings';
import type { BudgetPolicy } from '../../engines/budgetForcing';

export class LiveRunSettings {
  settings = $state<RunSettings>({ ...DEFAULT_RUN_SETTINGS });
  /** Extend a trace with "Wait" when the model stops thinking before this many tokens; null = never. */
  minThinkingTokens = $state<number | null>(null);
  maxExtensions = $state(2);

  /** The settings of one run, as plain data (a run must not change when the controls do). */
  snapshot(): RunSettings {
    return $state.snapshot(this.settings);
  }

  /** Budget forcing's "Wait" policy for the engines. */
  budgetPolicy(): BudgetPolicy {
    return this.minThinkingTokens ? { minThinkingTokens: this.minThinkingTokens, maxExtensions: this.maxExtensions } : {};
  }
}
