/**
 * Which catalog model to load and from where: the entry, the weights source (the catalog URL,
 * this site, another URL), an optional model library URL, and the context window. Remembered
 * across reloads.
 */
import { bundledCatalog, estimateVramMB, findModel, type CatalogModel, type ModelCatalog, type ResolveOptions, type WeightsSource } from '../../webllm/modelCatalog';
import { restoreFields, saveFields } from '../data/persistedFields';

export type SourceKind = WeightsSource['kind'];

const REMEMBERED = ['selectedId', 'source', 'customUrl', 'modelLibUrl', 'contextWindow'] as const;

export class ModelChoice {
  selectedId = $state('');
  source = $state<SourceKind>('default');
  customUrl = $state('');
  modelLibUrl = $state('');
  contextWindow = $state(16384);
  /** Download files here first (per-shard progress, resume); off lets WebLLM fetch them itself. */
  prefetch = $state(true);

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

  resolveOptions(): ResolveOptions {
    const source: WeightsSource = this.source === 'custom' ? { kind: 'custom', url: this.customUrl } : { kind: this.source };
    return { source, contextWindow: this.contextWindow, modelLibUrl: this.modelLibUrl || undefined, pageUrl: location.href };
  }
}
