/**
 * ChatEngine on the visitor's GPU: a thin client of WebLLM's MLCEngine running in
 * workers/browser/llm.worker.ts (WebLLM's own WebWorkerMLCEngine protocol).
 *
 * Loading: the model's files are first downloaded into the very Cache API entries WebLLM reads
 * (modelDownloader.ts: per-shard progress, cancel, resume, precise errors); then WebLLM loads
 * from cache. Any failure WebLLM reports is translated into a ModelLoadError naming the file,
 * URL and status (modelLoadError.ts). Cancel terminates the worker.
 *
 * Generation: `chat.completions.create({stream: true})`; WebLLM emits one chunk per decode step,
 * so chunk counts are token counts (except multi-token characters). Abort calls
 * `interruptGenerate()`; WebLLM then ends the stream with finish_reason `abort`. Budget forcing
 * continues an assistant turn with `completions.create` on a ChatML prompt rendered here
 * (WebLLM's chat API refuses a trailing assistant message). Neither path sends a system turn
 * (noSystemTurn.ts), so both prompts start alike.
 */
import type { ChatCompletionChunk, Completion, InitProgressReport, WebWorkerMLCEngine } from '@mlc-ai/web-llm';
import {
  AbortedError,
  type ChatEngine,
  type ChatMessage,
  type ChatOptions,
  type ChatStream,
  type LoadOptions,
} from '../core/chat/chatEngine';
import { forcedChat, type BudgetPolicy } from '../engines/budgetForcing';
import { rawStream, type RawCompletionBackend, type RawEnd, type RawParams, type RawStream } from '../engines/rawCompletion';
import { finishReasonOf } from '../engines/finishReason';
import { renderPrompt, stopStrings } from '../engines/chatTemplate';
import { bundledCatalog, f32Sibling, resolveModel, type ModelCatalog, type ResolveOptions, type ResolvedModel } from './modelCatalog';
import { downloadModelFiles, type DownloadProgress } from './modelDownloader';
import { knownModelFiles, probeTargets, ScopedCaches, type CacheStorageLike, type ModelFile } from './modelFiles';
import { checkModelLibrary, fetchProber, ModelLoadError, translateLoadFailure, type Prober } from './modelLoadError';
import { planModelFiles } from './modelPlan';
import { configExpectation } from './chatConfigCheck';
import { NO_SYSTEM_TURN } from './noSystemTurn';

/** What WebWorkerMLCEngine needs of a worker (a real Worker, or an in-process one in tests). */
export interface ChatWorkerLike {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate?(): void;
  /** A real Worker reports an uncaught error or a crash of its script here. */
  addEventListener?(type: 'error', listener: (event: { message?: string }) => void): void;
}

/** The model's worker stopped while it was needed (crash, out of GPU memory, the tab's GPU process lost). */
export class ModelWorkerDiedError extends Error {
  constructor(detail: string) {
    super(
      `The model's worker stopped${detail ? ` (${detail})` : ''}. This happens when the GPU runs out of memory or the browser ` +
        'resets the GPU. What finished is kept; load the model again in the Model view to continue.',
    );
    this.name = 'ModelWorkerDiedError';
  }
}

interface WebLLMEngineOptions {
  catalog?: ModelCatalog;
  /** Where each model's weights/library come from and its context window. */
  modelOptions?: (modelId: string) => ResolveOptions;
  /** Download into WebLLM's cache ourselves first (default true; false lets WebLLM fetch). */
  prefetch?: boolean;
  budget?: BudgetPolicy;
  /** Per-file download progress (the UI's shard list, bytes, rate, ETA). */
  onDownload?: (progress: DownloadProgress) => void;
  createWorker?: () => ChatWorkerLike;
  caches?: CacheStorageLike;
  fetch?: typeof fetch;
  prober?: Prober;
  /** Files come from a picked folder with this label (progress says "copying"; hashes are checked). */
  copyFrom?: string;
}

type WebLLMPhase = 'idle' | 'downloading' | 'loading' | 'ready' | 'failed';

function defaultWorker(): ChatWorkerLike {
  return new Worker(new URL('../../workers/browser/llm.worker.ts', import.meta.url), {
    type: 'module',
    name: 'llm',
  }) as unknown as ChatWorkerLike;
}

export class WebLLMEngine implements ChatEngine {
  readonly kind = 'webllm';
  phase: WebLLMPhase = 'idle';
  private readonly options: WebLLMEngineOptions;
  private readonly catalog: ModelCatalog;
  private worker: ChatWorkerLike | null = null;
  private engine: WebWorkerMLCEngine | null = null;
  /** Rejects when the current worker dies: every stream in flight races it, so none hangs. */
  private workerDied: Promise<never> = new Promise<never>(() => {});
  /** Why the engine stopped being usable, when its worker died: later calls say so too. */
  private death: ModelWorkerDiedError | null = null;
  private resolved: ResolvedModel | null = null;

