/**
 * ChatEngine for any OpenAI-compatible server — vLLM, SGLang, llama.cpp's `llama-server`,
 * Ollama — via streaming `/v1/chat/completions`. Environment-free: the browser app and the
 * Node CLI (`critique-lab eval`) both use it.
 *
 * Reasoning arrives in one of two shapes and both are handled: servers with a reasoning parser
 * send it in a separate delta field (`reasoning_content`: vLLM, SGLang, llama.cpp;
 * `reasoning`: Ollama and newer vLLM); others send the raw `<think>…</think>` text inline in
 * `content`, which the shared ThinkSplitter separates.
 *
 * Budget forcing needs to continue an assistant turn from a prefix. Two ways, chosen by
 * `continuation`:
 * - `chat-prefix` (default): the prefix is sent as a trailing assistant message with
 *   `continue_final_message: true, add_generation_prompt: false` (vLLM and SGLang honour these;
 *   llama.cpp and Ollama continue a trailing assistant message on their own). Limit: a chat
 *   template that strips `<think>` text from assistant messages (DeepSeek-R1's does) loses the
 *   trace; use `completions` for such models.
 * - `completions`: `/v1/completions` with the prompt rendered here (ChatML, `promptFormat`).
 *   Exact, but only for models whose template this app renders.
 */
import { AbortedError, type ChatEngine, type ChatMessage, type ChatOptions, type ChatStream, type LoadOptions } from '../core/chat/chatEngine';
import { forcedChat, type BudgetPolicy, type RawCompletionBackend, type RawEnd, type RawParams, type RawPiece, type RawStream } from './budgetForcing';
import { finishReasonOf } from './finishReason';
import { renderPrompt, stopStrings, type PromptFormat } from './chatTemplate';
import { EndpointError, httpFailure, networkFailure } from './endpointError';
import { readSse } from './sseStream';

export interface OpenAIEngineOptions {
  /** e.g. `http://localhost:8000/v1`; a bare origin gets `/v1` appended. */
  baseUrl: string;
  apiKey?: string;
  /** The model's chat template opens `<think>` in the prompt (output starts inside the trace). */
  startInReasoning?: boolean;
  continuation?: 'chat-prefix' | 'completions';
  /** Template rendered for `continuation: 'completions'`. */
  promptFormat?: PromptFormat;
  /** "Wait" extension settings; the close-at-budget part needs only `thinkingBudget`. */
  budget?: BudgetPolicy;
  /** Extra request fields sent with every request (e.g. `{ top_k: 20 }`). */
  extraBody?: Record<string, unknown>;
  /** Check on `load` that the server lists the model under /v1/models (default true). */
  verifyModel?: boolean;
  fetch?: typeof fetch;
}

/** Normalises what people type as an endpoint: trims, drops trailing slashes, adds /v1 to a bare origin. */
export function normalizeBaseUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  const url = new URL(trimmed);
  if (url.pathname === '' || url.pathname === '/') return `${url.origin}/v1`;
  return trimmed;
}

interface StreamChoice {
  delta?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown };
  text?: unknown;
  finish_reason?: unknown;
}

interface StreamChunk {
  choices?: StreamChoice[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; completion_tokens_details?: { reasoning_tokens?: unknown } | null } | null;
  error?: unknown;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export class OpenAIEngine implements ChatEngine {
  readonly kind = 'openai';
  readonly baseUrl: string;
  private model: string | null = null;
  private readonly options: OpenAIEngineOptions;
  private readonly fetchImpl: typeof fetch;

  constructor(options: OpenAIEngineOptions) {
    this.options = options;
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get modelId(): string | null {
    return this.model;
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' };
    if (this.options.apiKey) h.Authorization = `Bearer ${this.options.apiKey}`;
    return h;
  }

  /** The model names the server serves (`GET /v1/models`). */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const url = `${this.baseUrl}/models`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, { headers: this.headers(), signal });
    } catch (error) {
      if (signal?.aborted) throw new AbortedError();
      throw networkFailure(url, error);
    }
    const text = await res.text();
    if (!res.ok) throw httpFailure(url, res.status, text);
    try {
      const body = JSON.parse(text) as { data?: { id?: unknown }[]; models?: { name?: unknown; model?: unknown }[] };
      const ids = (body.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string');
      return ids;
    } catch (error) {
      throw new EndpointError({ kind: 'bad-stream', url, status: res.status, cause: error, why: 'The model list is not JSON', todo: 'Check that the URL points at an OpenAI-compatible API (it should end in /v1).' });
    }
  }

  async load(modelId: string, options: LoadOptions = {}): Promise<void> {
    options.onProgress?.({ fraction: 0, text: `Connecting to ${this.baseUrl}…` });
    if (this.options.verifyModel !== false) {
      const models = await this.listModels(options.signal);
      if (models.length > 0 && !models.includes(modelId)) {
        throw new EndpointError({
          kind: 'model-not-found',
          url: `${this.baseUrl}/models`,
          why: `The server does not serve "${modelId}"; it serves: ${models.join(', ')}`,
          todo: 'Pick one of the listed names (for vLLM, the name given by --served-model-name).',
        });
      }
    }
    this.model = modelId;
    options.onProgress?.({ fraction: 1, text: `Ready: ${modelId} at ${this.baseUrl}` });
  }

  async unload(): Promise<void> {
    this.model = null;
  }

  chat(messages: ChatMessage[], options: ChatOptions = {}): ChatStream {
    return forcedChat(this.backend(), messages, options, this.options.budget);
  }

