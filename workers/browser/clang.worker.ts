/**
 * The C++ compiler worker: @yowasp/clang (real clang + lld as wasm, ~105 MB fetched from our own
 * origin on first use) compiling C++17 to wasm32-wasi. It runs on the page's origin, not in the
 * sandbox: it only compiles untrusted code, never runs it. The precompiled <bits/stdc++.h> and the
 * memory guard's object come prebuilt with the site (see src/exec/clangCaches/browserPrebuiltStore.ts); in dev they are
 * built on first use and kept in Cache Storage.
 */
import '../../src/exec/clangCaches/browserCodeCache'; // before @yowasp/clang: see there
import * as Comlink from 'comlink';
import { commands } from '@yowasp/clang';
import { prebuiltFiles } from 'virtual:critique-prebuilt-clang';
import { browserPrebuiltStore } from '../../src/exec/clangCaches/browserPrebuiltStore';
import { CppCompiler, type ClangCommand } from '../../src/exec/runtime/cppCompiler';
import type { CppCompilerApi } from '../../src/exec/workerApi';

const compiler = new CppCompiler(commands['clang++'] as unknown as ClangCommand, browserPrebuiltStore(prebuiltFiles, self.location.href));

const api: CppCompilerApi = {
  warmUp: (onProgress) => compiler.warmUp(onProgress),
  async compile(source, memoryBytes, files) {
    const outcome = await compiler.compile(source, memoryBytes, files);
    return outcome.wasm ? Comlink.transfer(outcome, [outcome.wasm.buffer as ArrayBuffer]) : outcome;
  },
};

Comlink.expose(api);
