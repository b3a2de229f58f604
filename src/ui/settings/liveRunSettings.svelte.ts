/**
 * The one owner of a live run's settings: the Model view edits sampling (temperature, top-p, max
 * tokens, thinking budget) and the Demo view edits the run's shape (k, m, language, order), on
 * the same object. Defaults are the run settings' own (the papers' sampling).
 */
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../../core/record/runSettings';
import {
  presetStillInUse,
  presetValues,
  withPreset,
  type PresetContext,
  type PresetValues,
  type RunPresetId,
} from '../../core/record/runPresets';
import type { BudgetPolicy } from '../../engines/budgetForcing';

export class LiveRunSettings {
  settings = $state<RunSettings>({ ...DEFAULT_RUN_SETTINGS });
  /** Extend a trace with "Wait" when the model stops thinking before this many tokens; null = never. */
  minThinkingTokens = $state<number | null>(null);
  maxExtensions = $state(2);

  /** The values the last preset set, to tell whether the settings still are that preset. */
  private applied = $state.raw<PresetValues | null>(null);

  /** Fills every knob the preset governs; each stays editable. */
  applyPreset(id: RunPresetId, context: PresetContext): void {
    this.applied = presetValues(id, this.settings.m, context);
    this.settings = withPreset($state.snapshot(this.settings), id, context);
  }

  /** The preset the settings still are (none once a value it set was edited). */
  get presetInUse(): RunPresetId | undefined {
    return presetStillInUse(this.settings, this.applied).preset;
  }

  /** The settings of one run, as plain data (a run must not change when the controls do). */
  snapshot(): RunSettings {
    return presetStillInUse($state.snapshot(this.settings), this.applied);
  }

  /** Budget forcing's "Wait" policy for the engines. */
  budgetPolicy(): BudgetPolicy {
    return this.minThinkingTokens ? { minThinkingTokens: this.minThinkingTokens, maxExtensions: this.maxExtensions } : {};
  }
}
