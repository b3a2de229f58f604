/**
 * What of a model is in the browser's cache, read from the cache alone (no network): WebLLM's
 * `webllm/config`, `webllm/model` and `webllm/wasm` Cache API scopes, keyed by file URL.
 */
import type { ResolvedModel } from './modelCatalog';
import { deleteModelFiles, libraryScope, type CacheStorageLike, type ModelFile } from './modelDownloader';

export interface ModelCacheReport {
  configCached: boolean;
  manifestCached: boolean;
  libraryCached: boolean;
  shardCount: number | null;
  shardsCached: number;
  bytesCached: number;
  totalBytes: number | null;
  /** Every file known from the cached config/manifest (for deletion). */
  files: ModelFile[];
  complete: boolean;
}

function storage(caches?: CacheStorageLike): CacheStorageLike {
  const c = caches ?? (globalThis as { caches?: CacheStorageLike }).caches;
  if (!c) throw new Error('The Cache API is not available here.');
  return c;
}

export async function inspectModelCache(model: Pick<ResolvedModel, 'filesUrl' | 'modelLibUrl'>, caches?: CacheStorageLike): Promise<ModelCacheReport> {
  const cs = storage(caches);
  const config = await cs.open('webllm/config');
  const store = await cs.open('webllm/model');
  const configUrl = new URL('mlc-chat-config.json', model.filesUrl).href;
  const manifestUrl = new URL('tensor-cache.json', model.filesUrl).href;
  const files: ModelFile[] = [
    { name: 'mlc-chat-config.json', url: configUrl, kind: 'config', scope: 'webllm/config' },
    { name: model.modelLibUrl.split('/').pop() ?? 'library', url: model.modelLibUrl, kind: 'library', scope: libraryScope(model.modelLibUrl) },
    { name: 'tokenizer.json', url: new URL('tokenizer.json', model.filesUrl).href, kind: 'tokenizer', scope: 'webllm/model' },
    { name: 'tokenizer.model', url: new URL('tokenizer.model', model.filesUrl).href, kind: 'tokenizer', scope: 'webllm/model' },
    { name: 'tensor-cache.json', url: manifestUrl, kind: 'manifest', scope: 'webllm/model' },
  ];
  const configCached = (await config.match(configUrl)) !== undefined;
  const lib = files[1];
  const libraryCached = lib?.scope ? (await (await cs.open(lib.scope)).match(lib.url)) !== undefined : false;
  const manifestRes = await store.match(manifestUrl);
  let shardCount: number | null = null;
  let shardsCached = 0;
  let bytesCached = 0;
  let totalBytes: number | null = null;
  if (manifestRes) {
    try {
      const manifest = (await manifestRes.json()) as { records?: { dataPath: string; nbytes: number }[] };
      const records = manifest.records ?? [];
      shardCount = records.length;
      totalBytes = 0;
      for (const r of records) {
        const url = new URL(r.dataPath, model.filesUrl).href;
        files.push({ name: r.dataPath, url, kind: 'shard', scope: 'webllm/model', bytes: r.nbytes });
        totalBytes += r.nbytes;
        if (await store.match(url)) {
          shardsCached++;
          bytesCached += r.nbytes;
        }
      }
    } catch {
      shardCount = null;
    }
  }
  return {
    configCached,
    manifestCached: manifestRes !== undefined,
    libraryCached,
    shardCount,
    shardsCached,
    bytesCached,
    totalBytes,
    files,
    complete: configCached && shardCount !== null && shardsCached === shardCount,
  };
}

/** Deletes everything of this model from the cache (other models' files stay). */
export async function deleteCachedModel(model: Pick<ResolvedModel, 'filesUrl' | 'modelLibUrl'>, caches?: CacheStorageLike): Promise<number> {
  const report = await inspectModelCache(model, caches);
  // The library is shared by models of one architecture: keep it.
  return deleteModelFiles(report.files.filter((f) => f.kind !== 'library'), storage(caches));
}
