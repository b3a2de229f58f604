/**
 * Sandbox worker: one warm Pyodide interpreter (see PythonWorkerApi). Runs from a blob: URL in the
 * opaque-origin sandbox frame, so it cannot fetch anything: Pyodide's JS is bundled into this file,
 * and its wasm, standard library and lock file arrive as bytes from the frame, served to Pyodide
 * by a fetch stand-in for the duration of start-up. Python's `js` module is an empty object.
 */
import * as Comlink from 'comlink';
import { loadPyodide } from 'pyodide';
import createPyodideModule from 'pyodide/pyodide.asm.mjs';
import harness from '../../src/exec/runtime/pythonHarness.py?raw';
import { PythonRunner } from '../../src/exec/runtime/pythonRunner';
import type { PythonWorkerApi } from '../../src/exec/workerApi';
import { removeNetworkAndStorage, serveOnPrivatePort } from '../../src/exec/browser/sandbox/privatePort';

const ASSET_BASE = 'https://pyodide.invalid/';
let runner: PythonRunner | undefined;

const api: PythonWorkerApi = {
  async init({ interrupt, assets = {}, start = {} }) {
    const files = new Map(Object.entries(assets));
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      const name = url.startsWith(ASSET_BASE) ? url.slice(ASSET_BASE.length) : '';
      const bytes = files.get(name);
      if (!bytes) throw new TypeError(`the sandbox has no network (${url})`);
      return new Response(bytes, { headers: { 'Content-Type': name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
    }) as typeof fetch;
    try {
      runner = await PythonRunner.create(loadPyodide, {
        harness,
        ...(interrupt ? { interruptBuffer: interrupt } : {}),
        load: {
          indexURL: ASSET_BASE,
          lockFileContents: new TextDecoder().decode(files.get('lock') ?? new ArrayBuffer(0)),
          packageBaseUrl: ASSET_BASE,
          createPyodideModule: createPyodideModule as never,
          jsglobals: {},
        },
        start: {
          ...(start.snapshot ? { snapshot: new Uint8Array(start.snapshot) } : {}),
          ...(start.makeSnapshot ? { makeSnapshot: true } : {}),
        },
      });
    } finally {
      globalThis.fetch = realFetch;
    }
    removeNetworkAndStorage();
    const { from, snapshot, snapshotError } = runner.start;
    const started = { from, ...(snapshotError ? { snapshotError } : {}) };
    if (!snapshot) return started;
    const bytes = snapshot.slice().buffer; // its own buffer, to transfer
    return Comlink.transfer({ ...started, snapshot: bytes }, [bytes]);
  },
  checkSyntax: (source) => ready().checkSyntax(source),
  run: (source, stdin, limits, files) => ready().run(source, stdin, limits, files),
};

function ready(): PythonRunner {
  if (!runner) throw new Error('python worker used before init');
  return runner;
}

serveOnPrivatePort(api);
