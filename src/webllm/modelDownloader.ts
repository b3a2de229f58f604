/**
 * Downloads a model's files into the same Cache API entries WebLLM reads (scopes `webllm/config`,
 * `webllm/model`, `webllm/wasm`, keyed by the file URL), before WebLLM loads it. WebLLM then
 * finds every file cached and only reads them. Doing the download here gives what WebLLM's own
 * downloader does not: per-shard progress with bytes, rate and ETA; cancel at any moment;
 * precise errors (which file, which URL, which HTTP status, wrong size); and resume — a shard
 * is stored atomically once complete, so an interrupted download restarts at the first
 * missing shard and never re-downloads a finished one.
 *
 * Environment-free: takes `fetch` and a CacheStorage (browser page or worker; tests may pass
 * their own).
 */
import { fileHttpError, fileUnreachableError, ModelLoadError, storageFullError, type ModelFileKind, type ProbeTarget } from './modelLoadError';

export type CacheScope = 'webllm/config' | 'webllm/model' | 'webllm/wasm';

export interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
  delete(request: string): Promise<boolean>;
}

export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
}

export interface ModelFile {
  /** Name relative to the model folder (`params_shard_3.bin`), or the library's file name. */
  name: string;
  url: string;
  kind: ModelFileKind;
  /** Where WebLLM looks for it; null = WebLLM fetches it uncached (a library on localhost or this origin). */
  scope: CacheScope | null;
  /** Exact size when the manifest states it (shards). */
  bytes?: number;
}

export type FileState = 'cached' | 'pending' | 'downloading' | 'done' | 'failed';

export interface FileProgress {
  name: string;
  kind: ModelFileKind;
  state: FileState;
  loadedBytes: number;
  totalBytes?: number;
}

export interface DownloadProgress {
  phase: 'planning' | 'downloading' | 'complete';
  files: FileProgress[];
  /** Bytes present (cached before + downloaded now) over all files of known size. */
  loadedBytes: number;
  totalBytes: number;
  /** Bytes fetched in this session (for the rate). */
  sessionBytes: number;
  cachedFiles: number;
  fileCount: number;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface DownloadOptions {
  fetch?: typeof fetch;
  caches?: CacheStorageLike;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Shards in flight at once. Default 3. */
  concurrency?: number;
  /** Minimum ms between progress reports (state changes are always reported). Default 100. */
  progressIntervalMs?: number;
  now?: () => number;
}

export interface ModelLocation {
  /** Folder WebLLM reads (ends in `/resolve/<branch>/`). */
  filesUrl: string;
  modelLibUrl: string;
}

interface ChatConfigLike {
  tokenizer_files?: unknown;
}

interface TensorCacheManifest {
  records: { dataPath: string; nbytes: number }[];
}

const MANIFEST = 'tensor-cache.json';
const LEGACY_MANIFEST = 'ndarray-cache.json';

function defaultCaches(): CacheStorageLike {
  const c = (globalThis as { caches?: CacheStorageLike }).caches;
  if (!c) throw new Error('The Cache API is not available here (it needs a secure context: https or localhost).');
  return c;
}

function aborted(signal?: AbortSignal): boolean {
  return signal?.aborted === true;
}

function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('The download was cancelled.');
  e.name = 'AbortError';
  return e;
}

/** WebLLM fetches a library uncached when its URL is on localhost or relative; it caches others. */
export function libraryScope(modelLibUrl: string): CacheScope | null {
  return modelLibUrl.includes('localhost') || !/^https?:/i.test(modelLibUrl) ? null : 'webllm/wasm';
}

async function fetchOrExplain(fetchImpl: typeof fetch, file: ProbeTarget, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetchImpl(file.url, { signal });
  } catch (error) {
    if (aborted(signal)) throw abortError(signal);
    throw fileUnreachableError(file.file, file.fileKind, file.url, error instanceof Error ? error.message : String(error), error);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw fileHttpError(file.file, file.fileKind, file.url, res.status);
  }
  return res;
}

async function putOrExplain(cache: CacheLike, file: ProbeTarget, response: Response): Promise<void> {
  try {
    await cache.put(file.url, response);
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    const name = (error as { name?: string })?.name;
    if (name === 'QuotaExceededError') throw storageFullError(file.file, file.url, String(error), error);
    throw error;
  }
}

