/**
 * The ChatEngine contract: every model backend — WebLLM in a worker, an OpenAI-compatible
 * server, a replayed recording, the tests' scripted engine — looks like this. Reasoning
 * (`<think>…</think>`) and the answer arrive already split.
 */
import { z } from 'zod';

type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface ChatOptions {
  temperature?: number;
  topP?: number;
  /** Upper bound on generated tokens (reasoning + answer). */
  maxTokens?: number;
  /**
   * Budget forcing: once this many reasoning tokens are spent the engine closes the trace
   * (`</think>`) and makes the model answer. Undefined = unlimited.
   */
  thinkingBudget?: number;
  /** Seed for engines that support reproducible sampling. */
  seed?: number;
  signal?: AbortSignal;
}

/** One streamed piece: a reasoning delta, an answer delta, or both. */
export interface ChatDelta {
  reasoning?: string;
  content?: string;
}

/** `budget`: budget forcing closed the trace and the model then answered (docs/method.md). */
const FINISH_REASONS = ['stop', 'length', 'abort', 'budget'] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

/** Token counts of one completion; the run record stores it with every generation and critique. */
export const ChatUsageSchema = z.object({
  promptTokens: z.number().int().min(0),
  reasoningTokens: z.number().int().min(0),
  answerTokens: z.number().int().min(0),
  finishReason: z.enum(FINISH_REASONS),
  /** Wall time from request to last token, ms. */
  ms: z.number().min(0),
});
export type ChatUsage = z.infer<typeof ChatUsageSchema>;

/** The stream of one chat completion: deltas as they come, then `usage` resolves. */
export interface ChatStream extends AsyncIterable<ChatDelta> {
  /** Resolves when the stream ends (also after an abort); rejects if the engine failed. */
  readonly usage: Promise<ChatUsage>;
}

export interface LoadProgress {
  /** 0..1 over the whole load. */
  fraction: number;
  text: string;
  loadedBytes?: number;
  totalBytes?: number;
}

export interface LoadOptions {
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}

export interface ChatEngine {
  /** Human-readable engine name, recorded in run records (`webllm`, `openai`, `replay`, ...). */
  readonly kind: string;
  load(modelId: string, options?: LoadOptions): Promise<void>;
  chat(messages: ChatMessage[], options?: ChatOptions): ChatStream;
  unload(): Promise<void>;
}

/** Thrown (or used as rejection) when a caller's AbortSignal fired. */
export class AbortedError extends Error {
  constructor(message = 'Aborted') {
    super(message);
    this.name = 'AbortedError';
  }
}
