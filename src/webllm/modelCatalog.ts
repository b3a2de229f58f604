/**
 * The typed model catalog (models/catalog.json) and everything derived from an entry: where its
 * files are, the WebLLM ModelRecord that loads it, and how much GPU memory it needs at a given
 * context window. Environment-free.
 *
 * URL layout: WebLLM appends `resolve/main/` to a model URL that has no `/resolve/<branch>/`
 * in it (its `cleanModelUrl`), and requires an absolute URL. So a self-hosted folder
 * `./models/<id>/` must hold `resolve/main/mlc-chat-config.json` etc., and relative URLs are
 * made absolute against the page here, before WebLLM sees them.
 */
import type { ModelRecord } from '@mlc-ai/web-llm';
import catalogJson from '../../models/catalog.json';
import { folderModelUrl } from './modelFolder';
import { ModelCatalogSchema, type CatalogModel, type ModelCatalog } from './catalogSchema';

export type { CatalogModel, ModelCatalog };

export function parseCatalog(json: unknown): ModelCatalog {
  const catalog = ModelCatalogSchema.parse(json);
  const ids = new Set<string>();
  for (const m of catalog.models) {
    if (ids.has(m.id)) throw new Error(`models/catalog.json: duplicate model id ${m.id}`);
    ids.add(m.id);
    if (m.defaultContextWindow > m.maxContextWindow)
      throw new Error(`models/catalog.json: ${m.id} default context window exceeds its maximum`);
  }
  return catalog;
}

/** The catalog bundled with the app. */
export const bundledCatalog: ModelCatalog = parseCatalog(catalogJson);

/** Where to take a model's weights from. */
export type WeightsSource =
  | { kind: 'default' }
  /** This app's own origin: `<app>/models/<id>/resolve/main/…` */
  | { kind: 'self-hosted' }
  | { kind: 'custom'; url: string }
  /** A folder picked on this computer, served from a reserved origin (modelFolder.ts). */
  | { kind: 'folder' };

export interface ResolveOptions {
  source?: WeightsSource;
  contextWindow?: number;
  /** Replace the model library URL (self-hosting the wasm too, or a custom build). */
  modelLibUrl?: string;
  /** The page URL that relative URLs resolve against (location.href in the browser). */
  pageUrl?: string;
}

export interface ResolvedModel {
  entry: CatalogModel;
  /** Absolute base URL as given to WebLLM (before it appends `resolve/main/`). */
  modelUrl: string;
  /** Absolute URL of the folder WebLLM actually reads files from (ends in `/resolve/<branch>/`). */
  filesUrl: string;
  modelLibUrl: string;
  /** The library is the user's, not the catalog's (its compiled shapes are then unknown here). */
  libraryOverridden: boolean;
  contextWindow: number;
  vramEstimateMB: number;
  record: ModelRecord;
}

/** WebLLM's own rule for where files live under a model URL (mirrors its cleanModelUrl). */
export function resolveFilesUrl(modelUrl: string): string {
  let u = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(u)) u += 'resolve/main/';
  return new URL(u).href;
}

/**
 * Who made the weights this entry downloads, in one sentence for the UI and error messages: a
 * community conversion names its publisher, its source model, and that the original publisher
 * did not publish it.
 */
export function conversionCredit(entry: CatalogModel): string {
  const w = entry.weights;
  const where = /huggingface\.co/.test(w.url) ? ' on Hugging Face' : '';
  if (w.conversion === 'webllm-prebuilt')
    return `WebLLM prebuilt conversion (published by ${w.publishedBy}${where}) of ${entry.sourceModel}.`;
  const notBy = w.originalPublisher ? ` — not published by ${w.originalPublisher}` : '';
  return `Community conversion: published by ${w.publishedBy}${where}, converted from ${entry.sourceModel}${notBy}.`;
}

