/**
 * Starting Pyodide, from scratch or from a memory snapshot. From scratch, CPython initialises
 * itself and imports its start-up modules: ~2.5 s of work in the browser, paid by every fresh
 * worker. A snapshot is the interpreter's memory right after such a start; loading it skips that
 * work (~0.2 s). A snapshot is taken before any program has run, in a worker no program has
 * touched, so it carries nothing from any submission; the page keeps it for later visits.
 *
 * Pyodide's snapshot options are marked experimental (`_makeSnapshot`, `_loadSnapshot`), so a
 * snapshot that fails to load — or loads but cannot run Python — is dropped and the interpreter
 * starts from scratch instead (taking a fresh snapshot), never failing the worker.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';

type PyodideAPI = Awaited<ReturnType<typeof LoadPyodide>>;
export type PyodideLoadOptions = NonNullable<Parameters<typeof LoadPyodide>[0]>;

/** Bump when what a start-up does changes (options, environment), so older snapshots are not used. */
export const PYODIDE_SNAPSHOT_FORMAT = 1;

export interface PyodideStartOptions {
  /** A snapshot from an earlier start-up with the same Pyodide and options. */
  snapshot?: Uint8Array;
  /** Take a snapshot right after start-up (also done when `snapshot` did not load). */
  makeSnapshot?: boolean;
}

interface PyodideStart extends PyodideStartInfo {
  pyodide: PyodideAPI;
}

export interface PyodideStartInfo {
  from: 'snapshot' | 'scratch';
  /** The snapshot taken, when one was asked for or the given one failed. */
  snapshot?: Uint8Array;
  /** Why the given snapshot was not used. */
  snapshotError?: string;
}

export async function startPyodide(
  loadPyodide: typeof LoadPyodide,
  load: PyodideLoadOptions,
  options: PyodideStartOptions,
): Promise<PyodideStart> {
  let snapshotError: string | undefined;
  if (options.snapshot) {
    try {
      const pyodide = await loadPyodide({ ...load, _loadSnapshot: options.snapshot });
      if (pyodide.runPython('6 * 7') !== 42) throw new Error('the restored interpreter does not compute');
      return { pyodide, from: 'snapshot' };
    } catch (error) {
      snapshotError = error instanceof Error ? error.message : String(error);
    }
  }
  const makeSnapshot = options.makeSnapshot === true || snapshotError !== undefined;
  const pyodide = await loadPyodide({ ...load, ...(makeSnapshot ? { _makeSnapshot: true } : {}) });
  const snapshot = makeSnapshot ? pyodide.makeMemorySnapshot() : undefined;
  return { pyodide, from: 'scratch', ...(snapshot ? { snapshot } : {}), ...(snapshotError ? { snapshotError } : {}) };
}
