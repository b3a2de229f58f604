/**
 * What judging in a language would download now: the bytes over the wire of that runtime's files
 * not stored in this browser yet (they are shipped compressed; offline-assets.json has both sizes).
 */
import type { Language } from '../../core/problem/language';
import { loadOfflineManifest } from './offlineManifest';
import { missingFiles } from './runtimeDownload';

/** Compressed bytes still to download for `language`; null where unknown (`npm start` has no manifest). */
export async function missingWireBytes(language: Language): Promise<number | null> {
  const manifest = await loadOfflineManifest().catch(() => null);
  const group = manifest?.groups.find((g) => g.id === language);
  if (!manifest || !group) return null;
  // Without Cache Storage nothing is kept, and every visit downloads it all.
  const missing = typeof caches === 'undefined' ? group.files : await missingFiles(manifest.cacheName, group.files);
  return missing.reduce((n, f) => n + f.wireBytes, 0);
}
