/**
 * The C++ compiler worker: @yowasp/clang (real clang + lld as wasm, ~105 MB fetched from our own
 * origin on first use) compiling C++17 to wasm32-wasi. It runs on the page's origin, not in the
 * sandbox: it only compiles untrusted code, never runs it. The precompiled <bits/stdc++.h> comes
 * prebuilt with the site (built at `npm run build`, cached by the service worker like clang); in
 * dev it is built on first use and kept in Cache Storage.
 */
import * as Comlink from 'comlink';
import { commands } from '@yowasp/clang';
import { CppCompiler, type ClangCommand, type PchStore } from '../../src/exec/runtime/cppCompiler';
import type { CppCompilerApi } from '../../src/exec/workerApi';
import { prebuiltPchFile } from 'virtual:critique-pch';

const PCH_CACHE = 'critique-lab-pch';

const cacheStore: PchStore = {
  async load(key) {
    const hit = await (await caches.open(PCH_CACHE)).match(`/pch/${key}`);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : undefined;
  },
  async save(key, bytes) {
    const cache = await caches.open(PCH_CACHE);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(`/pch/${key}`, new Response(bytes as Uint8Array<ArrayBuffer>));
  },
};

/** The header the build made; its file name carries the key, so a stale one is never used. */
async function loadPrebuilt(key: string): Promise<Uint8Array | undefined> {
  if (!prebuiltPchFile || !prebuiltPchFile.startsWith(key.replace(/^stdcpp-pch-/, 'stdcpp-'))) return undefined;
  const response = await fetch(new URL(prebuiltPchFile, self.location.href));
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
}

const pchStore: PchStore = {
  load: async (key) => (await loadPrebuilt(key).catch(() => undefined)) ?? (typeof caches === 'undefined' ? undefined : cacheStore.load(key)),
  save: async (key, bytes) => (typeof caches === 'undefined' ? undefined : cacheStore.save(key, bytes)),
};

const compiler = new CppCompiler(commands['clang++'] as unknown as ClangCommand, pchStore);

const api: CppCompilerApi = {
  warmUp: (onProgress) => compiler.warmUp(onProgress),
  async compile(source, memoryBytes, files) {
    const outcome = await compiler.compile(source, memoryBytes, files);
    return outcome.wasm ? Comlink.transfer(outcome, [outcome.wasm.buffer as ArrayBuffer]) : outcome;
  },
};

Comlink.expose(api);