  constructor(options: WebLLMEngineOptions = {}) {
    this.options = options;
    this.catalog = options.catalog ?? bundledCatalog;
  }

  get model(): ResolvedModel | null {
    return this.resolved;
  }

  async load(modelId: string, options: LoadOptions = {}): Promise<void> {
    const { signal, onProgress } = options;
    await this.unload();
    this.death = null;
    const resolved = resolveModel(this.catalog, modelId, this.options.modelOptions?.(modelId) ?? {});
    this.resolved = resolved;
    const prefetched = this.options.prefetch !== false;
    let planned: ModelFile[] | undefined;
    try {
      if (prefetched) planned = await this.prefetch(resolved, options);
      signal?.throwIfAborted();
      this.phase = 'loading';
      const engine = await this.startEngine(resolved, (fraction, text) =>
        onProgress?.({ fraction: prefetched ? 0.8 + 0.2 * fraction : fraction, text }),
      );
      await untilAborted(Promise.race([engine.reload(resolved.entry.id, NO_SYSTEM_TURN), this.workerDied]), signal);
      this.phase = 'ready';
    } catch (error) {
      this.terminate();
      if (error instanceof AbortedError || signal?.aborted || (error as { name?: string })?.name === 'AbortError') {
        this.phase = 'idle';
        throw new AbortedError('Loading was cancelled.');
      }
      this.phase = 'failed';
      throw await this.explainLoadFailure(error, resolved, planned);
    }
  }

  /** Downloads every file into WebLLM's cache first (per-shard progress, resume, precise errors). */
  private async prefetch(resolved: ResolvedModel, { signal, onProgress }: LoadOptions): Promise<ModelFile[]> {
    this.phase = 'downloading';
    const copyFrom = this.options.copyFrom;
    onProgress?.({
      fraction: 0,
      text: `Checking ${resolved.entry.label} files ${copyFrom ? `in "${copyFrom}"` : `at ${resolved.filesUrl}`}`,
    });
    const planned = await planModelFiles(resolved, {
      fetch: this.options.fetch,
      caches: this.options.caches,
      signal,
      expect: configExpectation(resolved),
    });
    await downloadModelFiles(planned, {
      fetch: this.options.fetch,
      caches: this.options.caches,
      signal,
      verifyHashes: copyFrom !== undefined,
      onProgress: (p) => {
        this.options.onDownload?.(p);
        const shards = p.files.filter((f) => f.kind === 'shard');
        const ready = shards.filter((f) => f.state === 'cached' || f.state === 'done').length;
        onProgress?.({
          fraction: p.totalBytes > 0 ? (0.8 * p.loadedBytes) / p.totalBytes : 0,
          text: `${copyFrom ? 'Copying' : 'Downloading'}: ${ready} of ${shards.length} shards cached`,
          loadedBytes: p.loadedBytes,
          totalBytes: p.totalBytes,
        });
      },
    });
    return planned;
  }

  /** Starts the model worker and WebLLM's client for it. */
  private async startEngine(resolved: ResolvedModel, onProgress: (fraction: number, text: string) => void): Promise<WebWorkerMLCEngine> {
    const worker = (this.options.createWorker ?? defaultWorker)();
    this.worker = worker;
    this.workerDied = new Promise<never>((_, reject) =>
      worker.addEventListener?.('error', (event) => {
        if (this.worker !== worker) return;
        this.terminate();
        this.phase = 'failed';
        this.death = new ModelWorkerDiedError(event.message ?? '');
        reject(this.death);
      }),
    );
    this.workerDied.catch(() => undefined);
    // WebLLM is megabytes of JavaScript: fetched only when a visitor actually loads a model.
    const { WebWorkerMLCEngine } = await import('@mlc-ai/web-llm');
    const engine = new WebWorkerMLCEngine(worker, {
      appConfig: { model_list: [resolved.record], cacheBackend: 'cache' },
      initProgressCallback: (report: InitProgressReport) => onProgress(report.progress, report.text),
    });
    this.engine = engine;
    return engine;
  }

  private async explainLoadFailure(error: unknown, resolved: ResolvedModel, planned: ModelFile[] | undefined): Promise<ModelLoadError> {
    const files = planned ?? knownModelFiles(resolved);
    const fetchImpl = this.cacheFirstFetch(files);
    return translateLoadFailure(error, {
      targets: probeTargets(files),
      probe: this.options.prober ?? fetchProber(fetchImpl),
      modelLabel: resolved.entry.label,
      f32Alternative: f32Sibling(this.catalog, resolved.entry)?.label,
      checkLibrary: (url, raw) => checkModelLibrary(url, fetchImpl, raw),
    });
  }

