/**
 * Entry point of the Node judge's sandbox: a child process, one per submission, started under
 * Node's permission model (reads only this bundle and Pyodide's files; no writes, no processes,
 * no workers) and, where the OS allows, in a network namespace of its own (sandboxProcess.ts). It
 * runs either one Python program (Pyodide) or one compiled C++ program (our WASI runner) on the
 * tests the parent sends over IPC; Pyodide's start-up snapshot it reads from a file in the bundle's
 * folder. Bundled to plain JavaScript by the parent before it starts.
 */
import { constants as fsConstants, readFileSync } from 'node:fs';
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
    const { snapshot, readError } = readSnapshot(start.snapshotFile);
    python = await PythonRunner.create(loadPyodide, {
      harness,
      load: { indexURL, jsglobals: {} },
      // A snapshot that could not be read is replaced, as one that did not load is.
      start: { ...(snapshot ? { snapshot } : {}), makeSnapshot: start.makeSnapshot === true || readError !== undefined },
    });
    const { from, snapshot: taken } = python.start;
    const snapshotError = readError ?? python.start.snapshotError;
    return { from, ...(taken ? { snapshot: taken.slice().buffer } : {}), ...(snapshotError ? { snapshotError } : {}) };
  },
  checkSyntax: (source) => pythonRunner().checkSyntax(source),
  run(code, stdin, limits, files) {
    if (typeof code === 'string') return pythonRunner().run(code, stdin, limits, files);
    const module = code instanceof WebAssembly.Module ? code : compiled(code);
    return runWasiProgram(module, { stdin, outputBytes: limits.outputBytes, memoryBytes: limits.memoryBytes, ...(files ? { files } : {}) });
  },
};

function readSnapshot(file: string | undefined): { snapshot?: Uint8Array; readError?: string } {
  if (!file) return {};
  try {
    return { snapshot: new Uint8Array(readFileSync(file)) };
  } catch (error) {
    return { readError: `the start-up snapshot could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

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
