/**
 * Fetches a runtime file (Pyodide, clang, the prebuilt files) the way the build ships it: as
 * `<name>.gz`, decoded here with DecompressionStream while it streams in, and kept decoded in
 * Cache Storage under `<name>` (see ../runtimeFileNames.ts). A file already kept is asked for by
 * its own name, so that the service worker answers from that cache: Chromium keeps a wasm
 * module's compiled code only for a response fetched by URL, and clang's 75 MB module is worth
 * keeping compiled. Without a service worker (or before it controls the page, or after a hard
 * reload that goes around it) the cached copy is used directly: the host has no file by that name,
 * and many answer an unknown path with their index page (status 200), which must not be taken for
 * the runtime.
 *
 * Hosts differ in what they do with a `.gz` file: most send it as it is (application/gzip or
 * octet-stream), some add `Content-Encoding: gzip`, and then the browser has already decoded the
 * body. So the body's first bytes decide: gzip's magic number means decode, anything else is the
 * file itself.
 */
import { COMPRESSED_SUFFIX, TOOLCHAIN_CACHE } from '../runtimeFileNames';

interface RuntimeFileOptions {
  /** Whether the site ships this file compressed (a build does; `npm start` serves it as it is). */
  compressed: boolean;
  signal?: AbortSignal;
  /** Bytes as they arrive from the network (the compressed size), for progress. */
  onWireBytes?: (bytes: number) => void;
  /** The network fetch to use (the clang worker replaces the global one and passes the original). */
  fetch?: typeof fetch;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** The decoded file as a Response (check `ok`); stored in the runtimes' cache on the way. */
export async function fetchRuntimeFile(url: string | URL, options: RuntimeFileOptions): Promise<Response> {
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const href = new URL(url, self.location.href).href;
  const cache = await openToolchainCache();
  const kept = await cache?.match(href);
  if (kept) {
    const fromServiceWorker = await fetch(href, { signal: options.signal ?? null }).catch(() => undefined);
    return fromServiceWorker?.ok && sameKind(fromServiceWorker, kept) ? fromServiceWorker : kept;
  }
  if (!options.compressed) return fetch(href, { signal: options.signal ?? null });
  const decoded = await fetchDecoded(href, { ...options, fetch });
  if (!cache || !decoded.ok || !decoded.body) return decoded;
  const [forCaller, forCache] = decoded.body.tee();
  // A full disk or a cut connection leaves nothing half-written: put() stores only a complete body.
  cache.put(href, new Response(forCache, { headers: decoded.headers })).catch(() => undefined);
  return new Response(forCaller, { headers: decoded.headers });
}

/** The shipped compressed copy of `href`, decoded as it streams in; nothing is cached. */
export async function fetchDecoded(href: string, options: Omit<RuntimeFileOptions, 'compressed'>): Promise<Response> {
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const shipped = await fetch(`${href}${COMPRESSED_SUFFIX}`, { signal: options.signal ?? null, cache: 'no-store' });
  if (!shipped.ok || !shipped.body) return new Response(null, { status: shipped.status || 502, statusText: shipped.statusText });
  const decoded = await decodedBody(counted(shipped.body, options.onWireBytes));
  return new Response(decoded, { headers: { 'Content-Type': contentTypeOf(href) } });
}

/**
 * Whether `answer` is the kept copy as the service worker serves it, not a host's page for an unknown
 * path: the service worker answers with the kept entry, whose Content-Type this module chose.
 */
function sameKind(answer: Response, kept: Response): boolean {
  return answer.headers.get('Content-Type') === kept.headers.get('Content-Type');
}

async function openToolchainCache(): Promise<Cache | undefined> {
  if (typeof caches === 'undefined') return undefined;
  // Refused in some private modes and opaque origins: then nothing is kept, and nothing breaks.
  return caches.open(TOOLCHAIN_CACHE).catch(() => undefined);
}

function counted(body: ReadableStream<Uint8Array>, onBytes: ((bytes: number) => void) | undefined): ReadableStream<Uint8Array> {
  if (!onBytes) return body;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
}

/** The body decoded: gunzipped if it starts with gzip's magic number, else as it came. */
async function decodedBody(body: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  // Chunks may be as small as one byte: read until the magic number can be told.
  while (headBytes < GZIP_MAGIC.length) {
    const { done, value } = await reader.read();
    if (done) break;
    head.push(value);
    headBytes += value.byteLength;
  }
  const first = concat(head);
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.byteLength > 0) controller.enqueue(first);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzipped = GZIP_MAGIC.every((byte, i) => first[i] === byte);
  return gzipped ? whole.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : whole;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function contentTypeOf(href: string): string {
  return new URL(href).pathname.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
}
