/**
 * Downloads a model's files into the same Cache API entries WebLLM reads (modelFiles.ts), before
 * WebLLM loads it; WebLLM then finds every file cached and only reads them. Doing the download
 * here gives what WebLLM's own downloader does not: per-shard progress with bytes, rate and ETA;
 * cancel at any moment; precise errors (which file, which URL, which HTTP status, wrong size); and
 * resume — a shard is stored atomically once complete, so an interrupted download restarts at the
 * first missing shard and never re-downloads a finished one.
 *
 * Environment-free: takes `fetch` and a CacheStorage (browser page or worker; tests may pass
 * their own).
 */
import type { IHasher } from 'hash-wasm';
import { isWasm, ScopedCaches, type CacheStorageLike, type ModelFile, type ModelFileKind } from './modelFiles';
import { cancelledError, fetchModelFile, storeModelFile } from './modelPlan';
import { fileHttpError, fileUnreachableError, ModelLoadError, storageFullError } from './modelLoadError';

type FileState = 'cached' | 'pending' | 'downloading' | 'done' | 'failed';

interface FileProgress {
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

interface DownloadOptions {
  fetch?: typeof fetch;
  caches?: CacheStorageLike;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Shards in flight at once. Default 3. */
  concurrency?: number;
  /** Check each file's MD5 against the manifest where it states one (a copy from a USB stick). Default false. */
  verifyHashes?: boolean;
  /** Minimum ms between progress reports (state changes are always reported). Default 100. */
  progressIntervalMs?: number;
  now?: () => number;
}

/** Bytes per second over a sliding window. */
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

/**
 * Downloads every file of `files` not yet cached. Resolves when all are cached; rejects with a
 * ModelLoadError naming the file, or an AbortError when cancelled (finished files stay cached).
 */
export async function downloadModelFiles(files: ModelFile[], options: DownloadOptions = {}): Promise<DownloadProgress> {
  const caches = new ScopedCaches(options.caches);
  const cached = await Promise.all(files.map((f) => caches.has(f)));
  return new ModelDownload(files, cached, caches, options).run();
}

/** Removes every file of a model from WebLLM's caches (config, library, tokenizer, manifest, shards). */
export async function deleteModelFiles(files: ModelFile[], caches?: CacheStorageLike): Promise<number> {
  const scoped = new ScopedCaches(caches);
  let removed = 0;
  for (const f of files) if (await scoped.remove(f)) removed++;
  return removed;
}

class ModelDownload {
  private readonly progress: FileProgress[];
  private readonly meter = new RateMeter();
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  /** Aborted by the caller's cancel and by the first failed file, so the others stop at once. */
  private readonly stopper = new AbortController();
  private readonly signal: AbortSignal;
  private sessionBytes = 0;
  private lastReport = 0;

  constructor(
    private readonly files: ModelFile[],
    cached: boolean[],
    private readonly caches: ScopedCaches,
    private readonly options: DownloadOptions,
  ) {
    this.fetchImpl = options.fetch ?? ((i, init) => globalThis.fetch(i, init));
    this.now = options.now ?? (() => Date.now());
    this.signal = options.signal ? AbortSignal.any([options.signal, this.stopper.signal]) : this.stopper.signal;
    this.progress = files.map((f, i) => ({
      name: f.name,
      kind: f.kind,
      state: cached[i] ? 'cached' : 'pending',
      loadedBytes: cached[i] ? (f.bytes ?? 0) : 0,
      totalBytes: f.bytes,
    }));
  }

  async run(): Promise<DownloadProgress> {
    this.report(true);
    const indices = this.files.map((_, i) => i);
    const isShard = (i: number): boolean => this.files[i]?.kind === 'shard';
    try {
      // Small files first, in WebLLM's order; then shards with bounded concurrency, in order.
      for (const i of indices.filter((i) => !isShard(i))) await this.downloadOne(i);
      await this.downloadConcurrently(indices.filter(isShard), Math.max(1, this.options.concurrency ?? 3));
      this.signal.throwIfAborted();
    } catch (error) {
      throw this.options.signal?.aborted ? cancelledError(this.options.signal) : error;
    }
    const done = this.snapshot('complete');
    this.options.onProgress?.(done);
    return done;
  }

