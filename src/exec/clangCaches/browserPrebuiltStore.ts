/**
 * The browser clang worker's PrebuiltStore (see runtime/cppCompiler.ts): the files the site ships,
 * built at `npm run build` and cached by the service worker like clang itself; else — in dev, where
 * none are shipped — Cache Storage, where the worker keeps what it built, one file per kind.
 */
import type { PrebuiltStore } from '../runtime/cppCompiler';
import { fetchRuntimeFile } from '../browser/runtimeFileFetch';

export const CLANG_PREBUILT_CACHE = 'critique-lab-clang-prebuilt';

/** `shipped`: file names by key, relative to `base` (the worker's script). */
export function browserPrebuiltStore(shipped: Record<string, string>, base: string): PrebuiltStore {
  return {
    async load(key) {
      const file = shipped[key];
      if (file) {
        // Only a build ships them, and it ships every runtime file compressed.
        const response = await fetchRuntimeFile(new URL(file, base), { compressed: true }).catch(() => undefined);
        if (response?.ok) return new Uint8Array(await response.arrayBuffer());
      }
      if (typeof caches === 'undefined') return undefined;
      const hit = await (await caches.open(CLANG_PREBUILT_CACHE)).match(entryUrl(key));
      return hit ? new Uint8Array(await hit.arrayBuffer()) : undefined;
    },
    async save(key, bytes) {
      if (typeof caches === 'undefined') return;
      const cache = await caches.open(CLANG_PREBUILT_CACHE);
      // An older build of the same kind (other flags, another shim) is never used again.
      for (const old of await cache.keys())
        if (kindOf(new URL(old.url).pathname.split('/').pop()!) === kindOf(key)) await cache.delete(old);
      await cache.put(entryUrl(key), new Response(bytes as Uint8Array<ArrayBuffer>));
    },
  };
}

function entryUrl(key: string): string {
  return `/clang-prebuilt/${key}`;
}

/** `stdcpp-pch-1a2b3c` → `stdcpp-pch`: keys end in a hash of their inputs. */
function kindOf(key: string): string {
  return key.replace(/-[0-9a-f]+$/, '');
}
