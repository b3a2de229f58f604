/**
 * Reads one streamed completion from an OpenAI-compatible server (`/v1/chat/completions` or
 * `/v1/completions` with `stream: true`): server-sent events of JSON chunks, ended by `[DONE]`.
 * Reasoning arrives in a separate delta field (`reasoning_content`: vLLM, SGLang, llama.cpp;
 * `reasoning`: Ollama and newer vLLM) or inline in `content`; both are passed on as raw pieces
 * for the shared splitter. Every malformed stream becomes an EndpointError saying what broke.
 */
import { EndpointError } from './endpointError';
import { finishReasonOf } from './finishReason';
import type { RawEnd, RawPiece } from './rawCompletion';
import { readSse, type SseEvent } from './sseStream';

interface StreamChoice {
  delta?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown };
  text?: unknown;
  finish_reason?: unknown;
}

interface StreamChunk {
  choices?: StreamChoice[];
  usage?: {
    prompt_tokens?: unknown;
    completion_tokens?: unknown;
    completion_tokens_details?: { reasoning_tokens?: unknown } | null;
  } | null;
  error?: unknown;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Streams the pieces of `body` to `emit`; resolves with how the completion ended. */
export async function readCompletionStream(
  url: string,
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  emit: (piece: RawPiece) => void,
): Promise<RawEnd> {
  const end: { finishReason: RawEnd['finishReason'] | null } & Omit<RawEnd, 'finishReason'> = { finishReason: null };
  const ended = (): RawEnd => ({ ...end, finishReason: end.finishReason ?? 'abort' });
  let index = 0;
  let sawDone = false;
  try {
    for await (const event of readSse(body, signal)) {
      index++;
      if (event.data.trim() === '[DONE]') {
        sawDone = true;
        break;
      }
      const chunk = parseChunk(url, event, index);
      takeUsage(chunk, end);
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      const piece = pieceOf(choice);
      if (piece) emit(piece);
      end.finishReason = finishReasonOf(choice.finish_reason) ?? end.finishReason;
    }
  } catch (error) {
    if (signal.aborted) return ended();
    if (error instanceof EndpointError) throw error;
    throw new EndpointError({
      kind: 'truncated-stream',
      url,
      cause: error,
      why: `The connection broke mid-stream (${error instanceof Error ? error.message : String(error)})`,
      todo: 'Check the server log and the network; then run again.',
    });
  }
  if (signal.aborted) return ended();
  if (end.finishReason === null) {
    if (!sawDone) {
      throw new EndpointError({
        kind: 'truncated-stream',
        url,
        why: 'The server closed the stream before the completion finished (no finish_reason, no [DONE])',
        todo: 'Check the server log; the server may have crashed or a proxy may have timed out.',
      });
    }
    end.finishReason = 'stop';
  }
  return ended();
}

function parseChunk(url: string, event: SseEvent, index: number): StreamChunk {
  const data = event.data.trim();
  let chunk: StreamChunk;
  try {
    chunk = JSON.parse(data) as StreamChunk;
  } catch (error) {
    throw new EndpointError({
      kind: 'bad-stream',
      url,
      cause: error,
      why: `Streamed chunk #${index} is not JSON: ${JSON.stringify(data.slice(0, 120))}`,
      todo: 'The server (or a proxy in front of it) corrupted the event stream; check that the URL points straight at an OpenAI-compatible server.',
    });
  }
  if (event.event === 'error' || (chunk && typeof chunk === 'object' && chunk.error !== undefined && !chunk.choices)) {
    const e = chunk.error as { message?: unknown } | string | undefined;
    const message = typeof e === 'string' ? e : typeof e?.message === 'string' ? e.message : JSON.stringify(chunk).slice(0, 300);
    throw new EndpointError({
      kind: 'server-error-in-stream',
      url,
      why: `The server reported an error mid-stream: "${message}"`,
      todo: "Check the server log; a common cause is a prompt plus max tokens beyond the model's context length.",
    });
  }
  if (!chunk || typeof chunk !== 'object' || (chunk.choices !== undefined && !Array.isArray(chunk.choices))) {
    throw new EndpointError({
      kind: 'bad-stream',
      url,
      why: `Streamed chunk #${index} is not a completion chunk: ${data.slice(0, 120)}`,
      todo: 'Check that the URL points at an OpenAI-compatible API.',
    });
  }
  return chunk;
}

function takeUsage(chunk: StreamChunk, end: Omit<RawEnd, 'finishReason'>): void {
  if (!chunk.usage) return;
  end.promptTokens = num(chunk.usage.prompt_tokens) ?? end.promptTokens;
  end.completionTokens = num(chunk.usage.completion_tokens) ?? end.completionTokens;
  end.reasoningTokens = num(chunk.usage.completion_tokens_details?.reasoning_tokens) ?? end.reasoningTokens;
}

function pieceOf(choice: StreamChoice): RawPiece | null {
  const piece: RawPiece = {};
  const d = choice.delta;
  const reasoning = typeof d?.reasoning_content === 'string' ? d.reasoning_content : typeof d?.reasoning === 'string' ? d.reasoning : '';
  if (reasoning) piece.reasoning = reasoning;
  if (typeof d?.content === 'string' && d.content !== '') piece.content = d.content;
  if (typeof choice.text === 'string' && choice.text !== '') piece.text = choice.text;
  return piece.reasoning || piece.content || piece.text ? piece : null;
}
