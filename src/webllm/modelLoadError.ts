/**
 * Typed, actionable model-loading failures. WebLLM reports a missing file as a bare
 * `TypeError: Failed to execute 'add' on 'Cache': Request failed`, and its worker turns every
 * error into a string; these classes say which file, which URL, the HTTP status, why, and what
 * to do. `translateLoadFailure` maps WebLLM's messages onto them, probing the model's files over
 * HTTP to find which one failed when the message does not say.
 */

import { isWasm, type ModelFileKind, type ProbeTarget } from './modelFiles';

type LoadFailureKind =
  | 'file-missing'
  | 'file-http'
  | 'file-unreachable'
  | 'file-corrupt'
  | 'library-invalid'
  | 'library-incompatible'
  | 'config-mismatch'
  | 'folder-incomplete'
  | 'no-webgpu'
  | 'feature-missing'
  | 'device-lost'
  | 'storage-full'
  | 'context-exceeded'
  | 'unknown';

export interface ModelLoadErrorInit {
  kind: LoadFailureKind;
  why: string;
  todo: string;
  file?: string;
  fileKind?: ModelFileKind;
  url?: string;
  status?: number;
  /** WebLLM's (or the browser's) own message, kept for the details view. */
  raw?: string;
  cause?: unknown;
}

export class ModelLoadError extends Error {
  readonly kind: LoadFailureKind;
  readonly why: string;
  readonly todo: string;
  readonly file: string | undefined;
  readonly fileKind: ModelFileKind | undefined;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly raw: string | undefined;

  constructor(init: ModelLoadErrorInit) {
    const where = init.url ? ` — ${init.file ?? 'file'} at ${init.url}${init.status !== undefined ? ` (HTTP ${init.status})` : ''}` : '';
    super(`${init.why}${where}. ${init.todo}`, { cause: init.cause });
    this.name = 'ModelLoadError';
    this.kind = init.kind;
    this.why = init.why;
    this.todo = init.todo;
    this.file = init.file;
    this.fileKind = init.fileKind;
    this.url = init.url;
    this.status = init.status;
    this.raw = init.raw;
  }

  /** Plain data for postMessage / the UI. */
  toJSON(): ModelLoadErrorInit & { message: string } {
    return {
      kind: this.kind,
      why: this.why,
      todo: this.todo,
      file: this.file,
      fileKind: this.fileKind,
      url: this.url,
      status: this.status,
      raw: this.raw,
      message: this.message,
    };
  }
}

const HOSTING_HINT =
  'The folder must mirror the `resolve/main/` layout WebLLM requests: <model URL>/resolve/main/mlc-chat-config.json, tensor-cache.json, tokenizer.json and params_shard_*.bin (see models/README.md).';

/** How one HTTP error status is explained: the failure's kind, why it failed, what to do. */
interface StatusExplanation {
  matches: (status: number) => boolean;
  kind: LoadFailureKind;
  why: (file: string, status: number) => string;
  todo: (fileKind: ModelFileKind) => string;
}

/** What to do about a missing file, where its kind says more than the hosting layout. */
const MISSING_FILE_TODO: Partial<Record<ModelFileKind, string>> = {
  library:
    "The model library (wasm) URL is wrong or the file was not copied; use WebLLM's prebuilt library for this architecture and quantization, or host it next to the weights.",
  config: `No converted model at this URL. Convert the weights with mlc_llm (convert_weight + gen_config) and host the output folder, or fix the weights URL. ${HOSTING_HINT}`,
};

/** The explanations of HTTP error statuses, first match wins; OTHER_STATUS explains the rest. */
const STATUS_EXPLANATIONS: readonly StatusExplanation[] = [
  {
    matches: (status) => status === 404 || status === 410,
    kind: 'file-missing',
    why: (file) => `The model file ${file} is missing`,
    todo: (fileKind) => MISSING_FILE_TODO[fileKind] ?? HOSTING_HINT,
  },
  {
    matches: (status) => status === 401 || status === 403,
    kind: 'file-http',
    why: (file) => `The server refused to serve ${file}`,
    todo: () => 'The repository may be private or gated: make it public, or host the files yourself (models/README.md).',
  },
  {
    matches: (status) => status === 416,
    kind: 'file-http',
    why: (file) => `The server rejected the byte range asked for ${file}`,
    todo: () => 'Delete this model from the cache and download again.',
  },
  {
    matches: (status) => status >= 500,
    kind: 'file-http',
    why: (file, status) => `The server answered HTTP ${status} for ${file}`,
    todo: () => 'The host is failing; try again later or host the files elsewhere.',
  },
];

