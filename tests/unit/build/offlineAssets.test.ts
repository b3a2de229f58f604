/**
 * The offline manifest and the service worker's cache-on-use rule describe the same files: what
 * "Make available offline" downloads is exactly what the service worker later serves from cache.
 */
import { describe, expect, it } from 'vitest';
import { isRuntimeFile, offlineManifest, TOOLCHAIN_URL_PATTERN } from '../../../build/offlineAssets';

const BUILT = [
  'index.html',
  'assets/index-Cppi7sJP.js',
  'assets/clang.worker-Dag5q5bQ.js',
  'assets/llvm.core-CL0Hro1L.wasm',
  'assets/llvm.core2-BFcv-Hg7.wasm',
  'assets/llvm-resources-Dw9lbSQw.tar',
  'assets/stdcpp-pch-616539c6.bin',
  'assets/memory-guard-o-5d0c11ab.bin',
  'assets/sandbox-python-4cf91f66a8.js',
  'pyodide/314.0.7/pyodide.asm.wasm',
  'pyodide/314.0.7/python_stdlib.zip',
  'pyodide/314.0.7/pyodide-lock.json',
  'problems/aplusb/data/sample/1.in',
  'offline-assets.json',
  'assets/stdio-streams-o-3e8a90c1.bin',
].map((url, i) => ({ url, bytes: 1000 + i, wireBytes: 300 + i }));

describe('offline assets', () => {
  const manifest = offlineManifest(BUILT);
  const listed = manifest.groups.flatMap((g) => g.files.map((f) => f.url));

  it('lists the runtimes by language, with their sizes', () => {
    expect(manifest.groups.find((g) => g.id === 'python')!.files.map((f) => f.url)).toEqual([
      'pyodide/314.0.7/pyodide-lock.json',
      'pyodide/314.0.7/pyodide.asm.wasm',
      'pyodide/314.0.7/python_stdlib.zip',
    ]);
    expect(manifest.groups.find((g) => g.id === 'cpp')!.files.map((f) => f.url)).toEqual([
      'assets/llvm-resources-Dw9lbSQw.tar',
      'assets/llvm.core-CL0Hro1L.wasm',
      'assets/llvm.core2-BFcv-Hg7.wasm',
      'assets/memory-guard-o-5d0c11ab.bin',
      'assets/stdcpp-pch-616539c6.bin',
      'assets/stdio-streams-o-3e8a90c1.bin',
    ]);
    expect(manifest.groups[0]!.files[1]!.bytes).toBe(1009);
  });

  it('the service worker caches on use exactly the listed files, under any sub-path', () => {
    for (const { url } of BUILT) {
      const href = `https://school.example/classroom/critique-lab/${url}`;
      expect(TOOLCHAIN_URL_PATTERN.test(href), url).toBe(listed.includes(url));
    }
  });

  it("leaves the page's own download (a query string) and the compressed copies the page decodes to the page", () => {
    for (const url of listed) expect(TOOLCHAIN_URL_PATTERN.test(`https://host/${url}?offline-download`)).toBe(false);
    for (const url of listed) expect(TOOLCHAIN_URL_PATTERN.test(`https://host/${url}.gz`), url).toBe(false);
  });

  it('the build compresses exactly the listed files', () => {
    for (const { url } of BUILT) expect(isRuntimeFile(url), url).toBe(listed.includes(url));
  });
});
