/**
 * Pyodide's start-up snapshot kept in a file for the Node judge, when CRITIQUE_LAB_PYODIDE_SNAPSHOT_DIR
 * names a folder. The test run names one for its own duration: every test file's executor and every
 * CLI child process a test starts then share one start from scratch (~3 s of CPU here) instead of
 * paying one each, as a page's visits share the snapshot it keeps (browserSnapshotStore.ts). Off
 * otherwise: each executor takes its own, in memory.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PYODIDE_SNAPSHOT_FORMAT } from './pyodideStart';

export const SNAPSHOT_DIR_ENV = 'CRITIQUE_LAB_PYODIDE_SNAPSHOT_DIR';

function snapshotPath(dir: string): string {
  return join(dir, `pyodide-start-format-${PYODIDE_SNAPSHOT_FORMAT}.snapshot`);
}

/** The folder's snapshot, if one was kept there; undefined if none or unreadable (Pyodide then starts from scratch). */
export function readSnapshotFile(dir: string): ArrayBuffer | undefined {
  try {
    const bytes = readFileSync(snapshotPath(dir));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } catch {
    return undefined;
  }
}

/** Keeps `snapshot` in the folder, written by rename so another process never reads half of it; a failure only costs speed. */
export function writeSnapshotFile(dir: string, snapshot: ArrayBuffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${snapshotPath(dir)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, new Uint8Array(snapshot));
    renameSync(temp, snapshotPath(dir));
  } catch {
    // the next executor starts Pyodide from scratch, as without a folder
  }
}
