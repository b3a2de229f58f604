/**
 * What of a model is in the browser's cache, read from the cache alone (no network): the files
 * WebLLM would find (modelFiles.ts), shard by shard.
 */
import { deleteModelFiles } from './modelDownloader';
import {
  configFile,
  knownModelFiles,
  manifestFile,
  libraryFile,
  ScopedCaches,
  shardFiles,
  type CacheStorageLike,
  type ModelFile,
  type ModelLocation,
  type TensorCacheManifest,
} from './modelFiles';

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

async function cachedManifest(caches: ScopedCaches, loc: ModelLocation): Promise<TensorCacheManifest | null | undefined> {
  const file = manifestFile(loc);
  const hit = await (await caches.scope('webllm/model')).match(file.url);
  if (!hit) return undefined;
  try {
    const manifest = (await hit.json()) as Partial<TensorCacheManifest>;
    return { records: manifest.records ?? [] };
  } catch {
    return null;
  }
}

export async function inspectModelCache(loc: ModelLocation, storage?: CacheStorageLike): Promise<ModelCacheReport> {
  const caches = new ScopedCaches(storage);
  const files = knownModelFiles(loc, ['tokenizer.json', 'tokenizer.model']);
  const configCached = await caches.has(configFile(loc));
  const libraryCached = await caches.has(libraryFile(loc));
  const manifest = await cachedManifest(caches, loc);
  let shardsCached = 0;
  let bytesCached = 0;
  const shards = manifest ? shardFiles(loc, manifest) : [];
  for (const shard of shards) {
    files.push(shard);
    if (await caches.has(shard)) {
      shardsCached++;
      bytesCached += shard.bytes ?? 0;
    }
  }
  const shardCount = manifest ? shards.length : null;
  return {
    configCached,
    manifestCached: manifest !== undefined,
    libraryCached,
    shardCount,
    shardsCached,
    bytesCached,
    totalBytes: manifest ? shards.reduce((n, s) => n + (s.bytes ?? 0), 0) : null,
    files,
    complete: configCached && shardCount !== null && shardsCached === shardCount,
  };
}

/** Deletes everything of this model from the cache (other models' files stay). */
export async function deleteCachedModel(loc: ModelLocation, storage?: CacheStorageLike): Promise<number> {
  const report = await inspectModelCache(loc, storage);
  // The library is shared by models of one architecture: keep it.
  return deleteModelFiles(
    report.files.filter((f) => f.kind !== 'library'),
    storage,
  );
}
