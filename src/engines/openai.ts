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
import {
  AbortedError,
  type ChatEngine,
  type ChatMessage,
  type ChatOptions,
  type ChatStream,
  type LoadOptions,
} from '../core/chat/chatEngine';
import { forcedChat, type BudgetPolicy } from './budgetForcing';
import { rawStream, type RawCompletionBackend, type RawParams, type RawStream } from './rawCompletion';
import { readCompletionStream } from './openaiStream';
import { renderPrompt, stopStrings, type PromptFormat } from './chatTemplate';
import { EndpointError, httpFailure, networkFailure } from './endpointError';

interface OpenAIEngineOptions {
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
      throw new EndpointError({
        kind: 'bad-stream',
        url,
        status: res.status,
        cause: error,
        why: 'The model list is not JSON',
        todo: 'Check that the URL points at an OpenAI-compatible API (it should end in /v1).',
      });
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
      chat: (messages, params, signal) => this.stream('/chat/completions', { model, messages, ...this.sampling(params) }, signal),
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
    const model = typeof body.model === 'string' ? body.model : undefined;
    return rawStream(async (emit, streamSignal) => {
      let res: Response;
      try {
        res = await this.fetchImpl(url, { method: 'POST', headers: this.headers(), body: JSON.stringify(body), signal: streamSignal });
      } catch (error) {
        if (streamSignal.aborted) return { finishReason: 'abort' };
        throw networkFailure(url, error);
      }
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => '');
        throw httpFailure(url, res.status, text, model);
      }
      return readCompletionStream(url, res.body, streamSignal, emit);
    }, signal);
  }
}
