/**
 * The Model view's state, composed of one part per concern: the device check, the model choice,
 * loading on WebLLM, the cache, an OpenAI-compatible endpoint, and the live run's sampling
 * settings (shared with the Demo view). It knows which engine is ready for live runs.
 */
import { bundledCatalog, type ModelCatalog } from '../../webllm/modelCatalog';
import { assessModel, recommendModel, type ModelFit } from '../../webllm/webgpuCapability';
import { LiveRunSettings } from '../settings/liveRunSettings.svelte';
import { DeviceCheck } from './deviceCheck.svelte';
import { EndpointConnection } from './endpointConnection.svelte';
import { ModelCacheView } from './modelCacheView.svelte';
import { ModelChoice } from './modelChoice.svelte';
import { ModelLoader } from './modelLoader.svelte';
import type { ReadyEngine } from './readyEngine';

export interface ModelPanelStateOptions {
  catalog?: ModelCatalog;
  /** localStorage key prefix for what is worth remembering (never the API key); null = nothing. */
  storageKey?: string | null;
  /** The live run's settings; the Demo view shares the same object. */
  generation?: LiveRunSettings;
}

export class ModelPanelState {
  readonly device = new DeviceCheck();
  readonly choice: ModelChoice;
  readonly generation: LiveRunSettings;
  readonly loader: ModelLoader;
  readonly cache: ModelCacheView;
  readonly endpoint: EndpointConnection;
  /**
   * The engine live runs use: the model loaded last, or the endpoint connected last. Raw, not deep
   * state: it is only ever replaced whole, and a deep proxy around its model would travel into the
   * run's events, which IndexedDB cannot clone ("#<Object> could not be cloned").
   */
  ready = $state.raw<ReadyEngine | null>(null);
  /** The person asked to load a model the device check says cannot run (reset on every model change). */
  tryAnyway = $state(false);

  constructor(options: ModelPanelStateOptions = {}) {
    const key = options.storageKey === undefined ? 'critique-lab/model' : options.storageKey;
    this.generation = options.generation ?? new LiveRunSettings();
    this.choice = new ModelChoice(options.catalog ?? bundledCatalog, key);
    this.loader = new ModelLoader(this.choice, this.generation);
    this.cache = new ModelCacheView(this.choice);
    this.endpoint = new EndpointConnection(this.generation, key && `${key}/endpoint`);
  }

  /** The context window chosen here, in tokens (the Demo's presets size replies to it). */
  get contextWindow(): number {
    return this.choice.contextWindow;
  }

  /** Whether this device can run the chosen model at the chosen context window (null before the check). */
  get fit(): ModelFit | null {
    const capability = this.device.capability;
    return capability ? assessModel(capability, this.choice.catalog, this.choice.entry, this.choice.contextWindow) : null;
  }

  /** Checks the device, and moves the choice to a model it can run (the q4f32 build without shader-f16). */
  async checkDevice(): Promise<void> {
    const capability = await this.device.check();
    const fit = assessModel(capability, this.choice.catalog, this.choice.entry, this.choice.contextWindow);
    const best = recommendModel(capability, this.choice.catalog);
    if (fit.insteadId) this.select(fit.insteadId);
    else if (best && fit.verdict === 'no') this.select(best.id);
  }

  select(id: string): void {
    if (id === this.choice.selectedId) return;
    this.choice.select(id);
    this.tryAnyway = false;
    this.loader.clear();
    this.cache.forget();
    void this.cache.inspect();
  }

  async load(): Promise<void> {
    this.ready = null;
    const ready = await this.loader.load();
    if (ready) this.ready = ready;
    void this.cache.inspect();
  }

  async connectEndpoint(): Promise<void> {
    const ready = await this.endpoint.connect();
    if (ready) this.ready = ready;
  }

  async deleteCachedModel(): Promise<void> {
    await this.cache.delete(async () => {
      if (this.ready && this.loader.isEngine(this.ready.engine)) {
        await this.loader.unload();
        this.ready = null;
      }
    });
  }
}
