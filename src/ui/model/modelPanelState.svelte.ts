/**
 * State of the Model view: the device check, the chosen catalog model and where its weights come
 * from, download/load with progress and cancel, the cache, an OpenAI-compatible endpoint as the
 * alternative, and the generation controls. One instance per panel (no module singletons); the
 * app may create it and pass it in to read the loaded engine and the controls.
 */
import type { ChatEngine, ChatOptions, LoadProgress } from '../../core/chat/chatEngine';
import type { BudgetPolicy } from '../../engines/budgetForcing';
import { EndpointError } from '../../engines/endpointError';
import { inspectModelCache, deleteCachedModel, type ModelCacheReport } from '../../webllm/modelCache';
import { bundledCatalog, estimateVramMB, findModel, resolveModel, type CatalogModel, type ModelCatalog, type ResolveOptions, type WeightsSource } from '../../webllm/modelCatalog';
import type { DownloadProgress } from '../../webllm/modelDownloader';
import { ModelLoadError, type ModelLoadErrorInit } from '../../webllm/modelLoadError';
import { OpenAIEngine } from '../../engines/openai';
import { WebLLMEngine } from '../../webllm/webllmEngine';
import { assessModel, checkCapability, recommendModel, type GpuCapability, type ModelFit } from '../../webllm/webgpuCapability';

export type LoadPhase = 'idle' | 'downloading' | 'loading' | 'ready' | 'failed' | 'cancelled';
export type SourceKind = WeightsSource['kind'];

export interface ReadyEngine {
  engine: ChatEngine;
  model: { id: string; label: string };
  endpoint?: string;
}

export interface ShownError extends ModelLoadErrorInit {
  message: string;
}

interface Persisted {
  selectedId?: string;
  source?: SourceKind;
  customUrl?: string;
  modelLibUrl?: string;
  contextWindow?: number;
  endpointUrl?: string;
  endpointModel?: string;
  startInReasoning?: boolean;
}

export interface ModelPanelStateOptions {
  catalog?: ModelCatalog;
  /** localStorage key for settings worth remembering (not the API key); null = none. */
  storageKey?: string | null;
  onReady?: (ready: ReadyEngine) => void;
}

