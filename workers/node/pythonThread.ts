/** Node worker thread: one warm Pyodide interpreter behind comlink (see PythonWorkerApi). */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { nodeEndpoint } from '../../src/exec/node/nodeEndpoint';
import { loadPyodide } from 'pyodide';
import { PythonRunner } from '../../src/exec/runtime/pythonRunner';
import { pyodideIndexUrl, readPythonHarness } from '../../src/exec/node/pythonFiles';
import type { PythonWorkerApi } from '../../src/exec/workerApi';

let runner: PythonRunner | undefined;
const indexURL = pyodideIndexUrl();
const harness = readPythonHarness();

const api: PythonWorkerApi = {
  async init({ interrupt }) {
    // `import js` sees an empty object, not Node's globals (defence in depth; see docs/execution.md).
    runner = await PythonRunner.create(loadPyodide, { harness, ...(interrupt ? { interruptBuffer: interrupt } : {}), load: { indexURL, jsglobals: {} } });
  },
  checkSyntax: (source) => ready().checkSyntax(source),
  run: (source, stdin, limits) => ready().run(source, stdin, limits),
};

function ready(): PythonRunner {
  if (!runner) throw new Error('python worker used before init');
  return runner;
}

Comlink.expose(api, nodeEndpoint(parentPort!));