/** Any other status: most likely a wrong URL or a host that does not let this page in. */
const OTHER_STATUS: StatusExplanation = {
  matches: () => true,
  kind: 'file-http',
  why: (file, status) => `The server answered HTTP ${status} for ${file}`,
  todo: () => "Check the URL and the host's access rules.",
};

/** What to do when a file answered with an HTTP error. */
export function fileHttpError(file: string, fileKind: ModelFileKind, url: string, status: number, raw?: string): ModelLoadError {
  const explanation = STATUS_EXPLANATIONS.find((e) => e.matches(status)) ?? OTHER_STATUS;
  return new ModelLoadError({
    kind: explanation.kind,
    file,
    fileKind,
    url,
    status,
    raw,
    why: explanation.why(file, status),
    todo: explanation.todo(fileKind),
  });
}

export function fileUnreachableError(file: string, fileKind: ModelFileKind, url: string, raw?: string, cause?: unknown): ModelLoadError {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw URL
  }
  return new ModelLoadError({
    kind: 'file-unreachable',
    file,
    fileKind,
    url,
    raw,
    cause,
    why: `Could not reach ${host} to fetch ${file} (no HTTP response: offline, blocked, or the host does not allow this site by CORS)`,
    todo: `Check the network. A self-hosted folder on another origin must send Access-Control-Allow-Origin; this page is cross-origin isolated, so the host must answer CORS requests.`,
  });
}

export function storageFullError(file: string, url: string, raw?: string, cause?: unknown): ModelLoadError {
  return new ModelLoadError({
    kind: 'storage-full',
    file,
    url,
    raw,
    cause,
    why: `The browser refused to store ${file}: this site's storage quota is full`,
    todo: 'Delete other cached models (Cache section below), free disk space, or pick a smaller model. Finished shards stay cached; the download resumes from where it stopped.',
  });
}

/** A probe: what one URL answers. `status` 0 = no response at all. */
interface ProbeResult {
  status: number;
  contentType?: string;
  /** First bytes of the body, when read. */
  head?: Uint8Array;
  error?: string;
}

export type Prober = (url: string, wantHead?: boolean) => Promise<ProbeResult>;

/**
 * Probes with HEAD (cheap for shards; Hugging Face and static hosts answer it), falling back to
 * a GET whose body is cancelled after the first bytes when HEAD is refused. `wantHead` asks for
 * the first bytes (to check a library's wasm magic), which needs a GET.
 */