function describe(error: unknown): ShownError {
  if (error instanceof ModelLoadError) return error.toJSON();
  if (error instanceof EndpointError) return { kind: 'unknown', why: error.why, todo: error.todo, url: error.url, status: error.status, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unknown', why: message, todo: 'See the details below.', raw: message, message };
}

export class ModelPanelState {
  readonly catalog: ModelCatalog = bundledCatalog;
  private readonly storageKey: string | null;
  private readonly onReady?: (ready: ReadyEngine) => void;

  capability = $state<GpuCapability | null>(null);
  checking = $state(false);

  selectedId = $state('');
  source = $state<SourceKind>('default');
  customUrl = $state('');
  modelLibUrl = $state('');
  contextWindow = $state(16384);
  prefetch = $state(true);

  phase = $state<LoadPhase>('idle');
  progress = $state<LoadProgress | null>(null);
  download = $state<DownloadProgress | null>(null);
  error = $state<ShownError | null>(null);
  cache = $state<ModelCacheReport | null>(null);
  cacheBusy = $state(false);
  ready = $state<ReadyEngine | null>(null);

  temperature = $state(0.6);
  topP = $state(0.95);
  maxTokens = $state(8192);
  thinkingBudget = $state<number | null>(null);
  minThinkingTokens = $state<number | null>(null);
  maxExtensions = $state(2);

  endpointUrl = $state('http://localhost:8000/v1');
  apiKey = $state('');
  endpointModel = $state('');
  endpointModels = $state<string[]>([]);
  endpointBusy = $state(false);
  endpointError = $state<ShownError | null>(null);
  startInReasoning = $state(false);

  private controller: AbortController | null = null;
  private webllm: WebLLMEngine | null = null;

  readonly entry: CatalogModel = $derived(findModel(this.catalog, this.selectedId));
  readonly fit: ModelFit | null = $derived(this.capability ? assessModel(this.capability, this.catalog, this.entry, this.contextWindow) : null);
  readonly vramEstimateMB: number = $derived(estimateVramMB(this.entry, this.contextWindow));
  readonly webgpuUsable: boolean = $derived(this.capability?.webgpu === 'available');
  readonly busy: boolean = $derived(this.phase === 'downloading' || this.phase === 'loading');

  constructor(options: ModelPanelStateOptions = {}) {
    if (options.catalog) this.catalog = options.catalog;
    this.storageKey = options.storageKey === undefined ? 'critique-lab/model' : options.storageKey;
    this.onReady = options.onReady;
    const first = this.catalog.models[0];
    this.selectedId = first?.id ?? '';
    this.contextWindow = first?.defaultContextWindow ?? 8192;
    this.restore();
  }

  private restore(): void {
    if (!this.storageKey || typeof localStorage === 'undefined') return;
    try {
      const saved = JSON.parse(localStorage.getItem(this.storageKey) ?? '{}') as Persisted;
      if (saved.selectedId && this.catalog.models.some((m) => m.id === saved.selectedId)) this.selectedId = saved.selectedId;
      if (saved.source) this.source = saved.source;
      if (saved.customUrl) this.customUrl = saved.customUrl;
      if (saved.modelLibUrl) this.modelLibUrl = saved.modelLibUrl;
      if (saved.contextWindow) this.contextWindow = saved.contextWindow;
      if (saved.endpointUrl) this.endpointUrl = saved.endpointUrl;
      if (saved.endpointModel) this.endpointModel = saved.endpointModel;
      if (saved.startInReasoning !== undefined) this.startInReasoning = saved.startInReasoning;
    } catch {
      // ignore a corrupt entry
    }
  }

  private persist(): void {
    if (!this.storageKey || typeof localStorage === 'undefined') return;
    const p: Persisted = {
      selectedId: this.selectedId,
      source: this.source,
      customUrl: this.customUrl,
      modelLibUrl: this.modelLibUrl,
      contextWindow: this.contextWindow,
      endpointUrl: this.endpointUrl,
      endpointModel: this.endpointModel,
      startInReasoning: this.startInReasoning,
    };
    localStorage.setItem(this.storageKey, JSON.stringify(p));
  }

  select(id: string): void {
    this.selectedId = id;
    this.contextWindow = Math.min(this.contextWindow, this.entry.maxContextWindow);
    this.error = null;
    this.cache = null;
  }

  async check(): Promise<void> {
    this.checking = true;
    try {
      this.capability = await checkCapability();
      const best = recommendModel(this.capability, this.catalog);
      // Without shader-f16, move a selected f16 model to its f32 sibling.
      const fit = assessModel(this.capability, this.catalog, this.entry, this.contextWindow);
      if (fit.insteadId) this.select(fit.insteadId);
      else if (best && fit.verdict === 'no') this.select(best.id);
    } finally {
      this.checking = false;
    }
  }

  resolveOptions(): ResolveOptions {
    const source: WeightsSource = this.source === 'custom' ? { kind: 'custom', url: this.customUrl } : { kind: this.source };
    return { source, contextWindow: this.contextWindow, modelLibUrl: this.modelLibUrl || undefined, pageUrl: location.href };
  }

  async load(): Promise<void> {
    this.cancel();
    this.persist();
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    this.download = null;
    this.progress = null;
    this.ready = null;
    this.phase = this.prefetch ? 'downloading' : 'loading';
    await this.webllm?.unload();
    const engine = new WebLLMEngine({
      catalog: this.catalog,
      prefetch: this.prefetch,
      modelOptions: () => this.resolveOptions(),
      budget: this.budgetPolicy(),
      onDownload: (p) => {
        this.download = p;
      },
    });
    this.webllm = engine;
    try {
      await engine.load(this.selectedId, {
        signal: controller.signal,
        onProgress: (p) => {
          this.progress = p;
          if (engine.phase === 'loading') this.phase = 'loading';
        },
      });
      this.phase = 'ready';
      const ready: ReadyEngine = { engine, model: { id: this.entry.id, label: this.entry.label } };
      this.ready = ready;
      this.onReady?.(ready);
    } catch (error) {
      if (controller.signal.aborted) {
        this.phase = 'cancelled';
      } else {
        this.phase = 'failed';
        this.error = describe(error);
      }
    } finally {
      if (this.controller === controller) this.controller = null;
      void this.inspectCache();
    }
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }

  async inspectCache(): Promise<void> {
    if (typeof caches === 'undefined') return;
    try {
      const resolved = resolveModel(this.catalog, this.selectedId, this.resolveOptions());
      this.cache = await inspectModelCache(resolved);
    } catch {
      this.cache = null;
    }
  }

  async deleteCache(): Promise<void> {
    this.cacheBusy = true;
    try {
      if (this.ready?.engine === this.webllm) {
        await this.webllm?.unload();
        this.ready = null;
        this.phase = 'idle';
      }
      await deleteCachedModel(resolveModel(this.catalog, this.selectedId, this.resolveOptions()));
      await this.inspectCache();
    } finally {
      this.cacheBusy = false;
    }
  }

  budgetPolicy(): BudgetPolicy {
    return this.minThinkingTokens ? { minThinkingTokens: this.minThinkingTokens, maxExtensions: this.maxExtensions } : {};
  }

  /** Options for a chat with the current controls (the pipeline may override per call). */
  chatOptions(): ChatOptions {
    return {
      temperature: this.temperature,
      topP: this.topP,
      maxTokens: this.maxTokens,
      thinkingBudget: this.thinkingBudget ?? undefined,
    };
  }

  private endpointEngine(): OpenAIEngine {
    return new OpenAIEngine({ baseUrl: this.endpointUrl, apiKey: this.apiKey || undefined, startInReasoning: this.startInReasoning, budget: this.budgetPolicy() });
  }

  async listEndpointModels(): Promise<void> {
    this.endpointBusy = true;
    this.endpointError = null;
    try {
      this.endpointModels = await this.endpointEngine().listModels();
      if (!this.endpointModel && this.endpointModels[0]) this.endpointModel = this.endpointModels[0];
    } catch (error) {
      this.endpointError = describe(error);
    } finally {
      this.endpointBusy = false;
    }
  }

  async connectEndpoint(): Promise<void> {
    this.endpointBusy = true;
    this.endpointError = null;
    this.persist();
    try {
      const engine = this.endpointEngine();
      await engine.load(this.endpointModel);
      const ready: ReadyEngine = { engine, model: { id: this.endpointModel, label: `${this.endpointModel} @ ${engine.baseUrl}` }, endpoint: engine.baseUrl };
      this.ready = ready;
      this.onReady?.(ready);
    } catch (error) {
      this.endpointError = describe(error);
    } finally {
      this.endpointBusy = false;
    }
  }
}
