/** Sandbox worker: runs compiled wasm32-wasi programs with our WASI subset (no files, no network). */
import { runWasiProgram } from '../../src/exec/runtime/wasiProgram';
import type { WasmRunnerApi } from '../../src/exec/workerApi';
import { removeNetworkAndStorage, serveOnPrivatePort } from '../../src/exec/browser/sandbox/privatePort';

const api: WasmRunnerApi = {
  ready: () => true,
  run: (program, stdin, limits, files) =>
    runWasiProgram(program instanceof WebAssembly.Module ? program : new WebAssembly.Module(program as Uint8Array<ArrayBuffer>), {
      stdin,
      outputBytes: limits.outputBytes,
      memoryBytes: limits.memoryBytes,
      ...(files ? { files } : {}),
    }),
};

serveOnPrivatePort(api);
removeNetworkAndStorage();
