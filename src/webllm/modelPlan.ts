/**
 * Finds out which files a model has before anything large is downloaded: reads (and caches, where
 * WebLLM will look) the model's mlc-chat-config.json and its weights manifest, checks both are
 * what mlc_llm writes and that the config fits the model library (chatConfigCheck.ts), and lists
 * every file WebLLM will read (modelFiles.ts). A manifest named ndarray-cache.json (older
 * mlc_llm) is stored under tensor-cache.json, the only name WebLLM 0.2.86 looks up.
 */
import { configMismatchError, configMismatches, type ConfigExpectation } from './chatConfigCheck';
import {
  configFile,
  legacyManifestUrl,
  LEGACY_MANIFEST_FILE,
  manifestFile,
  MANIFEST_FILE,
  modelFileList,
  ScopedCaches,
  type CacheLike,
  type CacheStorageLike,
  type ChatConfigLike,
  type ModelFile,
  type ModelLocation,
  type TensorCacheManifest,
} from './modelFiles';
import { fileHttpError, fileUnreachableError, ModelLoadError, storageFullError } from './modelLoadError';

interface PlanOptions {
  fetch?: typeof fetch;
  caches?: CacheStorageLike;
  signal?: AbortSignal;
  /** What the model library needs of mlc-chat-config.json; checked before the manifest is read. */
  expect?: ConfigExpectation;
}

export function cancelledError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('The download was cancelled.');
  e.name = 'AbortError';
  return e;
}

/** Fetches one model file, turning a failure into a ModelLoadError that names it. */
export async function fetchModelFile(fetchImpl: typeof fetch, file: ModelFile, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetchImpl(file.url, { signal });
  } catch (error) {
    if (signal?.aborted) throw cancelledError(signal);
    throw fileUnreachableError(file.name, file.kind, file.url, error instanceof Error ? error.message : String(error), error);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw fileHttpError(file.name, file.kind, file.url, res.status);
  }
  return res;
}

/** Stores one model file where WebLLM looks, reporting a full quota as such. */
export async function storeModelFile(cache: CacheLike, file: ModelFile, response: Response): Promise<void> {
  try {
    await cache.put(file.url, response);
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    if ((error as { name?: string })?.name === 'QuotaExceededError') throw storageFullError(file.name, file.url, String(error), error);
    throw error;
  }
}

function parseJsonFile<T>(bytes: ArrayBuffer, file: ModelFile, contentType: string | null): T {
  const text = new TextDecoder().decode(bytes);
  if (contentType?.includes('text/html') || /^\s*</.test(text)) {
    throw new ModelLoadError({
      kind: 'file-corrupt',
      file: file.name,
      fileKind: file.kind,
      url: file.url,
      why: `The server sent an HTML page instead of ${file.name}`,
      todo: 'A single-page-app fallback or a login page answered instead of the file; check the folder layout (models/README.md).',
    });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ModelLoadError({
      kind: 'file-corrupt',
      file: file.name,
      fileKind: file.kind,
      url: file.url,
      cause: error,
      why: `${file.name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      todo: 'Re-upload the file from the mlc_llm output folder.',
    });
  }
}

/**
 * Reads a small JSON file from WebLLM's cache, or downloads, checks and caches it. `from` is the
 * file actually fetched when the source names it differently (a legacy manifest).
 */
async function cachedJson<T>(
  fetchImpl: typeof fetch,
  cache: CacheLike,
  file: ModelFile,
  validate: (v: T) => string | null,
  signal?: AbortSignal,
  from: ModelFile = file,
): Promise<T> {
  const hit = await cache.match(file.url);
  if (hit) {
    const value = parseJsonFile<T>(await hit.arrayBuffer(), file, null);
    if (validate(value) === null) return value;
    await cache.delete(file.url);
  }
  const res = await fetchModelFile(fetchImpl, from, signal);
  const bytes = await res.arrayBuffer();
  const value = parseJsonFile<T>(bytes, from, res.headers.get('content-type'));
  const problem = validate(value);
  if (problem) {
    throw new ModelLoadError({
      kind: 'file-corrupt',
      file: from.name,
      fileKind: from.kind,
      url: from.url,
      why: `${from.name} is not what mlc_llm writes: ${problem}`,
      todo: 'Re-run mlc_llm gen_config / convert_weight and upload the output folder unchanged.',
    });
  }
  await storeModelFile(cache, file, new Response(bytes, { headers: { 'Content-Type': 'application/json' } }));
  return value;
}

const configProblem = (c: ChatConfigLike): string | null =>
  c && typeof c === 'object' && Array.isArray(c.tokenizer_files) ? null : 'it has no tokenizer_files list';

const manifestProblem = (m: TensorCacheManifest): string | null =>
  m && Array.isArray(m.records) && m.records.every((r) => typeof r?.dataPath === 'string' && typeof r?.nbytes === 'number')
    ? null
    : 'it has no records list with dataPath and nbytes';

/**
 * Lists every file WebLLM will read for this model: config, library, tokenizer, manifest,
 * shards. Reads (and caches) the config and the manifest to learn the rest.
 */
export async function planModelFiles(loc: ModelLocation, options: PlanOptions = {}): Promise<ModelFile[]> {
  const fetchImpl = options.fetch ?? ((i, init) => globalThis.fetch(i, init));
  const caches = new ScopedCaches(options.caches);
  const config = await readConfig(fetchImpl, caches, loc, options);
  const manifest = await readManifest(fetchImpl, caches, loc, options.signal);
  return modelFileList(loc, config, manifest);
}

/** The config, checked against the library; a mismatching one is not kept in the cache (a fixed copy is fetched next time). */
async function readConfig(
  fetchImpl: typeof fetch,
  caches: ScopedCaches,
  loc: ModelLocation,
  options: PlanOptions,
): Promise<ChatConfigLike> {
  const file = configFile(loc);
  const cache = await caches.scope('webllm/config');
  const config = await cachedJson(fetchImpl, cache, file, configProblem, options.signal);
  const mismatch = options.expect ? configMismatchError(configMismatches(config, options.expect), file, options.expect) : null;
  if (mismatch) {
    await cache.delete(file.url);
    throw mismatch;
  }
  return config;
}

/** tensor-cache.json, or else ndarray-cache.json stored under tensor-cache.json's key. */
async function readManifest(
  fetchImpl: typeof fetch,
  caches: ScopedCaches,
  loc: ModelLocation,
  signal?: AbortSignal,
): Promise<TensorCacheManifest> {
  const file = manifestFile(loc);
  const cache = await caches.scope('webllm/model');
  try {
    return await cachedJson(fetchImpl, cache, file, manifestProblem, signal);
  } catch (error) {
    if (!(error instanceof ModelLoadError) || error.kind !== 'file-missing') throw error;
    const legacy: ModelFile = { ...file, name: LEGACY_MANIFEST_FILE, url: legacyManifestUrl(loc) };
    try {
      return await cachedJson(fetchImpl, cache, file, manifestProblem, signal, legacy);
    } catch (legacyError) {
      if (!(legacyError instanceof ModelLoadError) || legacyError.kind !== 'file-missing') throw legacyError;
      throw new ModelLoadError({
        kind: 'file-missing',
        file: MANIFEST_FILE,
        fileKind: 'manifest',
        url: file.url,
        status: error.status,
        why: `The folder has neither ${MANIFEST_FILE} nor ${LEGACY_MANIFEST_FILE} (the weights manifest)`,
        todo: 'Upload the whole mlc_llm convert_weight output folder: the manifest lists every params_shard_*.bin.',
      });
    }
  }
}
