/**
 * Splits a reasoning model's raw streamed text into its thinking trace and its answer, as the
 * chunks arrive (the ChatEngine contract, chat/chatEngine.ts, promises deltas already split).
 *
 * Rules, in one place:
 * - `<think>` opens the trace and `</think>` closes it. A tag may be cut across chunks at any
 *   character ("<th" + "ink>"), so a possible partial tag is held back until it is decided.
 * - Without any tag at all the whole output is the answer (a plain chat model).
 * - Everything the model writes before it closes its trace is reasoning: text before `<think>`
 *   and text before a stray `</think>` that never had an opening tag both go to reasoning. Chat
 *   templates of reasoning models (Qwen3, DeepSeek-R1 distills, OCR-2) often put `<think>` in the
 *   prompt, so the output begins inside the trace and only the closing tag appears; the answer is
 *   what follows `</think>`. When an engine knows its template does this it passes
 *   `startInReasoning: true` so reasoning streams at once instead of waiting for a tag.
 * - With `startInReasoning: false`, text before the first tag cannot be classified until a tag
 *   arrives or the stream ends, so it is held back; reasoning models emit `<think>` as their first
 *   token, so in practice nothing waits.
 * - After `</think>` everything is answer, including literal tags (code may print "<think>").
 *   Inside the trace a second `<think>` is literal text, except one right at the trace's start
 *   (the template opened the trace and the model opened it again).
 * - Each part is trimmed at both ends; interior whitespace is kept byte for byte. Trailing
 *   whitespace is held back until more text follows, so the streamed deltas concatenate to exactly
 *   what `splitThinking` returns.
 * - If the stream ends inside the trace (token limit hit mid-thought), everything is reasoning,
 *   the answer is empty, and `unterminated` is true.
 */
import type { ChatDelta } from '../chat/chatEngine';

const OPEN = '<think>';
const CLOSE = '</think>';

export interface ThinkSplitterOptions {
  /** The prompt already opened `<think>`: the output starts inside the trace. Default false. */
  startInReasoning?: boolean;
}

interface ThinkSplit {
  reasoning: string;
  content: string;
  /** The text ended inside the trace (no `</think>` after it opened). */
  unterminated: boolean;
}

type Phase = 'undecided' | 'reasoning' | 'content';

/** Drops leading whitespace of a part and holds trailing whitespace until something follows it. */
class TrimmedPart {
  started = false;
  private pendingSpace = '';

  /** Returns the text that can be emitted now. */
  feed(text: string): string {
    let t = text;
    if (!this.started) {
      t = t.trimStart();
      if (t === '') return '';
      this.started = true;
    }
    const whole = this.pendingSpace + t;
    const kept = whole.trimEnd();
    this.pendingSpace = whole.slice(kept.length);
    return kept;
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagSuffix(text: string, tag: string): number {
  for (let len = Math.min(tag.length - 1, text.length); len > 0; len--) {
    if (text.endsWith(tag.slice(0, len))) return len;
  }
  return 0;
}

export class ThinkSplitter {
  private phase: Phase;
  /** Raw text not yet classified. */
  private held = '';
  /** In the undecided phase, where tag search resumes (earlier text was already searched). */
  private searchFrom = 0;
  private readonly reasoningPart = new TrimmedPart();
  private readonly contentPart = new TrimmedPart();
  private ended = false;
  private endedInReasoning = false;
  private out: ChatDelta[] = [];

  constructor(options: ThinkSplitterOptions = {}) {
    this.phase = options.startInReasoning ? 'reasoning' : 'undecided';
  }

  /** True once `end()` found the stream still inside the trace. */
  get unterminated(): boolean {
    return this.endedInReasoning;
  }

  /** Where the splitter is now: before any tag, inside the trace, or in the answer. */
  get state(): Phase {
    return this.phase;
  }

  /** Feeds one chunk; returns the deltas that are certain now (possibly none). */
  push(text: string): ChatDelta[] {
    if (this.ended) throw new Error('ThinkSplitter.push after end()');
    this.held += text;
    this.process();
    return this.flushOut();
  }

  /** Ends the stream: releases held text (a partial tag at the end is just text). */
  end(): ChatDelta[] {
    if (this.ended) return [];
    this.ended = true;
    const rest = this.held;
    this.held = '';
    if (this.phase === 'undecided') {
      this.emit('content', this.contentPart.feed(rest));
    } else if (this.phase === 'reasoning') {
      this.emit('reasoning', this.reasoningPart.feed(rest));
      this.endedInReasoning = true;
    }
    return this.flushOut();
  }

  private process(): void {
    for (;;) {
      if (this.phase === 'content') {
        this.emit('content', this.contentPart.feed(this.held));
        this.held = '';
        return;
      }
      if (this.phase === 'undecided') {
        const from = this.searchFrom;
        const open = this.held.indexOf(OPEN, from);
        const close = this.held.indexOf(CLOSE, from);
        if (open < 0 && close < 0) {
          // Nothing decides yet; next time only look where a tag could still start.
          this.searchFrom = Math.max(0, this.held.length - (CLOSE.length - 1));
          return;
        }
        if (open >= 0 && (close < 0 || open < close)) {
          this.emit('reasoning', this.reasoningPart.feed(this.held.slice(0, open)));
          this.held = this.held.slice(open + OPEN.length);
          this.phase = 'reasoning';
        } else {
          this.emit('reasoning', this.reasoningPart.feed(this.held.slice(0, close)));
          this.held = this.held.slice(close + CLOSE.length);
          this.phase = 'content';
        }
        continue;
      }
      // phase === 'reasoning'
      if (!this.reasoningPart.started) {
        const lead = this.held.trimStart();
        if (lead === '' || (lead.length < OPEN.length && OPEN.startsWith(lead))) return;
        if (lead.startsWith(OPEN)) {
          this.held = lead.slice(OPEN.length);
          continue;
        }
      }
      const close = this.held.indexOf(CLOSE);
      if (close >= 0) {
        this.emit('reasoning', this.reasoningPart.feed(this.held.slice(0, close)));
        this.held = this.held.slice(close + CLOSE.length);
        this.phase = 'content';
        continue;
      }
      const keep = partialTagSuffix(this.held, CLOSE);
      this.emit('reasoning', this.reasoningPart.feed(this.held.slice(0, this.held.length - keep)));
      this.held = this.held.slice(this.held.length - keep);
      return;
    }
  }

  private emit(kind: 'reasoning' | 'content', text: string): void {
    if (text === '') return;
    const last = this.out[this.out.length - 1];
    if (last && kind in last) {
      last[kind] = (last[kind] ?? '') + text;
    } else {
      this.out.push(kind === 'reasoning' ? { reasoning: text } : { content: text });
    }
  }

  private flushOut(): ChatDelta[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}

/** One-shot split of a complete output; identical to streaming it through a ThinkSplitter. */
export function splitThinking(text: string, options: ThinkSplitterOptions = {}): ThinkSplit {
  const splitter = new ThinkSplitter(options);
  let reasoning = '';
  let content = '';
  for (const delta of [...splitter.push(text), ...splitter.end()]) {
    reasoning += delta.reasoning ?? '';
    content += delta.content ?? '';
  }
  return { reasoning, content, unterminated: splitter.unterminated };
}
