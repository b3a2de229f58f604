/**
 * Budget forcing (s1; used by Critique-Coder for sequential test-time scaling, docs/method.md) in
 * one place, for every engine that offers the two raw operations of rawCompletion.ts. It turns
 * them into a ChatStream that honours `thinkingBudget`:
 *
 * - **Close**: when the trace has used `thinkingBudget` tokens, the running request is cancelled
 *   and a continuation is issued whose assistant prefix is the trace so far + `\n</think>\n\n`,
 *   so the model must answer now. Finish reason `budget`.
 * - **Extend** ("Wait"): when the model closes its trace before `minThinkingTokens`, its
 *   `</think>` (and anything after it) is dropped and the trace continues from `…\nWait`, up to
 *   `maxExtensions` times.
 *
 * Token accounting: the server's usage numbers are used when given (prompt tokens; completion
 * tokens per request; reasoning tokens when the server reports them). The reasoning/answer split
 * within a request, and the running count the budget is checked against, are counted from
 * streamed chunks: WebLLM, vLLM, SGLang, llama.cpp and Ollama stream one decode step per chunk,
 * so a chunk is one token except where a multi-byte character spans tokens (then a chunk holds
 * several, and the count is a slight underestimate). When a request's usage arrives, its split
 * is rescaled so the two parts add up to the server's completion-token count.
 */
import type { ChatDelta, ChatMessage, ChatOptions, ChatStream, ChatUsage, FinishReason } from '../core/chat/chatEngine';
import { ThinkSplitter } from '../core/modelOutput/thinkSplitter';
import { producerChatStream } from './chatStream';
import type { RawCompletionBackend, RawEnd, RawParams, RawPiece, RawStream } from './rawCompletion';

export interface BudgetPolicy {
  /** Extend with "Wait" when the model closes its trace before this many reasoning tokens. */
  minThinkingTokens?: number;
  /** How many times at most to extend (s1 used up to 4). Default 2. */
  maxExtensions?: number;
  /** Text appended to the trace to make the model keep thinking. Default `Wait`. */
  extensionText?: string;
  /** What closes the trace when the budget is spent. Default `\n</think>\n\n`. */
  closeText?: string;
}

type SegmentKind = 'chat' | 'answer' | 'extend';

/** What happened in one forced chat, for tests and the UI's trace view. */
export interface BudgetTrace {
  segments: { kind: SegmentKind; finishReason: RawEnd['finishReason'] | 'cut' }[];
  forcedClose: boolean;
  extensions: number;
}

const CLOSE_TAG = '</think>';
const OPEN_TAG = '<think>';

/** Chunks of one request, by where their text went. */
interface SegmentCount {
  reasoningChunks: number;
  contentChunks: number;
}

/** Why this module cut a request short. */
type Cut = 'budget' | 'extend';

/** One thinking request's view of the stream: its splitter and the chunks not yet classified. */
interface ThinkingSegment {
  splitter: ThinkSplitter;
  /** The server separates reasoning from the answer itself (reasoning_content / reasoning). */
  serverSplit: boolean;
  /** Chunks the splitter has not yet classified (text before any tag). */
  undecidedChunks: number;
  /** Length of the raw turn where this request's text starts (to cut at the close tag for "Wait"). */
  rawStart: number;
  count: SegmentCount;
}

