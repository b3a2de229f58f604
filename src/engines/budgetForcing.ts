/**
 * Budget forcing (s1; Critique-Coder §sequential scaling, REFERENCE.md §2) in one place, for every
 * engine that can (a) stream a chat completion and (b) continue an assistant turn from a raw
 * prefix. Engines supply those two operations as a `RawCompletionBackend`; this module turns them
 * into a ChatStream that honours `thinkingBudget`:
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

/** One streamed piece from a backend: inline text (may hold `<think>` tags) or server-split parts. */
export interface RawPiece {
  /** Unsplit text as the model wrote it. */
  text?: string;
  /** Reasoning the server already separated (`reasoning_content` / `reasoning`). */
  reasoning?: string;
  /** Answer text the server already separated from the reasoning. */
  content?: string;
}

export interface RawEnd {
  finishReason: 'stop' | 'length' | 'abort';
  promptTokens?: number;
  completionTokens?: number;
  /** Reasoning tokens as counted by the server (OpenAI `completion_tokens_details.reasoning_tokens`). */
  reasoningTokens?: number;
}

/** The stream of one backend request. `end` settles after the iteration finishes. */
export interface RawStream extends AsyncIterable<RawPiece> {
  readonly end: Promise<RawEnd>;
}

export interface RawParams {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
}

export interface RawCompletionBackend {
  /** The chat template opens `<think>` in the prompt, so output starts inside the trace. */
  readonly startInReasoning: boolean;
  /** An ordinary chat completion. */
  chat(messages: ChatMessage[], params: RawParams, signal: AbortSignal): RawStream;
  /**
   * Continue the assistant turn whose raw text so far is `assistantPrefix` (it may contain
   * `<think>` … `</think>`). The output is what the model writes after the prefix.
   */
  continueAssistant(messages: ChatMessage[], assistantPrefix: string, params: RawParams, signal: AbortSignal): RawStream;
}

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

/** What happened in one forced chat, for tests and the UI's trace view. */
export interface BudgetTrace {
  segments: { kind: 'chat' | 'answer' | 'extend'; finishReason: RawEnd['finishReason'] | 'cut' }[];
  forcedClose: boolean;
  extensions: number;
}

const CLOSE_TAG = '</think>';
const OPEN_TAG = '<think>';

interface SegmentCount {
  reasoningChunks: number;
  contentChunks: number;
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
  return producerChatStream((emit, signal) => runForced(backend, messages, options, policy, emit, signal, onTrace), options.signal);
}

