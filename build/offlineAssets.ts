/**
 * The runtimes fetched on first use rather than precached with the app shell (~130 MB decoded,
 * ~40 MB as shipped, gzip-compressed):
 * which built files they are, the cache the service worker keeps them in, and the manifest the
 * page reads to offer "Make available offline" with sizes known before anything is downloaded.
 */

import { TOOLCHAIN_CACHE } from '../src/exec/runtimeFileNames.ts';

export { TOOLCHAIN_CACHE };

/** File name of the manifest, next to index.html. */
export const OFFLINE_MANIFEST_FILE = 'offline-assets.json';

export interface OfflineFile {
  /** Relative to the page (the site works under any sub-path); the key of the decoded file in Cache Storage. */
  url: string;
  /** Decoded size: what the file takes in Cache Storage. */
  bytes: number;
  /** Size of the gzip copy the site ships (`url` + `.gz`): what a download costs over the wire. */
  wireBytes: number;
}

interface OfflineGroup {
  id: 'python' | 'cpp';
  label: string;
  files: OfflineFile[];
}

interface OfflineManifest {
  cacheName: string;
  groups: OfflineGroup[];
}

/** Built files that belong to each runtime. */
const GROUP_FILES: Record<OfflineGroup['id'], { label: string; pattern: RegExp }> = {
  python: { label: 'Python (Pyodide)', pattern: /^pyodide\/[^/]+\/[^/]+$/ },
  cpp: {
    label: 'C++ (clang toolchain and precompiled header)',
    pattern: /^assets\/(llvm[.-][^/]+|(stdcpp-pch|memory-guard-o|stdio-streams-o)-[^/]+\.bin)$/,
  },
};

/** Whether a built file (path relative to the site's root) is a runtime file, shipped compressed. */
export function isRuntimeFile(fileName: string): boolean {
  return Object.values(GROUP_FILES).some(({ pattern }) => pattern.test(fileName));
}

/**
 * The service worker's rule for these files: served cache-first from the decoded copies the page
 * writes (the page's own fetch, `src/exec/browser/runtimeFileFetch.ts`, asks for a file by its
 * own name once it is cached, so that Chromium keeps clang's compiled code, which it does for a
 * wasm module fetched by URL). The compressed copies (`.gz`) and a query string (the page's
 * "Make available offline" download) go to the network untouched: the page decodes and caches.
 */
export const TOOLCHAIN_URL_PATTERN =
  /\/(pyodide\/[^/?]+\/[^/?]+|assets\/(llvm[.-][^/?]+|(stdcpp-pch|memory-guard-o|stdio-streams-o)-[^/?]+\.bin))(?<!\.gz)$/;

export function offlineManifest(files: OfflineFile[]): OfflineManifest {
  const groups = (Object.keys(GROUP_FILES) as OfflineGroup['id'][]).map((id) => ({
    id,
    label: GROUP_FILES[id].label,
    files: files.filter((f) => GROUP_FILES[id].pattern.test(f.url)).sort((a, b) => a.url.localeCompare(b.url)),
  }));
  return { cacheName: TOOLCHAIN_CACHE, groups };
}