export function fetchProber(fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init)): Prober {
  return async (url, wantHead = false) => {
    try {
      if (!wantHead) {
        const res = await fetchImpl(url, { method: 'HEAD', cache: 'no-store' });
        if (res.status !== 405 && res.status !== 501)
          return { status: res.status, contentType: res.headers.get('content-type') ?? undefined };
      }
      const res = await fetchImpl(url, { cache: 'no-store' });
      let head: Uint8Array | undefined;
      if (res.body) {
        const reader = res.body.getReader();
        const first = await reader.read().catch(() => ({ value: undefined, done: true }));
        head = first.value;
        await reader.cancel().catch(() => {});
      }
      return { status: res.status, contentType: res.headers.get('content-type') ?? undefined, head };
    } catch (error) {
      return { status: 0, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** Finds the first target that does not answer 2xx (or, for the library, is not wasm). */
async function probeFirstFailure(targets: ProbeTarget[], probe: Prober, raw?: string): Promise<ModelLoadError | null> {
  for (const t of targets) {
    const r = await probe(t.url, t.fileKind === 'library');
    if (r.status === 0) return fileUnreachableError(t.file, t.fileKind, t.url, raw ?? r.error);
    if (r.status < 200 || r.status >= 300) return fileHttpError(t.file, t.fileKind, t.url, r.status, raw);
    if (t.fileKind === 'library' && !isWasm(r.head)) return libraryInvalidError(t.url, r, raw);
    if ((t.fileKind === 'config' || t.fileKind === 'manifest') && r.contentType?.includes('text/html')) {
      return new ModelLoadError({
        kind: 'file-corrupt',
        file: t.file,
        fileKind: t.fileKind,
        url: t.url,
        status: r.status,
        raw,
        why: `The server sent an HTML page instead of ${t.file}`,
        todo: `A single-page-app fallback or a login page answered instead of the file. ${HOSTING_HINT}`,
      });
    }
  }
  return null;
}

function libraryInvalidError(url: string, probe?: ProbeResult, raw?: string): ModelLoadError {
  const html = probe?.contentType?.includes('text/html');
  return new ModelLoadError({
    kind: 'library-invalid',
    file: url.split('/').pop() ?? 'model library',
    fileKind: 'library',
    url,
    status: probe?.status,
    raw,
    why: html
      ? 'The model library URL returned an HTML page, not a WebAssembly module'
      : 'The model library is not a valid WebAssembly module',
    todo: "Point the model library at WebLLM's prebuilt wasm for this architecture and quantization (models/catalog.json lists them), or re-copy the file if you host it.",
  });
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Checks that a model library is a WebAssembly module WebLLM's TVM runtime can instantiate: it
 * must compile and export its linear memory. Returns the problem, or null when it looks right.
 */
export async function checkModelLibrary(
  url: string,
  fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init),
  raw?: string,
): Promise<ModelLoadError | null> {
  let bytes: ArrayBuffer;
  let status: number;
  try {
    const res = await fetchImpl(url);
    status = res.status;
    if (!res.ok) return fileHttpError(url.split('/').pop() ?? 'model library', 'library', url, res.status, raw);
    bytes = await res.arrayBuffer();
  } catch (error) {
    return fileUnreachableError(url.split('/').pop() ?? 'model library', 'library', url, raw ?? String(error), error);
  }
  let names: string[];
  try {
    names = WebAssembly.Module.exports(await WebAssembly.compile(bytes)).map((e) => e.name);
  } catch {
    return libraryInvalidError(url, { status }, raw);
  }
  if (!names.includes('memory')) {
    return new ModelLoadError({
      kind: 'library-incompatible',
      file: url.split('/').pop() ?? 'model library',
      fileKind: 'library',
      url,
      status,
      raw,
      why: `The model library is WebAssembly but not an MLC/TVM model library (it exports ${names.length === 0 ? 'nothing' : names.slice(0, 5).join(', ')}, and no memory)`,
      todo: "Use WebLLM's prebuilt library for this architecture and quantization (models/catalog.json), or one compiled by mlc_llm for this WebLLM version.",
    });
  }
  return null;
}

interface TranslateContext {
  /** The model's files in WebLLM's fetch order: config, library, tokenizer, manifest, shards. */
  targets: ProbeTarget[];
  probe: Prober;
  modelLabel: string;
  /** Catalog id of a build without shader-f16, to suggest. */
  f32Alternative?: string;
  /** Checks the model library when no file is at fault (default: checkModelLibrary). */
  checkLibrary?: (url: string, raw: string) => Promise<ModelLoadError | null>;
}

/** Maps whatever WebLLM threw (often a string from its worker) to a ModelLoadError. */
export async function translateLoadFailure(error: unknown, ctx: TranslateContext): Promise<ModelLoadError> {
  if (error instanceof ModelLoadError) return error;
  const raw = errorText(error);
  return recognisedFailure(raw, ctx) ?? (await libraryFailure(raw, ctx)) ?? (await jsonFailure(raw, ctx)) ?? (await fileFailure(raw, ctx));
}

/** Failures WebLLM's message alone identifies: no WebGPU, a missing feature, a lost device, quota, context. */
function recognisedFailure(raw: string, ctx: TranslateContext): ModelLoadError | null {
  if (/webgpu is not supported|cannot find webgpu|webgpunotavailable|webgpunotfound/i.test(raw)) {
    return new ModelLoadError({
      kind: 'no-webgpu',
      raw,
      why: 'WebGPU is not available in this browser',
      todo: 'Use Chrome or Edge 113+ on a machine with a supported GPU, or run from a recording or an OpenAI-compatible endpoint instead.',
    });
  }
  if (/shader-f16/i.test(raw)) {
    return new ModelLoadError({
      kind: 'feature-missing',
      raw,
      why: 'This GPU (or browser) does not support shader-f16, which this quantization needs',
      todo: ctx.f32Alternative ? `Load ${ctx.f32Alternative} instead (float32 shaders).` : 'Pick a q4f32 build of the model.',
    });
  }
  if (/requires feature/i.test(raw)) {
    return new ModelLoadError({
      kind: 'feature-missing',
      raw,
      why: 'This GPU lacks a WebGPU feature the model needs',
      todo: 'Pick another build of the model, or another device.',
    });
  }
  if (/device was lost|devicelost|out of memory|oom/i.test(raw)) {
    return new ModelLoadError({
      kind: 'device-lost',
      raw,
      why: 'The GPU ran out of memory (the WebGPU device was lost) while loading',
      todo: 'Lower the context window, close other GPU-heavy tabs, or pick a smaller model.',
    });
  }
  if (/quotaexceeded|quota/i.test(raw)) {
    return storageFullError('a model file', ctx.targets[0]?.url ?? '', raw);
  }
  if (/prompt tokens exceed context window/i.test(raw)) {
    return new ModelLoadError({
      kind: 'context-exceeded',
      raw,
      why: "The prompt is longer than the model's context window",
      todo: 'Raise the context window in the generation controls (costs GPU memory), or use a shorter problem statement.',
    });
  }
  return null;
}

/** WebAssembly compile or link errors: the model library is not what WebLLM needs. */
async function libraryFailure(raw: string, ctx: TranslateContext): Promise<ModelLoadError | null> {
  const lib = ctx.targets.find((t) => t.fileKind === 'library');
  if (/compileerror|expected magic word|webassembly\.instantiate|wasm validation|not a valid wasm/i.test(raw)) {
    if (!lib) return libraryInvalidError('', undefined, raw);
    const probed = await ctx.probe(lib.url, true);
    if (probed.status === 0) return fileUnreachableError(lib.file, 'library', lib.url, raw);
    if (probed.status < 200 || probed.status >= 300) return fileHttpError(lib.file, 'library', lib.url, probed.status, raw);
    return libraryInvalidError(lib.url, probed, raw);
  }
  if (/linkerror|cannot find global function|function .* not found|vm\.getfunction|tvmerror/i.test(raw)) {
    return new ModelLoadError({
      kind: 'library-incompatible',
      file: lib?.file,
      fileKind: 'library',
      url: lib?.url,
      raw,
      why: 'The model library does not fit this WebLLM runtime or these weights',
      todo: 'Use the prebuilt library of the installed WebLLM version (same architecture and quantization as the weights), or recompile it with the matching mlc_llm.',
    });
  }
  return null;
}

/** A JSON parse error: the config or manifest is not what mlc_llm writes. */
async function jsonFailure(raw: string, ctx: TranslateContext): Promise<ModelLoadError | null> {
  if (!/json|unexpected token|syntaxerror/i.test(raw) || /cache/i.test(raw)) return null;
  const probed = await probeFirstFailure(
    ctx.targets.filter((t) => t.fileKind === 'config' || t.fileKind === 'manifest'),
    ctx.probe,
    raw,
  );
  return (
    probed ??
    new ModelLoadError({
      kind: 'file-corrupt',
      raw,
      why: 'A model file is not valid JSON',
      todo: 'Check mlc-chat-config.json and tensor-cache.json in the hosted folder (re-run gen_config / convert_weight).',
    })
  );
}

/**
 * "Failed to execute 'add' on 'Cache'", "Cannot fetch <url>", "Failed to fetch", NetworkError…:
 * a file did not arrive. Probe in WebLLM's order to name it; if every file answers, check the
 * library, which may be wasm but not a model library.
 */
async function fileFailure(raw: string, ctx: TranslateContext): Promise<ModelLoadError> {
  const named = /cannot fetch (\S+)/i.exec(raw)?.[1];
  const targets = named ? [...ctx.targets.filter((t) => t.url === named), ...ctx.targets.filter((t) => t.url !== named)] : ctx.targets;
  const found = await probeFirstFailure(targets, ctx.probe, raw);
  if (found) return found;
  const lib = ctx.targets.find((t) => t.fileKind === 'library');
  if (lib) {
    const problem = await (ctx.checkLibrary ?? ((url: string, r: string) => checkModelLibrary(url, undefined, r)))(lib.url, raw);
    if (problem) return problem;
  }
  return new ModelLoadError({
    kind: 'unknown',
    raw,
    why: `Loading ${ctx.modelLabel} failed, and every model file answers normally now`,
    todo: 'The failure may have been temporary (network, GPU driver): try again. The raw message below says what WebLLM reported.',
  });
}
