/**
 * Node worker thread: clang (see CppCompilerApi), with the precompiled header cached on disk, and
 * compiled programs too when a folder is named for them (src/exec/clangCaches/nodeCompiledPrograms.ts).
 * Where a test run shares one clang among its processes (src/exec/clangCaches/nodeSharedClang.ts), this
 * thread hands its compiles to it and loads no clang of its own.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from '../../src/exec/node/nodeEndpoint';
import { commands } from '@yowasp/clang';
import { CppCompiler, type ClangCommand } from '../../src/exec/runtime/cppCompiler';
import type { CppCompilerApi } from '../../src/exec/workerApi';
import { diskPrebuiltStore } from '../../src/exec/clangCaches/nodePrebuiltStore';
import { COMPILED_DIR_ENV, keptCompiles } from '../../src/exec/clangCaches/nodeCompiledPrograms';
import { SHARED_CLANG_ENV, sharedClang } from '../../src/exec/clangCaches/nodeSharedClang';

function ownClang(): CppCompilerApi {
  const compiler = new CppCompiler(commands['clang++'] as unknown as ClangCommand, diskPrebuiltStore());
  const compiledDir = process.env[COMPILED_DIR_ENV];
  const compileFresh: typeof compiler.compile = (source, memoryBytes, files) => compiler.compile(source, memoryBytes, files);
  return { warmUp: () => compiler.warmUp(), compile: compiledDir ? keptCompiles(compileFresh, compiledDir) : compileFresh };
}

const sharedPath = process.env[SHARED_CLANG_ENV];
const clang = sharedPath ? sharedClang(sharedPath) : ownClang();

const api: CppCompilerApi = {
  warmUp: () => clang.warmUp(),
  compile: async (source, memoryBytes, files) => {
    const outcome = await clang.compile(source, memoryBytes, files);
    return outcome.wasm ? Comlink.transfer(outcome, [outcome.wasm.buffer as ArrayBuffer]) : outcome;
  },
};

Comlink.expose(api, nodeEndpoint(parentPort!));
