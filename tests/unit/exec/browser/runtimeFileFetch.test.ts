/**
 * fetchRuntimeFile against a real HTTP server, with Node's own fetch and DecompressionStream: the
 * shipped `.gz` copy comes back decoded whichever way the host sends it (as a plain file, in
 * one-byte pieces, or with `Content-Encoding: gzip` so that fetch has decoded it already); the
 * progress counts the compressed bytes; a missing file keeps its status and a damaged one fails
 * instead of yielding wrong bytes. (Cache Storage and the service worker are covered in Chromium
 * by tests/e2e/offline.spec.ts.)
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRuntimeFile } from '../../../../src/exec/browser/runtimeFileFetch';
import { startLoopbackServer, type LoopbackServer } from '../../../fixtures/servers/loopbackServer';

const FILE = new Uint8Array(50_000).map((_, i) => (i * 7919) % 251);
const GZIPPED = gzipSync(FILE);

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    if (req.url === '/plain.wasm.gz') return void res.writeHead(200, { 'Content-Type': 'application/gzip' }).end(GZIPPED);
    if (req.url === '/encoded.tar.gz')
      return void res.writeHead(200, { 'Content-Type': 'application/x-tar', 'Content-Encoding': 'gzip' }).end(GZIPPED);
    if (req.url === '/trickle.bin.gz') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      // The magic number split over two packets, then the rest.
      res.write(GZIPPED.subarray(0, 1));
      setTimeout(() => res.end(GZIPPED.subarray(1)), 20);
      return;
    }
    if (req.url === '/damaged.bin.gz') return void res.writeHead(200).end(GZIPPED.subarray(0, GZIPPED.length >> 1));
    if (req.url === '/raw.bin') return void res.writeHead(200).end(FILE);
    res.writeHead(404).end();
  });
  (globalThis as { self?: unknown }).self = { location: { href: `${server.url}/` } };
});

afterAll(() => server.close());

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

describe('fetchRuntimeFile', () => {
  it('decodes the shipped copy however the host sends it, counting the compressed bytes', async () => {
    let wire = 0;
    const plain = await fetchRuntimeFile('plain.wasm', { compressed: true, onWireBytes: (n) => (wire += n) });
    expect(plain.headers.get('Content-Type')).toBe('application/wasm');
    expect(await bytesOf(plain)).toEqual(FILE);
    expect(wire).toBe(GZIPPED.length);
    expect(await bytesOf(await fetchRuntimeFile('encoded.tar', { compressed: true }))).toEqual(FILE);
    expect(await bytesOf(await fetchRuntimeFile('trickle.bin', { compressed: true }))).toEqual(FILE);
  });

  it('asks for the file itself where nothing is compressed (npm start), and reports a missing file by its status', async () => {
    expect(await bytesOf(await fetchRuntimeFile('raw.bin', { compressed: false }))).toEqual(FILE);
    expect((await fetchRuntimeFile('missing.wasm', { compressed: true })).status).toBe(404);
  });

  it('fails on a damaged copy rather than hand over wrong bytes', async () => {
    await expect(fetchRuntimeFile('damaged.bin', { compressed: true }).then(bytesOf)).rejects.toThrow();
  });
});
