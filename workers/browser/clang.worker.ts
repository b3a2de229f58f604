/**
 * The C++ compiler worker: @yowasp/clang (real clang + lld as wasm, ~105 MB fetched from our own
 * origin on first use) compiling C++17 to wasm32-wasi. It runs on the page's origin, not in the
 * sandbox: it only compiles untrusted code, never runs it. The precompiled <bits/stdc++.h> it
 * builds on first use is kept in Cache Storage, so later visits compile fast from the start.
 */
import * as Comlink from 'comlink';
import { commands } from '@yowasp/clang';
import { CppCompiler, type ClangCommand, type PchStore } from '../../src/exec/runtime/cppCompiler';
import type { CppCompilerApi } from '../../src/exec/workerApi';

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

const compiler = new CppCompiler(commands['clang++'] as unknown as ClangCommand, typeof caches === 'undefined' ? undefined : cacheStore);

const api: CppCompilerApi = {
  warmUp: () => compiler.warmUp(),
  async compile(source, memoryBytes, files) {
    const outcome = await compiler.compile(source, memoryBytes, files);
    return outcome.wasm ? Comlink.transfer(outcome, [outcome.wasm.buffer as ArrayBuffer]) : outcome;
  },
};

Comlink.expose(api);
