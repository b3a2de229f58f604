/**
 * The pace of the last finished live run of each model in this browser: decode speed and the
 * mean length of its replies per stage. The Demo estimates a run before it starts from it, and the
 * Quick preset sizes its budgets with it. Kept in localStorage, per model id.
 */
import type { RunRecord } from '../../core/record/runRecord';

export interface MeasuredPace {
  tokensPerSecond: number;
  generationTokens: number;
  critiqueTokens: number | null;
}

const KEY = 'critique-lab/measured-pace';

function all(): Record<string, MeasuredPace> {
  if (typeof localStorage === 'undefined') return {};
  try {
    return (JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, MeasuredPace>) ?? {};
  } catch {
    return {}; // a corrupt entry: nothing measured
  }
}

export function measuredPace(modelId: string): MeasuredPace | null {
  const pace = all()[modelId];
  return pace && pace.tokensPerSecond > 0 ? pace : null;
}

/** Reads the pace out of a finished live run's usage (tokens and wall time of every reply). */
export function rememberPace(record: RunRecord): void {
  if (typeof localStorage === 'undefined' || record.provenance.kind !== 'live') return;
  const generations = record.candidates.map((c) => c.generation.usage).filter((u) => u.ms > 0);
  const critiques = record.candidates.flatMap((c) => c.critiques.map((k) => k.usage)).filter((u) => u.ms > 0);
  const replies = [...generations, ...critiques];
  const tokens = (u: { reasoningTokens: number; answerTokens: number }) => u.reasoningTokens + u.answerTokens;
  const totalMs = replies.reduce((n, u) => n + u.ms, 0);
  if (generations.length === 0 || totalMs === 0) return;
  const mean = (list: typeof replies) => (list.length ? list.reduce((n, u) => n + tokens(u), 0) / list.length : null);
  const pace: MeasuredPace = {
    tokensPerSecond: (replies.reduce((n, u) => n + tokens(u), 0) / totalMs) * 1000,
    generationTokens: mean(generations) ?? 0,
    critiqueTokens: mean(critiques),
  };
  localStorage.setItem(KEY, JSON.stringify({ ...all(), [record.model.id]: pace }));
}
