/**
 * How long a run would take, before it starts: k generations and k × m critiques, one request
 * after another (`concurrency` at a time), each as long as the last run of this model made them —
 * or, with nothing measured, as long as its token cap allows (an upper bound).
 */
import type { RunSettings } from '../record/runSettings';

/** Past this the Demo warns before a run starts. */
export const LONG_RUN_SECONDS = 30 * 60;

interface RunEstimate {
  seconds: number;
  /** Some reply length came from its cap, not from a measurement: the figure is an upper bound. */
  upperBound: boolean;
}

export function estimateRun(
  settings: RunSettings,
  tokensPerSecond: number,
  typical: { generationTokens?: number; critiqueTokens?: number | null } = {},
): RunEstimate {
  const generation = Math.min(settings.maxTokens, typical.generationTokens ?? Infinity);
  const critique = Math.min(settings.critiqueMaxTokens, typical.critiqueTokens ?? Infinity);
  const tokens = settings.k * generation + settings.k * settings.m * critique;
  return {
    seconds: tokens / tokensPerSecond / Math.max(1, settings.concurrency),
    upperBound: typical.generationTokens === undefined || typical.critiqueTokens === undefined || typical.critiqueTokens === null,
  };
}
