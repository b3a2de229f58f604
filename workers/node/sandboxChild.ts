/**
 * Entry point of the Node judge's sandbox: a child process, one per submission, started under
 * Node's permission model (reads only this bundle and Pyodide's files; no writes, no processes,
 * no workers) and, where the OS allows, in a network namespace of its own (sandboxProcess.ts). It
 * runs either one Python program (Pyodide) or one compiled C++ program (our WASI runner) on the
 * tests the parent sends over IPC. Bundled to plain JavaScript by the parent before it starts.
 */
import { constants as fsConstants } from 'node:fs';
import { constants as osConstants } from 'node:os';
import * as Comlink from 'comlink';
import { processEndpoint } from '../../src/exec/node/processEndpoint';
import { PythonRunner } from '../../src/exec/runtime/pythonRunner';
import { runWasiProgram } from '../../src/exec/runtime/wasiProgram';
import type { SandboxChildApi } from '../../src/exec/node/sandboxChildApi';

lockDown();

let python: PythonRunner | undefined;
let program: { bytes: Uint8Array; module: WebAssembly.Module } | undefined;

const api: SandboxChildApi = {
  ready: () => true,
  async initPython({ harness, pyodideModuleUrl, indexURL, start = {} }) {
    const { loadPyodide } = (await import(pyodideModuleUrl)) as typeof import('pyodide');
    const snapshot = start.snapshot ? new Uint8Array(start.snapshot) : undefined;
    python = await PythonRunner.create(loadPyodide, {
      harness,
      load: { indexURL, jsglobals: {} },
      start: { ...(snapshot ? { snapshot } : {}), makeSnapshot: start.makeSnapshot === true },
    });
    const { from, snapshot: taken, snapshotError } = python.start;
    return { from, ...(taken ? { snapshot: taken.slice().buffer } : {}), ...(snapshotError ? { snapshotError } : {}) };
  },
  checkSyntax: (source) => pythonRunner().checkSyntax(source),
  run(code, stdin, limits, files) {
    if (typeof code === 'string') return pythonRunner().run(code, stdin, limits, files);
    const module = code instanceof WebAssembly.Module ? code : compiled(code);
    return runWasiProgram(module, { stdin, outputBytes: limits.outputBytes, memoryBytes: limits.memoryBytes, ...(files ? { files } : {}) });
  },
};

function pythonRunner(): PythonRunner {
  if (!python) throw new Error('sandbox child used for Python before initPython');
  return python;
}

/** The submission's binary, compiled once (the parent sends the same bytes for every test). */
function compiled(bytes: Uint8Array): WebAssembly.Module {
  if (!program || !sameBytes(program.bytes, bytes)) program = { bytes, module: new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>) };
  return program.module;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Defence in depth inside the boundary: the network entry points a program could reach by
 * escaping Python into JavaScript are removed, and `process.binding` answers only what Pyodide's
 * file-system layer asks of it (the permission model refuses the rest anyway).
 */
function lockDown(): void {
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) Reflect.deleteProperty(globalThis, name);
  const constants = { fs: fsConstants, os: osConstants };
  Object.defineProperty(process, 'binding', {
    value: (name: string) => {
      if (name === 'constants') return constants;
      throw new Error(`process.binding('${name}') is not available in the sandbox`);
    },
    configurable: false,
    writable: false,
  });
}

Comlink.expose(api, processEndpoint(process));
