/**
 * Which catalog model to load and from where: the entry, the weights source (the catalog URL,
 * this site, another URL), an optional model library URL, and the context window. Remembered
 * across reloads.
 */
import {
  bundledCatalog,
  estimateVramMB,
  findModel,
  type CatalogModel,
  type ModelCatalog,
  type ResolveOptions,
  type WeightsSource,
} from '../../webllm/modelCatalog';
import { folderLibraryUrl, modelFolderFrom, verifyModelFolder, type ModelFolder, type PickedFile } from '../../webllm/modelFolder';
import { describeError, type ShownError } from './shownError';
import { restoreFields, saveFields } from '../data/persistedFields';

export type SourceKind = WeightsSource['kind'];

const REMEMBERED = ['selectedId', 'source', 'customUrl', 'modelLibUrl', 'contextWindow', 'folderLibraryName'] as const;

export class ModelChoice {
  selectedId = $state('');
  source = $state<SourceKind>('default');
  customUrl = $state('');
  modelLibUrl = $state('');
  contextWindow = $state(16384);
  /** Download files here first (per-shard progress, resume); off lets WebLLM fetch them itself. */
  prefetch = $state(true);
  /** The folder picked for the `folder` source (browsers forget it on reload; its copy stays cached). */
  folder = $state.raw<ModelFolder | null>(null);
  /** Why the picked folder cannot be used, found before anything is copied. */
  folderError = $state<ShownError | null>(null);
  /** The library that came with the last folder: remembered, so its cached copy is used after a reload. */
  folderLibraryName = $state('');

  constructor(
    readonly catalog: ModelCatalog = bundledCatalog,
    private readonly storageKey: string | null = null,
  ) {
    const first = catalog.models[0];
    this.selectedId = first?.id ?? '';
    this.contextWindow = first?.defaultContextWindow ?? this.contextWindow;
    restoreFields(storageKey, this, REMEMBERED);
    if (!catalog.models.some((m) => m.id === this.selectedId)) this.selectedId = first?.id ?? '';
  }

  get entry(): CatalogModel {
    return findModel(this.catalog, this.selectedId);
  }

  /** GPU memory the chosen model needs at the chosen context window. */
  get vramEstimateMB(): number {
    return estimateVramMB(this.entry, this.contextWindow);
  }

  select(id: string): void {
    this.selectedId = id;
    this.contextWindow = Math.min(this.contextWindow, this.entry.maxContextWindow);
  }

  remember(): void {
    saveFields(this.storageKey, this, REMEMBERED);
  }

  /** Takes a picked folder: finds the model in it and verifies it (manifest, shards, sizes) before anything is copied. */
  async pickFolder(picked: PickedFile[]): Promise<void> {
    this.source = 'folder';
    this.folder = null;
    this.folderError = null;
    try {
      const folder = modelFolderFrom(picked);
      await verifyModelFolder(folder);
      this.folder = folder;
      this.folderLibraryName = folder.library?.name ?? '';
    } catch (error) {
      this.folderError = describeError(error);
    }
  }

  resolveOptions(): ResolveOptions {
    const source: WeightsSource = this.source === 'custom' ? { kind: 'custom', url: this.customUrl } : { kind: this.source };
    const folderLibrary =
      this.source === 'folder' && this.folderLibraryName ? folderLibraryUrl(this.selectedId, this.folderLibraryName) : undefined;
    return {
      source,
      contextWindow: this.contextWindow,
      modelLibUrl: folderLibrary ?? (this.modelLibUrl || undefined),
      pageUrl: location.href,
    };
  }
}