  /** The raw operations budget forcing is built on; exposed for tests and tools. */
  backend(): RawCompletionBackend {
    const model = this.model;
    if (model === null) throw new Error('OpenAIEngine: call load(modelId) before chat().');
    const continuation = this.options.continuation ?? 'chat-prefix';
    const format = this.options.promptFormat ?? 'chatml';
    return {
      startInReasoning: this.options.startInReasoning ?? false,
      chat: (messages, params, signal) =>
        this.stream('/chat/completions', { model, messages, ...this.sampling(params) }, signal),
      continueAssistant: (messages, prefix, params, signal) =>
        continuation === 'completions'
          ? this.stream(
              '/completions',
              { model, prompt: renderPrompt(format, messages, prefix), stop: stopStrings(format), ...this.sampling(params) },
              signal,
            )
          : this.stream(
              '/chat/completions',
              {
                model,
                messages: [...messages, { role: 'assistant', content: prefix }],
                continue_final_message: true,
                add_generation_prompt: false,
                ...this.sampling(params),
              },
              signal,
            ),
    };
  }

  private sampling(params: RawParams): Record<string, unknown> {
    const body: Record<string, unknown> = { stream: true, stream_options: { include_usage: true } };
    if (params.temperature !== undefined) body.temperature = params.temperature;
    if (params.topP !== undefined) body.top_p = params.topP;
    if (params.maxTokens !== undefined) body.max_tokens = params.maxTokens;
    if (params.seed !== undefined) body.seed = params.seed;
    return { ...body, ...this.options.extraBody };
  }

  private stream(path: string, body: Record<string, unknown>, signal: AbortSignal): RawStream {
    const url = `${this.baseUrl}${path}`;
    let settle!: { resolve: (e: RawEnd) => void; reject: (e: unknown) => void };
    const end = new Promise<RawEnd>((resolve, reject) => {
      settle = { resolve, reject };
    });
    end.catch(() => {});
    const fetchImpl = this.fetchImpl;
    const headers = this.headers();
    const model = typeof body.model === 'string' ? body.model : undefined;

    async function* pieces(): AsyncGenerator<RawPiece> {
      let finishReason: RawEnd['finishReason'] | null = null;
      let promptTokens: number | undefined;
      let completionTokens: number | undefined;
      let reasoningTokens: number | undefined;
      let settled = false;
      const finish = (): void => {
        if (settled) return;
        settled = true;
        settle.resolve({ finishReason: finishReason ?? 'abort', promptTokens, completionTokens, reasoningTokens });
      };
      try {
        let res: Response;
        try {
          res = await fetchImpl(url, { method: 'POST', headers, body: JSON.stringify(body), signal });
        } catch (error) {
          if (signal.aborted) return;
          throw networkFailure(url, error);
        }
        if (!res.ok || !res.body) {
          const text = await res.text().catch(() => '');
          throw httpFailure(url, res.status, text, model);
        }
        let index = 0;
        let sawDone = false;
        try {
          for await (const ev of readSse(res.body, signal)) {
            index++;
            const data = ev.data.trim();
            if (data === '[DONE]') {
              sawDone = true;
              break;
            }
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
            if (ev.event === 'error' || (chunk && typeof chunk === 'object' && chunk.error !== undefined && !chunk.choices)) {
              const e = chunk.error as { message?: unknown } | string | undefined;
              const message = typeof e === 'string' ? e : typeof e?.message === 'string' ? e.message : JSON.stringify(chunk).slice(0, 300);
              throw new EndpointError({ kind: 'server-error-in-stream', url, why: `The server reported an error mid-stream: "${message}"`, todo: 'Check the server log; a common cause is a prompt plus max tokens beyond the model\'s context length.' });
            }
            if (!chunk || typeof chunk !== 'object' || (chunk.choices !== undefined && !Array.isArray(chunk.choices))) {
              throw new EndpointError({ kind: 'bad-stream', url, why: `Streamed chunk #${index} is not a completion chunk: ${data.slice(0, 120)}`, todo: 'Check that the URL points at an OpenAI-compatible API.' });
            }
            if (chunk.usage) {
              promptTokens = num(chunk.usage.prompt_tokens) ?? promptTokens;
              completionTokens = num(chunk.usage.completion_tokens) ?? completionTokens;
              reasoningTokens = num(chunk.usage.completion_tokens_details?.reasoning_tokens) ?? reasoningTokens;
            }
            const choice = chunk.choices?.[0];
            if (!choice) continue;
            const piece: RawPiece = {};
            const d = choice.delta;
            const reasoning = typeof d?.reasoning_content === 'string' ? d.reasoning_content : typeof d?.reasoning === 'string' ? d.reasoning : '';
            if (reasoning) piece.reasoning = reasoning;
            if (typeof d?.content === 'string' && d.content !== '') piece.content = d.content;
            if (typeof choice.text === 'string' && choice.text !== '') piece.text = choice.text;
            if (piece.reasoning || piece.content || piece.text) yield piece;
            finishReason = finishReasonOf(choice.finish_reason) ?? finishReason;
          }
        } catch (error) {
          if (signal.aborted) return;
          if (error instanceof EndpointError) throw error;
          throw new EndpointError({ kind: 'truncated-stream', url, cause: error, why: `The connection broke mid-stream (${error instanceof Error ? error.message : String(error)})`, todo: 'Check the server log and the network; then run again.' });
        }
        if (signal.aborted) return;
        if (finishReason === null) {
          if (!sawDone) {
            throw new EndpointError({ kind: 'truncated-stream', url, why: 'The server closed the stream before the completion finished (no finish_reason, no [DONE])', todo: 'Check the server log; the server may have crashed or a proxy may have timed out.' });
          }
          finishReason = 'stop';
        }
      } catch (error) {
        settled = true;
        settle.reject(error);
        throw error;
      } finally {
        finish();
      }
    }

    const gen = pieces();
    return { end, [Symbol.asyncIterator]: () => gen };
  }
}
