/**
 * The runtimes fetched on first use rather than precached with the app shell (they are ~117 MB):
 * which built files they are, the cache the service worker keeps them in, and the manifest the
 * page reads to offer "Make available offline" with sizes known before anything is downloaded.
 */

/** Cache Storage name of the runtimes; the service worker serves them from it cache-first. */
export const TOOLCHAIN_CACHE = 'critique-lab-toolchains';

/** File name of the manifest, next to index.html. */
export const OFFLINE_MANIFEST_FILE = 'offline-assets.json';

export interface OfflineFile {
  /** Relative to the page (the site works under any sub-path). */
  url: string;
  bytes: number;
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
  cpp: { label: 'C++ (clang toolchain and precompiled header)', pattern: /^assets\/(llvm[.-][^/]+|(stdcpp-pch|memory-guard-o|stdio-streams-o)-[^/]+\.bin)$/ },
};

/**
 * The service worker's runtime-caching rule for these files. A query string opts out (the page's
 * own "Make available offline" download uses one, so it writes the cache itself, once, with
 * progress), and so does anything that is not one of these paths.
 */
export const TOOLCHAIN_URL_PATTERN = /\/(pyodide\/[^/?]+\/[^/?]+|assets\/(llvm[.-][^/?]+|(stdcpp-pch|memory-guard-o|stdio-streams-o)-[^/?]+\.bin))$/;

export function offlineManifest(files: OfflineFile[]): OfflineManifest {
  const groups = (Object.keys(GROUP_FILES) as OfflineGroup['id'][]).map((id) => ({
    id,
    label: GROUP_FILES[id].label,
    files: files.filter((f) => GROUP_FILES[id].pattern.test(f.url)).sort((a, b) => a.url.localeCompare(b.url)),
  }));
  return { cacheName: TOOLCHAIN_CACHE, groups };
}
