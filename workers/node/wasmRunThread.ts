/** Node worker thread: runs compiled wasm32-wasi programs (see WasmRunnerApi). */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from '../../src/exec/node/nodeEndpoint';
import { runWasiProgram } from '../../src/exec/runtime/wasiProgram';
import type { WasmRunnerApi } from '../../src/exec/workerApi';

const api: WasmRunnerApi = {
  ready: () => true,
  run: (program, stdin, limits) => runWasiProgram(program, { stdin, outputBytes: limits.outputBytes, memoryBytes: limits.memoryBytes }),
};

Comlink.expose(api, nodeEndpoint(parentPort!));