function nowMs(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/**
 * Runs one chat through `backend` with budget forcing. With neither `thinkingBudget` nor
 * `minThinkingTokens` set this is a plain pass-through of one request (split and counted).
 */
export function forcedChat(
  backend: RawCompletionBackend,
  messages: ChatMessage[],
  options: ChatOptions = {},
  policy: BudgetPolicy = {},
  onTrace?: (trace: BudgetTrace) => void,
): ChatStream {
  return producerChatStream(
    (emit, signal) =>
      new ForcedChat(backend, messages, options, policy, emit, signal).run().then((result) => {
        onTrace?.(result.trace);
        return result.usage;
      }),
    options.signal,
  );
}

class ForcedChat {
  private readonly started = nowMs();
  private readonly trace: BudgetTrace = { segments: [], forcedClose: false, extensions: 0 };
  private promptTokens: number | undefined;
  private reasoningTokens = 0;
  private answerTokens = 0;
  /** The assistant turn's raw text so far: what a continuation must be prefixed with. */
  private raw = '';
  private phase: 'think' | 'answer' = 'think';
  /** The next thinking request continues an extended trace ("Wait" has been appended to `raw`). */
  private extendPending = false;

  constructor(
    private readonly backend: RawCompletionBackend,
    private readonly messages: ChatMessage[],
    private readonly options: ChatOptions,
    private readonly policy: BudgetPolicy,
    private readonly emit: (delta: ChatDelta) => void,
    private readonly signal: AbortSignal,
  ) {}

  private get closeText(): string {
    return this.policy.closeText ?? `\n${CLOSE_TAG}\n\n`;
  }

  private get extensionText(): string {
    return this.policy.extensionText ?? 'Wait';
  }

  async run(): Promise<{ usage: ChatUsage; trace: BudgetTrace }> {
    const budget = this.options.thinkingBudget;
    // A zero budget: close the trace before the model writes any of it.
    if (budget !== undefined && budget <= 0) {
      this.raw = (this.backend.startInReasoning ? '' : `${OPEN_TAG}\n`) + this.closeText;
      this.trace.forcedClose = true;
      this.phase = 'answer';
    }
    let kind: SegmentKind | null = this.phase === 'think' ? 'chat' : 'answer';
    let finish: FinishReason = 'stop';
    while (kind && !this.signal.aborted) {
      const left = this.remainingTokens();
      if (left !== undefined && left <= 0) {
        finish = 'length';
        break;
      }
      const outcome = await this.request(kind, left);
      if (this.signal.aborted) break;
      if (outcome === 'budget') {
        this.trace.forcedClose = true;
        this.phase = 'answer';
      } else if (outcome === 'extend') {
        this.trace.extensions++;
        this.extendPending = true;
      } else {
        finish = outcome === 'stop' && this.trace.forcedClose ? 'budget' : outcome;
        break;
      }
      kind = this.phase === 'answer' ? 'answer' : 'extend';
    }
    if (this.signal.aborted) finish = 'abort';
    return {
      trace: this.trace,
      usage: {
        promptTokens: this.promptTokens ?? 0,
        reasoningTokens: this.reasoningTokens,
        answerTokens: this.answerTokens,
        finishReason: finish,
        ms: Math.max(0, nowMs() - this.started),
      },
    };
  }

  private remainingTokens(): number | undefined {
    const max = this.options.maxTokens;
    return max === undefined ? undefined : max - this.reasoningTokens - this.answerTokens;
  }

  /** One backend request: streams it, cuts it short if the budget says so, and accounts for it. */
  private async request(kind: SegmentKind, maxTokens: number | undefined): Promise<Cut | RawEnd['finishReason']> {
    const cutter = new AbortController();
    const signal = AbortSignal.any([this.signal, cutter.signal]);
    const params: RawParams = { temperature: this.options.temperature, topP: this.options.topP, seed: this.options.seed, maxTokens };
    const stream =
      kind === 'chat'
        ? this.backend.chat(this.messages, params, signal)
        : this.backend.continueAssistant(this.messages, this.raw, params, signal);
    const count: SegmentCount = { reasoningChunks: 0, contentChunks: 0 };
    let cut: Cut | null = null;
    try {
      if (this.phase === 'answer') await this.streamAnswer(stream, count);
      else cut = await this.streamThinking(stream, kind, count);
    } finally {
      if (cut !== null) cutter.abort(new Error(`budget forcing: ${cut}`));
    }
    const end = cut === null ? await stream.end : await this.endOfCutRequest(stream);
    this.account(count, end);
    this.trace.segments.push({ kind, finishReason: cut === null ? (end?.finishReason ?? 'stop') : 'cut' });
    if (cut !== null) return cut;
    return end?.finishReason ?? 'stop';
  }

  /**
   * A cancelled request may or may not report usage; chunk counts stand in for it. Its completion
   * count (if any) may include tokens dropped after the cut, so only the prompt count is kept.
   */
  private async endOfCutRequest(stream: RawStream): Promise<RawEnd | null> {
    const end = await stream.end.catch(() => null);
    return end ? { finishReason: end.finishReason, promptTokens: end.promptTokens } : null;
  }

  /** After the trace is closed everything is answer, whichever field the server used. */
  private async streamAnswer(stream: RawStream, count: SegmentCount): Promise<void> {
    let leading = true;
    for await (const piece of stream) {
      let text = (piece.reasoning ?? '') + (piece.text ?? '') + (piece.content ?? '');
      if (text === '') continue;
      this.raw += text;
      count.contentChunks++;
      if (leading) {
        text = text.trimStart();
        if (text === '') continue;
        leading = false;
      }
      this.emit({ content: text });
    }
  }

  /** Streams a request that starts in (or before) the trace; returns why it was cut, if it was. */
  private async streamThinking(stream: RawStream, kind: SegmentKind, count: SegmentCount): Promise<Cut | null> {
    const segment: ThinkingSegment = {
      splitter: new ThinkSplitter({ startInReasoning: !(kind === 'chat' && !this.backend.startInReasoning) }),
      serverSplit: false,
      undecidedChunks: 0,
      rawStart: this.raw.length,
      count,
    };
    if (this.extendPending) {
      this.emit({ reasoning: '\n' });
      for (const d of segment.splitter.push(this.extensionText)) this.emit(d);
      this.extendPending = false;
    }
    for await (const piece of stream) {
      const stateBefore = segment.splitter.state;
      const deltas = this.splitPiece(segment, piece);
      const closedNow = stateBefore !== 'content' && segment.splitter.state === 'content';
      if (closedNow && this.shouldExtend(count)) {
        this.extendTrace(segment, deltas);
        return 'extend';
      }
      for (const d of deltas) this.emit(d);
      this.countChunk(segment, stateBefore, deltas);
      if (segment.splitter.state === 'content') this.phase = 'answer';
      const budget = this.options.thinkingBudget;
      if (this.phase === 'think' && budget !== undefined && this.reasoningTokens + count.reasoningChunks >= budget) {
        this.raw = this.raw.trimEnd() + this.closeText;
        return 'budget';
      }
    }
    // Text that never met a tag is the answer of a model that does not think.
    count.contentChunks += segment.undecidedChunks;
    for (const d of segment.splitter.end()) this.emit(d);
    return null;
  }

  /** Appends one piece to the raw turn and splits it into reasoning/answer deltas. */
  private splitPiece(segment: ThinkingSegment, piece: RawPiece): ChatDelta[] {
    const { splitter } = segment;
    const deltas: ChatDelta[] = [];
    if (piece.reasoning) {
      // Server-split reasoning: reconstruct the inline form for continuations.
      if (!segment.serverSplit && this.raw === '' && !this.backend.startInReasoning) this.raw += `${OPEN_TAG}\n`;
      // Server-split reasoning is trace text by definition: open the trace in the splitter.
      if (splitter.state === 'undecided') splitter.push(OPEN_TAG);
      segment.serverSplit = true;
      this.raw += piece.reasoning;
      deltas.push(...splitter.push(piece.reasoning));
    }
    if (piece.text) {
      this.raw += piece.text;
      deltas.push(...splitter.push(piece.text));
    }
    if (piece.content) {
      if (segment.serverSplit && splitter.state === 'reasoning') {
        // The server ended the reasoning: close the trace in the splitter and in `raw`.
        this.raw += `\n${CLOSE_TAG}\n\n`;
        deltas.push(...splitter.push(`\n${CLOSE_TAG}\n\n`));
      }
      this.raw += piece.content;
      deltas.push(...splitter.push(piece.content));
    }
    return deltas;
  }

  private shouldExtend(count: SegmentCount): boolean {
    const minThinking = this.policy.minThinkingTokens ?? 0;
    const maxExtensions = this.policy.maxExtensions ?? 2;
    return this.phase === 'think' && this.reasoningTokens + count.reasoningChunks < minThinking && this.trace.extensions < maxExtensions;
  }

  /** The model closed its trace too early: drop the close and what follows, say "Wait". */
  private extendTrace(segment: ThinkingSegment, deltas: ChatDelta[]): void {
    for (const d of deltas) if (d.reasoning) this.emit({ reasoning: d.reasoning });
    segment.count.reasoningChunks += 1 + segment.undecidedChunks;
    segment.undecidedChunks = 0;
    const closeAt = this.raw.indexOf(CLOSE_TAG, segment.rawStart);
    this.raw = (closeAt >= 0 ? this.raw.slice(0, closeAt) : this.raw).trimEnd() + `\n${this.extensionText}`;
  }

  /**
   * Counts the chunk where its text went; a chunk that produced nothing visible (a tag, or
   * whitespace held back) belongs to the part the splitter was in.
   */
  private countChunk(segment: ThinkingSegment, stateBefore: ThinkSplitter['state'], deltas: ChatDelta[]): void {
    const { count } = segment;
    if (segment.splitter.state === 'undecided') {
      segment.undecidedChunks++;
      return;
    }
    const hasReasoning = deltas.some((d) => d.reasoning);
    const hasContent = deltas.some((d) => d.content);
    const toContent = hasContent && !hasReasoning ? true : hasReasoning ? false : stateBefore === 'content';
    if (toContent) count.contentChunks += 1;
    else count.reasoningChunks += 1;
    if (stateBefore === 'undecided') {
      count.reasoningChunks += segment.undecidedChunks;
      segment.undecidedChunks = 0;
    }
  }

  /** Rescales one request's chunk counts to its server-reported completion tokens. */
  private account(count: SegmentCount, end: RawEnd | null): void {
    let reasoning = count.reasoningChunks;
    let answer = count.contentChunks;
    if (end?.completionTokens !== undefined && end.completionTokens > 0) {
      if (end.reasoningTokens !== undefined) {
        reasoning = Math.min(end.reasoningTokens, end.completionTokens);
        answer = end.completionTokens - reasoning;
      } else if (reasoning + answer > 0) {
        const total = end.completionTokens;
        reasoning = Math.round((total * reasoning) / (reasoning + answer));
        answer = total - reasoning;
      }
    }
    this.reasoningTokens += reasoning;
    this.answerTokens += answer;
    if (this.promptTokens === undefined && end?.promptTokens !== undefined) this.promptTokens = end.promptTokens;
  }
}