  private async downloadConcurrently(indices: number[], lanes: number): Promise<void> {
    let next = 0;
    let failure: { error: unknown } | null = null;
    const lane = async (): Promise<void> => {
      while (!failure && next < indices.length) {
        try {
          await this.downloadOne(indices[next++]!);
        } catch (error) {
          failure ??= { error };
          this.stopper.abort(error);
        }
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    if (failure) throw (failure as { error: unknown }).error;
  }

  private async downloadOne(index: number): Promise<void> {
    const file = this.files[index]!;
    const p = this.progress[index]!;
    if (p.state === 'cached') return;
    if (this.signal.aborted) throw cancelledError(this.signal);
    p.state = 'downloading';
    p.loadedBytes = 0;
    this.report(true);
    // Kept aside: Cache.put() may reject with its own error instead of the stream's.
    const check: { invalid: ModelLoadError | null } = { invalid: null };
    try {
      const res = await fetchModelFile(this.fetchImpl, file, this.signal);
      if (!res.body) throw fileHttpError(file.name, file.kind, file.url, res.status);
      const body = res.body.pipeThrough(this.checkedCounter(file, p, res.status, check), { signal: this.signal });
      if (file.scope) {
        const type = res.headers.get('content-type') ?? 'application/octet-stream';
        await storeModelFile(await this.caches.scope(file.scope), file, new Response(body, { headers: { 'Content-Type': type } }));
      } else {
        // WebLLM fetches this one itself (uncached); reading it through checks it is there and valid.
        const reader = body.getReader();
        while (!(await reader.read()).done) {
          // drain
        }
      }
      p.state = 'done';
      p.totalBytes ??= p.loadedBytes;
      this.report(true);
    } catch (thrown) {
      p.state = this.signal.aborted ? 'pending' : 'failed';
      this.report(true);
      if (this.signal.aborted) throw cancelledError(this.signal);
      throw explainFailure(check.invalid ?? thrown, file);
    }
  }

  /** Counts bytes as they pass, and at the end checks the size (and MD5, if asked) the manifest states and the wasm magic. */
  private checkedCounter(
    file: ModelFile,
    p: FileProgress,
    status: number,
    check: { invalid: ModelLoadError | null },
  ): TransformStream<Uint8Array, Uint8Array> {
    let first: Uint8Array | null = null;
    let md5: IHasher | null = null;
    return new TransformStream<Uint8Array, Uint8Array>({
      start: async () => {
        // Loaded only when a folder copy asks for hashes.
        if (this.options.verifyHashes && file.md5) md5 = await (await import('hash-wasm')).createMD5();
      },
      transform: (chunk, controller) => {
        first ??= chunk;
        md5?.update(chunk);
        p.loadedBytes += chunk.byteLength;
        this.sessionBytes += chunk.byteLength;
        this.meter.add(this.now(), chunk.byteLength);
        controller.enqueue(chunk);
        this.report(false);
      },
      flush: (controller) => {
        if (file.bytes !== undefined && p.loadedBytes !== file.bytes) {
          check.invalid = new ModelLoadError({
            kind: 'file-corrupt',
            file: file.name,
            fileKind: file.kind,
            url: file.url,
            status,
            why: `${file.name} has ${p.loadedBytes.toLocaleString('en-US')} bytes but tensor-cache.json says ${file.bytes.toLocaleString('en-US')}`,
            todo: 'The hosted shard is truncated or from another conversion: upload it again (the whole folder must come from one mlc_llm run).',
          });
        } else if (md5 && file.md5 && md5.digest('hex') !== file.md5) {
          check.invalid = new ModelLoadError({
            kind: 'file-corrupt',
            file: file.name,
            fileKind: file.kind,
            url: file.url,
            why: `${file.name} has the right size but not the content tensor-cache.json records (its MD5 differs from ${file.md5})`,
            todo: 'The copy is damaged (a failing USB stick or an interrupted copy): copy the file again from the mlc_llm output, or download the model instead.',
          });
        } else if (file.kind === 'library' && !isWasm(first)) {
          check.invalid = new ModelLoadError({
            kind: 'library-invalid',
            file: file.name,
            fileKind: 'library',
            url: file.url,
            status,
            why: 'The model library is not a WebAssembly module',
            todo: "Point the model library at WebLLM's prebuilt wasm for this architecture and quantization.",
          });
        }
        if (check.invalid) controller.error(check.invalid);
      },
    });
  }

  private snapshot(phase: DownloadProgress['phase']): DownloadProgress {
    const totalBytes = this.progress.reduce((s, p) => s + (p.totalBytes ?? 0), 0);
    const loadedBytes = this.progress.reduce((s, p) => s + (p.totalBytes !== undefined ? Math.min(p.loadedBytes, p.totalBytes) : 0), 0);
    const rate = this.meter.rate(this.now());
    const remaining = totalBytes - loadedBytes;
    return {
      phase,
      files: this.progress.map((p) => ({ ...p })),
      loadedBytes,
      totalBytes,
      sessionBytes: this.sessionBytes,
      cachedFiles: this.progress.filter((p) => p.state === 'cached' || p.state === 'done').length,
      fileCount: this.progress.length,
      bytesPerSecond: rate,
      etaSeconds: rate > 0 && remaining > 0 ? remaining / rate : remaining === 0 ? 0 : null,
    };
  }

  private report(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastReport < (this.options.progressIntervalMs ?? 100)) return;
    this.lastReport = t;
    this.options.onProgress?.(this.snapshot('downloading'));
  }
}

/** A stream error surfaces from put() wrapped or as itself: find our ModelLoadError, or name the failure. */
function explainFailure(error: unknown, file: ModelFile): unknown {
  let e: unknown = error;
  for (let i = 0; i < 3 && e && !(e instanceof ModelLoadError); i++) e = (e as { cause?: unknown }).cause;
  if (e instanceof ModelLoadError) return e;
  const name = (error as { name?: string })?.name;
  if (name === 'QuotaExceededError') return storageFullError(file.name, file.url, String(error), error);
  if (name === 'TypeError') return fileUnreachableError(file.name, file.kind, file.url, String(error), error);
  return error;
}
