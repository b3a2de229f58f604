/**
 * "Make available offline": downloads the runtime files that are not cached yet — the compressed
 * copies the site ships, decoded as they stream in — into the cache the service worker serves them
 * from, with progress in bytes over the wire.
 */
import { fetchDecoded } from '../../exec/browser/runtimeFileFetch';
import { offlineFileUrl, type OfflineFile } from './offlineManifest';
import { isQuotaError, storageFullError } from './storageFullError';

export interface DownloadProgress {
  /** Both counted over the wire: the compressed copies' sizes. */
  doneBytes: number;
  totalBytes: number;
  /** The file being fetched now. */
  file: string | null;
}

/** Files of the list that the cache lacks. */
export async function missingFiles(cacheName: string, files: readonly OfflineFile[]): Promise<OfflineFile[]> {
  const cache = await caches.open(cacheName);
  const present = await Promise.all(files.map((f) => cache.match(offlineFileUrl(f)).then((hit) => hit !== undefined)));
  return files.filter((_, i) => !present[i]);
}

export async function downloadFiles(
  cacheName: string,
  files: readonly OfflineFile[],
  onProgress: (p: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const cache = await caches.open(cacheName);
  const progress: DownloadProgress = { doneBytes: 0, totalBytes: files.reduce((n, f) => n + f.wireBytes, 0), file: null };
  onProgress({ ...progress });
  for (const file of files) {
    progress.file = file.url;
    const before = progress.doneBytes;
    const onWireBytes = (bytes: number): void => {
      progress.doneBytes += bytes;
      onProgress({ ...progress });
    };
    const response = await fetchDecoded(offlineFileUrl(file), { onWireBytes, ...(signal ? { signal } : {}) }).catch((error: unknown) => {
      if (signal?.aborted) throw error;
      throw new Error(
        `Could not download ${file.url}: the site cannot be reached (no network?). What was complete is kept; try again when online.`,
      );
    });
    if (!response.ok || !response.body) throw new Error(`Could not download ${file.url}: HTTP ${response.status}.`);
    const headers = {
      'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream',
      'Content-Length': String(file.bytes),
    };
    try {
      await cache.put(offlineFileUrl(file), new Response(response.body, { headers }));
    } catch (error) {
      if (isQuotaError(error)) throw await storageFullError(file.url);
      throw error;
    }
    progress.doneBytes = before + file.wireBytes;
    onProgress({ ...progress });
  }
  progress.file = null;
  onProgress({ ...progress });
}

/**
 * Drops cached runtime files this version does not list: a new deployment brings new content-
 * hashed names, and without this every update would leave ~136 MB of old runtimes behind.
 */
export async function pruneStaleFiles(cacheName: string, files: readonly OfflineFile[]): Promise<number> {
  if (typeof caches === 'undefined' || !(await caches.has(cacheName))) return 0;
  const cache = await caches.open(cacheName);
  const current = new Set(files.map(offlineFileUrl));
  const stale = (await cache.keys()).filter((request) => !current.has(request.url));
  await Promise.all(stale.map((request) => cache.delete(request)));
  return stale.length;
}