/** The prefill chunk size a prebuilt library was compiled for, from its name (`_cs1k` = 1024), if it says. */
export function libraryPrefillChunk(modelLibUrl: string): number | null {
  const m = /_cs(\d+)k[-_.]/i.exec(modelLibUrl.split('/').pop() ?? '');
  return m ? Number(m[1]) * 1024 : null;
}

export function modelLibUrlOf(catalog: ModelCatalog, entry: CatalogModel): string {
  return /^[a-z]+:\/\//i.test(entry.modelLib) ? entry.modelLib : new URL(entry.modelLib, catalog.modelLibBase).href;
}

/** GPU memory at `contextWindow`: WebLLM's measurement at its context, plus/minus the KV cache difference. */
export function estimateVramMB(entry: CatalogModel, contextWindow: number): number {
  const delta = ((contextWindow - entry.vramContextWindow) * entry.kvBytesPerToken) / (1024 * 1024);
  return Math.round((entry.vramRequiredMB + delta) * 10) / 10;
}

export function findModel(catalog: ModelCatalog, id: string): CatalogModel {
  const entry = catalog.models.find((m) => m.id === id);
  if (!entry) throw new Error(`No model "${id}" in the catalog (known: ${catalog.models.map((m) => m.id).join(', ')})`);
  return entry;
}

function weightsUrl(entry: CatalogModel, source: WeightsSource, pageUrl?: string): string {
  const base = pageUrl ?? (typeof location !== 'undefined' ? location.href : undefined);
  switch (source.kind) {
    case 'default':
      return entry.weights.url;
    case 'self-hosted': {
      const path = entry.weights.selfHostedPath ?? `models/${entry.id}/`;
      if (!base) throw new Error('A self-hosted model URL needs the page URL to resolve against.');
      return new URL(path, base).href;
    }
    case 'folder':
      return folderModelUrl(entry.id);
    case 'custom': {
      const url = source.url.trim();
      if (/^[a-z]+:\/\//i.test(url)) return url;
      if (!base) throw new Error('A relative model URL needs the page URL to resolve against.');
      return new URL(url, base).href;
    }
  }
}

export function resolveModel(catalog: ModelCatalog, id: string, options: ResolveOptions = {}): ResolvedModel {
  const entry = findModel(catalog, id);
  const contextWindow = Math.min(Math.max(options.contextWindow ?? entry.defaultContextWindow, 1024), entry.maxContextWindow);
  const modelUrl = weightsUrl(entry, options.source ?? { kind: 'default' }, options.pageUrl);
  const libOverride = options.modelLibUrl?.trim();
  const base = options.pageUrl ?? (typeof location !== 'undefined' ? location.href : undefined);
  const modelLibUrl = libOverride ? new URL(libOverride, base).href : modelLibUrlOf(catalog, entry);
  const vramEstimateMB = estimateVramMB(entry, contextWindow);
  const record: ModelRecord = {
    model: modelUrl,
    model_id: entry.id,
    model_lib: modelLibUrl,
    vram_required_MB: vramEstimateMB,
    low_resource_required: entry.role === 'smaller',
    required_features: entry.requiredFeatures.length > 0 ? entry.requiredFeatures : undefined,
    overrides: { context_window_size: contextWindow },
  };
  const libraryOverridden = modelLibUrl !== modelLibUrlOf(catalog, entry);
  return { entry, modelUrl, filesUrl: resolveFilesUrl(modelUrl), modelLibUrl, libraryOverridden, contextWindow, vramEstimateMB, record };
}

/** The q4f32 sibling of a q4f16 entry (same model, no shader-f16 needed), if the catalog has one. */
export function f32Sibling(catalog: ModelCatalog, entry: CatalogModel): CatalogModel | undefined {
  if (!entry.quantization.includes('f16')) return undefined;
  const want = entry.quantization.replace('f16', 'f32');
  return catalog.models.find((m) => m.sourceModel === entry.sourceModel && m.quantization === want);
}