  /**
   * Answers from WebLLM's cache where a file is there (that is what WebLLM read), else from the
   * network: a manifest stored under another name than the host's, a folder's files, or a
   * library cached earlier are then judged by what WebLLM actually saw.
   */
  private cacheFirstFetch(files: ModelFile[]): typeof fetch {
    let caches: ScopedCaches | null = null;
    try {
      caches = new ScopedCaches(this.options.caches);
    } catch {
      // No Cache API here (WebLLM could not have cached anything either): the network decides.
    }
    const byUrl = new Map(files.map((f) => [f.url, f]));
    const network: typeof fetch = this.options.fetch ?? ((i, init) => globalThis.fetch(i, init));
    return async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const file = byUrl.get(url);
      const hit = caches && file?.scope ? await (await caches.scope(file.scope)).match(url).catch(() => undefined) : undefined;
      return hit ?? network(input, init);
    };
  }

  private terminate(): void {
    this.engine = null;
    this.worker?.terminate?.();
    this.worker = null;
  }

  async unload(): Promise<void> {
    const engine = this.engine;
    if (engine) await engine.unload().catch(() => {});
    this.terminate();
    this.resolved = null;
    this.phase = 'idle';
  }

  chat(messages: ChatMessage[], options: ChatOptions = {}): ChatStream {
    return forcedChat(this.backend(), messages, options, this.options.budget);
  }

  /** The raw operations budget forcing is built on. */
  backend(): RawCompletionBackend {
    const engine = this.engine;
    const resolved = this.resolved;
    if (this.death) throw this.death;
    if (!engine || !resolved || this.phase !== 'ready')
      throw new ModelLoadError({ kind: 'unknown', why: 'No model is loaded', todo: 'Load a model first.' });
    const format = resolved.entry.promptFormat;
    const sampling = (p: RawParams) => ({
      temperature: p.temperature,
      top_p: p.topP,
      max_tokens: p.maxTokens,
      seed: p.seed,
    });
    return {
      startInReasoning: resolved.entry.startInReasoning,
      chat: (messages, params, signal) =>
        this.stream(
          () =>
            engine.chat.completions.create({
              messages: messages.map((m) => ({ role: m.role, content: m.content })),
              stream: true,
              stream_options: { include_usage: true },
              ...sampling(params),
            }),
          signal,
        ),
      continueAssistant: (messages, prefix, params, signal) =>
        this.stream(
          () =>
            engine.completions.create({
              prompt: renderPrompt(format, messages, prefix),
              stream: true,
              stream_options: { include_usage: true },
              stop: stopStrings(format),
              ...sampling(params),
            }),
          signal,
        ),
    };
  }

  private stream(start: () => Promise<AsyncIterable<ChatCompletionChunk | Completion>>, signal: AbortSignal): RawStream {
    const engine = this.engine;
    const died = this.workerDied;
    return rawStream(async (emit, streamSignal) => {
      const end: RawEnd = { finishReason: 'abort' };
      if (streamSignal.aborted) return end;
      // WebLLM stops generating at the next token and ends the stream with finish_reason `abort`.
      const onAbort = (): void => engine?.interruptGenerate();
      streamSignal.addEventListener('abort', onAbort, { once: true });
      let finishReason: RawEnd['finishReason'] | null = null;
      try {
        for await (const chunk of untilDied(await Promise.race([start(), died]), died)) {
          if (chunk.usage) {
            end.promptTokens = chunk.usage.prompt_tokens;
            end.completionTokens = chunk.usage.completion_tokens;
          }
          const choice = chunk.choices[0];
          if (!choice) continue;
          const text = 'delta' in choice ? choice.delta.content : 'text' in choice ? choice.text : undefined;
          finishReason = finishReasonOf(choice.finish_reason) ?? finishReason;
          if (typeof text === 'string' && text !== '') emit({ text });
        }
      } catch (thrown) {
        // The worker protocol delivers errors as strings.
        throw typeof thrown === 'string' ? new Error(`WebLLM: ${thrown}`) : thrown;
      } finally {
        streamSignal.removeEventListener('abort', onAbort);
      }
      return { ...end, finishReason: streamSignal.aborted ? 'abort' : (finishReason ?? 'abort') };
    }, signal);
  }
}

/** The chunks of `chunks`, until the worker dies: then the death, not a stream that never ends. */
async function* untilDied<T>(chunks: AsyncIterable<T>, died: Promise<never>): AsyncGenerator<T> {
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([iterator.next(), died]);
    if (next.done) return;
    yield next.value;
  }
}

/** Settles like `work`, or rejects with AbortedError as soon as `signal` fires. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  const cancelled = new Promise<never>((_, reject) => {
    const onAbort = (): void => reject(new AbortedError('Loading was cancelled.'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  // A cancel after the work finished rejects nobody's promise: keep it from being reported.
  cancelled.catch(() => {});
  return Promise.race([work, cancelled]);
}
