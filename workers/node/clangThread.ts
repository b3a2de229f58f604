/** Node worker thread: clang (see CppCompilerApi), with the precompiled header cached on disk. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from '../../src/exec/node/nodeEndpoint';
import { commands } from '@yowasp/clang';
import { CppCompiler, type ClangCommand } from '../../src/exec/runtime/cppCompiler';
import type { CppCompilerApi } from '../../src/exec/workerApi';
import { diskPrebuiltStore } from '../../src/exec/clangCaches/nodePrebuiltStore';

const compiler = new CppCompiler(commands['clang++'] as unknown as ClangCommand, diskPrebuiltStore());

const api: CppCompilerApi = {
  warmUp: () => compiler.warmUp(),
  compile: async (source, memoryBytes, files) => {
    const outcome = await compiler.compile(source, memoryBytes, files);
    return outcome.wasm ? Comlink.transfer(outcome, [outcome.wasm.buffer as ArrayBuffer]) : outcome;
  },
};

Comlink.expose(api, nodeEndpoint(parentPort!));
