/**
 * browserCodeCache.ts's contract with @yowasp/clang, in Node's real fetch and WebAssembly: a .wasm
 * fetch hands back every byte (so @yowasp's progress stays true) tagged with its URL, and compiling
 * that copy yields the module compiled from the URL's own response; everything else is untouched.
 * (Whether Chromium then reuses the compiled code is measured by `npm run bench -- Chromium`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../../fixtures/servers/loopbackServer';

/** A module exporting `answer() -> 42`. */
const ANSWER_WASM = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7f, // types: () -> i32
  0x03,
  0x02,
  0x01,
  0x00, // functions: one of type 0
  0x07,
  0x0a,
  0x01,
  0x06,
  0x61,
  0x6e,
  0x73,
  0x77,
  0x65,
  0x72,
  0x00,
  0x00, // export "answer"
  0x0a,
  0x06,
  0x01,
  0x04,
  0x00,
  0x41,
  0x2a,
  0x0b, // code: i32.const 42
]);
const TAR_BYTES = new Uint8Array(5000).fill(9);

let server: LoopbackServer;
/** The URL of every response the engine's compileStreaming got ('' for a URL-less one). */
const compiledUrls: string[] = [];

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    if (req.url === '/llvm.core.wasm') return void res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(ANSWER_WASM);
    if (req.url === '/llvm-resources.tar') return void res.writeHead(200, { 'Content-Type': 'application/x-tar' }).end(TAR_BYTES);
    res.writeHead(404).end();
  });
  (globalThis as { self?: unknown }).self = { location: { href: `${server.url}/assets/clang.worker.js` } };
  const engineCompile = WebAssembly.compileStreaming.bind(WebAssembly);
  WebAssembly.compileStreaming = async (source) => {
    const response = await source;
    compiledUrls.push(response.url);
    return engineCompile(response);
  };
  await import('../../../../src/exec/clangCaches/browserCodeCache');
});

afterAll(() => server.close());

/** What @yowasp/clang does with a download: count its bytes through a stream, in a new Response. */
function countedLikeYowasp(response: Response, counter: { bytes: number }): Response {
  const counting = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      counter.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body!.pipeThrough(counting), response);
}

describe('browserCodeCache', () => {
  it('compiles a .wasm from its own response (the URL is the cache key), while @yowasp counts every byte of a copy', async () => {
    compiledUrls.length = 0;
    const counter = { bytes: 0 };
    const response = await fetch(`${server.url}/llvm.core.wasm`);
    const module = await WebAssembly.compileStreaming(countedLikeYowasp(response, counter));
    expect(counter.bytes).toBe(ANSWER_WASM.length);
    expect(compiledUrls).toEqual([`${server.url}/llvm.core.wasm`]);
    expect(WebAssembly.Module.exports(module)).toEqual([{ name: 'answer', kind: 'function' }]);
    const instance = await WebAssembly.instantiate(module);
    expect((instance.exports.answer as () => number)()).toBe(42);
  });

  it('passes other files, missing files and untagged responses through untouched', async () => {
    const tar = await fetch(`${server.url}/llvm-resources.tar`);
    expect(new Uint8Array(await tar.arrayBuffer())).toEqual(TAR_BYTES);
    expect((await fetch(`${server.url}/missing.wasm`)).status).toBe(404);
    const plain = new Response(ANSWER_WASM, { headers: { 'Content-Type': 'application/wasm' } });
    expect(WebAssembly.Module.exports(await WebAssembly.compileStreaming(plain))).toHaveLength(1);
  });
});
