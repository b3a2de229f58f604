import type { RawEnd } from './rawCompletion';

/**
 * A server's or WebLLM's `finish_reason` as the engines report it. null: the stream has not
 * finished. Anything other than length or abort (stop, eos, tool_calls, content_filter…) means the
 * model ended its turn.
 */
export function finishReasonOf(value: unknown): RawEnd['finishReason'] | null {
  if (value === null || value === undefined) return null;
  if (value === 'length') return 'length';
  if (value === 'abort') return 'abort';
  return 'stop';
}
