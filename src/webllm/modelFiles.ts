/**
 * WebLLM's private file layout, owned here and nowhere else: which files a converted model has,
 * in which order WebLLM reads them, and under which Cache API scope and key WebLLM looks for each.
 *
 * - `mlc-chat-config.json` in `webllm/config`; the tokenizer, `tensor-cache.json` (the weights
 *   manifest) and every shard it lists in `webllm/model`; the model library (.wasm) in
 *   `webllm/wasm`, except a library on localhost or with a relative URL, which WebLLM fetches
 *   uncached. Keys are the files' absolute URLs under the model's `…/resolve/<branch>/` folder.
 * - Conversions by an older mlc_llm name the manifest `ndarray-cache.json`.
 */
export type ModelFileKind = 'config' | 'manifest' | 'tokenizer' | 'shard' | 'library';
type CacheScope = 'webllm/config' | 'webllm/model' | 'webllm/wasm';

export interface ModelFile {
  /** Name relative to the model folder (`params_shard_3.bin`), or the library's file name. */
  name: string;
  url: string;
  kind: ModelFileKind;
  /** Where WebLLM looks for it; null = WebLLM fetches it uncached (a library on localhost or this origin). */
  scope: CacheScope | null;
  /** Exact size when the manifest states it (shards). */
  bytes?: number;
  /** MD5 of the whole file (hex) when the manifest states it (shards; mlc_llm writes `md5sum`). */
  md5?: string;
}

/** A file as failure messages name it. */
export interface ProbeTarget {
  file: string;
  fileKind: ModelFileKind;
  url: string;
}

export interface ModelLocation {
  /** Folder WebLLM reads (ends in `/resolve/<branch>/`). */
  filesUrl: string;
  modelLibUrl: string;
}

export const CONFIG_FILE = 'mlc-chat-config.json';
export const MANIFEST_FILE = 'tensor-cache.json';
export const LEGACY_MANIFEST_FILE = 'ndarray-cache.json';

/** The fields of mlc-chat-config.json this app reads (gen_config writes them; any may be absent). */
export interface ChatConfigLike {
  tokenizer_files?: unknown;
  quantization?: unknown;
  vocab_size?: unknown;
  context_window_size?: unknown;
  prefill_chunk_size?: unknown;
  model_config?: { vocab_size?: unknown };
  /** An object from gen_config; a bare template name in some older configs. */
  conv_template?:
    string | { name?: unknown; system_message?: unknown; roles?: { user?: unknown }; stop_str?: unknown; stop_token_ids?: unknown };
}

export interface TensorCacheManifest {
  records: { dataPath: string; nbytes: number; md5sum?: unknown }[];
}

/** The order in which WebLLM fetches a model's files (and so the order to probe them in). */
const FETCH_ORDER: readonly ModelFileKind[] = ['config', 'library', 'tokenizer', 'manifest', 'shard'];

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** The first bytes of a WebAssembly module. */
export function isWasm(head: Uint8Array | undefined | null): boolean {
  return !!head && head.length >= 4 && WASM_MAGIC.every((b, i) => head[i] === b);
}

/** WebLLM fetches a library uncached when its URL is on localhost or relative; it caches others. */
function libraryScope(modelLibUrl: string): CacheScope | null {
  return modelLibUrl.includes('localhost') || !/^https?:/i.test(modelLibUrl) ? null : 'webllm/wasm';
}

function inFolder(loc: ModelLocation, name: string, kind: ModelFileKind, scope: CacheScope): ModelFile {
  return { name, url: new URL(name, loc.filesUrl).href, kind, scope };
}

export function configFile(loc: ModelLocation): ModelFile {
  return inFolder(loc, CONFIG_FILE, 'config', 'webllm/config');
}

export function manifestFile(loc: ModelLocation): ModelFile {
  return inFolder(loc, MANIFEST_FILE, 'manifest', 'webllm/model');
}

