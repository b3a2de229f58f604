/**
 * Lets the browser keep compiled clang between page loads. Chromium caches the machine code of a
 * wasm module only when `WebAssembly.compileStreaming` gets the very Response a fetch of its URL
 * returned (the URL is the cache key). @yowasp/clang wraps every download in a new, URL-less
 * Response to count its bytes, so without this the 75 MB compiler would be compiled afresh — and
 * its functions compiled lazily again during the first compile — on every visit.
 *
 * So, in this worker only: a fetch of one of clang's files (its .wasm modules and .tar of headers
 * and libraries) goes through fetchRuntimeFile — the compressed copy the site ships, decoded, or
 * the decoded copy kept in Cache Storage, fetched by its URL — and for a .wasm file starts
 * `compileStreaming` on that response and hands @yowasp a copy of the bytes, tagged with the URL;
 * when @yowasp then asks to compile that copy, it is read to the end (so @yowasp's byte progress
 * stays true) and the module compiled from the response is returned. Anything else passes through
 * untouched. Must be imported before @yowasp/clang, which keeps a reference to `fetch` when it loads.
 */
import { fetchRuntimeFile } from '../browser/runtimeFileFetch';

const MODULE_URL_HEADER = 'x-critique-lab-module-url';
/** What @yowasp/clang fetches: its wasm modules and its resource archive. */
const CLANG_FILE = /\.(wasm|tar)$/;

const realFetch = globalThis.fetch.bind(globalThis);
const realCompileStreaming = WebAssembly.compileStreaming.bind(WebAssembly);
const compiledFromUrl = new Map<string, Promise<WebAssembly.Module>>();

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  const { pathname } = new URL(url, self.location.href);
  if (!CLANG_FILE.test(pathname)) return realFetch(input, init);
  const response = await fetchRuntimeFile(url, {
    compressed: import.meta.env.PROD,
    fetch: realFetch,
    ...(init?.signal ? { signal: init.signal } : {}),
  });
  if (!response.ok || !response.body || !pathname.endsWith('.wasm')) return response;
  const copy = response.clone();
  const compiled = realCompileStreaming(response);
  compiled.catch(() => undefined); // reported where @yowasp awaits it
  compiledFromUrl.set(url, compiled);
  const headers = new Headers(copy.headers);
  headers.set(MODULE_URL_HEADER, url);
  return new Response(copy.body, { status: copy.status, statusText: copy.statusText, headers });
};

WebAssembly.compileStreaming = async (source: Response | PromiseLike<Response>): Promise<WebAssembly.Module> => {
  const response = await source;
  const url = response.headers.get(MODULE_URL_HEADER);
  const compiled = url === null ? undefined : compiledFromUrl.get(url);
  if (!compiled) return realCompileStreaming(response);
  compiledFromUrl.delete(url!);
  await drain(response);
  return compiled;
};

/** Reads a body to its end without keeping it (the bytes only pass @yowasp's progress counter). */
async function drain(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  for (;;) {
    const { done } = await reader.read();
    if (done) return;
  }
}

export {};
