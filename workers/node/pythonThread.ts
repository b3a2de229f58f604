/** Node worker thread: one warm Pyodide interpreter behind comlink (see PythonWorkerApi). */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from '../../src/exec/node/nodeEndpoint';
import { loadPyodide } from 'pyodide';
import { PythonRunner } from '../../src/exec/runtime/pythonRunner';
import type { PythonWorkerApi } from '../../src/exec/workerApi';

let runner: PythonRunner | undefined;
const indexURL = `${dirname(fileURLToPath(import.meta.resolve('pyodide')))}/`;

const api: PythonWorkerApi = {
  async init({ interrupt }) {
    // `import js` sees an empty object, not Node's globals (defence in depth; see docs/execution.md).
    runner = await PythonRunner.create(loadPyodide, { ...(interrupt ? { interruptBuffer: interrupt } : {}), load: { indexURL, jsglobals: {} } });
  },
  checkSyntax: (source) => ready().checkSyntax(source),
  run: (source, stdin, limits) => ready().run(source, stdin, limits),
};

function ready(): PythonRunner {
  if (!runner) throw new Error('python worker used before init');
  return runner;
}

Comlink.expose(api, nodeEndpoint(parentPort!));
