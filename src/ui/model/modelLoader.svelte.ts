/**
 * Downloading and loading the chosen model on WebLLM, with progress and cancel. Keeps the one
 * WebLLM engine of the page (loading another model replaces it).
 */
import type { LoadProgress } from '../../core/chat/chatEngine';
import type { DownloadProgress } from '../../webllm/modelDownloader';
import { explainFolderFailure, folderFetch, type ModelFolder } from '../../webllm/modelFolder';
import { WebLLMEngine } from '../../webllm/webllmEngine';
import type { LiveRunSettings } from '../settings/liveRunSettings.svelte';
import type { ModelChoice } from './modelChoice.svelte';
import type { ReadyEngine } from './readyEngine';
import { describeError, type ShownError } from './shownError';

export type LoadPhase = 'idle' | 'downloading' | 'loading' | 'ready' | 'failed' | 'cancelled';

export class ModelLoader {
  phase = $state<LoadPhase>('idle');
  progress = $state<LoadProgress | null>(null);
  download = $state<DownloadProgress | null>(null);
  error = $state<ShownError | null>(null);

  readonly busy: boolean = $derived(this.phase === 'downloading' || this.phase === 'loading');

  private controller: AbortController | null = null;
  private engine: WebLLMEngine | null = null;

  constructor(
    private readonly choice: ModelChoice,
    private readonly generation: LiveRunSettings,
  ) {}

  /** Downloads (or finds cached) and loads the chosen model; resolves with it, or null on failure/cancel. */
  async load(): Promise<ReadyEngine | null> {
    this.cancel();
    this.choice.remember();
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    this.download = null;
    this.progress = null;
    // A folder is copied by our downloader (WebLLM cannot read the picked files itself).
    const fromFolder = this.choice.source === 'folder';
    const folder = fromFolder ? this.choice.folder : null;
    const prefetch = fromFolder || this.choice.prefetch;
    this.phase = prefetch ? 'downloading' : 'loading';
    await this.engine?.unload();
    const engine = this.createEngine(prefetch, fromFolder ? folder : undefined);
    this.engine = engine;
    try {
      await engine.load(this.choice.selectedId, {
        signal: controller.signal,
        onProgress: (p) => {
          this.progress = p;
          if (engine.phase === 'loading') this.phase = 'loading';
        },
      });
      this.phase = 'ready';
      return { engine, model: { id: this.choice.entry.id, label: this.choice.entry.label } };
    } catch (error) {
      if (controller.signal.aborted) {
        this.phase = 'cancelled';
      } else {
        this.phase = 'failed';
        this.error = describeError(fromFolder ? explainFolderFailure(error, folder) : error);
      }
      return null;
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** `folder`: files come from the picked folder (null: none picked, the cache must have them). */
  private createEngine(prefetch: boolean, folder: ModelFolder | null | undefined): WebLLMEngine {
    return new WebLLMEngine({
      catalog: this.choice.catalog,
      prefetch,
      modelOptions: () => this.choice.resolveOptions(),
      budget: this.generation.budgetPolicy(),
      onDownload: (p) => (this.download = p),
      ...(folder !== undefined ? { fetch: folderFetch(folder), copyFrom: folder?.label ?? 'the cache (no folder picked)' } : {}),
    });
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }

  /** Forgets the last attempt's progress and error (another model was chosen); a load in flight is cancelled. */
  clear(): void {
    this.cancel();
    this.progress = null;
    this.download = null;
    this.error = null;
    if (this.phase !== 'ready') this.phase = 'idle';
  }

  /** Frees the GPU (before the model's files are deleted, say). */
  async unload(): Promise<void> {
    await this.engine?.unload();
    this.phase = 'idle';
  }

  isEngine(engine: unknown): boolean {
    return engine !== null && engine === this.engine;
  }
}
