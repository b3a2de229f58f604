/**
 * What this site keeps in the browser: every Cache Storage cache with its size and what it holds
 * (the app shell; the runtimes' files; Pyodide's start-up snapshot; the C++ compiled header and
 * objects built in this browser; WebLLM's model caches), and the browser's own estimate of usage
 * and quota. Read-only: WebLLM's caches belong to WebLLM (the Model view deletes models).
 */
import { CLANG_PREBUILT_CACHE } from '../../exec/clangCaches/browserPrebuiltStore';
import { PYODIDE_SNAPSHOT_CACHE } from '../../exec/pyodideSnapshot/browserSnapshotStore';

export type CacheOwner = 'app' | 'runtimes' | 'pythonSnapshot' | 'clangPrebuilt' | 'webllm' | 'other';

export interface CacheEntry {
  name: string;
  owner: CacheOwner;
  entries: number;
  /** Sum of the entries' Content-Length; entries without one are counted in `unsizedEntries`. */
  bytes: number;
  unsizedEntries: number;
}

export interface StorageReport {
  caches: CacheEntry[];
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export function cacheOwner(name: string, runtimeCache: string | null): CacheOwner {
  if (name.startsWith('workbox-precache')) return 'app';
  if (name === runtimeCache) return 'runtimes';
  if (name === PYODIDE_SNAPSHOT_CACHE) return 'pythonSnapshot';
  if (name === CLANG_PREBUILT_CACHE) return 'clangPrebuilt';
  if (name.startsWith('webllm')) return 'webllm';
  return 'other';
}

async function describeCache(name: string, runtimeCache: string | null): Promise<CacheEntry> {
  const cache = await caches.open(name);
  const owner = cacheOwner(name, runtimeCache);
  const requests = await cache.keys();
  let bytes = 0;
  let unsizedEntries = 0;
  for (const request of requests) {
    const response = await cache.match(request);
    let length = Number(response?.headers.get('Content-Length') ?? NaN);
    // Workbox's precache keeps no length; its files are small, so measuring them is cheap.
    // A model shard can be hundreds of MB: WebLLM's entries are never read just to be measured.
    if (!Number.isFinite(length) && response && owner !== 'webllm') length = (await response.blob()).size;
    if (Number.isFinite(length)) bytes += length;
    else unsizedEntries++;
  }
  return { name, owner, entries: requests.length, bytes, unsizedEntries };
}

/**
 * A cache name cut after each separator (`://` kept whole), where the Offline view lets a narrow
 * column break it: between words, not inside one.
 */
export function cacheNameParts(name: string): string[] {
  return name.split(/(?<=[-|/:.])(?![/:])/);
}

export async function storageReport(runtimeCache: string | null): Promise<StorageReport> {
  const names = typeof caches === 'undefined' ? [] : await caches.keys();
  const described = await Promise.all(names.map((name) => describeCache(name, runtimeCache)));
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const persisted = await navigator.storage?.persisted?.().catch(() => null);
  return { caches: described, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted: persisted ?? null };
}

/**
 * Asks the browser not to evict this site's data under storage pressure. Chromium decides by
 * itself (an installed app or a bookmarked site is granted; otherwise it may say no).
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return navigator.storage.persist();
}
