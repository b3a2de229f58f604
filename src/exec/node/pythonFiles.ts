/** Where Node finds what a Pyodide interpreter needs: Pyodide's own files and our harness. */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed pyodide package's folder (a path ending in /), as loadPyodide's `indexURL`. */
export function pyodideIndexUrl(): string {
  return `${dirname(fileURLToPath(import.meta.resolve('pyodide')))}/`;
}

/** The text of pythonHarness.py (the browser bundles it as a raw import instead). */
export function readPythonHarness(): string {
  return readFileSync(new URL('../runtime/pythonHarness.py', import.meta.url), 'utf8');
}
