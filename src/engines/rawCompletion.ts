/**
 * What an engine must offer for budget forcing (budgetForcing.ts) to drive it: stream a chat
 * completion, and continue an assistant turn from a raw prefix. Each request's stream yields raw
 * pieces and ends with a record of why it ended and how many tokens it used.
 */
import type { ChatMessage } from '../core/chat/chatEngine';
import { pushStream, type Producer } from './pushStream';

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

/** A RawStream driven by a producer that pushes pieces and returns the end record. */
export function rawStream(producer: Producer<RawPiece, RawEnd>, signal: AbortSignal): RawStream {
  const stream = pushStream(producer, signal);
  return { end: stream.result, [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator]() };
}