export function legacyManifestUrl(loc: ModelLocation): string {
  return new URL(LEGACY_MANIFEST_FILE, loc.filesUrl).href;
}

export function libraryFile(loc: ModelLocation): ModelFile {
  return {
    name: loc.modelLibUrl.split('/').pop() || 'model library',
    url: loc.modelLibUrl,
    kind: 'library',
    scope: libraryScope(loc.modelLibUrl),
  };
}

function tokenizerFile(loc: ModelLocation, name: string): ModelFile {
  return inFolder(loc, name, 'tokenizer', 'webllm/model');
}

/** WebLLM reads tokenizer.json when the config lists it, else tokenizer.model. */
function tokenizerNameOf(config: ChatConfigLike): string | null {
  const listed = Array.isArray(config.tokenizer_files) ? config.tokenizer_files.filter((t): t is string => typeof t === 'string') : [];
  return listed.includes('tokenizer.json') ? 'tokenizer.json' : listed.includes('tokenizer.model') ? 'tokenizer.model' : null;
}

export function shardFiles(loc: ModelLocation, manifest: TensorCacheManifest): ModelFile[] {
  return manifest.records.map((r) => ({
    ...inFolder(loc, r.dataPath, 'shard', 'webllm/model'),
    bytes: r.nbytes,
    ...(typeof r.md5sum === 'string' && /^[0-9a-f]{32}$/i.test(r.md5sum) ? { md5: r.md5sum.toLowerCase() } : {}),
  }));
}

/** Every file WebLLM reads for a model, in its fetch order: config, library, tokenizer, manifest, shards. */
export function modelFileList(loc: ModelLocation, config: ChatConfigLike, manifest: TensorCacheManifest): ModelFile[] {
  const tokenizer = tokenizerNameOf(config);
  return [
    configFile(loc),
    libraryFile(loc),
    ...(tokenizer ? [tokenizerFile(loc, tokenizer)] : []),
    manifestFile(loc),
    ...shardFiles(loc, manifest),
  ];
}

/** The files known before the config and manifest are read, with the tokenizer names given. */
export function knownModelFiles(loc: ModelLocation, tokenizerNames: readonly string[] = ['tokenizer.json']): ModelFile[] {
  return [configFile(loc), libraryFile(loc), ...tokenizerNames.map((name) => tokenizerFile(loc, name)), manifestFile(loc)];
}

/** Files as probe targets, in WebLLM's fetch order (for naming the file a load failed on). */
export function probeTargets(files: readonly ModelFile[]): ProbeTarget[] {
  return [...files]
    .sort((a, b) => FETCH_ORDER.indexOf(a.kind) - FETCH_ORDER.indexOf(b.kind))
    .map((f) => ({ file: f.name, fileKind: f.kind, url: f.url }));
}

/** The part of the Cache API this app uses (tests pass a Map-backed stand-in in Node). */
export interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
  delete(request: string): Promise<boolean>;
}

export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
}

/** The page's or worker's Cache API. */
function browserCaches(): CacheStorageLike {
  const c = (globalThis as { caches?: CacheStorageLike }).caches;
  if (!c) throw new Error('The Cache API is not available here (it needs a secure context: https or localhost).');
  return c;
}

/** Opens each scope once. */
export class ScopedCaches {
  private readonly opened = new Map<CacheScope, Promise<CacheLike>>();
  constructor(readonly storage: CacheStorageLike = browserCaches()) {}

  scope(scope: CacheScope): Promise<CacheLike> {
    let cache = this.opened.get(scope);
    if (!cache) {
      cache = this.storage.open(scope);
      this.opened.set(scope, cache);
    }
    return cache;
  }

  /** Whether WebLLM would find `file` cached (an uncached library never is). */
  async has(file: ModelFile): Promise<boolean> {
    return file.scope !== null && (await (await this.scope(file.scope)).match(file.url)) !== undefined;
  }

  async remove(file: ModelFile): Promise<boolean> {
    return file.scope !== null && (await this.scope(file.scope)).delete(file.url);
  }
}