function parseJsonFile<T>(bytes: ArrayBuffer, file: ProbeTarget, contentType: string | null): T {
  const text = new TextDecoder().decode(bytes);
  if (contentType?.includes('text/html') || /^\s*</.test(text)) {
    throw new ModelLoadError({ kind: 'file-corrupt', file: file.file, fileKind: file.fileKind, url: file.url, why: `The server sent an HTML page instead of ${file.file}`, todo: 'A single-page-app fallback or a login page answered instead of the file; check the folder layout (models/README.md).' });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ModelLoadError({ kind: 'file-corrupt', file: file.file, fileKind: file.fileKind, url: file.url, cause: error, why: `${file.file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, todo: 'Re-upload the file from the mlc_llm output folder.' });
  }
}

/** Reads a small JSON file from WebLLM's cache, or downloads, checks and caches it. */
async function cachedJson<T>(fetchImpl: typeof fetch, cache: CacheLike, file: ProbeTarget, validate: (v: T) => string | null, signal?: AbortSignal): Promise<T> {
  const hit = await cache.match(file.url);
  if (hit) {
    const value = parseJsonFile<T>(await hit.arrayBuffer(), file, null);
    if (validate(value) === null) return value;
    await cache.delete(file.url);
  }
  const res = await fetchOrExplain(fetchImpl, file, signal);
  const bytes = await res.arrayBuffer();
  const value = parseJsonFile<T>(bytes, file, res.headers.get('content-type'));
  const problem = validate(value);
  if (problem) {
    throw new ModelLoadError({ kind: 'file-corrupt', file: file.file, fileKind: file.fileKind, url: file.url, why: `${file.file} is not what mlc_llm writes: ${problem}`, todo: 'Re-run mlc_llm gen_config / convert_weight and upload the output folder unchanged.' });
  }
  await putOrExplain(cache, file, new Response(bytes, { headers: { 'Content-Type': 'application/json' } }));
  return value;
}

/**
 * Lists every file WebLLM will read for this model: config, library, tokenizer, manifest,
 * shards. Reads (and caches) the config and the manifest to learn the rest.
 */
export async function planModelFiles(loc: ModelLocation, options: Pick<DownloadOptions, 'fetch' | 'caches' | 'signal'> = {}): Promise<ModelFile[]> {
  const fetchImpl = options.fetch ?? ((i, init) => globalThis.fetch(i, init));
  const caches = options.caches ?? defaultCaches();
  const configCache = await caches.open('webllm/config');
  const modelCache = await caches.open('webllm/model');
  const configFile: ProbeTarget = { file: 'mlc-chat-config.json', fileKind: 'config', url: new URL('mlc-chat-config.json', loc.filesUrl).href };
  const config = await cachedJson<ChatConfigLike>(
    fetchImpl,
    configCache,
    configFile,
    (c) => (c && typeof c === 'object' && Array.isArray(c.tokenizer_files) ? null : 'it has no tokenizer_files list'),
    options.signal,
  );
  const manifestFile: ProbeTarget = { file: MANIFEST, fileKind: 'manifest', url: new URL(MANIFEST, loc.filesUrl).href };
  let manifest: TensorCacheManifest;
  try {
    manifest = await cachedJson<TensorCacheManifest>(
      fetchImpl,
      modelCache,
      manifestFile,
      (m) =>
        m && Array.isArray(m.records) && m.records.every((r) => typeof r?.dataPath === 'string' && typeof r?.nbytes === 'number')
          ? null
          : 'it has no records list with dataPath and nbytes',
      options.signal,
    );
  } catch (error) {
    if (error instanceof ModelLoadError && error.kind === 'file-missing') {
      // Folders converted by an older mlc_llm name the manifest ndarray-cache.json.
      const legacy = new URL(LEGACY_MANIFEST, loc.filesUrl).href;
      const res = await fetchImpl(legacy, { signal: options.signal }).catch(() => null);
      await res?.body?.cancel().catch(() => {});
      if (res?.ok) {
        throw new ModelLoadError({
          kind: 'file-missing',
          file: MANIFEST,
          fileKind: 'manifest',
          url: manifestFile.url,
          status: error.status,
          why: `The folder has ${LEGACY_MANIFEST} (written by an older mlc_llm) but this WebLLM reads ${MANIFEST}`,
          todo: `Copy ${LEGACY_MANIFEST} to ${MANIFEST} in the hosted folder (same content), or convert again with a current mlc_llm.`,
        });
      }
    }
    throw error;
  }

  const files: ModelFile[] = [{ name: configFile.file, url: configFile.url, kind: 'config', scope: 'webllm/config' }];
  const libName = loc.modelLibUrl.split('/').pop() ?? 'model library';
  files.push({ name: libName, url: loc.modelLibUrl, kind: 'library', scope: libraryScope(loc.modelLibUrl) });
  const tokenizerFiles = (config.tokenizer_files as unknown[]).filter((t): t is string => typeof t === 'string');
  // WebLLM reads tokenizer.json when listed, else tokenizer.model.
  const tokenizer = tokenizerFiles.includes('tokenizer.json') ? 'tokenizer.json' : tokenizerFiles.includes('tokenizer.model') ? 'tokenizer.model' : null;
  if (tokenizer) files.push({ name: tokenizer, url: new URL(tokenizer, loc.filesUrl).href, kind: 'tokenizer', scope: 'webllm/model' });
  files.push({ name: MANIFEST, url: manifestFile.url, kind: 'manifest', scope: 'webllm/model' });
  for (const r of manifest.records) {
    files.push({ name: r.dataPath, url: new URL(r.dataPath, loc.filesUrl).href, kind: 'shard', scope: 'webllm/model', bytes: r.nbytes });
  }
  return files;
}

/** Which of `files` are already in WebLLM's cache. */
export async function cachedFileSet(files: ModelFile[], caches: CacheStorageLike = defaultCaches()): Promise<Set<string>> {
  const present = new Set<string>();
  const opened = new Map<CacheScope, CacheLike>();
  for (const f of files) {
    if (!f.scope) continue;
    let cache = opened.get(f.scope);
    if (!cache) {
      cache = await caches.open(f.scope);
      opened.set(f.scope, cache);
    }
    if (await cache.match(f.url)) present.add(f.url);
  }
  return present;
}

class RateMeter {
  private samples: { t: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 5000) {}
  add(t: number, bytes: number): void {
    this.samples.push({ t, bytes });
    while (this.samples.length > 2 && (this.samples[0]?.t ?? t) < t - this.windowMs) this.samples.shift();
  }
  rate(t: number): number {
    const first = this.samples[0];
    if (!first) return 0;
    const span = Math.max(t - first.t, 250);
    const bytes = this.samples.reduce((s, x) => s + x.bytes, 0);
    return (bytes * 1000) / span;
  }
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Downloads every file of `files` not yet cached. Resolves when all are cached; rejects with a
 * ModelLoadError naming the file, or an AbortError when cancelled (finished files stay cached).
 */
export async function downloadModelFiles(files: ModelFile[], options: DownloadOptions = {}): Promise<DownloadProgress> {
  const fetchImpl = options.fetch ?? ((i, init) => globalThis.fetch(i, init));
  const caches = options.caches ?? defaultCaches();
  const now = options.now ?? (() => Date.now());
  const userSignal = options.signal;
  // One failed shard stops the others at once; the caller's cancel does the same.
  const inner = new AbortController();
  const onUserAbort = (): void => inner.abort(userSignal?.reason);
  if (userSignal?.aborted) inner.abort(userSignal.reason);
  else userSignal?.addEventListener('abort', onUserAbort, { once: true });
  const signal = inner.signal;
  const interval = options.progressIntervalMs ?? 100;
  const cached = await cachedFileSet(files, caches);
  const progress: FileProgress[] = files.map((f) => ({
    name: f.name,
    kind: f.kind,
    state: cached.has(f.url) ? 'cached' : 'pending',
    loadedBytes: cached.has(f.url) ? (f.bytes ?? 0) : 0,
    totalBytes: f.bytes,
  }));
  const meter = new RateMeter();
  let sessionBytes = 0;
  let lastReport = 0;

  const snapshot = (phase: DownloadProgress['phase']): DownloadProgress => {
    const totalBytes = progress.reduce((s, p) => s + (p.totalBytes ?? 0), 0);
    const loadedBytes = progress.reduce((s, p) => s + (p.totalBytes !== undefined ? Math.min(p.loadedBytes, p.totalBytes) : 0), 0);
    const t = now();
    const rate = meter.rate(t);
    const remaining = totalBytes - loadedBytes;
    return {
      phase,
      files: progress.map((p) => ({ ...p })),
      loadedBytes,
      totalBytes,
      sessionBytes,
      cachedFiles: progress.filter((p) => p.state === 'cached' || p.state === 'done').length,
      fileCount: progress.length,
      bytesPerSecond: rate,
      etaSeconds: rate > 0 && remaining > 0 ? remaining / rate : remaining === 0 ? 0 : null,
    };
  };
  const report = (force: boolean): void => {
    const t = now();
    if (!force && t - lastReport < interval) return;
    lastReport = t;
    options.onProgress?.(snapshot('downloading'));
  };
  report(true);

  const openCaches = new Map<CacheScope, CacheLike>();
  const cacheFor = async (scope: CacheScope): Promise<CacheLike> => {
    let c = openCaches.get(scope);
    if (!c) {
      c = await caches.open(scope);
      openCaches.set(scope, c);
    }
    return c;
  };

  const downloadOne = async (index: number): Promise<void> => {
    const file = files[index];
    const p = progress[index];
    if (!file || !p || p.state === 'cached') return;
    if (aborted(signal)) throw abortError(signal);
    const target: ProbeTarget = { file: file.name, fileKind: file.kind, url: file.url };
    p.state = 'downloading';
    p.loadedBytes = 0;
    report(true);
    // Kept aside: Cache.put() may reject with its own error instead of the stream's.
    let invalid: ModelLoadError | null = null;
    try {
      const res = await fetchOrExplain(fetchImpl, target, signal);
      if (!res.body) throw fileHttpError(file.name, file.kind, file.url, res.status);
      let loaded = 0;
      let first: Uint8Array | null = null;
      const counting = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (!first) first = chunk;
          loaded += chunk.byteLength;
          p.loadedBytes = loaded;
          sessionBytes += chunk.byteLength;
          meter.add(now(), chunk.byteLength);
          controller.enqueue(chunk);
          report(false);
        },
        flush(controller) {
          if (file.bytes !== undefined && loaded !== file.bytes) {
            invalid = new ModelLoadError({
                kind: 'file-corrupt',
                file: file.name,
                fileKind: file.kind,
                url: file.url,
                status: res.status,
                why: `${file.name} has ${loaded.toLocaleString('en-US')} bytes but tensor-cache.json says ${file.bytes.toLocaleString('en-US')}`,
                todo: 'The hosted shard is truncated or from another conversion: upload it again (the whole folder must come from one mlc_llm run).',
              });
            controller.error(invalid);
          } else if (file.kind === 'library' && !(first && WASM_MAGIC.every((b, i) => first?.[i] === b))) {
            invalid = new ModelLoadError({ kind: 'library-invalid', file: file.name, fileKind: 'library', url: file.url, status: res.status, why: 'The model library is not a WebAssembly module', todo: 'Point the model library at WebLLM\'s prebuilt wasm for this architecture and quantization.' });
            controller.error(invalid);
          }
        },
      });
      const body = res.body.pipeThrough(counting, { signal });
      if (file.scope) {
        await putOrExplain(await cacheFor(file.scope), target, new Response(body, { headers: { 'Content-Type': res.headers.get('content-type') ?? 'application/octet-stream' } }));
      } else {
        // WebLLM fetches this one itself (uncached); reading it through checks it is there and valid.
        const reader = body.getReader();
        while (!(await reader.read()).done) {
          // drain
        }
      }
      p.state = 'done';
      if (p.totalBytes === undefined) p.totalBytes = loaded;
      report(true);
    } catch (thrown) {
      const error: unknown = invalid ?? thrown;
      p.state = aborted(signal) ? 'pending' : 'failed';
      report(true);
      if (aborted(signal)) throw abortError(signal);
      // A stream error surfaces from put() wrapped or as itself; find our ModelLoadError.
      let e: unknown = error;
      for (let i = 0; i < 3 && e && !(e instanceof ModelLoadError); i++) e = (e as { cause?: unknown }).cause;
      if (e instanceof ModelLoadError) throw e;
      const name = (error as { name?: string })?.name;
      if (name === 'QuotaExceededError') throw storageFullError(file.name, file.url, String(error), error);
      if (name === 'TypeError') throw fileUnreachableError(file.name, file.kind, file.url, String(error), error);
      throw error;
    }
  };

  // Small files first, in WebLLM's order; then shards with bounded concurrency, in order.
  const order = files.map((_, i) => i);
  const shardIdx = order.filter((i) => files[i]?.kind === 'shard');
  try {
    for (const i of order.filter((i) => files[i]?.kind !== 'shard')) await downloadOne(i);
  } catch (error) {
    userSignal?.removeEventListener('abort', onUserAbort);
    throw userSignal?.aborted ? abortError(userSignal) : error;
  }
  let next = 0;
  let failure: unknown = null;
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 3) }, async () => {
    while (failure === null) {
      const k = next++;
      const i = shardIdx[k];
      if (i === undefined) return;
      try {
        await downloadOne(i);
      } catch (error) {
        failure ??= error;
        inner.abort(error);
        return;
      }
    }
  });
  try {
    await Promise.all(workers);
  } finally {
    userSignal?.removeEventListener('abort', onUserAbort);
  }
  if (userSignal?.aborted) throw abortError(userSignal);
  if (failure !== null) throw failure;
  const done = snapshot('complete');
  options.onProgress?.(done);
  return done;
}

/** Removes every file of a model from WebLLM's caches (config, library, tokenizer, manifest, shards). */
export async function deleteModelFiles(files: ModelFile[], caches: CacheStorageLike = defaultCaches()): Promise<number> {
  let removed = 0;
  for (const f of files) {
    if (!f.scope) continue;
    const cache = await caches.open(f.scope);
    if (await cache.delete(f.url)) removed++;
  }
  return removed;
}