async function runForced(
  backend: RawCompletionBackend,
  messages: ChatMessage[],
  options: ChatOptions,
  policy: BudgetPolicy,
  emit: (delta: ChatDelta) => void,
  signal: AbortSignal,
  onTrace?: (trace: BudgetTrace) => void,
): Promise<ChatUsage> {
  const started = nowMs();
  const budget = options.thinkingBudget;
  const minThinking = policy.minThinkingTokens ?? 0;
  const maxExtensions = policy.maxExtensions ?? 2;
  const extensionText = policy.extensionText ?? 'Wait';
  const closeText = policy.closeText ?? `\n${CLOSE_TAG}\n\n`;
  const maxTokens = options.maxTokens;
  const params: RawParams = { temperature: options.temperature, topP: options.topP, seed: options.seed };

  const trace: BudgetTrace = { segments: [], forcedClose: false, extensions: 0 };
  let promptTokens: number | undefined;
  let reasoningTokens = 0;
  let answerTokens = 0;
  /** The assistant turn's raw text so far: what a continuation must be prefixed with. */
  let raw = '';
  let phase: 'think' | 'answer' = 'think';
  let finish: FinishReason = 'stop';

  const remaining = (): number | undefined => (maxTokens === undefined ? undefined : maxTokens - reasoningTokens - answerTokens);

  /** Rescales one request's chunk counts to its server-reported completion tokens. */
  const account = (count: SegmentCount, end: RawEnd | null): void => {
    let r = count.reasoningChunks;
    let a = count.contentChunks;
    if (end?.completionTokens !== undefined && end.completionTokens > 0) {
      if (end.reasoningTokens !== undefined) {
        r = Math.min(end.reasoningTokens, end.completionTokens);
        a = end.completionTokens - r;
      } else if (r + a > 0) {
        const total = end.completionTokens;
        const rr = Math.round((total * r) / (r + a));
        r = rr;
        a = total - rr;
      }
    }
    reasoningTokens += r;
    answerTokens += a;
    if (promptTokens === undefined && end?.promptTokens !== undefined) promptTokens = end.promptTokens;
  };

  const done = (reason: FinishReason): ChatUsage => {
    onTrace?.(trace);
    return {
      promptTokens: promptTokens ?? 0,
      reasoningTokens,
      answerTokens,
      finishReason: reason,
      ms: Math.max(0, nowMs() - started),
    };
  };

  // A zero budget: close the trace before the model writes any of it.
  if (budget !== undefined && budget <= 0) {
    raw = (backend.startInReasoning ? '' : `${OPEN_TAG}\n`) + closeText;
    trace.forcedClose = true;
    phase = 'answer';
  }

  let first = phase === 'think';
  let extendPending = false;
  while (!signal.aborted) {
    const left = remaining();
    if (left !== undefined && left <= 0) {
      finish = 'length';
      break;
    }
    const segController = new AbortController();
    const onAbort = (): void => segController.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const segParams: RawParams = { ...params, maxTokens: left };
    const kind: 'chat' | 'answer' | 'extend' = first ? 'chat' : phase === 'answer' ? 'answer' : 'extend';
    const stream = first
      ? backend.chat(messages, segParams, segController.signal)
      : backend.continueAssistant(messages, raw, segParams, segController.signal);
    first = false;

    const count: SegmentCount = { reasoningChunks: 0, contentChunks: 0 };
    /** Why this module cut the request short, if it did. */
    let cut: 'budget' | 'extend' | null = null;
    let segEnd: RawEnd | null = null;
    try {
      if (phase === 'answer') {
        let leading = true;
        for await (const piece of stream) {
          // After a forced close everything is answer, whichever field the server used.
          let text = (piece.reasoning ?? '') + (piece.text ?? '') + (piece.content ?? '');
          if (text === '') continue;
          raw += text;
          count.contentChunks++;
          if (leading) {
            text = text.trimStart();
            if (text === '') continue;
            leading = false;
          }
          emit({ content: text });
        }
      } else {
        const splitter = new ThinkSplitter({ startInReasoning: !(kind === 'chat' && !backend.startInReasoning) });
        const extending = extendPending;
        if (extending) {
          emit({ reasoning: '\n' });
          for (const d of splitter.push(extensionText)) emit(d);
          extendPending = false;
        }
        /** Raw length at which this segment's text starts (to cut at the close tag for "Wait"). */
        const segStart = raw.length;
        let serverSplit = false;
        /** Chunks the splitter has not yet classified (text before any tag). */
        let undecidedChunks = 0;
        for await (const piece of stream) {
          const stateBefore = splitter.state;
          const deltas: ChatDelta[] = [];
          if (piece.reasoning) {
            // Server-split reasoning: reconstruct the inline form for continuations.
            if (!serverSplit && raw === '' && !backend.startInReasoning) raw += `${OPEN_TAG}\n`;
            // Server-split reasoning is trace text by definition: open the trace in the splitter.
            if (splitter.state === 'undecided') splitter.push(OPEN_TAG);
            serverSplit = true;
            raw += piece.reasoning;
            deltas.push(...splitter.push(piece.reasoning));
          }
          if (piece.text) {
            raw += piece.text;
            deltas.push(...splitter.push(piece.text));
          }
          if (piece.content) {
            if (serverSplit && splitter.state === 'reasoning') {
              // The server ended the reasoning: close the trace in the splitter and in `raw`.
              raw += `\n${CLOSE_TAG}\n\n`;
              deltas.push(...splitter.push(`\n${CLOSE_TAG}\n\n`));
            }
            raw += piece.content;
            deltas.push(...splitter.push(piece.content));
          }
          const hasReasoning = deltas.some((d) => d.reasoning);
          const hasContent = deltas.some((d) => d.content);

          const closedNow = stateBefore !== 'content' && splitter.state === 'content';
          if (phase === 'think' && closedNow && reasoningTokens + count.reasoningChunks < minThinking && trace.extensions < maxExtensions) {
            // The model closed its trace too early: drop the close and what follows, say "Wait".
            for (const d of deltas) if (d.reasoning) emit({ reasoning: d.reasoning });
            count.reasoningChunks += 1 + undecidedChunks;
            const closeAt = raw.indexOf(CLOSE_TAG, segStart);
            raw = (closeAt >= 0 ? raw.slice(0, closeAt) : raw).trimEnd() + `\n${extensionText}`;
            cut = 'extend';
            break;
          }

          for (const d of deltas) emit(d);
          // Count the chunk where its text went; a chunk that produced nothing visible (a tag, or
          // whitespace held back) belongs to the part the splitter was in.
          if (splitter.state === 'undecided') {
            undecidedChunks++;
          } else {
            const toContent = hasContent && !hasReasoning ? true : hasReasoning ? false : stateBefore === 'content';
            if (toContent) count.contentChunks += 1;
            else count.reasoningChunks += 1;
            count.reasoningChunks += stateBefore === 'undecided' ? undecidedChunks : 0;
            if (stateBefore === 'undecided') undecidedChunks = 0;
          }

          if (splitter.state === 'content') phase = 'answer';
          if (phase === 'think' && budget !== undefined && reasoningTokens + count.reasoningChunks >= budget) {
            cut = 'budget';
            raw = raw.trimEnd() + closeText;
            break;
          }
        }
        // Text that never met a tag is the answer of a model that does not think.
        count.contentChunks += undecidedChunks;
        if (cut === null) {
          for (const d of splitter.end()) emit(d);
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      if (cut !== null) segController.abort(new Error(`budget forcing: ${cut}`));
    }

    if (cut === null) {
      segEnd = await stream.end;
    } else {
      // A cancelled request may or may not report usage; chunk counts stand in for it.
      // Its completion count (if any) may include tokens dropped after the cut, so only the
      // prompt count is kept.
      const end = await stream.end.catch(() => null);
      segEnd = end ? { finishReason: end.finishReason, promptTokens: end.promptTokens } : null;
    }
    account(count, segEnd);
    trace.segments.push({ kind, finishReason: cut === null ? (segEnd?.finishReason ?? 'stop') : 'cut' });

    if (signal.aborted) break;
    if (cut === 'budget') {
      trace.forcedClose = true;
      phase = 'answer';
      continue;
    }
    if (cut === 'extend') {
      trace.extensions++;
      extendPending = true;
      continue;
    }
    const reason = segEnd?.finishReason ?? 'stop';
    if (reason === 'abort') {
      finish = 'abort';
      break;
    }
    if (reason === 'length') {
      finish = 'length';
      break;
    }
    finish = trace.forcedClose ? 'budget' : 'stop';
    break;
  }
  if (signal.aborted) finish = 'abort';
  return done(finish);
}
