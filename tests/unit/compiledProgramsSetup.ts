/**
 * Vitest global setup: one clang for the whole unit run, one folder of the programs it compiled, and
 * one Pyodide start-up snapshot.
 *
 * - The folder (src/exec/clangCaches/nodeCompiledPrograms.ts): each C++ program several test files
 *   judge is compiled once.
 * - The clang (src/exec/clangCaches/nodeSharedClang.ts): a clang thread in this process, served on a Unix
 *   socket; every test file's executor and every CLI child process a test starts send their compiles
 *   to it, so V8 compiles and optimises clang's wasm once per run instead of once per process (a cold
 *   clang costs 2–3 s of CPU a compile, a warm one 0.3–0.9 s). tests/unit/exec/nodeExecutor.test.ts
 *   opts out, so a clang thread loading its own clang stays tested.
 * - The snapshot (src/exec/pyodideSnapshot/nodeSnapshotFile.ts): the first executor to start Python
 *   takes it, every later one (in any file or CLI child) starts from it, as a page's later visits
 *   do. tests/unit/exec/nodeExecutor.test.ts opts out, so its executor's first start is from scratch.
 *
 * Both are made fresh for every run and removed after it: no run sees another's binaries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { COMPILED_DIR_ENV } from '../../src/exec/clangCaches/nodeCompiledPrograms';
import { SHARED_CLANG_ENV, serveClang } from '../../src/exec/clangCaches/nodeSharedClang';
import { nodeEndpoint } from '../../src/exec/node/nodeEndpoint';
import { SNAPSHOT_DIR_ENV } from '../../src/exec/pyodideSnapshot/nodeSnapshotFile';
import type { CppCompilerApi } from '../../src/exec/workerApi';

/**
 * workers/node/clangThread.ts in a thread that registers tsx first, as src/exec/node/tsThread.ts
 * does. A global setup has no import.meta.resolve, and require finds tsx's CommonJS build, whose
 * register() looks for its loader in the wrong folder: the ES module build beside it is the one.
 */
function startClangThread(): Worker {
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('../../workers/node/clangThread.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, {
    eval: true,
  });
}

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'critique-lab-compiled-'));
  process.env[COMPILED_DIR_ENV] = dir;
  process.env[SNAPSHOT_DIR_ENV] = join(dir, 'pyodide');
  // The thread copies this process's environment now: it keeps programs in `dir` and, since the
  // shared clang's socket is named only below, loads clang itself.
  delete process.env[SHARED_CLANG_ENV];
  const thread = startClangThread();
  const clang = Comlink.wrap<CppCompilerApi>(nodeEndpoint(thread));
  // A clang thread that dies fails every compile after it at once, with the reason, instead of leaving them unanswered.
  const died = new Promise<never>((_, reject) => {
    thread.on('error', (error) => reject(new Error(`the shared clang died: ${error.message}`)));
    thread.on('exit', (code) => reject(new Error(`the shared clang exited (${code})`)));
  });
  died.catch(() => undefined);
  const socket = join(dir, 'clang.sock');
  const server = await serveClang(
    { warmUp: () => Promise.race([clang.warmUp(), died]), compile: (...args) => Promise.race([clang.compile(...args), died]) },
    socket,
  );
  process.env[SHARED_CLANG_ENV] = socket;
  // Loading clang and its prebuilt files starts now, while the first test files load.
  void clang.warmUp().catch(() => undefined);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    clang[Comlink.releaseProxy]();
    await thread.terminate();
    rmSync(dir, { recursive: true, force: true });
  };
}
